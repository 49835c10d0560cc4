#pragma once

// What every fuzz target needs before its first input: a Qt application object (the SQLite
// driver is a plugin, text codecs and translations need one) and the C locale the tests use.

#include <QCoreApplication>
#include <QLocale>

#include <clocale>
#include <cstdlib>

namespace vigil::fuzz {

inline void initialise(int *argc, char ***argv)
{
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
    // Lives for the whole run (libFuzzer ends with exit(), never returning here); kept reachable
    // so it is no leak, and never destroyed while static objects are torn down.
    static auto *app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
}

} // namespace vigil::fuzz
