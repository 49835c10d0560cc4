#pragma once

#include "actions/correctiveaction.h"
#include "incidents/incident.h"

#include <optional>

namespace vigil {

struct ModuleContext;

namespace commands {

// Each pushes one undoable step; nothing (or false) when refused, after telling the user why.
std::optional<qint64> createIncident(const ModuleContext &context, const Incident &incident);
bool editIncident(const ModuleContext &context, const Incident &before, const Incident &after);
// For an incident logged by mistake (a duplicate, a test): its actions stay, unlinked.
bool deleteIncident(const ModuleContext &context, qint64 id);
bool changeIncidentStatus(const ModuleContext &context, qint64 id, IncidentStatus to, const QString &reason);
// Closes the incident with its root cause and lessons, and creates its corrective actions: one step.
bool closeIncident(const ModuleContext &context, qint64 id, const QString &rootCause, const QString &lessons,
    const QList<CorrectiveAction> &actions);
bool addIncidentNote(const ModuleContext &context, qint64 id, const QString &text);
bool correctTimelineEntry(const ModuleContext &context, qint64 id, qint64 entryId, const QString &text);
bool addIncidentAttachment(const ModuleContext &context, qint64 id, const QString &fileName, const QByteArray &bytes);

std::optional<qint64> createAction(const ModuleContext &context, const CorrectiveAction &action);
bool editAction(const ModuleContext &context, const CorrectiveAction &before, const CorrectiveAction &after);
bool deleteAction(const ModuleContext &context, qint64 id);

} // namespace commands
} // namespace vigil
