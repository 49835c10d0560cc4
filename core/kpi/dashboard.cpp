#include "dashboard.h"

#include "risks/risk.h"
#include "storage/database.h"
#include "training/compliance.h"

namespace vigil {

KpiDashboard computeDashboard(Database &db, const Period &period, const std::atomic_bool *cancelled)
{
    const auto stop = [cancelled] { return cancelled && cancelled->load(); };
    KpiDashboard d;
    d.period = period;
    const KpiEngine engine(db);
    d.results = engine.results(period);
    if (stop())
        return d;

    // The twelve months to the period's end, or to this month for a period not over yet.
    Period month = Period::containing(Period::Kind::Month, KpiEngine::asAtEnd(period).last());
    for (int i = 0; i < 12; ++i, month = month.previous())
        d.months.prepend(month);
    QList<QDate> monthEnds;
    for (const Period &m : std::as_const(d.months)) {
        d.incidentsBySeverity.append(engine.incidentsBySeverity(m));
        d.actions.append({engine.actionsRaised(m), engine.actionsCompleted(m), engine.actionsOpen(m)});
        monthEnds.append(KpiEngine::asAtEnd(m).last());
        if (stop())
            return d;
    }
    if (stop())
        return d;
    d.incidentsByCategory = engine.incidentsByCategory(period);
    d.risksInherent = engine.openRisksByLevel(period, RatingKind::Inherent);
    d.risksResidual = engine.openRisksByLevel(period, RatingKind::Residual);
    if (stop())
        return d;
    d.compliance = Compliance(db).percentOn(monthEnds);
    return d;
}

} // namespace vigil
