#include "support/testsupport.h"

#include "base/clock.h"
#include "base/timeformat.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace vigil;

TEST_CASE("The installed clock decides what now and today are", "[clock]")
{
    const QDateTime real = Clock::current().nowUtc();
    CHECK(qAbs(real.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    {
        test::PinnedClock pinned(QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC));
        CHECK(Clock::current().nowUtc() == QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC));
        pinned.clock().advanceSeconds(1);
        CHECK(Clock::current().nowUtc().date() == QDate(2024, 3, 1));
        CHECK(Clock::current().today() == Clock::current().nowUtc().toLocalTime().date());
    }
    // Restored after the scope.
    CHECK(qAbs(Clock::current().nowUtc().secsTo(QDateTime::currentDateTimeUtc())) < 5);
}

TEST_CASE("A shifted system clock runs the program as of another day", "[clock]")
{
    const SystemClock shifted(-30);
    CHECK(shifted.nowUtc().daysTo(QDateTime::currentDateTimeUtc()) == 30);
}

TEST_CASE("Stored times are UTC ISO 8601 with milliseconds; dates are ISO", "[clock]")
{
    const QDateTime local(QDate(2026, 7, 1), QTime(14, 5, 6, 7), QTimeZone("Europe/Berlin"));
    CHECK(toStoredUtc(local) == QStringLiteral("2026-07-01T12:05:06.007Z"));
    CHECK(fromStoredUtc(QStringLiteral("2026-07-01T12:05:06.007Z")) == local);
    CHECK(toStoredDate(QDate(2026, 1, 9)) == QStringLiteral("2026-01-09"));
    CHECK(toStoredUtc(QDateTime()).isEmpty());

    CHECK(parseIsoDate(QStringLiteral("2028-02-29")) == QDate(2028, 2, 29));
    CHECK_FALSE(parseIsoDate(QStringLiteral("2026-02-29")).isValid());
    CHECK_FALSE(parseIsoDate(QStringLiteral("2026-02-30")).isValid());
    CHECK_FALSE(parseIsoDate(QStringLiteral("2026-2-3")).isValid());
    CHECK_FALSE(parseIsoDate(QStringLiteral("23/11/2026")).isValid());
}

TEST_CASE("Stored times are written exactly as Qt's format would write them", "[clock]")
{
    const auto qtFormat = [](const QDateTime &dt) { return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")); };
    for (const QDateTime &dt : {QDateTime(QDate(2026, 11, 24), QTime(9, 5, 7, 3), Qt::UTC),
             QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC), QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
             QDateTime(QDate(1970, 1, 1), QTime(0, 0, 0, 1), Qt::UTC), QDateTime(QDate(2026, 3, 29), QTime(2, 30), Qt::LocalTime),
             QDateTime(QDate(12000, 1, 1), QTime(12, 0), Qt::UTC)}) {
        INFO(dt.toString(Qt::ISODateWithMs).toStdString());
        CHECK(toStoredUtc(dt) == qtFormat(dt));
    }
    CHECK(toStoredUtc(QDateTime()).isEmpty());
}
