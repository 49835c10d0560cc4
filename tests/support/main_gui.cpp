// Catch2 runner for UI tests: a QApplication on the offscreen platform, with message boxes and
// file dialogs answered by the tests instead of blocking.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

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
    return Catch::Session().run(argc, argv);
}
