// Catch2 runner for UI tests: a QApplication on the offscreen platform, with message boxes and
// file dialogs answered by the tests instead of blocking.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "shell/background.h"
#include "shell/dialogs.h"
#include "base/translations.h"
#include "support/environment.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    vigil::test::prepareEnvironment();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    vigil::installTranslations(app);
    vigil::dialogs::setTestMode(true);
    const int result = Catch::Session().run(argc, argv);
    // As the application does before it quits: a window's background check (a file's integrity)
    // may still be running, and must not outlive Qt's SQL connection registry.
    vigil::waitForBackgroundWork();
    return result;
}
