#include "training.h"

#include "base/enumnames.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Training)
};

constexpr EnumName<TrainingResult> results[] = {
    {TrainingResult::Passed, "passed", QT_TRANSLATE_NOOP("vigil::Training", "Passed")},
    {TrainingResult::Attended, "attended", QT_TRANSLATE_NOOP("vigil::Training", "Attended")},
    {TrainingResult::Failed, "failed", QT_TRANSLATE_NOOP("vigil::Training", "Failed")},
};

constexpr EnumName<SessionStatus> sessionStatuses[] = {
    {SessionStatus::Planned, "planned", QT_TRANSLATE_NOOP("vigil::Training", "Planned")},
    {SessionStatus::Done, "done", QT_TRANSLATE_NOOP("vigil::Training", "Done")},
    {SessionStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("vigil::Training", "Cancelled")},
};

} // namespace

QString trainingResultKey(TrainingResult result)
{
    return enumKey(results, result);
}

bool trainingResultFromKey(const QString &key, TrainingResult *result)
{
    return enumFromKey(results, key, result);
}

QString trainingResultTitle(TrainingResult result)
{
    return QCoreApplication::translate("vigil::Training", enumName(results, result).title);
}

QString sessionStatusKey(SessionStatus status)
{
    return enumKey(sessionStatuses, status);
}

bool sessionStatusFromKey(const QString &key, SessionStatus *status)
{
    return enumFromKey(sessionStatuses, key, status);
}

QString sessionStatusTitle(SessionStatus status)
{
    return QCoreApplication::translate("vigil::Training", enumName(sessionStatuses, status).title);
}

QDate expiryFor(const QDate &completed, std::optional<int> months)
{
    // QDate::addMonths keeps the day, or takes the month's last day when it has fewer.
    if (!completed.isValid() || !months)
        return {};
    return completed.addMonths(*months);
}

bool TrainingRecord::validOn(const QDate &day) const
{
    if (result == TrainingResult::Failed || !completedOn.isValid() || completedOn > day)
        return false;
    return !expiresOn.isValid() || expiresOn >= day;
}

QString trainingFieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("person_id"), QT_TRANSLATE_NOOP("vigil::Training", "Person")},
        {QStringLiteral("course_id"), QT_TRANSLATE_NOOP("vigil::Training", "Course")},
        {QStringLiteral("completed_on"), QT_TRANSLATE_NOOP("vigil::Training", "Completed on")},
        {QStringLiteral("result"), QT_TRANSLATE_NOOP("vigil::Training", "Result")},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("vigil::Training", "Score")},
        {QStringLiteral("trainer"), QT_TRANSLATE_NOOP("vigil::Training", "Trainer")},
        {QStringLiteral("expires_on"), QT_TRANSLATE_NOOP("vigil::Training", "Expires on")},
        {QStringLiteral("expiry_set_by_hand"), QT_TRANSLATE_NOOP("vigil::Training", "Expiry set by hand")},
        {QStringLiteral("certificate_id"), QT_TRANSLATE_NOOP("vigil::Training", "Certificate")},
        {QStringLiteral("certificate_name"), QT_TRANSLATE_NOOP("vigil::Training", "Certificate file")},
        {QStringLiteral("session_id"), QT_TRANSLATE_NOOP("vigil::Training", "Session")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("vigil::Training", "Notes")},
        {QStringLiteral("held_on"), QT_TRANSLATE_NOOP("vigil::Training", "Date")},
        {QStringLiteral("location"), QT_TRANSLATE_NOOP("vigil::Training", "Location")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("vigil::Training", "Status")},
        {QStringLiteral("attendees"), QT_TRANSLATE_NOOP("vigil::Training", "Attendees")},
        {QStringLiteral("courses"), QT_TRANSLATE_NOOP("vigil::Training", "Required courses")},
        {QStringLiteral("provider"), QT_TRANSLATE_NOOP("vigil::Training", "Provider")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("vigil::Training", "Description")},
        {QStringLiteral("validity_months"), QT_TRANSLATE_NOOP("vigil::Training", "Valid for (months)")},
        {QStringLiteral("mandatory"), QT_TRANSLATE_NOOP("vigil::Training", "Mandatory for everyone")},
        {QStringLiteral("contact"), QT_TRANSLATE_NOOP("vigil::Training", "Contact")},
        {QStringLiteral("staff_number"), QT_TRANSLATE_NOOP("vigil::Training", "Staff number")},
        {QStringLiteral("post_id"), QT_TRANSLATE_NOOP("vigil::Training", "Post")},
        {QStringLiteral("employer_id"), QT_TRANSLATE_NOOP("vigil::Training", "Employer")},
        {QStringLiteral("start_date"), QT_TRANSLATE_NOOP("vigil::Training", "Start date")},
        {QStringLiteral("left_on"), QT_TRANSLATE_NOOP("vigil::Training", "Left on")},
    };
    const char *title = titles.value(field);
    return title ? QCoreApplication::translate("vigil::Training", title) : QString();
}

