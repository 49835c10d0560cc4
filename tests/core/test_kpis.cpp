#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "core/incidenttestsupport.h"
#include "core/kpitestsupport.h"
#include "core/risktestsupport.h"
#include "core/trainingtestsupport.h"
#include "kpi/kpiengine.h"
#include "storage/query.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::builtIn;
using vigil::test::TempDir;

namespace {

// Local wall-clock times: periods are the site's days.
QDateTime at(int month, int day, int hour = 8, int minute = 0, int year = 2026)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute));
}

// An incident that occurred and was reported at `reported`, created with the clock there.
qint64 report(Database &db, FixedClock &clock, const QDateTime &reported, Severity severity = Severity::Medium,
    const QString &category = QStringLiteral("Theft"))
{
    clock.set(reported.toUTC());
    Incident incident = test::makeIncident(db, QStringLiteral("Something happened"), category);
    incident.occurredAt = reported.toUTC();
    incident.reportedAt = reported.toUTC();
    incident.severity = severity;
    return IncidentRepository(db).create(incident).id;
}

void setStatus(Database &db, FixedClock &clock, qint64 id, IncidentStatus to, const QDateTime &when)
{
    clock.set(when.toUTC());
    IncidentRepository(db).changeStatus(id, to, QStringLiteral("test"), QStringLiteral("Door left open"),
        QStringLiteral("Check doors on every round"));
}

double hours(const QDateTime &from, const QDateTime &to)
{
    return double(from.secsTo(to)) / 3600.0;
}

// Hours come from SQLite's julianday arithmetic: equal to well within a second.
void requireHours(const QList<double> &actual, const QList<double> &expected)
{
    INFO("actual " << QStringList([&] {
        QStringList texts;
        for (double h : actual)
            texts.append(QString::number(h));
        return texts;
    }()).join(u' ').toStdString());
    REQUIRE(actual.size() == expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i)
        CHECK(actual.at(i) == Approx(expected.at(i)).margin(0.001));
}

} // namespace

