#include "trainingmodule.h"

#include "base/clock.h"
#include "shell/icons.h"
#include "storage/recordstore.h"
#include "people/person.h"
#include "training/compliance.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::TrainingModule)
};

const QStringList entities {QStringLiteral("training_records"), QStringLiteral("training_sessions"), QStringLiteral("posts"),
    QStringLiteral("courses"), QStringLiteral("employers")};

} // namespace

QString TrainingModule::id() const
{
    return QStringLiteral("training");
}

QString TrainingModule::title() const
{
    return Text::tr("Training");
}

QIcon TrainingModule::icon() const
{
    return themedIcon(QStringLiteral("training"));
}

QList<OverviewFigure> TrainingModule::overviewFigures() const
{
    const ComplianceSummary s = Compliance(m_context.db).summary(Clock::current().today());
    return {
        {Text::tr("training compliance"), Text::tr("%1%").arg(QLocale().toString(s.percent, 'f', 0)), id(), QVariantMap {},
            Text::tr("%1 of %2 held").arg(s.heldCells).arg(s.requiredCells)},
        {Text::tr("expiring in 30 days"), QString::number(s.expiring), id(),
            QVariantMap {{QStringLiteral("show"), QStringLiteral("expiring")}, {QStringLiteral("days"), 30}}},
        {Text::tr("not cleared for post"), QString::number(s.notCleared), id(),
            QVariantMap {{QStringLiteral("show"), QStringLiteral("notCleared")}}},
    };
}

QList<AttentionItem> TrainingModule::attentionItems(const QDate &today) const
{
    const ComplianceSummary s = Compliance(m_context.db).summary(today);
    QList<AttentionItem> items;
    if (s.notCleared > 0)
        items.append({AttentionItem::Level::Warning,
            Text::tr("%n people lack training their post needs.", nullptr, s.notCleared), id(),
            QVariantMap {{QStringLiteral("show"), QStringLiteral("notCleared")}}});
    if (s.expiring > 0)
        items.append({AttentionItem::Level::Info, Text::tr("%n certifications run out within 30 days.", nullptr, s.expiring),
            id(), QVariantMap {{QStringLiteral("show"), QStringLiteral("expiring")}, {QStringLiteral("days"), 30}}});
    return items;
}

QString TrainingModule::entityTitle(const QString &entity) const
{
    if (entity == QLatin1String("training_records"))
        return Text::tr("Training record");
    if (entity == QLatin1String("training_sessions"))
        return Text::tr("Training session");
    if (entity == QLatin1String("posts"))
        return Text::tr("Post");
    if (entity == QLatin1String("courses"))
        return Text::tr("Course");
    if (entity == QLatin1String("employers"))
        return Text::tr("Contractor company");
    return {};
}

QString TrainingModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (!entities.contains(entity))
        return {};
    RecordStore store(m_context.db, entity);
    if (entity == QLatin1String("training_records") || entity == QLatin1String("training_sessions")) {
        const qint64 courseId = store.valueOf(uuid, QStringLiteral("course_id")).toLongLong();
        const std::optional<Course> c = CourseRepository(m_context.db).load(courseId);
        const QString course = c ? c->name : QString();
        if (entity == QLatin1String("training_sessions")) {
            const QDate held = QDate::fromString(store.valueOf(uuid, QStringLiteral("held_on")).toString(), Qt::ISODate);
            return Text::tr("%1 of %2").arg(course, QLocale().toString(held, QLocale::ShortFormat));
        }
        const qint64 personId = store.valueOf(uuid, QStringLiteral("person_id")).toLongLong();
        const std::optional<Person> p = PeopleRepository(m_context.db).load(personId);
        const QString person = p ? p->name : QString();
        return Text::tr("%1 for %2").arg(course, person);
    }
    return store.valueOf(uuid, QStringLiteral("name")).toString();
}

QString TrainingModule::fieldTitle(const QString &entity, const QString &field) const
{
    return entities.contains(entity) ? trainingFieldTitle(field) : QString();
}

} // namespace vigil
