#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "core/incidenttestsupport.h"
#include "core/risktestsupport.h"
#include "core/trainingtestsupport.h"
#include "demo/demo.h"
#include "kpi/dashboard.h"
#include "training/compliance.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

QDateTime at(int month, int day, int year = 2026)
{
    return QDateTime(QDate(year, month, day), QTime(9, 0));
}

QList<int> counts(const QList<KpiCount> &list)
{
    QList<int> n;
    for (const KpiCount &c : list)
        n.append(c.count);
    return n;
}

} // namespace

TEST_CASE("The compliance trend is the summary's percent on each day", "[kpi][dashboard][training]")
{
    TempDir dir;
    SECTION("a hand-built site: before anything, as records arrive and as they run out")
    {
        test::PinnedClock pinned;
        auto db = test::newDatabase(dir);
        test::TrainingSite site(*db);
        site.record(site.dana, site.induction, QDate(2025, 1, 10));
        site.record(site.dana, site.firstAid, QDate(2025, 1, 10));
        site.record(site.dana, site.conflict, QDate(2025, 4, 20)); // runs out 2026-04-20
        site.record(site.priya, site.cctv, QDate(2025, 6, 1));
        const QList<QDate> days {QDate(2024, 12, 31), QDate(2025, 1, 10), QDate(2025, 5, 31), QDate(2026, 4, 19),
            QDate(2026, 4, 20), QDate(2026, 4, 21), QDate(2026, 12, 31)};
        const QList<double> trend = Compliance(*db).percentOn(days);
        REQUIRE(trend.size() == days.size());
        for (qsizetype i = 0; i < days.size(); ++i) {
            INFO(days.at(i).toString(Qt::ISODate).toStdString());
            CHECK(trend.at(i) == Approx(Compliance(*db).summary(days.at(i)).percent));
        }
        CHECK(trend.at(4) > trend.at(5)); // the conflict course ran out on the 20th
        CHECK(Compliance(*db).percentOn({}).isEmpty());
    }
    SECTION("the demo site, with leavers, starters, failures and renewals, month by month")
    {
        const QString path = dir.path(QStringLiteral("demo.vigil"));
        DemoOptions options;
        options.today = QDate(2026, 11, 23);
        generateDemo(path, options);
        auto db = Database::open(path, OpenMode::ReadOnly);
        QList<QDate> days;
        for (QDate day = demoStartDate(options).addDays(-1); day < options.today; day = day.addMonths(1))
            days.append(QDate(day.year(), day.month(), day.daysInMonth()));
        const QList<double> trend = Compliance(*db).percentOn(days);
        REQUIRE(trend.size() == days.size());
        for (qsizetype i = 0; i < days.size(); ++i) {
            INFO(days.at(i).toString(Qt::ISODate).toStdString());
            CHECK(trend.at(i) == Approx(Compliance(*db).summary(days.at(i)).percent));
        }
    }
}

