#pragma once

#include <QDateTime>

#include <memory>

namespace vigil {

// Every "now", "today" and "overdue" in Vigil asks the clock, so tests and demos can pin a date.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // The local calendar date at nowUtc().
    QDate today() const;

    static const Clock &current();
    // Installs a clock for the whole process; nullptr restores the system clock.
    static void install(std::shared_ptr<const Clock> clock);
};

class SystemClock final : public Clock
{
public:
    // offsetDays shifts the calendar, e.g. to run the window "as of" another day (--today).
    explicit SystemClock(qint64 offsetDays = 0);
    QDateTime nowUtc() const override;

private:
    qint64 m_offsetDays;
};

// A clock that only moves when told to.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime &now);
    QDateTime nowUtc() const override;
    void set(const QDateTime &now);
    void advanceSeconds(qint64 seconds);

private:
    QDateTime m_now;
};

// Installs a clock for the lifetime of the object and restores the previous one afterwards.
class ScopedClock
{
public:
    explicit ScopedClock(std::shared_ptr<const Clock> clock);
    ~ScopedClock();
    ScopedClock(const ScopedClock &) = delete;
    ScopedClock &operator=(const ScopedClock &) = delete;

private:
    std::shared_ptr<const Clock> m_previous;
};

} // namespace vigil
