#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

// How a column writes its dates (a time may follow any of them).
enum class DateFormat {
    Iso,        // 2026-02-18, 2026-02-18 21:43:32, 2026-02-18T21:43, 2026-02-18T21:43:00Z (UTC)
    MonthFirst, // 02/18/2026 01:03 AM (US)
    DayFirst,   // 18/02/2026 13:03
    Dotted,     // 18.02.2026
    Serial,     // a spreadsheet's day number: 46071.5 is 18 Feb 2026, noon
};
inline constexpr DateFormat allDateFormats[] = {DateFormat::Iso, DateFormat::MonthFirst, DateFormat::DayFirst,
    DateFormat::Dotted, DateFormat::Serial};
QString dateFormatKey(DateFormat format); // iso, mdy, dmy, dotted, serial
bool dateFormatFromKey(const QString &key, DateFormat *format);
QString dateFormatTitle(DateFormat format); // "MM/DD/YYYY (US)"

// The day and time the text says, in the site's local time; nothing when the text is not a
// date in that format (or names a day that does not exist, like 02/30/2026).
std::optional<QDateTime> parseImportDate(const QString &text, DateFormat format);

// The moment the text names, in UTC: a time marked Z is UTC, any other is read on the clock
// given (the site's local time, or UTC for files whose times are UTC without saying so).
std::optional<QDateTime> parseImportMoment(const QString &text, DateFormat format, Qt::TimeSpec unmarked);

// Every format that reads every non-empty value of a column. Two of them (03/04/2025 read as
// 4 March or as 3 April) means the user must say which; none means the column is not dates.
QList<DateFormat> dateFormatsFitting(const QStringList &values);

} // namespace vigil
