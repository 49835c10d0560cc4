#pragma once

#include "import/incidentimport.h"

namespace vigil {

struct ModuleContext;

namespace commands {

// Imports the table's incidents as one undoable step: undo takes away the incidents it wrote
// and puts back the ones it updated; redo brings the same records back. The summary says what
// happened; false (after telling the user why) when nothing was written.
bool importIncidents(const ModuleContext &context, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options, ImportSummary *summary);
// Any kind (incidents, people, training, actions), as one undoable step. For all but incidents
// undo takes away the records it added (posts, employers and courses it created stay).
bool importRecords(const ModuleContext &context, const QString &kind, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options, ImportSummary *summary);

} // namespace commands
} // namespace vigil