TEST_CASE("The dashboard reads twelve months of trends and the period's breakdowns", "[kpi][dashboard]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    FixedClock &clock = pinned.clock();

    // Incidents: two thefts and a fire in March, one theft in January, one in last year's April
    // (outside the twelve months to March).
    const auto incident = [&](const QDateTime &when, Severity severity, const QString &category) {
        clock.set(when.toUTC());
        Incident i = test::makeIncident(*db, QStringLiteral("Something happened"), category);
        i.occurredAt = when.toUTC();
        i.reportedAt = when.toUTC();
        i.severity = severity;
        IncidentRepository(*db).create(i);
    };
    incident(at(3, 2), Severity::Low, QStringLiteral("Theft"));
    incident(at(3, 5), Severity::High, QStringLiteral("Theft"));
    incident(at(3, 31), Severity::Critical, QStringLiteral("Fire"));
    incident(at(1, 15), Severity::Medium, QStringLiteral("Theft"));
    incident(at(3, 15, 2025), Severity::Low, QStringLiteral("Theft"));

    // Risks: rated in February; one re-rated in April, which March does not see.
    RiskRepository risks(*db);
    clock.set(at(2, 1).toUTC());
    const qint64 fence = risks.create(test::makeRisk(QStringLiteral("Fence cut"), 5, 5, 4, 4)).id;
    risks.create(test::makeRisk(QStringLiteral("Bikes stolen"), 3, 3, 1, 1));
    clock.set(at(4, 2).toUTC());
    Risk rerated = risks.load(fence);
    rerated.residual = {1, 1, -1};
    risks.save(rerated);

    // Actions: raised in January and February, one completed in March.
    ActionRepository actions(*db);
    const auto action = [&](const QDateTime &created, const QDate &completed) {
        clock.set(created.toUTC());
        CorrectiveAction a;
        a.description = QStringLiteral("Fix the fence");
        a.dueDate = created.date().addDays(30);
        if (completed.isValid()) {
            a.status = ActionStatus::Done;
            a.completedOn = completed;
        }
        return actions.create(a).id;
    };
    action(at(1, 10), {});
    const qint64 done = action(at(2, 10), {});
    action(at(3, 20), QDate(2026, 3, 20));
    clock.set(at(3, 25).toUTC());
    CorrectiveAction finished = actions.load(done);
    finished.status = ActionStatus::Done;
    finished.completedOn = QDate(2026, 3, 25);
    actions.save(finished);

    clock.set(at(5, 1).toUTC());
    const Period march = Period::month(2026, 3);
    const KpiDashboard d = computeDashboard(*db, march);
    CHECK(d.period == march);
    CHECK(!d.results.isEmpty());
    REQUIRE(d.months.size() == 12);
    CHECK(d.months.first() == Period::month(2025, 4));
    CHECK(d.months.last() == march);

    REQUIRE(d.incidentsBySeverity.size() == 12);
    CHECK(counts(d.incidentsBySeverity.at(11)) == QList<int> {1, 0, 1, 1}); // low, medium, high, critical
    CHECK(counts(d.incidentsBySeverity.at(9)) == QList<int> {0, 1, 0, 0});  // January
    int total = 0;
    for (const QList<KpiCount> &month : d.incidentsBySeverity)
        total += counts(month).at(0) + counts(month).at(1) + counts(month).at(2) + counts(month).at(3);
    CHECK(total == 4); // last year's March is outside

    REQUIRE(d.incidentsByCategory.size() == 2);
    CHECK(d.incidentsByCategory.at(0).label == QStringLiteral("Theft"));
    CHECK(d.incidentsByCategory.at(0).count == 2);
    CHECK(d.incidentsByCategory.at(1).label == QStringLiteral("Fire"));

    // As March ended: the fence still rated high residual, both risks inherently higher.
    const Risk fenceNow = risks.load(fence);
    REQUIRE(d.risksInherent.size() == d.risksResidual.size());
    int inherent = 0;
    int residual = 0;
    for (qsizetype level = 0; level < d.risksInherent.size(); ++level) {
        inherent += d.risksInherent.at(level).count;
        residual += d.risksResidual.at(level).count;
        CHECK(d.risksInherent.at(level).label == d.risksResidual.at(level).label);
    }
    CHECK(inherent == 2);
    CHECK(residual == 2);
    CHECK(d.risksResidual.at(fenceNow.residual.level).count == 1); // the bikes; the fence was still rated higher
    const KpiDashboard april = computeDashboard(*db, Period::month(2026, 4));
    CHECK(april.risksResidual.at(fenceNow.residual.level).count == 2); // re-rated, both low now
    CHECK(counts(d.risksInherent) == counts(april.risksInherent));

    REQUIRE(d.actions.size() == 12);
    CHECK(d.actions.at(9) == ActionMonth {1, 0, 1});  // January: raised, open at its end
    CHECK(d.actions.at(10) == ActionMonth {1, 0, 2}); // February
    CHECK(d.actions.at(11) == ActionMonth {1, 2, 1}); // March: two completed, January's still open
    REQUIRE(d.compliance.size() == 12);
    CHECK(d.compliance.last() == Approx(100.0)); // nobody needs anything: nothing missing
}

TEST_CASE("A cancelled dashboard request stops early", "[kpi][dashboard]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const std::atomic_bool cancelled {true};
    const KpiDashboard d = computeDashboard(*db, Period::month(2026, 3), &cancelled);
    CHECK(d.months.isEmpty());
    CHECK(d.compliance.isEmpty());
}
