#include "cli.h"

#include "base/clock.h"
#include "base/processclock.h"
#include "base/error.h"
#include "base/timeformat.h"
#include "shell/firstpaint.h"
#include "shell/icons.h"
#include "shell/mainwindow.h"
#include "shell/windowmanager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

bool hasDisplay()
{
#ifdef Q_OS_LINUX
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

QString mainHelp(const QCommandLineParser &parser)
{
    QString help = helpText(parser, {});
    help += Text::tr("\nCommands (each has --help; none needs a display):\n"
                     "  check    Check a site file's integrity, schema and audit trail.\n"
                     "  demo     Create a new site file filled with a realistic demo site.\n");
    return help;
}

} // namespace

int runGui(int argc, char *argv[])
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Vigil: security operations management for one site.\n\n"
                 "Without a command, opens the window on the site file."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
        Text::tr("Show the version and exit."));
    const QCommandLineOption database(QStringLiteral("database"),
        Text::tr("The site file to open (default: %1). A missing file is created.").arg(defaultDatabasePath()),
        QStringLiteral("FILE"));
    const QCommandLineOption today(QStringLiteral("today"),
        Text::tr("Run as if today were this date (for demonstrations and tests)."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption quitAfterStartup(QStringLiteral("quit-after-startup"),
        Text::tr("Show the window, paint it once, print the milliseconds since the process started and exit."));
    parser.addOptions({help, version, database, today, quitAfterStartup});
    if (!parser.parse(arguments(argc, argv, 0)))
        return fail({}, parser.errorText() + Text::tr(" See 'vigil --help'."), UsageError);
    if (parser.isSet(help)) {
        printOut(mainHelp(parser));
        return Success;
    }
    if (parser.isSet(version)) {
        printOut(QStringLiteral("vigil %1").arg(QCoreApplication::applicationVersion()));
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail({}, Text::tr("unknown command '%1'. See 'vigil --help'.").arg(parser.positionalArguments().first()),
            UsageError);
    QDate todayDate;
    if (parser.isSet(today)) {
        todayDate = parseIsoDate(parser.value(today));
        if (!todayDate.isValid())
            return fail({}, Text::tr("'%1' is not a valid date; use YYYY-MM-DD.").arg(parser.value(today)),
                UsageError);
    }
    if (!hasDisplay())
        return fail({}, Text::tr("no display to show the window on (DISPLAY is not set). The commands in "
                                 "'vigil --help' work without one."),
            Failure);

    QApplication app(argc, argv);
    QApplication::setWindowIcon(applicationIcon());
    installTranslations(app);
    if (todayDate.isValid())
        Clock::install(std::make_shared<SystemClock>(QDate::currentDate().daysTo(todayDate)));

    WindowManager::StartOptions options;
    options.path = parser.isSet(database) ? parser.value(database) : defaultDatabasePath();
    options.isDefaultPath = !parser.isSet(database);
    options.interactive = !parser.isSet(quitAfterStartup);
    options.askForMissingProfile = options.interactive;
    WindowManager manager;
    MainWindow *window = nullptr;
    try {
        window = manager.start(options);
    } catch (const Error &e) {
        return fail({}, e.message(), Failure);
    }
    if (!window)
        return Failure;
    if (parser.isSet(quitAfterStartup)) {
        whenFirstPainted(window, [window] {
            printOut(Text::tr("first paint after %1 ms").arg(millisecondsSinceProcessStart()));
            window->close();
            QCoreApplication::exit(Success);
        });
    }
    return app.exec();
}

} // namespace vigil::cli
