#pragma once

#include "import/incidentimport.h"

namespace vigil {

// The fields a people import maps columns to: name is required.
QStringList peopleImportFields();

// Imports the table's people (staff and contractors) as the profile maps them, checked first and
// written in one transaction, as importIncidents. Posts and employers are found by name; unknown
// ones are listed, or created when the profile's createMissing names "post" or "employer". A
// person already in the file (the same staff number, or the same name when there is none) is
// skipped, or updated when the profile says so.
ImportSummary importPeople(Database &db, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options = {});

} // namespace vigil
