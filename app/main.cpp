#include "base/version.h"
#include "cli/cli.h"

#include <QCoreApplication>

#include <cstring>
#include <utility>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QCoreApplication::setOrganizationDomain(QStringLiteral("vigil.example.org"));

    // A first argument that is not an option names a subcommand; those run without a display.
    if (argc > 1 && argv[1][0] != '-') {
        using Run = int (*)(int, char **);
        static const std::pair<const char *, Run> commands[] = {{"backup", vigil::cli::runBackup},
            {"check", vigil::cli::runCheck}, {"demo", vigil::cli::runDemo}, {"export", vigil::cli::runExport},
            {"import", vigil::cli::runImport}, {"kpi", vigil::cli::runKpi}, {"report", vigil::cli::runReport},
            {"restore", vigil::cli::runRestore}};
        for (const auto &[name, run] : commands) {
            if (std::strcmp(argv[1], name) == 0)
                return vigil::cli::finishOutput(QString::fromLatin1(name), run(argc, argv));
        }
    }
    return vigil::cli::runGui(argc, argv);
}
