#include "exports.h"

#include "actions/correctiveaction.h"
#include "incidents/incidentrepository.h"
#include "risks/riskrepository.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Exports)
};

} // namespace

QList<ExportKind> exportKinds()
{
    return {
        {QStringLiteral("risks"), Text::tr("Risk register (retired risks included)"),
            [](Database &db) {
                RiskFilter all;
                all.includeRetired = true;
                return RiskRepository(db).exportTable(all);
            }},
        {QStringLiteral("incidents"), Text::tr("Incident log"),
            [](Database &db) { return IncidentRepository(db).exportTable({}, IncidentColumn::Occurred, Qt::AscendingOrder); }},
        {QStringLiteral("actions"), Text::tr("Corrective actions"),
            [](Database &db) { return ActionRepository(db).exportTable({}); }},
    };
}

} // namespace vigil
