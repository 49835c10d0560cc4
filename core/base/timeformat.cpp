#include "timeformat.h"

#include <QTimeZone>

namespace vigil {

QString toStoredUtc(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
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
