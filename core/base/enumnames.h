#pragma once

#include <QString>

#include <cstddef>

namespace vigil {

// A table entry tying an enum value to its stored key and its (untranslated) title; each
// module keeps one constexpr table per enum and looks values up with the helpers below.
template<typename Enum>
struct EnumName
{
    Enum value;
    const char *key;   // stored in the database and in exports: never translated, never changed
    const char *title; // marked with QT_TRANSLATE_NOOP in the module's context
};

template<typename Enum, std::size_t N>
const EnumName<Enum> &enumName(const EnumName<Enum> (&names)[N], Enum value)
{
    for (const EnumName<Enum> &name : names) {
        if (name.value == value)
            return name;
    }
    return names[0];
}

template<typename Enum, std::size_t N>
QString enumKey(const EnumName<Enum> (&names)[N], Enum value)
{
    return QLatin1String(enumName(names, value).key);
}

template<typename Enum, std::size_t N>
bool enumFromKey(const EnumName<Enum> (&names)[N], const QString &key, Enum *value)
{
    for (const EnumName<Enum> &name : names) {
        if (key == QLatin1String(name.key)) {
            *value = name.value;
            return true;
        }
    }
    return false;
}

} // namespace vigil
