#include "kpimodule.h"

#include "shell/icons.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::KpiModule)
};

} // namespace

QString KpiModule::id() const
{
    return QStringLiteral("kpis");
}

QString KpiModule::title() const
{
    return Text::tr("KPIs");
}

QIcon KpiModule::icon() const
{
    return themedIcon(QStringLiteral("kpis"));
}

QString KpiModule::entityTitle(const QString &entity) const
{
    if (entity == QLatin1String("kpis"))
        return Text::tr("KPI");
    if (entity == QLatin1String("kpi_values"))
        return Text::tr("KPI value");
    return {};
}

QString KpiModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (entity != QLatin1String("kpis"))
        return {};
    return RecordStore(m_context.db, entity).valueOf(uuid, QStringLiteral("name")).toString();
}

} // namespace vigil
