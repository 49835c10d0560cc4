#pragma once

#include <QStringList>

#include <functional>

namespace vigil {

class Database;

// What `vigil check` reports: the file's integrity, its schema against the one this program
// builds, whether every record agrees with the audit trail, and whether the search index
// finds every incident by what its records say.
struct HealthReport
{
    QStringList passed;   // one line per check that found nothing wrong
    QStringList problems; // one line per problem found
    bool cancelled = false; // stopped before the end: the lines say only what was checked
    bool healthy() const { return problems.isEmpty() && !cancelled; }
};

// How far a check is: what it is doing now, and done of total (total 0: no measure). Called
// often enough to stop within a moment; returning false stops the check.
using HealthProgress = std::function<bool(const QString &step, qint64 done, qint64 total)>;

// Checks the file's integrity, its schema, the records against the audit trail, the audit
// trail's hash chain and the search index against the records. Writes nothing to the file.
HealthReport checkHealth(const Database &db, const HealthProgress &progress = {});

// The incidents (ids, in order) whose entries in the search index differ from what their records
// say now: the index built afresh in a temporary table and compared term by term. Empty for a
// file before format 9 (its index kept a copy of the text).
QList<qint64> staleSearchEntries(const Database &db);

} // namespace vigil
