#include "importdates.h"

#include "base/enumnames.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Import)
};

constexpr EnumName<DateFormat> names[] = {
    {DateFormat::Iso, "iso", QT_TRANSLATE_NOOP("vigil::Import", "YYYY-MM-DD (ISO)")},
    {DateFormat::MonthFirst, "mdy", QT_TRANSLATE_NOOP("vigil::Import", "MM/DD/YYYY (month first, US)")},
    {DateFormat::DayFirst, "dmy", QT_TRANSLATE_NOOP("vigil::Import", "DD/MM/YYYY (day first)")},
    {DateFormat::Dotted, "dotted", QT_TRANSLATE_NOOP("vigil::Import", "DD.MM.YYYY")},
    {DateFormat::Serial, "serial", QT_TRANSLATE_NOOP("vigil::Import", "Spreadsheet day numbers")},
};

std::optional<QTime> timeOf(const QString &hours, const QString &minutes, const QString &seconds, const QString &meridiem)
{
    if (hours.isEmpty())
        return QTime(0, 0);
    int h = hours.toInt();
    if (!meridiem.isEmpty()) {
        if (h < 1 || h > 12)
            return std::nullopt;
        const bool pm = meridiem.startsWith(u'p', Qt::CaseInsensitive);
        h = (h % 12) + (pm ? 12 : 0);
    }
    const QTime t(h, minutes.toInt(), seconds.isEmpty() ? 0 : seconds.toInt());
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

// What a text says: a day and a time on a clock, and whether that clock is UTC (a Z). Kept
// apart from QDateTime until the zone is known: each local-time QDateTime asks the C library
// for the zone, which reads /etc/localtime's status every time.
struct WallClock
{
    QDate date;
    QTime time;
    bool utc = false;
};

std::optional<WallClock> at(int year, int month, int day, const std::optional<QTime> &time)
{
    const QDate date(year, month, day);
    if (!date.isValid() || !time)
        return std::nullopt;
    return WallClock {date, *time};
}

int fullYear(const QString &year)
{
    const int y = year.toInt();
    return year.size() == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

} // namespace

QString dateFormatKey(DateFormat format)
{
    return enumKey(names, format);
}

bool dateFormatFromKey(const QString &key, DateFormat *format)
{
    return enumFromKey(names, key, format);
}

QString dateFormatTitle(DateFormat format)
{
    return Text::tr(enumName(names, format).title);
}

namespace {

// YYYY-M(M)-D(D), then optionally T or a space, h(h):mm, optionally :ss with a fraction, and Z:
// read digit by digit (the import reads two of these a row, a regular expression took a
// microsecond each). Only ASCII digits count.
std::optional<WallClock> parseIso(QStringView text)
{
    qsizetype i = 0;
    const auto number = [&](int minDigits, int maxDigits, int *value) {
        int digits = 0;
        *value = 0;
        while (i < text.size() && digits < maxDigits && text[i] >= u'0' && text[i] <= u'9') {
            *value = *value * 10 + (text[i].unicode() - u'0');
            ++i;
            ++digits;
        }
        return digits >= minDigits;
    };
    const auto literal = [&](char16_t c) {
        if (i < text.size() && text[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    int year = 0, month = 0, day = 0;
    if (!number(4, 4, &year) || !literal(u'-') || !number(1, 2, &month) || !literal(u'-') || !number(1, 2, &day))
        return std::nullopt;
    std::optional<QTime> time = QTime(0, 0);
    bool utc = false;
    if (i < text.size()) {
        int hours = 0, minutes = 0, seconds = 0;
        if (!(literal(u'T') || literal(u' ')) || !number(1, 2, &hours) || !literal(u':') || !number(2, 2, &minutes))
            return std::nullopt;
        if (literal(u':')) {
            if (!number(2, 2, &seconds))
                return std::nullopt;
            if (literal(u'.')) {
                int fraction = 0;
                if (!number(1, 1, &fraction))
                    return std::nullopt;
                while (i < text.size() && text[i] >= u'0' && text[i] <= u'9')
                    ++i;
            }
        }
        utc = literal(u'Z');
        if (i != text.size())
            return std::nullopt;
        const QTime t(hours, minutes, seconds);
        time = t.isValid() ? std::optional<QTime>(t) : std::nullopt;
    }
    std::optional<WallClock> read = at(year, month, day, time);
    if (read)
        read->utc = utc;
    return read;
}

std::optional<WallClock> parseWallClock(const QString &input, DateFormat format)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    static const QRegularExpression slashed(QStringLiteral(
        "^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?$"));
    static const QRegularExpression dotted(QStringLiteral(
        "^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$"));
    static const QRegularExpression serial(QStringLiteral("^\\d{1,6}(?:\\.\\d+)?$"));
    switch (format) {
    case DateFormat::Iso:
        return parseIso(text);
    case DateFormat::MonthFirst:
    case DateFormat::DayFirst: {
        const QRegularExpressionMatch m = slashed.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        const int first = m.captured(1).toInt();
        const int second = m.captured(2).toInt();
        const bool monthFirst = format == DateFormat::MonthFirst;
        return at(fullYear(m.captured(3)), monthFirst ? first : second, monthFirst ? second : first,
            timeOf(m.captured(4), m.captured(5), m.captured(6), m.captured(7)));
    }
    case DateFormat::Dotted: {
        const QRegularExpressionMatch m = dotted.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        return at(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(),
            timeOf(m.captured(4), m.captured(5), m.captured(6), {}));
    }
    case DateFormat::Serial: {
        if (!serial.match(text).hasMatch())
            return std::nullopt;
        const double value = text.toDouble();
        // Day 1 is 1 January 1900, and day 60 the 29 February 1900 that never was: from day 61
        // on, counting from 30 December 1899 is right. Days before 1 March 1900 are refused.
        if (value < 61 || value > 2958465)
            return std::nullopt;
        const auto days = qint64(std::floor(value));
        const auto seconds = qint64(std::llround((value - double(days)) * 86400.0));
        // A serial day has no time zone: counted on a UTC clock, which has no gaps.
        const QDateTime clock = QDateTime(QDate(1899, 12, 30).addDays(days), QTime(0, 0), Qt::UTC).addSecs(seconds);
        return WallClock {clock.date(), clock.time()};
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<QDateTime> parseImportDate(const QString &input, DateFormat format)
{
    const std::optional<WallClock> read = parseWallClock(input, format);
    if (!read)
        return std::nullopt;
    // A time marked Z is UTC: the same moment in the site's time.
    if (read->utc)
        return QDateTime(read->date, read->time, Qt::UTC).toLocalTime();
    return QDateTime(read->date, read->time);
}

std::optional<QDateTime> parseImportMoment(const QString &input, DateFormat format, Qt::TimeSpec unmarked)
{
    const std::optional<WallClock> read = parseWallClock(input, format);
    if (!read)
        return std::nullopt;
    if (read->utc || unmarked == Qt::UTC)
        return QDateTime(read->date, read->time, Qt::UTC);
    return QDateTime(read->date, read->time).toUTC();
}

QList<DateFormat> dateFormatsFitting(const QStringList &values)
{
    QList<DateFormat> fitting;
    for (DateFormat format : allDateFormats) {
        bool any = false;
        bool all = true;
        for (const QString &value : values) {
            if (value.trimmed().isEmpty())
                continue;
            any = true;
            if (!parseWallClock(value, format)) {
                all = false;
                break;
            }
        }
        if (any && all)
            fitting.append(format);
    }
    return fitting;
}

} // namespace vigil
