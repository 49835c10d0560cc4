#include "incident.h"

#include "base/enumnames.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Incident)
};

constexpr EnumName<Severity> severities[] = {
    {Severity::Low, "low", QT_TRANSLATE_NOOP("vigil::Incident", "Low")},
    {Severity::Medium, "medium", QT_TRANSLATE_NOOP("vigil::Incident", "Medium")},
    {Severity::High, "high", QT_TRANSLATE_NOOP("vigil::Incident", "High")},
    {Severity::Critical, "critical", QT_TRANSLATE_NOOP("vigil::Incident", "Critical")},
};

constexpr EnumName<IncidentStatus> statuses[] = {
    {IncidentStatus::Reported, "reported", QT_TRANSLATE_NOOP("vigil::Incident", "Reported")},
    {IncidentStatus::Investigating, "investigating", QT_TRANSLATE_NOOP("vigil::Incident", "Under investigation")},
    {IncidentStatus::Contained, "contained", QT_TRANSLATE_NOOP("vigil::Incident", "Contained")},
    {IncidentStatus::Resolved, "resolved", QT_TRANSLATE_NOOP("vigil::Incident", "Resolved")},
    {IncidentStatus::Closed, "closed", QT_TRANSLATE_NOOP("vigil::Incident", "Closed")},
};

constexpr EnumName<InvolvedRole> roles[] = {
    {InvolvedRole::Victim, "victim", QT_TRANSLATE_NOOP("vigil::Incident", "Victim")},
    {InvolvedRole::Witness, "witness", QT_TRANSLATE_NOOP("vigil::Incident", "Witness")},
    {InvolvedRole::Suspect, "suspect", QT_TRANSLATE_NOOP("vigil::Incident", "Suspect")},
    {InvolvedRole::Staff, "staff", QT_TRANSLATE_NOOP("vigil::Incident", "Staff")},
    {InvolvedRole::Other, "other", QT_TRANSLATE_NOOP("vigil::Incident", "Other")},
};

constexpr EnumName<TimelineKind> kinds[] = {
    {TimelineKind::Reported, "reported", QT_TRANSLATE_NOOP("vigil::Incident", "Reported")},
    {TimelineKind::Status, "status", QT_TRANSLATE_NOOP("vigil::Incident", "Status")},
    {TimelineKind::Note, "note", QT_TRANSLATE_NOOP("vigil::Incident", "Note")},
    {TimelineKind::Assignment, "assignment", QT_TRANSLATE_NOOP("vigil::Incident", "Assignment")},
    {TimelineKind::Attachment, "attachment", QT_TRANSLATE_NOOP("vigil::Incident", "Attachment")},
    {TimelineKind::Correction, "correction", QT_TRANSLATE_NOOP("vigil::Incident", "Correction")},
};

} // namespace

QString severityKey(Severity severity)
{
    return enumKey(severities, severity);
}

bool severityFromKey(const QString &key, Severity *severity)
{
    return enumFromKey(severities, key, severity);
}

QString severityTitle(Severity severity)
{
    return Text::tr(enumName(severities, severity).title);
}

QString incidentStatusKey(IncidentStatus status)
{
    return enumKey(statuses, status);
}

bool incidentStatusFromKey(const QString &key, IncidentStatus *status)
{
    return enumFromKey(statuses, key, status);
}

QString incidentStatusTitle(IncidentStatus status)
{
    return Text::tr(enumName(statuses, status).title);
}

QString involvedRoleKey(InvolvedRole role)
{
    return enumKey(roles, role);
}

bool involvedRoleFromKey(const QString &key, InvolvedRole *role)
{
    return enumFromKey(roles, key, role);
}

QString involvedRoleTitle(InvolvedRole role)
{
    return Text::tr(enumName(roles, role).title);
}

QString timelineKindKey(TimelineKind kind)
{
    return enumKey(kinds, kind);
}

bool timelineKindFromKey(const QString &key, TimelineKind *kind)
{
    return enumFromKey(kinds, key, kind);
}

QString incidentFieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("reference"), QT_TRANSLATE_NOOP("vigil::Incident", "Reference")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("vigil::Incident", "Title")},
        {QStringLiteral("occurred_at"), QT_TRANSLATE_NOOP("vigil::Incident", "Occurred")},
        {QStringLiteral("reported_at"), QT_TRANSLATE_NOOP("vigil::Incident", "Reported")},
        {QStringLiteral("area_id"), QT_TRANSLATE_NOOP("vigil::Incident", "Area")},
        {QStringLiteral("location"), QT_TRANSLATE_NOOP("vigil::Incident", "Location")},
        {QStringLiteral("category_id"), QT_TRANSLATE_NOOP("vigil::Incident", "Category")},
        {QStringLiteral("subcategory_id"), QT_TRANSLATE_NOOP("vigil::Incident", "Subcategory")},
        {QStringLiteral("severity"), QT_TRANSLATE_NOOP("vigil::Incident", "Severity")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("vigil::Incident", "Status")},
        {QStringLiteral("reported_by"), QT_TRANSLATE_NOOP("vigil::Incident", "Reported by")},
        {QStringLiteral("assigned_to_id"), QT_TRANSLATE_NOOP("vigil::Incident", "Assigned to")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("vigil::Incident", "Description")},
        {QStringLiteral("immediate_action"), QT_TRANSLATE_NOOP("vigil::Incident", "Immediate action")},
        {QStringLiteral("police_reference"), QT_TRANSLATE_NOOP("vigil::Incident", "Police reference")},
        {QStringLiteral("estimated_loss"), QT_TRANSLATE_NOOP("vigil::Incident", "Estimated loss")},
        {QStringLiteral("root_cause"), QT_TRANSLATE_NOOP("vigil::Incident", "Root cause")},
        {QStringLiteral("lessons_learned"), QT_TRANSLATE_NOOP("vigil::Incident", "Lessons learned")},
        {QStringLiteral("closed_at"), QT_TRANSLATE_NOOP("vigil::Incident", "Closed")},
        {QStringLiteral("external_reference"), QT_TRANSLATE_NOOP("vigil::Incident", "External reference")},
        {QStringLiteral("persons"), QT_TRANSLATE_NOOP("vigil::Incident", "People involved")},
        {QStringLiteral("risks"), QT_TRANSLATE_NOOP("vigil::Incident", "Linked risks")},
        {QStringLiteral("attachments"), QT_TRANSLATE_NOOP("vigil::Incident", "Attachments")},
    };
    const char *title = titles.value(field);
    return title ? Text::tr(title) : field;
}

} // namespace vigil
