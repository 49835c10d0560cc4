#include "exports.h"

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
    };
}

} // namespace vigil