TEST_CASE("Periods: months, quarters and years parse, print back and step back", "[kpi]")
{
    const auto march = Period::parse(QStringLiteral("2026-03"));
    REQUIRE(march);
    CHECK(march->kind() == Period::Kind::Month);
    CHECK(march->first() == QDate(2026, 3, 1));
    CHECK(march->last() == QDate(2026, 3, 31));
    CHECK(march->key() == QStringLiteral("2026-03"));
    CHECK(march->previous() == Period::month(2026, 2));
    CHECK(Period::month(2026, 1).previous() == Period::month(2025, 12));
    CHECK(Period::month(2024, 2).last() == QDate(2024, 2, 29));

    const auto q1 = Period::parse(QStringLiteral("2026-Q1"));
    REQUIRE(q1);
    CHECK(q1->kind() == Period::Kind::Quarter);
    CHECK(q1->first() == QDate(2026, 1, 1));
    CHECK(q1->last() == QDate(2026, 3, 31));
    CHECK(q1->key() == QStringLiteral("2026-Q1"));
    CHECK(q1->previous() == Period::quarter(2025, 4));
    CHECK(q1->previous().last() == QDate(2025, 12, 31));
    CHECK(Period::parse(QStringLiteral("2026-q3"))->first() == QDate(2026, 7, 1));

    const auto year = Period::parse(QStringLiteral("2026"));
    REQUIRE(year);
    CHECK(year->kind() == Period::Kind::Year);
    CHECK(year->first() == QDate(2026, 1, 1));
    CHECK(year->last() == QDate(2026, 12, 31));
    CHECK(year->previous().key() == QStringLiteral("2025"));

    for (const char *bad : {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-01", "2026-1", "", "March", "2026-03-01"})
        CHECK_FALSE(Period::parse(QLatin1String(bad)));

    // A custom range steps back by as many days, just before it.
    const Period week = Period::custom(QDate(2026, 3, 2), QDate(2026, 3, 8));
    CHECK(week.previous() == Period::custom(QDate(2026, 2, 23), QDate(2026, 3, 1)));
    CHECK(Period::containing(Period::Kind::Quarter, QDate(2026, 8, 15)) == Period::quarter(2026, 3));
    // Bounds are half open: the start of the first day to the start of the day after the last.
    CHECK(march->startStored() < march->endStored());
    CHECK(march->endStored() == Period::month(2026, 4).startStored());
}

TEST_CASE("KPI status: red, amber, green against the target in either direction", "[kpi]")
{
    Kpi higher;
    higher.direction = KpiDirection::HigherIsBetter;
    higher.target = 90;
    higher.amberBand = 5;
    CHECK(kpiStatus(higher, 95) == KpiStatus::Green);
    CHECK(kpiStatus(higher, 90) == KpiStatus::Green);
    CHECK(kpiStatus(higher, 87) == KpiStatus::Amber);
    CHECK(kpiStatus(higher, 85) == KpiStatus::Amber);
    CHECK(kpiStatus(higher, 84.9) == KpiStatus::Red);
    CHECK(kpiStatus(higher, std::nullopt) == KpiStatus::Unknown);

    Kpi lower;
    lower.direction = KpiDirection::LowerIsBetter;
    lower.target = 5;
    lower.amberBand = 2;
    CHECK(kpiStatus(lower, 0) == KpiStatus::Green);
    CHECK(kpiStatus(lower, 5) == KpiStatus::Green);
    CHECK(kpiStatus(lower, 6) == KpiStatus::Amber);
    CHECK(kpiStatus(lower, 7) == KpiStatus::Amber);
    CHECK(kpiStatus(lower, 7.5) == KpiStatus::Red);

    // No band: anything short of the target is red. No target: nothing to judge.
    lower.amberBand = 0;
    CHECK(kpiStatus(lower, 5.01) == KpiStatus::Red);
    lower.target.reset();
    CHECK(kpiStatus(lower, 1) == KpiStatus::Unknown);
}

TEST_CASE("A new file has the built-in KPIs, audited, and every one computes on an empty site", "[kpi]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const QList<Kpi> kpis = activeKpis(*db);
    REQUIRE(kpis.size() == 15);
    CHECK(kpis.first().key == QLatin1String(KpiKey::IncidentsTotal));
    int manual = 0;
    for (const Kpi &kpi : kpis) {
        CHECK(kpi.target.has_value());
        CHECK_FALSE(kpi.key.isEmpty());
        manual += kpi.source == KpiSource::Manual;
    }
    CHECK(manual == 3);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log a JOIN kpis k ON k.uuid = a.record_uuid"))
              .toInt()
        == 15);

    const KpiEngine engine(*db);
    const Period march = Period::month(2026, 3);
    CHECK(engine.incidentsTotal(march) == 0);
    CHECK_FALSE(engine.meanHoursToClose(march));
    CHECK_FALSE(engine.p90HoursToClose(march));
    CHECK_FALSE(engine.closedWithinTargetPercent(march));
    CHECK(engine.openHighRisks(march) == 0);
    CHECK(engine.actionsOpen(march) == 0);
    CHECK_FALSE(engine.actionsClosedOnTimePercent(march));
    CHECK(engine.trainingCompliancePercent(march) == 100.0);
    for (const KpiResult &r : engine.results(march)) {
        INFO(r.kpi.key.toStdString());
        if (r.kpi.source == KpiSource::Manual)
            CHECK(r.status == KpiStatus::Unknown);
        else if (r.value)
            CHECK(r.status != KpiStatus::Unknown);
    }
    test::requireHealthy(*db);
}

TEST_CASE("Incidents count in the period they occurred in, by severity and category", "[kpi][incidents]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    FixedClock &clock = pinned.clock();
    report(*db, clock, at(2, 28, 23, 59), Severity::Low);
    report(*db, clock, at(3, 1, 0, 0), Severity::High);
    report(*db, clock, at(3, 15), Severity::Critical, QStringLiteral("Vandalism / criminal damage"));
    report(*db, clock, at(3, 31, 23, 59), Severity::Medium);
    report(*db, clock, at(4, 1, 0, 0), Severity::Medium);

    const KpiEngine engine(*db);
    const Period march = Period::month(2026, 3);
    CHECK(engine.incidentsTotal(Period::month(2026, 2)) == 1);
    CHECK(engine.incidentsTotal(march) == 3);
    CHECK(engine.incidentsTotal(Period::month(2026, 4)) == 1);
    CHECK(engine.incidentsTotal(Period::month(2026, 5)) == 0);
    CHECK(engine.incidentsTotal(Period::quarter(2026, 1)) == 4);
    CHECK(engine.incidentsTotal(Period::year(2026)) == 5);
    CHECK(engine.seriousIncidents(march) == 2);

    const QList<KpiCount> severities = engine.incidentsBySeverity(march);
    REQUIRE(severities.size() == 4);
    CHECK(severities.at(0).key == QStringLiteral("low"));
    CHECK(severities.at(0).count == 0);
    CHECK(severities.at(1).count == 1);
    CHECK(severities.at(2).count == 1);
    CHECK(severities.at(3).count == 1);

    const QList<KpiCount> categories = engine.incidentsByCategory(march);
    REQUIRE(categories.size() == 2);
    CHECK(categories.at(0).label == QStringLiteral("Theft"));
    CHECK(categories.at(0).count == 2);
    CHECK(categories.at(1).count == 1);
    CHECK(engine.incidentsByCategory(Period::month(2026, 5)).isEmpty());

    // The KPI result carries the previous period for comparison, and its status.
    const KpiResult total = engine.result(builtIn(*db, KpiKey::IncidentsTotal), march);
    CHECK(total.value == 3.0);
    CHECK(total.previous == 1.0);
    CHECK(total.status == KpiStatus::Green);
    CHECK(total.target == 20.0);
    // Counts of incidents are targeted per month: a quarter or a year has that many months' worth;
    // levels and shares keep their target.
    const KpiResult year = engine.result(builtIn(*db, KpiKey::IncidentsTotal), Period::year(2026));
    CHECK(year.target.value() == Approx(240.0));
    CHECK(year.amberBand == Approx(60.0));
    CHECK(year.status == KpiStatus::Green);
    CHECK(engine.result(builtIn(*db, KpiKey::IncidentsSerious), Period::quarter(2026, 1)).target.value() == Approx(3.0));
    CHECK(engine.result(builtIn(*db, KpiKey::ActionsOverdue), Period::year(2026)).target == 0.0);
    CHECK(engine.result(builtIn(*db, KpiKey::TrainingCompliance), Period::year(2026)).target == 95.0);
    const KpiResult serious = engine.result(builtIn(*db, KpiKey::IncidentsSerious), march);
    CHECK(serious.status == KpiStatus::Amber); // target 1, amber band 1
    CHECK(serious.previousStatus == KpiStatus::Green);
}

TEST_CASE("Time to close counts closes that stood at the period's end, across period ends and reopens",
    "[kpi][incidents]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    FixedClock &clock = pinned.clock();
    // A: closed a day after its report.
    const qint64 a = report(*db, clock, at(3, 1));
    setStatus(*db, clock, a, IncidentStatus::Closed, at(3, 2));
    // B: closed, reopened in the same month, closed again in April.
    const qint64 b = report(*db, clock, at(3, 3));
    setStatus(*db, clock, b, IncidentStatus::Closed, at(3, 4));
    setStatus(*db, clock, b, IncidentStatus::Investigating, at(3, 10));
    setStatus(*db, clock, b, IncidentStatus::Closed, at(4, 2));
    // C: closed at the end of March after 26 days, reopened in April and left open.
    const qint64 c = report(*db, clock, at(3, 5));
    setStatus(*db, clock, c, IncidentStatus::Resolved, at(3, 20));
    setStatus(*db, clock, c, IncidentStatus::Closed, at(3, 31));
    setStatus(*db, clock, c, IncidentStatus::Investigating, at(4, 5));
    // D: reported in February, closed in March: spans the month's start.
    const qint64 d = report(*db, clock, at(2, 27));
    setStatus(*db, clock, d, IncidentStatus::Closed, at(3, 3));

    const KpiEngine engine(*db);
    const double hoursA = hours(at(3, 1), at(3, 2));
    const double hoursB = hours(at(3, 3), at(4, 2));
    const double hoursC = hours(at(3, 5), at(3, 31));
    const double hoursD = hours(at(2, 27), at(3, 3));
    const Period march = Period::month(2026, 3);
    requireHours(engine.hoursToClose(march), {hoursA, hoursD, hoursC});
    CHECK(engine.meanHoursToClose(march).value() == Approx((hoursA + hoursC + hoursD) / 3));
    CHECK(engine.p90HoursToClose(march).value() == Approx(hoursC));
    CHECK(engine.closedWithinTargetPercent(march).value() == Approx(200.0 / 3.0));

    const Period april = Period::month(2026, 4);
    requireHours(engine.hoursToClose(april), {hoursB});
    CHECK(engine.closedWithinTargetPercent(april).value() == Approx(0.0));
    CHECK_FALSE(engine.meanHoursToClose(Period::month(2026, 2)));

    requireHours(engine.hoursToClose(Period::quarter(2026, 1)), {hoursA, hoursD, hoursC});
    requireHours(engine.hoursToClose(Period::quarter(2026, 2)), {hoursB});
    // Over the year, B's first close was undone by its reopen and C's close by its own.
    requireHours(engine.hoursToClose(Period::year(2026)), {hoursA, hoursD, hoursB});

    // An undone close is no close.
    const qint64 e = report(*db, clock, at(5, 1));
    clock.set(at(5, 2).toUTC());
    const StatusChange change = IncidentRepository(*db).changeStatus(e, IncidentStatus::Closed, QStringLiteral("test"),
        QStringLiteral("cause"), QStringLiteral("lesson"));
    clock.set(at(5, 3).toUTC());
    IncidentRepository(*db).undoStatusChange(change);
    CHECK(engine.hoursToClose(Period::month(2026, 5)).isEmpty());

    const KpiResult mean = engine.result(builtIn(*db, KpiKey::MeanHoursToClose), april);
    CHECK(mean.value.value() == Approx(hoursB));
    CHECK(mean.status == KpiStatus::Red);
    CHECK(mean.previous.value() == Approx((hoursA + hoursC + hoursD) / 3));
    CHECK(mean.previousStatus == KpiStatus::Red);
    test::requireHealthy(*db);
}

TEST_CASE("Open risks by residual level and past review, as at the period's end", "[kpi][risks]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    FixedClock &clock = pinned.clock();
    RiskRepository risks(*db);
    clock.set(at(3, 10).toUTC());
    Risk low = test::makeRisk(QStringLiteral("Bikes stolen"), 3, 3, 1, 1);
    low.reviewDate = QDate(2026, 3, 20);
    risks.create(low);
    risks.create(test::makeRisk(QStringLiteral("Fence cut"), 5, 5, 4, 4));
    const qint64 extreme = risks.create(test::makeRisk(QStringLiteral("Arson"), 5, 5, 5, 5)).id;
    clock.set(at(4, 10).toUTC());
    risks.retire(extreme, QStringLiteral("Building demolished"));

    const KpiEngine engine(*db);
    const Period march = Period::month(2026, 3);
    const QList<KpiCount> levels = engine.openRisksByLevel(march, RatingKind::Residual);
    REQUIRE(levels.size() == 4);
    CHECK(levels.at(0).count == 1);
    CHECK(levels.at(1).count == 0);
    CHECK(levels.at(2).count == 1);
    CHECK(levels.at(3).count == 1);
    CHECK(engine.openHighRisks(march) == 2);
    CHECK(engine.openHighRisks(Period::month(2026, 2)) == 0); // not yet there
    CHECK(engine.openHighRisks(Period::month(2026, 4)) == 1); // retired in April
    CHECK(engine.risksPastReview(march) == 1);
    CHECK(engine.risksPastReview(Period::month(2026, 2)) == 0);
    CHECK(engine.risksPastReview(Period::custom(QDate(2026, 3, 1), QDate(2026, 3, 19))) == 0);
    CHECK(engine.risksPastReview(Period::custom(QDate(2026, 3, 1), QDate(2026, 3, 20))) == 1);
}

TEST_CASE("Corrective actions open, overdue and closed on time, as at the period's end", "[kpi][actions]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    FixedClock &clock = pinned.clock();
    ActionRepository actions(*db);
    // Completed ones are entered on the day they are completed (a completion cannot be in the future).
    const auto add = [&](const QDateTime &created, const QDate &due, const QDate &completed) {
        clock.set(created.toUTC());
        CorrectiveAction action;
        action.description = QStringLiteral("Fix the fence");
        action.dueDate = due;
        if (completed.isValid()) {
            action.status = ActionStatus::Done;
            action.completedOn = completed;
        }
        return actions.create(action).id;
    };
    add(at(3, 10), QDate(2026, 3, 15), QDate(2026, 3, 10)); // on time
    add(at(3, 20), QDate(2026, 3, 15), QDate(2026, 3, 20)); // late
    add(at(3, 1), QDate(2026, 3, 20), {});                  // open, overdue from the 21st
    add(at(4, 1), {}, {});                                  // open, no due date

    const KpiEngine engine(*db);
    const Period march = Period::month(2026, 3);
    CHECK(engine.actionsOpen(Period::month(2026, 2)) == 0);
    CHECK(engine.actionsOpen(march) == 1);
    CHECK(engine.actionsOverdue(march) == 1);
    CHECK(engine.actionsOverdue(Period::custom(QDate(2026, 3, 1), QDate(2026, 3, 14))) == 0);
    CHECK(engine.actionsOpen(Period::custom(QDate(2026, 3, 1), QDate(2026, 3, 14))) == 1);
    CHECK(engine.actionsClosedOnTimePercent(march).value() == Approx(50.0));
    const Period april = Period::month(2026, 4);
    CHECK(engine.actionsOpen(april) == 2);
    CHECK(engine.actionsOverdue(april) == 1);
    CHECK_FALSE(engine.actionsClosedOnTimePercent(april));

    const KpiResult onTime = engine.result(builtIn(*db, KpiKey::ActionsClosedOnTime), april);
    CHECK(onTime.status == KpiStatus::Unknown);
    CHECK(onTime.previous.value() == Approx(50.0));
    CHECK(onTime.previousStatus == KpiStatus::Red);
}

TEST_CASE("Training KPIs are the compliance summary at the period's end", "[kpi][training]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 6, 1), QTime(9, 30), Qt::UTC));
    auto db = test::newDatabase(dir);
    test::TrainingSite site(*db);
    site.record(site.dana, site.induction, QDate(2025, 1, 10));
    site.record(site.dana, site.firstAid, QDate(2025, 1, 10));
    site.record(site.dana, site.conflict, QDate(2025, 4, 20)); // runs out 2026-04-20
    site.record(site.priya, site.cctv, QDate(2025, 6, 1));

    const KpiEngine engine(*db);
    for (const Period &period : {Period::month(2026, 3), Period::month(2026, 5), Period::year(2025)}) {
        const ComplianceSummary summary = Compliance(*db).summary(period.last());
        CHECK(engine.trainingCompliancePercent(period) == Approx(summary.percent));
        CHECK(engine.certificationsExpiring(period) == summary.expiring);
    }
    CHECK(engine.certificationsExpiring(Period::month(2026, 3)) == 1); // Dana's conflict management
    CHECK(engine.trainingCompliancePercent(Period::month(2026, 5))
        < engine.trainingCompliancePercent(Period::month(2026, 3)));

    // A period not over yet is read as of today, not as of its last day to come.
    pinned.clock().set(QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC));
    const KpiEngine midMarch(*db);
    CHECK(Compliance(*db).summary(QDate(2026, 3, 31)).expiring == 1);
    CHECK(midMarch.certificationsExpiring(Period::month(2026, 3)) == Compliance(*db).summary(QDate(2026, 3, 14)).expiring);
    CHECK(midMarch.certificationsExpiring(Period::month(2026, 3)) == 0); // 20 April is more than 30 days off
}

