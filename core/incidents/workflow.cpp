#include "workflow.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentWorkflow)
};

int rank(IncidentStatus status)
{
    return int(status);
}

} // namespace

bool isReopen(IncidentStatus from, IncidentStatus to)
{
    return (from == IncidentStatus::Resolved || from == IncidentStatus::Closed) && to == IncidentStatus::Investigating;
}

QList<IncidentStatus> nextStatuses(IncidentStatus from)
{
    QList<IncidentStatus> next;
    if (from != IncidentStatus::Closed) {
        for (IncidentStatus to : allIncidentStatuses) {
            if (rank(to) > rank(from))
                next.append(to);
        }
    }
    if (from == IncidentStatus::Resolved || from == IncidentStatus::Closed)
        next.append(IncidentStatus::Investigating);
    return next;
}

QString transitionProblem(const Incident &incident, IncidentStatus to, const QString &reason)
{
    const IncidentStatus from = incident.status;
    if (!nextStatuses(from).contains(to))
        return Text::tr("An incident that is %1 cannot be marked %2.")
            .arg(incidentStatusTitle(from).toLower(), incidentStatusTitle(to).toLower());
    if (isReopen(from, to) && reason.trimmed().isEmpty())
        return Text::tr("Reopening an incident needs a reason.");
    if (to == IncidentStatus::Closed) {
        if (incident.rootCause.trimmed().isEmpty())
            return Text::tr("Closing an incident needs its root cause.");
        if (incident.lessonsLearned.trimmed().isEmpty())
            return Text::tr("Closing an incident needs the lessons learned.");
    }
    return {};
}

QString transitionTitle(IncidentStatus from, IncidentStatus to)
{
    if (isReopen(from, to))
        return Text::tr("Reopen…");
    switch (to) {
    case IncidentStatus::Investigating:
        return Text::tr("Start Investigation");
    case IncidentStatus::Contained:
        return Text::tr("Mark Contained");
    case IncidentStatus::Resolved:
        return Text::tr("Mark Resolved");
    case IncidentStatus::Closed:
        return Text::tr("Close Incident…");
    case IncidentStatus::Reported:
        break;
    }
    return incidentStatusTitle(to);
}

} // namespace vigil
