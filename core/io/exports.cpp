#include "exports.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "incidents/incidentrepository.h"
#include "kpi/kpi.h"
#include "risks/riskrepository.h"
#include "training/compliance.h"
#include "training/trainingrepository.h"

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
            },
            Text::tr("retired ones included"), false},
        {QStringLiteral("incidents"), Text::tr("Incident log"),
            [](Database &db) { return IncidentRepository(db).exportTable({}, IncidentColumn::Occurred, Qt::AscendingOrder); },
            Text::tr("the log, oldest first, every field"), false},
        {QStringLiteral("actions"), Text::tr("Corrective actions"),
            [](Database &db) { return ActionRepository(db).exportTable({}); }, Text::tr("every corrective action"),
            false},
        // Every record ever made, oldest first: a leaver's training is part of the site's history
        // (and what an auditor or a tribunal asks for).
        {QStringLiteral("training"), Text::tr("Training records (leavers' included)"),
            [](Database &db) {
                TrainingRecordFilter all;
                all.activePeopleOnly = false;
                return TrainingRepository(db).exportTable(all, TrainingRecordColumn::Completed, Qt::AscendingOrder);
            },
            Text::tr("every training record, oldest first, leavers' included"), false},
        {QStringLiteral("people"), Text::tr("People (leavers included)"), [](Database &db) { return peopleExportTable(db); },
            Text::tr("everyone, leavers included"), false},
        {QStringLiteral("compliance"), Text::tr("Training compliance"),
            [](Database &db) {
                const Compliance compliance(db);
                return compliance.exportTable(compliance.matrix(Clock::current().today()));
            },
            Text::tr("the training matrix of the people at the site today, or on --today"), true},
        {QStringLiteral("kpi_values"), Text::tr("KPI values"), [](Database &db) { return kpiValuesExportTable(db); },
            Text::tr("every value entered by hand for a manual KPI, by KPI and period"), false},
    };
}

} // namespace vigil
