#pragma once

#include "import/importdates.h"
#include "import/importprofile.h"
#include "import/sourcetable.h"
#include "incidents/incident.h"

#include <QList>
#include <QString>

#include <functional>

namespace vigil {

class Database;

// One thing wrong with the file, found before anything is written.
struct ImportProblem
{
    int row = 0;    // the file's line number of the record (the header is line 1)
    QString column; // the file's header
    QString value;
    QString reason;
};

// A value of the file that is not one of Vigil's, and how often it comes.
struct UnknownValue
{
    QString field;
    QString value;
    int count = 0;
    bool operator==(const UnknownValue &) const = default;
};

struct ImportOptions
{
    bool dryRun = false;      // check everything, write nothing
    bool skipInvalid = false; // import the valid rows when some are not
    // Told how far the import has come; returning false cancels it (nothing is written).
    std::function<bool(int done, int total)> progress;
};

struct ImportSummary
{
    int read = 0;
    int imported = 0;
    int updated = 0;
    int duplicates = 0;       // skipped as already in the file (or twice in the import)
    int invalid = 0;
    int createdValues = 0;    // categories created for unknown values
    DateFormat dateFormat = DateFormat::Iso;
    bool written = false;     // the import landed (not a dry run, not refused, not cancelled)
    QList<ImportProblem> problems;
    QList<UnknownValue> unknown;
    QList<qint64> createdIds;                   // the incidents written, for an undo
    QList<std::pair<Incident, Incident>> updates; // duplicates updated: before and after
};

// The fields an incident import maps columns to: occurredAt and description are required (a row
// without occurredAt takes its reportedAt; a default in the profile fills any empty field).
QStringList incidentImportFields();

// Imports the table's incidents as the profile maps them. Every row is checked first; unless
// skipInvalid, one invalid row means nothing is written. What is written goes in one
// transaction: it lands whole or not at all. Each record keeps its source reference, and its
// audit entry names the file and line. Throws Error for what stops the whole import: a column
// the profile names that the file lacks, dates whose format is ambiguous, a cancel.
ImportSummary importIncidents(Database &db, const SourceTable &table, const ImportProfile &profile,
    const ImportOptions &options = {});

// The problems as a CSV file the user can keep (row, column, value, reason).
QByteArray problemsCsv(const QList<ImportProblem> &problems);

} // namespace vigil
