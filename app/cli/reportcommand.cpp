#include "cli.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/timeformat.h"
#include "base/translations.h"
#include "report/report.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

QString sectionKeys()
{
    QStringList keys;
    for (ReportSection section : allReportSections)
        keys.append(reportSectionKey(section));
    return keys.join(u',');
}

} // namespace

int runReport(int argc, char *argv[])
{
    // The report is drawn with QPainter and laid out with Qt's text engine: a GUI application,
    // never a display. The caller sets nothing.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    quietQtMessages();
    QGuiApplication app(argc, argv);
    installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Makes the management review report of a site file as a PDF: cover, contents, executive summary, KPI results, "
        "risks, incidents, training, corrective actions and open points (the same document as the window's). "
        "Reads the site file only; works while it is open in Vigil."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to read."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), Text::tr("The PDF to write (replaced only once complete)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("force"), Text::tr("Replace --out if it exists (never a site file or a backup).")});
    parser.addOption({QStringLiteral("period"),
        Text::tr("The period: a month (2026-03), a quarter (2026-Q1) or a year (2026). Default: the last whole month."),
        QStringLiteral("PERIOD")});
    parser.addOption({QStringLiteral("from"), Text::tr("First day of a range of days (with --to) instead of --period."),
        QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("to"), Text::tr("Last day of the range."), QStringLiteral("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("sections"), Text::tr("Which sections, comma-separated: %1 (default: all).").arg(sectionKeys()),
        QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("prepared-by"), Text::tr("Who prepared the report (on the cover and as the PDF's author)."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("archival"), Text::tr("Write PDF/A-1b, for archiving.")});
    parser.addOption({QStringLiteral("today"), Text::tr("Run as if today were this day (default: the real today)."),
        QStringLiteral("YYYY-MM-DD")});
    int code = Success;
    if (!parse(parser, QStringLiteral("report"), arguments(argc, argv, 1), {QStringLiteral("database"), QStringLiteral("out")},
            &code))
        return code;
    QDate today;
    if (!parseToday(parser, QStringLiteral("report"), &today, &code))
        return code;
    if (today.isValid())
        installToday(today);

    ReportOptions options;
    const bool hasFrom = parser.isSet(QStringLiteral("from"));
    const bool hasTo = parser.isSet(QStringLiteral("to"));
    if (hasFrom != hasTo)
        return fail(QStringLiteral("report"), Text::tr("--from and --to go together."), UsageError);
    if (hasFrom && parser.isSet(QStringLiteral("period")))
        return fail(QStringLiteral("report"), Text::tr("give either --period or --from and --to, not both."), UsageError);
    if (hasFrom) {
        const QDate from = parseIsoDate(parser.value(QStringLiteral("from")));
        const QDate to = parseIsoDate(parser.value(QStringLiteral("to")));
        if (!from.isValid() || !to.isValid())
            return fail(QStringLiteral("report"),
                Text::tr("'%1' is not a date; use YYYY-MM-DD.")
                    .arg(from.isValid() ? parser.value(QStringLiteral("to")) : parser.value(QStringLiteral("from"))),
                UsageError);
        if (from > to)
            return fail(QStringLiteral("report"), Text::tr("--from must not be after --to."), UsageError);
        options.period = Period::custom(from, to);
    } else if (parser.isSet(QStringLiteral("period"))) {
        const std::optional<Period> period = Period::parse(parser.value(QStringLiteral("period")));
        if (!period)
            return fail(QStringLiteral("report"),
                Text::tr("'%1' is not a period; use YYYY-MM, YYYY-Qn or YYYY.").arg(parser.value(QStringLiteral("period"))),
                UsageError);
        options.period = *period;
    } else {
        options.period = Period::containing(Period::Kind::Month, Clock::current().today()).previous();
    }
    if (parser.isSet(QStringLiteral("sections"))) {
        options.sections.clear();
        for (const QString &key : parser.value(QStringLiteral("sections")).split(u',', Qt::SkipEmptyParts)) {
            ReportSection section;
            if (!reportSectionFromKey(key.trimmed(), &section))
                return fail(QStringLiteral("report"),
                    Text::tr("unknown section '%1'; use %2.").arg(key.trimmed(), sectionKeys()), UsageError);
            if (!options.sections.contains(section))
                options.sections.append(section);
        }
        if (options.sections.isEmpty())
            return fail(QStringLiteral("report"), Text::tr("--sections names no section; use %1.").arg(sectionKeys()), UsageError);
    }
    options.preparedBy = parser.value(QStringLiteral("prepared-by"));
    options.archival = parser.isSet(QStringLiteral("archival"));

    const QString out = parser.value(QStringLiteral("out"));
    try {
        const std::unique_ptr<Database> db = Database::open(parser.value(QStringLiteral("database")), OpenMode::ReadOnly);
        writeReportPdf(*db, options, out, OutputOptions {parser.isSet(QStringLiteral("force")), {}});
    } catch (const Error &e) {
        return fail(QStringLiteral("report"), e.message(), Failure);
    }
    printOut(Text::tr("Wrote the report for %1 to %2.").arg(options.period.key(), QFileInfo(out).absoluteFilePath()));
    return Success;
}

} // namespace vigil::cli
