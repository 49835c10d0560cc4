#pragma once

#include "kpi/kpi.h"

namespace vigil {

struct ModuleContext;

namespace commands {

// Enters a manual KPI's value for the period it is entered for (see entryPeriod), as one undoable
// step; false, after telling the user why, when refused (a period longer than the KPI's own).
bool setKpiValue(const ModuleContext &context, const Kpi &kpi, const Period &period, double value);

// One manual value to enter, change or (without a value) take away, for the period starting on
// periodStart (the first day of a period of the KPI's frequency).
struct KpiValueChange
{
    qint64 kpiId = 0;
    QDate periodStart;
    std::optional<double> value;
};

// Enters every change in one transaction, as one undoable step named text.
bool setKpiValues(const ModuleContext &context, const QList<KpiValueChange> &changes, const QString &text);

} // namespace commands
} // namespace vigil
