#include "timeformat.h"

#include <QTimeZone>

namespace vigil {

namespace {

void putDigits(char16_t *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

} // namespace

QString toStoredUtc(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime utc = dateTime.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    // Written digit by digit: every record and audit entry stores its times, and QDateTime's
    // format parser cost an import of 100,000 incidents a second.
    QString text(24, Qt::Uninitialized);
    auto *out = reinterpret_cast<char16_t *>(text.data());
    putDigits(out, date.year(), 4);
    *out++ = u'-';
    putDigits(out, date.month(), 2);
    *out++ = u'-';
    putDigits(out, date.day(), 2);
    *out++ = u'T';
    putDigits(out, time.hour(), 2);
    *out++ = u':';
    putDigits(out, time.minute(), 2);
    *out++ = u':';
    putDigits(out, time.second(), 2);
    *out++ = u'.';
    putDigits(out, time.msec(), 3);
    *out++ = u'Z';
    return text;
}

QDateTime fromStoredUtc(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    return dt.toUTC();
}

QString toStoredDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate fromStoredDate(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

QDate parseIsoDate(const QString &text)
{
    static const QString format = QStringLiteral("yyyy-MM-dd");
    if (text.size() != format.size())
        return {};
    return QDate::fromString(text, format);
}

} // namespace vigil
