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

// Risks: title is required, with the inherent and residual likelihood and impact (each a score,
// 1 to the matrix's size, or the name of its step: "Likely", "Major"); description, category,
// owner (staff number or name), treatment, status, review date. Levels come from the current
// risk criteria. A risk with the same title is a duplicate (skipped).
QStringList riskImportFields();
ImportSummary importRisks(Database &db, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options = {});

} // namespace vigil
