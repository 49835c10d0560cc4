#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace vigil {

// A reporting period: a calendar month, quarter or year, or any range of whole days. Days are
// the site's local days; first and last are both in the period.
class Period
{
public:
    enum class Kind { Month, Quarter, Year, Custom };

    Period() = default;
    static Period month(int year, int month);
    static Period quarter(int year, int quarter);
    static Period year(int year);
    static Period custom(const QDate &first, const QDate &last);
    // The month, quarter or year containing day.
    static Period containing(Kind kind, const QDate &day);

    // "2026-03" (month), "2026-Q1" (quarter), "2026" (year); nothing when text is none of them.
    static std::optional<Period> parse(const QString &text);

    Kind kind() const { return m_kind; }
    QDate first() const { return m_first; }
    QDate last() const { return m_last; }
    bool isValid() const { return m_first.isValid() && m_last.isValid() && m_first <= m_last; }
    // The same period, but ending on day when day falls inside it: what "as at the period's
    // end" can mean for a period that has not ended yet.
    Period endingBy(const QDate &day) const;
    // The period just before, of the same kind (a custom range: as many days, just before).
    Period previous() const;
    // The text parse() reads back; a custom range as "YYYY-MM-DD..YYYY-MM-DD".
    QString key() const;
    // Bounds as stored timestamps (UTC text): from the start of first to the start of the day
    // after last, for half-open comparisons.
    QString startStored() const;
    QString endStored() const;

    bool operator==(const Period &) const = default;

private:
    Period(Kind kind, const QDate &first, const QDate &last)
        : m_kind(kind)
        , m_first(first)
        , m_last(last)
    {
    }
    Kind m_kind = Kind::Custom;
    QDate m_first;
    QDate m_last;
};

} // namespace vigil
