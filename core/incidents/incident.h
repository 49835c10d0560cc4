#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace vigil {

enum class Severity { Low, Medium, High, Critical };
enum class IncidentStatus { Reported, Investigating, Contained, Resolved, Closed };
enum class InvolvedRole { Victim, Witness, Suspect, Staff, Other };
enum class TimelineKind { Reported, Status, Note, Assignment, Attachment, Correction };

constexpr Severity allSeverities[] = {Severity::Low, Severity::Medium, Severity::High, Severity::Critical};
constexpr IncidentStatus allIncidentStatuses[] = {IncidentStatus::Reported, IncidentStatus::Investigating,
    IncidentStatus::Contained, IncidentStatus::Resolved, IncidentStatus::Closed};
constexpr InvolvedRole allInvolvedRoles[] = {InvolvedRole::Victim, InvolvedRole::Witness, InvolvedRole::Suspect,
    InvolvedRole::Staff, InvolvedRole::Other};

QString severityKey(Severity severity);
bool severityFromKey(const QString &key, Severity *severity);
QString severityTitle(Severity severity);
QString incidentStatusKey(IncidentStatus status);
bool incidentStatusFromKey(const QString &key, IncidentStatus *status);
QString incidentStatusTitle(IncidentStatus status);
QString involvedRoleKey(InvolvedRole role);
bool involvedRoleFromKey(const QString &key, InvolvedRole *role);
QString involvedRoleTitle(InvolvedRole role);
QString timelineKindKey(TimelineKind kind);
bool timelineKindFromKey(const QString &key, TimelineKind *kind);
// The user's name for a stored incident field ("occurred_at" -> "Occurred").
QString incidentFieldTitle(const QString &field);

// Someone involved in an incident.
struct InvolvedPerson
{
    QString name;
    InvolvedRole role = InvolvedRole::Witness;
    QString details; // contact, description, what they saw
    bool operator==(const InvolvedPerson &) const = default;
};

struct Incident
{
    qint64 id = 0;
    QString uuid;
    QString reference; // INC-2026-0042, assigned when first saved
    QString title;     // a short summary; the log shows the description when empty
    QDateTime occurredAt;
    QDateTime reportedAt;
    qint64 areaId = 0;
    QString location; // free text within or instead of the area
    qint64 categoryId = 0;
    qint64 subcategoryId = 0;
    Severity severity = Severity::Medium;
    IncidentStatus status = IncidentStatus::Reported;
    QString reportedBy;
    qint64 assignedToId = 0;
    QString description;
    QString immediateAction;
    QString policeReference;
    std::optional<double> estimatedLoss;
    QString rootCause;
    QString lessonsLearned;
    QDateTime closedAt;
    QString externalReference; // the reference in the system it was imported from
    QList<InvolvedPerson> persons;
    QList<qint64> riskIds;

    bool operator==(const Incident &) const = default;
};

struct TimelineEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    TimelineKind kind = TimelineKind::Note;
    QString text;
    std::optional<IncidentStatus> fromStatus;
    std::optional<IncidentStatus> toStatus;
    qint64 correctsId = 0; // for a correction: the entry it corrects
};

} // namespace vigil
