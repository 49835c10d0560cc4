#pragma once

#include <QtGlobal>

namespace vigil {

// Milliseconds since this process was started by the operating system (not since main()),
// so start-up figures include loading the program and its libraries.
qint64 millisecondsSinceProcessStart();

} // namespace vigil
