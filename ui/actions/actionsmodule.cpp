#include "actionsmodule.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "shell/icons.h"
#include "storage/recordstore.h"
#include "widgets/displaytext.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ActionsModule)
};

} // namespace

QString ActionsModule::id() const
{
    return QStringLiteral("actions");
}

QString ActionsModule::title() const
{
    return Text::tr("Actions");
}

QIcon ActionsModule::icon() const
{
    return themedIcon(QStringLiteral("actions"));
}

QList<OverviewFigure> ActionsModule::overviewFigures() const
{
    const ActionSummary s = ActionRepository(m_context.db).summary(Clock::current().today());
    return {
        {Text::tr("actions outstanding"), QString::number(s.outstanding), id(), QVariantMap {}},
        {Text::tr("actions overdue"), QString::number(s.overdue), id(), QVariantMap {{QStringLiteral("overdue"), true}}},
    };
}

QList<AttentionItem> ActionsModule::attentionItems(const QDate &today) const
{
    const ActionSummary s = ActionRepository(m_context.db).summary(today);
    if (s.overdue == 0)
        return {};
    return {{AttentionItem::Level::Warning, Text::tr("%n corrective actions are overdue.", nullptr, s.overdue), id(),
        QVariantMap {{QStringLiteral("overdue"), true}}}};
}

QString ActionsModule::entityTitle(const QString &entity) const
{
    return entity == QLatin1String("corrective_actions") ? Text::tr("Corrective action") : QString();
}

QString ActionsModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (entity != QLatin1String("corrective_actions"))
        return {};
    RecordStore store(m_context.db, entity);
    const QString reference = store.valueOf(uuid, QStringLiteral("reference")).toString();
    return reference.isEmpty() ? QString()
                               : QStringLiteral("%1 %2").arg(reference,
                                   elideWords(store.valueOf(uuid, QStringLiteral("description")).toString(), 60));
}

QString ActionsModule::fieldTitle(const QString &entity, const QString &field) const
{
    return entity == QLatin1String("corrective_actions") ? actionFieldTitle(field) : QString();
}

} // namespace vigil
