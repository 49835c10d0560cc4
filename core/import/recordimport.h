#pragma once

#include "import/incidentimport.h"

namespace vigil {

// Training records: person (matched by staff number, else by name) and completedOn are
// required; course found by name (created when createMissing names "course"); result (passed,
// attended, failed), score, trainer, expiresOn (given: set by hand; else from the course's
// validity), notes. The same person, course and day is a duplicate (skipped).
QStringList trainingImportFields();
ImportSummary importTraining(Database &db, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options = {});

// Corrective actions: description is required; owner (a person, by staff number or name), due
// date, status (open, in progress, done, verified effective, not effective, by key or title),
// completedOn. The same description and due date is a duplicate (skipped).
QStringList actionImportFields();
ImportSummary importActions(Database &db, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options = {});

} // namespace vigil
