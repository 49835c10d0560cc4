#include "cli.h"

#include "backup/backupsettings.h"
#include "base/error.h"
#include "base/processclock.h"
#include "base/translations.h"
#include "shell/firstpaint.h"
#include "shell/icons.h"
#include "shell/background.h"
#include "shell/mainwindow.h"
#include "shell/windowmanager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::cli {
namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int number)
{
    // Async-signal-safe only: a byte down a non-blocking socket, errno kept. A second signal of
    // the kind ends the program at once, for a window that no longer answers.
    const int savedErrno = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
    ::signal(number, SIG_DFL);
    errno = savedErrno;
}

// SIGTERM (a logout, a shutdown, `kill`), SIGHUP (the terminal went away) and SIGINT (Ctrl+C in
// the terminal) close the windows as File > Quit does: editors with changes ask, the file is
// closed, its journal folded in and its lock released, instead of leaving them as a crash does.
// The handler only writes a byte; the event loop does the rest.
void quitOnTerminationSignals(QApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(g_signalPipe[0], &byte, 1);
        QApplication::closeAllWindows();
    });
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGTERM, SIGHUP, SIGINT})
        ::sigaction(signal, &action, nullptr);
}

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
                     "  backup   Write a checked (optionally encrypted) backup of a site file.\n"
                     "  check    Check a site file's integrity, schema and audit trail.\n"
                     "  demo     Create a new site file filled with a realistic demo site.\n"
                     "  export   Write a register (risks, incidents, ...) to a CSV file or an Excel workbook.\n"
                     "  import   Import incidents, risks, people, training or actions from CSV or Excel.\n"
                     "  kpi      Print every KPI's value, target and status for a period.\n"
                     "  report   Write the management review report as a PDF.\n"
                     "  restore  Restore a site file from a backup, keeping the current file aside.\n");
    return help;
}

} // namespace

int runGui(int argc, char *argv[])
{
    struct Options
    {
        QString database;
        bool defaultDatabase = true;
        QDate today;
        bool quitAfterStartup = false;
    } options;
    {
        // Parsed under a plain application, so that help and errors are translated and nothing
        // needs a display; the window's application comes after.
        QCoreApplication core(argc, argv);
        installTranslations(core);
        QCommandLineParser parser;
        parser.setApplicationDescription(Text::tr("Vigil: security operations management for one site.\n\n"
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
        if (!parser.positionalArguments().isEmpty()) {
            const QString word = parser.positionalArguments().constFirst();
            if (word == QLatin1String("check") || word == QLatin1String("demo") || word == QLatin1String("export")
                || word == QLatin1String("kpi") || word == QLatin1String("backup") || word == QLatin1String("restore"))
                return fail({}, Text::tr("put the command first: 'vigil %1 --database FILE'.").arg(word), UsageError);
            return fail({}, Text::tr("unknown command '%1'. See 'vigil --help'.").arg(word), UsageError);
        }
        int code = Success;
        if (!parseToday(parser, {}, &options.today, &code))
            return code;
        if (!hasDisplay())
            return fail({}, Text::tr("no display to show the window on (DISPLAY is not set). The commands in "
                                     "'vigil --help' work without one."),
                Failure);
        options.defaultDatabase = !parser.isSet(database);
        options.database = options.defaultDatabase ? defaultDatabasePath() : parser.value(database);
        options.quitAfterStartup = parser.isSet(quitAfterStartup);
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(applicationIcon());
    installTranslations(app);
    if (options.today.isValid())
        installToday(options.today);

    WindowManager::StartOptions start;
    start.path = options.database;
    start.isDefaultPath = options.defaultDatabase;
    start.interactive = !options.quitAfterStartup;
    WindowManager manager;
    MainWindow *window = nullptr;
    try {
        window = manager.start(start);
    } catch (const Error &e) {
        return fail({}, e.message(), Failure);
    }
    if (!window)
        return Failure;
    QObject::connect(&app, &QCoreApplication::aboutToQuit, [] { waitForBackgroundWork(); });
    quitOnTerminationSignals(&app);
    if (options.quitAfterStartup) {
        // Report the first paint, then wait for the integrity check: a damaged file fails.
        struct Progress
        {
            bool painted = false;
            bool checked = false;
            QString problem;
        };
        auto progress = std::make_shared<Progress>();
        auto finish = [progress, window] {
            if (!progress->painted || !progress->checked)
                return;
            if (!progress->problem.isEmpty()) {
                fail({}, progress->problem, Failure);
                QCoreApplication::exit(Failure);
                return;
            }
            window->close();
            QCoreApplication::exit(Success);
        };
        whenFirstPainted(window, [progress, finish] {
            printOut(Text::tr("first paint after %1 ms").arg(millisecondsSinceProcessStart()));
            progress->painted = true;
            finish();
        });
        QObject::connect(window, &MainWindow::integrityChecked, window, [progress, finish](const QString &problem) {
            progress->checked = true;
            progress->problem = problem;
            finish();
        });
    }
    return app.exec();
}

} // namespace vigil::cli
