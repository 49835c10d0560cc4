#include "overviewmodule.h"

#include "overview/overviewpage.h"
#include "shell/icons.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::OverviewModule)
};

} // namespace

OverviewModule::OverviewModule(const ModuleContext &context)
    : m_context(context)
{
}

QString OverviewModule::id() const
{
    return QStringLiteral("overview");
}

QString OverviewModule::title() const
{
    return Text::tr("Overview");
}

QIcon OverviewModule::icon() const
{
    return themedIcon(QStringLiteral("overview"));
}

QWidget *OverviewModule::createWidget(QWidget *parent)
{
    return new OverviewPage(m_context, parent);
}

QString OverviewModule::entityTitle(const QString &entity) const
{
    if (entity == QLatin1String("kpis"))
        return Text::tr("KPI");
    if (entity == QLatin1String("kpi_values"))
        return Text::tr("KPI value");
    return {};
}

QString OverviewModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (entity != QLatin1String("kpis"))
        return {};
    return RecordStore(m_context.db, entity).valueOf(uuid, QStringLiteral("name")).toString();
}

} // namespace vigil
