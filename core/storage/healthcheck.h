#pragma once

#include <QStringList>

namespace vigil {

class Database;

// What `vigil check` reports: the file's integrity, its schema against the one this program
// builds, and whether every record agrees with the audit trail.
struct HealthReport
{
    QStringList passed;   // one line per check that found nothing wrong
    QStringList problems; // one line per problem found
    bool healthy() const { return problems.isEmpty(); }
};

HealthReport checkHealth(const Database &db);

} // namespace vigil
