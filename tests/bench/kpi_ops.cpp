// KPIs on a decade file (100,000 incidents over ten years): what the dashboard and `vigil kpi`
// compute. Target (issue 6): the whole dashboard refresh under 150 ms median.
#include "base/error.h"
#include "base/timeformat.h"
#include "benchmark.h"
#include "kpi/kpiengine.h"
#include "storage/database.h"
#include "storage/query.h"

namespace vigil::bench {
namespace {

// The last whole month before the file's own today (the day after its last change), so the
// figures do not depend on the day the benchmark runs.
Period lastMonth(Database &db)
{
    const QDateTime last = fromStoredUtc(scalar(db, QStringLiteral("SELECT max(at) FROM audit_log")).toString());
    if (!last.isValid())
        throw Error(QStringLiteral("the file has no audit trail: use a demo file"));
    return Period::containing(Period::Kind::Month, last.date().addDays(1)).previous();
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
    };
}

} // namespace vigil::bench
