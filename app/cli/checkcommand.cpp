#include "cli.h"

#include "base/translations.h"
#include "storage/database.h"
#include "storage/healthcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

} // namespace

int runCheck(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Checks a site file without changing it: the file's integrity, its schema against this version of "
        "Vigil, whether every record agrees with the audit trail, and the audit trail's hash chain (the first "
        "entry that was altered, removed or inserted outside Vigil is named). Works while the file is open in "
        "Vigil.\n\n"
        "Exit status: 0 healthy, 1 problems found (listed), 2 the file cannot be opened."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to check."), QStringLiteral("FILE")});
    int code = Success;
    if (!parse(parser, QStringLiteral("check"), arguments(argc, argv, 1), {QStringLiteral("database")}, &code))
        return code;

    const QString path = parser.value(QStringLiteral("database"));
    std::unique_ptr<Database> db;
    try {
        db = Database::open(path, OpenMode::Inspect);
    } catch (const Error &e) {
        return fail(QStringLiteral("check"), e.message(), UsageError);
    }
    HealthReport report;
    try {
        report = checkHealth(*db);
    } catch (const Error &e) {
        // The file opened but could not be read through: that is a finding, not a usage error.
        report.problems.append(Text::tr("reading: %1").arg(e.message()));
    }
    {
        for (const QString &line : report.passed)
            printOut(Text::tr("ok       %1").arg(line));
        for (const QString &line : report.problems)
            printOut(Text::tr("PROBLEM  %1").arg(line));
        if (report.healthy()) {
            printOut(Text::tr("%1: healthy").arg(QFileInfo(path).fileName()));
            return Success;
        }
        return fail(QStringLiteral("check"),
            Text::tr("%n problems found in %1", nullptr, int(report.problems.size())).arg(QFileInfo(path).fileName()),
            Failure);
    }
}

} // namespace vigil::cli
