#pragma once

#include "risks/risk.h"

#include <optional>

namespace vigil {

struct ModuleContext;
struct RiskCriteria;

namespace commands {

// Each returns false (or nothing), after telling the user why, when the change was refused.
std::optional<qint64> createRisk(const ModuleContext &context, const Risk &risk);
bool editRisk(const ModuleContext &context, const Risk &before, const Risk &after);
bool retireRisk(const ModuleContext &context, qint64 id, const QString &reason);
bool reinstateRisk(const ModuleContext &context, qint64 id);
// A real delete, for a risk created by mistake; undo brings it back exactly.
bool deleteRisk(const ModuleContext &context, qint64 id);
// Adopts new criteria and maps every rating onto them, as one undoable step.
bool changeRiskCriteria(const ModuleContext &context, const RiskCriteria &proposed);

} // namespace commands
} // namespace vigil
