#pragma once

class QCoreApplication;

namespace vigil {

// Installs Qt's own translations and Vigil's for the user's locale. English needs one too: it
// holds the plural forms ("1 incident", "2 incidents"). The .qm files are compiled into vigil_core.
void installTranslations(QCoreApplication &app);

} // namespace vigil
