#pragma once

// Pieces every importer shares (not part of the import API).
#include "base/error.h"
#include "import/importdates.h"
#include "import/importprofile.h"
#include "import/sourcetable.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil::importing {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Import)
};

// The file's value for a field, through the profile's value map, else its default.
class Reader
{
public:
    Reader(const SourceTable &table, const ImportProfile &profile)
        : m_profile(profile)
    {
        for (auto it = profile.columns.cbegin(); it != profile.columns.cend(); ++it) {
            if (it.value().isEmpty())
                continue;
            const qsizetype index = table.headers.indexOf(it.value());
            if (index < 0)
                throw Error(Text::tr("The file has no column '%1' (the profile reads %2 from it); its columns are: %3.")
                                .arg(it.value(), it.key(), table.headers.join(QStringLiteral(", "))));
            m_index.insert(it.key(), int(index));
        }
    }
    bool has(const QString &field) const { return m_index.contains(field); }
    QString header(const QString &field) const { return m_profile.columns.value(field, field); }
    QString raw(const QStringList &row, const QString &field) const
    {
        const int index = m_index.value(field, -1);
        return index >= 0 ? row.value(index).trimmed() : QString();
    }
    QString value(const QStringList &row, const QString &field) const
    {
        QString v = raw(row, field);
        const QHash<QString, QString> map = m_profile.values.value(field);
        if (map.contains(v))
            v = map.value(v);
        if (v.isEmpty())
            v = m_profile.defaults.value(field);
        return v;
    }

private:
    const ImportProfile &m_profile;
    QHash<QString, int> m_index;
};


// The profile's date format, or the one that reads every value of the date fields' columns;
// throws Error when the dates could be month first or day first.
inline DateFormat chooseDateFormat(const SourceTable &table, const ImportProfile &profile, const Reader &reader,
    const QStringList &dateFields)
{
    DateFormat format;
    if (profile.dateFormat != QLatin1String("auto")) {
        if (!dateFormatFromKey(profile.dateFormat, &format))
            throw Error(Text::tr("The profile's date format '%1' is none of iso, mdy, dmy, dotted, serial.").arg(profile.dateFormat));
        return format;
    }
    QStringList values;
    for (const QString &field : dateFields) {
        if (!reader.has(field))
            continue;
        for (const QStringList &row : table.rows)
            values.append(reader.raw(row, field));
    }
    const QList<DateFormat> fitting = dateFormatsFitting(values);
    if (fitting.contains(DateFormat::MonthFirst) && fitting.contains(DateFormat::DayFirst))
        throw Error(Text::tr("The dates could be month first (03/04/2025 is 4 March) or day first (3 April): say which "
                             "(date format mdy or dmy)."));
    // The first that reads them all; when none does, ISO, and each bad date is a problem.
    return fitting.value(0, DateFormat::Iso);
}


} // namespace vigil::importing
