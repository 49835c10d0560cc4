#include "clock.h"

#include <QTimeZone>

namespace vigil {
namespace {

std::shared_ptr<const Clock> &installed()
{
    static std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

} // namespace

QDate Clock::today() const
{
    return nowUtc().toLocalTime().date();
}

const Clock &Clock::current()
{
    return *installed();
}

void Clock::install(std::shared_ptr<const Clock> clock)
{
    installed() = clock ? std::move(clock) : std::make_shared<SystemClock>();
}

SystemClock::SystemClock(qint64 offsetDays)
    : m_offsetDays(offsetDays)
{
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc().addDays(m_offsetDays);
}

FixedClock::FixedClock(const QDateTime &now)
    : m_now(now.toUTC())
{
}

QDateTime FixedClock::nowUtc() const
{
    return m_now;
}

void FixedClock::set(const QDateTime &now)
{
    m_now = now.toUTC();
}

void FixedClock::advanceSeconds(qint64 seconds)
{
    m_now = m_now.addSecs(seconds);
}

ScopedClock::ScopedClock(std::shared_ptr<const Clock> clock)
    : m_previous(installed())
{
    Clock::install(std::move(clock));
}

ScopedClock::~ScopedClock()
{
    Clock::install(std::move(m_previous));
}

} // namespace vigil
