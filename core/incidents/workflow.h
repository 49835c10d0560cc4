#pragma once

#include "incidents/incident.h"

namespace vigil {

// The status flow: Reported -> Under investigation -> Contained -> Resolved -> Closed. Forward
// moves may skip steps (a false alarm goes straight to Resolved); nothing goes back except a
// reopen, from Resolved or Closed to Under investigation, which needs a reason.
QList<IncidentStatus> nextStatuses(IncidentStatus from);
bool isReopen(IncidentStatus from, IncidentStatus to);

// Why the incident cannot move to `to` (empty: it can). Closing needs a root cause and lessons
// learned on the incident; a reopen needs a reason.
QString transitionProblem(const Incident &incident, IncidentStatus to, const QString &reason);

// The verb for a move, as on its button ("Start Investigation", "Close Incident…").
QString transitionTitle(IncidentStatus from, IncidentStatus to);

} // namespace vigil