TEST_CASE("Manual KPIs read the value entered for their period; none is unknown", "[kpi][manual]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const Kpi patrols = builtIn(*db, KpiKey::PatrolsCompleted);
    const Kpi audit = builtIn(*db, KpiKey::AuditScore);
    KpiValueRepository values(*db);
    values.setValue(patrols.id, QDate(2026, 3, 1), 96, QStringLiteral("two rounds missed in the storm"));
    values.setValue(patrols.id, QDate(2026, 2, 1), 99);
    values.setValue(audit.id, QDate(2026, 1, 1), 92);

    const KpiEngine engine(*db);
    const KpiResult march = engine.result(patrols, Period::month(2026, 3));
    CHECK(march.value == 96.0);
    CHECK(march.status == KpiStatus::Amber); // target 98, amber band 3
    CHECK(march.previous == 99.0);
    CHECK(march.previousStatus == KpiStatus::Green);
    CHECK(values.note(patrols.id, QDate(2026, 3, 1)) == QStringLiteral("two rounds missed in the storm"));

    const KpiResult april = engine.result(patrols, Period::month(2026, 4));
    CHECK_FALSE(april.value);
    CHECK(april.status == KpiStatus::Unknown);
    // A monthly value has no one value for a quarter.
    CHECK_FALSE(engine.value(patrols, Period::quarter(2026, 1)));

    // A quarterly score answers for the quarter and for each of its months, not for the year.
    CHECK(engine.value(audit, Period::quarter(2026, 1)) == 92.0);
    CHECK(engine.value(audit, Period::month(2026, 2)) == 92.0);
    CHECK_FALSE(engine.value(audit, Period::month(2026, 4)));
    CHECK_FALSE(engine.value(audit, Period::year(2026)));
    CHECK(engine.result(audit, Period::quarter(2026, 1)).status == KpiStatus::Green);

    // Entering again changes the value; clearing takes it away; both audited.
    values.setValue(patrols.id, QDate(2026, 3, 1), 90);
    CHECK(engine.value(patrols, Period::month(2026, 3)) == 90.0);
    CHECK(engine.result(patrols, Period::month(2026, 3)).status == KpiStatus::Red);
    values.clear(patrols.id, QDate(2026, 3, 1));
    CHECK_FALSE(engine.value(patrols, Period::month(2026, 3)));
    CHECK_THROWS(values.setValue(patrols.id, QDate(2026, 3, 1), std::nan("")));
    test::requireHealthy(*db);
}
