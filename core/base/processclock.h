#pragma once

#include <QtGlobal>

namespace vigil {

// Milliseconds since this process was started by the operating system (not since main()),
// so start-up figures include loading the program and its libraries. When the process was
// forked long before it exec'd Vigil (a shell that ran a build first), from static initialisation.
qint64 millisecondsSinceProcessStart();

} // namespace vigil
