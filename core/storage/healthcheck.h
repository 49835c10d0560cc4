#pragma once

#include <QStringList>

#include <functional>

namespace vigil {

class Database;

// What `vigil check` reports: the file's integrity, its schema against the one this program
// builds, and whether every record agrees with the audit trail.
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

// Checks the file's integrity, its schema, the records against the audit trail and the audit
// trail's hash chain. Only reads.
HealthReport checkHealth(const Database &db, const HealthProgress &progress = {});

} // namespace vigil
