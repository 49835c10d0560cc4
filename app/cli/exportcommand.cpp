#include "cli.h"

#include "base/error.h"
#include "base/translations.h"
#include "io/exports.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace vigil::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::cli)
};

// A title inside a sentence: "Risk register" becomes "risk register", "KPI values" stays.
QString inSentence(QString title)
{
    if (title.size() > 1 && title.at(1).isLower())
        title[0] = title.at(0).toLower();
    return title;
}

} // namespace

int runExport(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);
    QStringList kinds;
    QStringList described;
    for (const ExportKind &kind : exportKinds()) {
        kinds.append(kind.key);
        described.append(kind.note.isEmpty() ? kind.key : Text::tr("%1 (%2)").arg(kind.key, kind.note));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Writes a register of the site file to a file, for spreadsheets and "
                                              "other programs. Reads the site file only; works while it is open in "
                                              "Vigil. The output file is replaced only once it is complete."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to read."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("kind"), Text::tr("What to export: %1.").arg(described.join(QStringLiteral(", "))),
        QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("format"),
        Text::tr("The file format: csv, or xlsx (an Excel workbook: typed cells, date-times in UTC). Without it, "
                 "an --out name ending in .xlsx is written as xlsx, any other as csv."),
        QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("out"), Text::tr("The file to write (replaced only once complete)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("force"), Text::tr("Replace --out if it exists (never a site file or a backup).")});
    parser.addOption({QStringLiteral("today"),
        Text::tr("For compliance: the day the matrix is for (default: the real today)."), QStringLiteral("YYYY-MM-DD")});
    int code = Success;
    if (!parse(parser, QStringLiteral("export"), arguments(argc, argv, 1),
            {QStringLiteral("database"), QStringLiteral("kind"), QStringLiteral("out")}, &code))
        return code;

    const QString kindKey = parser.value(QStringLiteral("kind"));
    const QList<ExportKind> all = exportKinds();
    const auto kind = std::find_if(all.begin(), all.end(), [&](const ExportKind &k) { return k.key == kindKey; });
    if (kind == all.end())
        return fail(QStringLiteral("export"),
            Text::tr("unknown kind '%1'; use one of: %2.").arg(kindKey, kinds.join(QStringLiteral(", "))), UsageError);
    QDate today;
    if (!parseToday(parser, QStringLiteral("export"), &today, &code))
        return code;
    if (today.isValid()) {
        QStringList dated;
        for (const ExportKind &k : all) {
            if (k.asOfToday)
                dated.append(k.key);
        }
        if (!kind->asOfToday)
            return fail(QStringLiteral("export"),
                Text::tr("--today applies only to --kind %1; the %2 export does not depend on the day.")
                    .arg(dated.join(QStringLiteral(", ")), kindKey),
                UsageError);
        // As the window's --today: the whole process runs as if it were that day.
        installToday(today);
    }
    const QString out = parser.value(QStringLiteral("out"));
    ExportFormat format = exportFormatOfPath(out).value_or(ExportFormat::Csv);
    if (parser.isSet(QStringLiteral("format"))
        && !exportFormatFromKey(parser.value(QStringLiteral("format")), &format))
        return fail(QStringLiteral("export"),
            Text::tr("unknown format '%1'; use csv or xlsx.").arg(parser.value(QStringLiteral("format"))), UsageError);

    try {
        const std::unique_ptr<Database> db = Database::open(parser.value(QStringLiteral("database")), OpenMode::ReadOnly);
        const ExportTable table = kind->build(*db);
        const ExportWritten written
            = writeExportFile(table, out, format, OutputOptions {parser.isSet(QStringLiteral("force")), db->path()});
        printOut(Text::tr("Wrote %n rows of the %1 to %2.", nullptr, int(table.rows.size()))
                     .arg(inSentence(table.title), QFileInfo(out).fileName()));
        if (!written.cutCells.isEmpty())
            printOut(cutCellsNote(written.cutCells));
    } catch (const Error &e) {
        return fail(QStringLiteral("export"), e.message(), Failure);
    }
    return Success;
}

} // namespace vigil::cli
