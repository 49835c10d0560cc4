#include "base/version.h"
#include "cli/cli.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QCoreApplication::setOrganizationDomain(QStringLiteral("vigil.example.org"));

    // A first argument that is not an option names a subcommand; those run without a display.
    if (argc > 1 && argv[1][0] != '-') {
        if (std::strcmp(argv[1], "backup") == 0)
            return vigil::cli::runBackup(argc, argv);
        if (std::strcmp(argv[1], "check") == 0)
            return vigil::cli::runCheck(argc, argv);
        if (std::strcmp(argv[1], "demo") == 0)
            return vigil::cli::runDemo(argc, argv);
        if (std::strcmp(argv[1], "export") == 0)
            return vigil::cli::runExport(argc, argv);
        if (std::strcmp(argv[1], "import") == 0)
            return vigil::cli::runImport(argc, argv);
        if (std::strcmp(argv[1], "kpi") == 0)
            return vigil::cli::runKpi(argc, argv);
        if (std::strcmp(argv[1], "report") == 0)
            return vigil::cli::runReport(argc, argv);
        if (std::strcmp(argv[1], "restore") == 0)
            return vigil::cli::runRestore(argc, argv);
    }
    return vigil::cli::runGui(argc, argv);
}
