#include "modules.h"

#include "actions/actionsmodule.h"
#include "incidents/incidentsmodule.h"
#include "kpi/kpimodule.h"
#include "overview/overviewmodule.h"
#include "risks/risksmodule.h"
#include "site/sitemodule.h"
#include "training/trainingmodule.h"

namespace vigil {

std::vector<std::unique_ptr<Module>> createModules(const ModuleContext &context)
{
    std::vector<std::unique_ptr<Module>> modules;
    modules.push_back(std::make_unique<OverviewModule>(context));
    modules.push_back(std::make_unique<IncidentsModule>(context));
    modules.push_back(std::make_unique<RisksModule>(context));
    modules.push_back(std::make_unique<TrainingModule>(context));
    modules.push_back(std::make_unique<ActionsModule>(context));
    modules.push_back(std::make_unique<KpiModule>(context));
    modules.push_back(std::make_unique<SiteModule>(context));
    return modules;
}

} // namespace vigil
