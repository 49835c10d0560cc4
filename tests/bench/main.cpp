// vigil-bench --database FILE [--runs N] [--json] [--only REGEX]
// Times named operations on a site file (make one with `vigil demo --scale decade`) and prints
// the median and maximum milliseconds over N runs, after one warm-up run.
#include "benchmark.h"

#include "base/error.h"
#include "storage/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <utility>

using namespace vigil;
using namespace vigil::bench;

namespace {

struct Result
{
    QString name;
    QString description;
    double median = 0;
    double max = 0;
    int runs = 0;
};

double timeOnce(const Operation &operation, Context &context)
{
    QElapsedTimer timer;
    timer.start();
    const double reported = operation.run(context);
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    return reported >= 0 ? reported : elapsed;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times Vigil's operations on a site file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("The site file (e.g. a decade demo)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs per operation (default 10)."), QStringLiteral("N"),
        QStringLiteral("10")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("Run the operations whose name matches."), QStringLiteral("REGEX")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the results as JSON.")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("database"));
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        std::fprintf(stderr, "vigil-bench: --database FILE is required and must exist\n");
        return 2;
    }
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    const QRegularExpression only(parser.value(QStringLiteral("only")));
    if (!only.isValid()) {
        std::fprintf(stderr, "vigil-bench: --only '%s' is not a valid regular expression: %s\n",
            qPrintable(only.pattern()), qPrintable(only.errorString()));
        return 2;
    }
    QList<Operation> operations;
    for (const Operation &operation : allOperations()) {
        if (only.pattern().isEmpty() || only.match(operation.name).hasMatch())
            operations.append(operation);
    }
    if (operations.isEmpty()) {
        std::fprintf(stderr, "vigil-bench: --only '%s' matches no operation\n", qPrintable(only.pattern()));
        return 2;
    }

    Context context;
    context.databasePath = QFileInfo(path).absoluteFilePath();
    context.vigilBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/vigil");
    context.emptyWindowBinary = QCoreApplication::applicationDirPath() + QStringLiteral("/vigil-empty-window");

    QList<Result> results;
    try {
        for (const Operation &operation : std::as_const(operations)) {
            if (operation.needs == Operation::Needs::OpenDatabase && !context.db)
                context.db = Database::open(context.databasePath);
            if (operation.needs == Operation::Needs::ClosedFile)
                context.db.reset();
            timeOnce(operation, context); // warm-up: caches, lazily loaded plugins
            QList<double> times;
            for (int i = 0; i < runs; ++i)
                times.append(timeOnce(operation, context));
            std::sort(times.begin(), times.end());
            Result result {operation.name, operation.description,
                runs % 2 ? times.at(runs / 2) : (times.at(runs / 2 - 1) + times.at(runs / 2)) / 2, times.last(), runs};
            if (times.first() < 0) {
                std::fprintf(stderr, "vigil-bench: %s failed\n", qPrintable(operation.name));
                return 1;
            }
            results.append(result);
            if (!parser.isSet(QStringLiteral("json")))
                std::printf("%-34s median %9.2f ms   max %9.2f ms   (%d runs)\n", qPrintable(result.name), result.median,
                    result.max, result.runs);
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "vigil-bench: %s\n", qPrintable(e.message()));
        return 1;
    }
    context.db.reset();

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Result &r : results)
            array.append(QJsonObject {{QStringLiteral("name"), r.name}, {QStringLiteral("description"), r.description},
                {QStringLiteral("median_ms"), r.median}, {QStringLiteral("max_ms"), r.max}, {QStringLiteral("runs"), r.runs}});
        std::printf("%s\n", QJsonDocument(QJsonObject {{QStringLiteral("database"), context.databasePath},
                                                           {QStringLiteral("operations"), array}})
                                .toJson()
                                .constData());
    }
    return 0;
}
