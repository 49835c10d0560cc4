#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

class QCommandLineParser;
class QCoreApplication;

namespace vigil::cli {

// Exit codes shared by every subcommand.
enum ExitCode {
    Success = 0,
    Failure = 1,    // the command ran and failed (or `check` found problems)
    UsageError = 2, // bad arguments; also `check` on a file it cannot open
};

// The arguments as Qt strings, with argv[0] and the subcommand name removed.
QStringList arguments(int argc, char *argv[], int skip);

// Prints "vigil[ COMMAND]: MESSAGE" as one line on stderr and returns code.
int fail(const QString &command, const QString &message, int code);

// Parses args into parser; on a parse error, or a missing required option, prints why and
// returns false with *exitCode set. --help prints the help and returns false with Success.
// positionals: how many arguments that are not options the command takes (after the options).
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args,
    const QStringList &required, int *exitCode, int positionals = 0);

// Both print to stdout and note a failed write (a full disk, /dev/full).
void printOut(const QString &text);

// Writes bytes to stdout exactly as they are (no newline added): for output whose line ends
// are part of its format, such as CSV.
void printBytes(const QByteArray &bytes);

// After a command: flushes stdout and, if anything printed could not be written, says so in one
// line and returns Failure; otherwise returns code. A command's output is its result: a `vigil kpi`
// redirected to a full disk must not exit 0 with an empty file.
int finishOutput(const QString &command, int code);

// Reads the parser's --today option (YYYY-MM-DD). Leaves *today invalid when the option is not
// given. When it is not a date, prints why ("vigil[ COMMAND]: ...") and returns false with
// *exitCode set to UsageError.
bool parseToday(const QCommandLineParser &parser, const QString &command, QDate *today, int *exitCode);

// From here on the whole process runs as if it were that day: the system clock, moved by whole days.
void installToday(const QDate &today);

// Qt's own diagnostics are not for the user of a command-line tool: headless subcommands keep
// stderr to their one line (set VIGIL_VERBOSE=1 to see them).
void quietQtMessages();

// The parser's help with a usage line naming the subcommand ("Usage: vigil check [options]").
QString helpText(const QCommandLineParser &parser, const QString &command);

bool stderrIsTerminal();

QString defaultDatabasePath();

int runBackup(int argc, char *argv[]);
int runCheck(int argc, char *argv[]);
int runDemo(int argc, char *argv[]);
int runExport(int argc, char *argv[]);
int runGui(int argc, char *argv[]);
int runImport(int argc, char *argv[]);
int runKpi(int argc, char *argv[]);
int runReport(int argc, char *argv[]);
int runRestore(int argc, char *argv[]);

} // namespace vigil::cli
