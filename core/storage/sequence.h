#pragma once

#include <QString>

namespace vigil {

class Database;

// The next number of a named sequence ("risk", "incident-2026"), inside the caller's
// transaction. Numbers are never handed out twice, even when records are later deleted.
qint64 nextInSequence(Database &db, const QString &name);

} // namespace vigil
