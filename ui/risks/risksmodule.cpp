#include "risksmodule.h"

#include "base/clock.h"
#include "base/error.h"
#include "risks/criteriarepository.h"
#include "risks/riskrepository.h"
#include "shell/icons.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RisksModule)
};

} // namespace

QString RisksModule::id() const
{
    return QStringLiteral("risks");
}

QString RisksModule::title() const
{
    return Text::tr("Risks");
}

QIcon RisksModule::icon() const
{
    return themedIcon(QStringLiteral("risks"));
}

QList<OverviewFigure> RisksModule::overviewFigures() const
{
    const RiskSummary s = RiskRepository(m_context.db).summary(Clock::current().today());
    const RiskCriteria criteria = RiskCriteriaRepository(m_context.db).current();
    QList<OverviewFigure> figures {{Text::tr("open risks"), QString::number(s.open), id(), {}}};
    // The two highest levels, each its own figure.
    for (int level = int(criteria.levels.size()) - 1; level >= qMax(0, int(criteria.levels.size()) - 2); --level)
        figures.append({Text::tr("%1 residual").arg(criteria.levels.at(level).name),
            QString::number(s.openByResidualLevel.value(level)), id(), QVariantMap {{QStringLiteral("level"), level}}});
    figures.append({Text::tr("reviews overdue"), QString::number(s.overdueReviews), id(),
        QVariantMap {{QStringLiteral("overdue"), true}}});
    return figures;
}

QList<AttentionItem> RisksModule::attentionItems(const QDate &today) const
{
    const RiskSummary s = RiskRepository(m_context.db).summary(today);
    const RiskCriteria criteria = RiskCriteriaRepository(m_context.db).current();
    QList<AttentionItem> items;
    const int top = int(criteria.levels.size()) - 1;
    if (top >= 0 && s.openByResidualLevel.value(top) > 0)
        items.append({AttentionItem::Level::Critical,
            Text::tr("%n risks are %1 even with their controls in place.", nullptr, s.openByResidualLevel.value(top))
                .arg(criteria.levels.at(top).name),
            id(), QVariantMap {{QStringLiteral("level"), top}}});
    if (s.overdueReviews > 0)
        items.append({AttentionItem::Level::Warning, Text::tr("%n risk reviews are overdue.", nullptr, s.overdueReviews), id(),
            QVariantMap {{QStringLiteral("overdue"), true}}});
    return items;
}

QString RisksModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (entity == QLatin1String("risks")) {
        RecordStore store(m_context.db, entity);
        const qint64 id = store.idOf(uuid);
        if (id == 0)
            return {};
        const Risk risk = RiskRepository(m_context.db).load(id);
        return QStringLiteral("%1 %2").arg(risk.reference, risk.title);
    }
    if (entity == QLatin1String("people") || entity == QLatin1String("threats") || entity == QLatin1String("controls")
        || entity == QLatin1String("assets")) {
        return RecordStore(m_context.db, entity).valueOf(uuid, QStringLiteral("name")).toString();
    }
    return {};
}

QString RisksModule::fieldTitle(const QString &entity, const QString &field) const
{
    return entity == QLatin1String("risks") ? riskFieldTitle(field) : QString();
}

QString RisksModule::entityTitle(const QString &entity) const
{
    if (entity == QLatin1String("risks"))
        return Text::tr("Risk");
    if (entity == QLatin1String("risk_criteria"))
        return Text::tr("Risk criteria");
    if (entity == QLatin1String("people"))
        return Text::tr("Person");
    if (entity == QLatin1String("threats"))
        return Text::tr("Threat");
    if (entity == QLatin1String("controls"))
        return Text::tr("Control");
    if (entity == QLatin1String("assets"))
        return Text::tr("Asset");
    return {};
}

} // namespace vigil
