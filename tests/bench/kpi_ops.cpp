// KPIs on a decade file (100,000 incidents over ten years): the computations a refresh of the KPI
// dashboard makes, which `vigil kpi` makes too. Issue 6 asks for the whole refresh under 150 ms
// median; the page's own widgets are not timed here (see docs/PERFORMANCE.md).
#include "benchmark.h"
#include "kpi/dashboard.h"
#include "kpi/kpiengine.h"
#include "storage/database.h"

namespace vigil::bench {
namespace {

// The last whole month before the file's own today, so the figures do not depend on the day the
// benchmark runs.
Period lastMonth(Database &db)
{
    return Period::containing(Period::Kind::Month, fileToday(db)).previous();
}

} // namespace

QList<Operation> kpiOperations()
{
    return {
        {QStringLiteral("kpi.all_month"),
            QStringLiteral("every active KPI with status and previous value for the last whole month"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const Period month = lastMonth(*c.db);
                KpiEngine(*c.db).results(month);
                return -1.0;
            }},
        {QStringLiteral("kpi.all_year"),
            QStringLiteral("every active KPI with status and previous value for the year of the last whole month"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const Period year = Period::containing(Period::Kind::Year, lastMonth(*c.db).first());
                KpiEngine(*c.db).results(year);
                return -1.0;
            }},
        {QStringLiteral("kpi.incidents_12_months"),
            QStringLiteral("the incident chart's data: incidents by severity for each of the last 12 months"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const Period month = lastMonth(*c.db);
                const KpiEngine engine(*c.db);
                Period period = month;
                for (int i = 0; i < 12; ++i, period = period.previous())
                    engine.incidentsBySeverity(period);
                return -1.0;
            }},
        {QStringLiteral("kpi.dashboard"),
            QStringLiteral("the whole dashboard refresh for the last whole month as the window makes it: a read-only "
                           "connection of its own, every KPI, and the five charts' data (12 months of incidents, "
                           "actions and compliance; categories; risk levels)"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const Period month = lastMonth(*c.db);
                OpenOptions options;
                options.deferIntegrityCheck = true;
                const std::unique_ptr<Database> reader = Database::open(c.db->path(), OpenMode::ReadOnly, options);
                computeDashboard(*reader, month);
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
