#include "cli.h"

#include "base/error.h"
#include "base/translations.h"
#include "demo/demo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstdio>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

} // namespace

int runDemo(int argc, char *argv[])
{
    // Demo pictures are drawn with QPainter: a GUI application, but never a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    quietQtMessages();
    QGuiApplication app(argc, argv);
    installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Creates a NEW site file filled with a realistic demo site. Refuses to overwrite an existing file. "
        "The same seed and date always give the same content."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to create."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("scale"),
        Text::tr("small (a site to explore; the default) or decade (ten busy years, for benchmarks)."),
        QStringLiteral("SCALE"), QStringLiteral("small")});
    parser.addOption({QStringLiteral("seed"), Text::tr("Random seed (a whole number; default 1)."),
        QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("today"), Text::tr("The demo's today (default: the real today)."),
        QStringLiteral("YYYY-MM-DD")});
    int code = Success;
    if (!parse(parser, QStringLiteral("demo"), arguments(argc, argv, 1), {QStringLiteral("database")}, &code))
        return code;

    DemoOptions options;
    const QString scale = parser.value(QStringLiteral("scale"));
    if (!demoScaleFromKey(scale, &options.scale))
        return fail(QStringLiteral("demo"),
            Text::tr("unknown scale '%1'; use small or decade.").arg(scale), UsageError);
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("demo"),
            Text::tr("the seed must be a whole number, not '%1'.").arg(parser.value(QStringLiteral("seed"))),
            UsageError);
    if (!parseToday(parser, QStringLiteral("demo"), &options.today, &code))
        return code;

    const QString path = parser.value(QStringLiteral("database"));
    QElapsedTimer timer;
    timer.start();
    try {
        const bool showProgress = stderrIsTerminal();
        generateDemo(path, options, [showProgress](const QString &step) {
            if (showProgress)
                std::fprintf(stderr, "  %s…\n", qPrintable(step));
        });
    } catch (const Error &e) {
        return fail(QStringLiteral("demo"), e.message(), Failure);
    }
    printOut(Text::tr("Created %1 (%2 demo site, seed %3) in %4 s.")
                 .arg(QFileInfo(path).fileName(), scale)
                 .arg(options.seed)
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return Success;
}

} // namespace vigil::cli
