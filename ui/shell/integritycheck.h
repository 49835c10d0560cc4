#pragma once

#include <QString>

#include <functional>

class QObject;

namespace vigil {

// Runs Database::verifyIntegrity(path) on a worker thread and calls done(problem) on receiver's
// thread when it finishes (problem is empty when the file is sound). Nothing is called if the
// receiver is gone by then.
void verifyIntegrityInBackground(QObject *receiver, const QString &path, std::function<void(const QString &)> done);

} // namespace vigil
