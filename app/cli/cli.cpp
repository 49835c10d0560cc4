#include "cli.h"

#include "base/clock.h"
#include "base/timeformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

} // namespace

QStringList arguments(int argc, char *argv[], int skip)
{
    QStringList args {QStringLiteral("vigil")};
    for (int i = 1 + skip; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return args;
}

int fail(const QString &command, const QString &message, int code)
{
    const QString prefix = command.isEmpty() ? QStringLiteral("vigil") : Text::tr("vigil %1").arg(command);
    std::fprintf(stderr, "%s: %s\n", qPrintable(prefix), qPrintable(message));
    std::fflush(stderr);
    return code;
}

namespace {

int g_outputError = 0; // errno of the first write to stdout that failed

void noteOutput(bool written)
{
    if (!written && g_outputError == 0)
        g_outputError = errno ? errno : EIO;
}

} // namespace

void printOut(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit() + '\n';
    noteOutput(std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size()));
    noteOutput(std::fflush(stdout) == 0);
}

void printBytes(const QByteArray &bytes)
{
    noteOutput(std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size()));
    noteOutput(std::fflush(stdout) == 0);
}

int finishOutput(const QString &command, int code)
{
    noteOutput(std::fflush(stdout) == 0 && !std::ferror(stdout));
    if (g_outputError == 0)
        return code;
    return fail(command, Text::tr("the output could not be written (%1).").arg(QString::fromLocal8Bit(std::strerror(g_outputError))),
        Failure);
}

bool parseToday(const QCommandLineParser &parser, const QString &command, QDate *today, int *exitCode)
{
    *today = QDate();
    if (!parser.isSet(QStringLiteral("today")))
        return true;
    const QString value = parser.value(QStringLiteral("today"));
    *today = parseIsoDate(value);
    if (!today->isValid()) {
        *exitCode = fail(command, Text::tr("'%1' is not a valid date; use YYYY-MM-DD.").arg(value), UsageError);
        return false;
    }
    return true;
}

void installToday(const QDate &today)
{
    Clock::install(std::make_shared<SystemClock>(QDate::currentDate().daysTo(today)));
}

bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args, const QStringList &required,
    int *exitCode, int positionals)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
        Text::tr("Show this help and exit."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        *exitCode = fail(command, parser.errorText() + Text::tr(" See 'vigil %1 --help'.").arg(command),
            UsageError);
        return false;
    }
    if (parser.isSet(help)) {
        printOut(helpText(parser, command));
        *exitCode = Success;
        return false;
    }
    if (parser.positionalArguments().size() > positionals) {
        *exitCode = fail(command, Text::tr("unexpected argument '%1'. See 'vigil %2 --help'.")
                                      .arg(parser.positionalArguments().at(positionals), command),
            UsageError);
        return false;
    }
    for (const QString &name : required) {
        if (!parser.isSet(name) || parser.value(name).isEmpty()) {
            *exitCode = fail(command, Text::tr("--%1 is required. See 'vigil %2 --help'.").arg(name, command),
                UsageError);
            return false;
        }
    }
    return true;
}

QString helpText(const QCommandLineParser &parser, const QString &command)
{
    static const QRegularExpression usage(QStringLiteral("^Usage: \\S+"));
    QString text = parser.helpText();
    return text.replace(usage,
        command.isEmpty() ? QStringLiteral("Usage: vigil") : QStringLiteral("Usage: vigil %1").arg(command));
}

void quietQtMessages()
{
    if (qEnvironmentVariableIntValue("VIGIL_VERBOSE") > 0)
        return;
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "vigil: %s\n", qPrintable(message));
    });
}

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("site.vigil"));
}

} // namespace vigil::cli
