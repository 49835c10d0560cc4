#include "period.h"

#include "base/timeformat.h"

#include <QRegularExpression>

namespace vigil {

Period Period::month(int year, int month)
{
    const QDate first(year, month, 1);
    return Period(Kind::Month, first, first.addMonths(1).addDays(-1));
}

Period Period::quarter(int year, int quarter)
{
    const QDate first(year, (quarter - 1) * 3 + 1, 1);
    return Period(Kind::Quarter, first, first.addMonths(3).addDays(-1));
}

Period Period::year(int year)
{
    return Period(Kind::Year, QDate(year, 1, 1), QDate(year, 12, 31));
}

Period Period::custom(const QDate &first, const QDate &last)
{
    return Period(Kind::Custom, first, last);
}

Period Period::containing(Kind kind, const QDate &day)
{
    switch (kind) {
    case Kind::Month:
        return month(day.year(), day.month());
    case Kind::Quarter:
        return quarter(day.year(), (day.month() - 1) / 3 + 1);
    case Kind::Year:
        return year(day.year());
    case Kind::Custom:
        break;
    }
    return custom(day, day);
}

std::optional<Period> Period::parse(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})(?:-(?:(\\d{2})|[Qq]([1-4])))?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.captured(1).toInt();
    if (year < 1)
        return std::nullopt;
    if (!match.captured(2).isEmpty()) {
        const int month = match.captured(2).toInt();
        if (month < 1 || month > 12)
            return std::nullopt;
        return Period::month(year, month);
    }
    if (!match.captured(3).isEmpty())
        return Period::quarter(year, match.captured(3).toInt());
    return Period::year(year);
}

Period Period::endingBy(const QDate &day) const
{
    if (!day.isValid() || day < m_first || day >= m_last)
        return *this;
    return Period(m_kind, m_first, day);
}

Period Period::previous() const
{
    switch (m_kind) {
    case Kind::Month:
        return containing(Kind::Month, m_first.addMonths(-1));
    case Kind::Quarter:
        return containing(Kind::Quarter, m_first.addMonths(-3));
    case Kind::Year:
        return year(m_first.year() - 1);
    case Kind::Custom:
        break;
    }
    const qint64 days = m_first.daysTo(m_last) + 1;
    return custom(m_first.addDays(-days), m_first.addDays(-1));
}

QString Period::key() const
{
    switch (m_kind) {
    case Kind::Month:
        return m_first.toString(QStringLiteral("yyyy-MM"));
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(m_first.year()).arg((m_first.month() - 1) / 3 + 1);
    case Kind::Year:
        return QString::number(m_first.year());
    case Kind::Custom:
        break;
    }
    return QStringLiteral("%1..%2").arg(toStoredDate(m_first), toStoredDate(m_last));
}

QString Period::startStored() const
{
    return toStoredUtc(m_first.startOfDay());
}

QString Period::endStored() const
{
    return toStoredUtc(m_last.addDays(1).startOfDay());
}

} // namespace vigil
