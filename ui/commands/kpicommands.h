#pragma once

#include "kpi/kpi.h"

namespace vigil {

struct ModuleContext;

namespace commands {

// Enters a manual KPI's value for the period it is entered for (see entryPeriod), as one undoable
// step; false, after telling the user why, when refused (a period longer than the KPI's own).
bool setKpiValue(const ModuleContext &context, const Kpi &kpi, const Period &period, double value);

} // namespace commands
} // namespace vigil
