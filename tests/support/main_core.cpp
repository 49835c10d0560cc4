// Catch2 runner for core and command-line tests. A QGuiApplication (offscreen) because core
// paints (logos, charts in reports) with Qt Gui.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "base/translations.h"
#include "support/environment.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    vigil::test::prepareEnvironment();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    vigil::installTranslations(app);
    return Catch::Session().run(argc, argv);
}
