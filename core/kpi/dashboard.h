#pragma once

#include "kpi/kpiengine.h"

#include <QList>

#include <atomic>

namespace vigil {

class Database;

// One month of the actions chart.
struct ActionMonth
{
    int raised = 0;    // created in the month
    int completed = 0; // completed in the month
    int openAtEnd = 0; // not completed by the month's last day
    bool operator==(const ActionMonth &) const = default;
};

// Everything the KPI dashboard shows for a period: the KPI results, and the charts' data. The
// trends run over the twelve calendar months to the one holding the period's last day (or today,
// for a period not over yet); the
// breakdowns are for the period itself (risks as they stood at its end).
struct KpiDashboard
{
    Period period;
    QList<KpiResult> results;
    QList<Period> months;                          // the twelve months, oldest first
    QList<QList<KpiCount>> incidentsBySeverity;    // per month, every severity lowest first
    QList<KpiCount> incidentsByCategory;           // in the period, most first
    QList<KpiCount> risksInherent;                 // open risks at the period's end, per level
    QList<KpiCount> risksResidual;                 //   (the same levels, lowest first)
    QList<double> compliance;                      // training compliance % at each month's end
    QList<ActionMonth> actions;                    // per month
};

// Reads the dashboard for the period. `cancelled`, when given, is looked at between steps: a
// request made stale by a newer one stops early, and what it returns is then incomplete.
KpiDashboard computeDashboard(Database &db, const Period &period, const std::atomic_bool *cancelled = nullptr);

} // namespace vigil