// Catalogues.

QString CatalogueTraits<Post>::table()
{
    return QStringLiteral("posts");
}

QStringList CatalogueTraits<Post>::columns()
{
    return {QStringLiteral("description")};
}

QVariantMap CatalogueTraits<Post>::fields(const Post &post)
{
    return {{QStringLiteral("description"), post.description.trimmed()}};
}

void CatalogueTraits<Post>::read(Post &post, const Query &q, int first)
{
    post.description = q.value(first).toString();
}

QString CatalogueTraits<Post>::problem(const Post &post)
{
    return post.name.trimmed().isEmpty() ? Text::tr("A post needs a name.") : QString();
}

QString CatalogueTraits<Employer>::table()
{
    return QStringLiteral("employers");
}

QStringList CatalogueTraits<Employer>::columns()
{
    return {QStringLiteral("contact")};
}

QVariantMap CatalogueTraits<Employer>::fields(const Employer &employer)
{
    return {{QStringLiteral("contact"), employer.contact.trimmed()}};
}

void CatalogueTraits<Employer>::read(Employer &employer, const Query &q, int first)
{
    employer.contact = q.value(first).toString();
}

QString CatalogueTraits<Employer>::problem(const Employer &employer)
{
    return employer.name.trimmed().isEmpty() ? Text::tr("An employer needs a name.") : QString();
}

QString CatalogueTraits<Course>::table()
{
    return QStringLiteral("courses");
}

QStringList CatalogueTraits<Course>::columns()
{
    return {QStringLiteral("provider"), QStringLiteral("description"), QStringLiteral("validity_months"),
        QStringLiteral("mandatory")};
}

QVariantMap CatalogueTraits<Course>::fields(const Course &course)
{
    return {{QStringLiteral("provider"), course.provider.trimmed()},
        {QStringLiteral("description"), course.description.trimmed()},
        {QStringLiteral("validity_months"), course.validityMonths ? QVariant(*course.validityMonths) : QVariant()},
        {QStringLiteral("mandatory"), course.mandatory}};
}

void CatalogueTraits<Course>::read(Course &course, const Query &q, int first)
{
    course.provider = q.value(first).toString();
    course.description = q.value(first + 1).toString();
    if (!q.value(first + 2).isNull())
        course.validityMonths = q.value(first + 2).toInt();
    course.mandatory = q.value(first + 3).toBool();
}

QString CatalogueTraits<Course>::problem(const Course &course)
{
    if (course.name.trimmed().isEmpty())
        return Text::tr("A course needs a name.");
    if (course.validityMonths && (*course.validityMonths < 1 || *course.validityMonths > 240))
        return Text::tr("A course is valid for 1 to 240 months, or never expires.");
    return {};
}

} // namespace vigil
