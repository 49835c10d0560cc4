#pragma once

#include "kpi/kpipage.h"
#include "shell/pagemodule.h"

namespace vigil {

// KPI dashboards (ISO 18788 performance evaluation: monitoring, measurement, analysis).
class KpiModule final : public PageModule<KpiPage>
{
public:
    using PageModule::PageModule;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QString entityTitle(const QString &entity) const override;
    QString recordLabel(const QString &entity, const QString &uuid) const override;
};

} // namespace vigil
