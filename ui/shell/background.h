#pragma once

#include <functional>

class QObject;

namespace vigil {

// Runs work on a worker thread of its own at low priority (the startup integrity check, the
// daily backup), then done() on receiver's thread, unless the receiver is gone by then. The
// thread deletes itself when finished.
void runInBackground(QObject *receiver, std::function<void()> work, std::function<void()> done);

// Waits for every piece of background work still running (before the program exits).
void waitForBackgroundWork();

} // namespace vigil
