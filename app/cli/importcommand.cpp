#include "cli.h"

#include "base/error.h"
#include "base/translations.h"
#include "import/incidentimport.h"
#include "import/peopleimport.h"
#include "import/recordimport.h"
#include "storage/database.h"

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

int runImport(int argc, char *argv[])
{
    quietQtMessages();
    QCoreApplication app(argc, argv);
    installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Imports records from a CSV file (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or an Excel workbook "
        "(.xlsx) as an import profile "
        "maps them. Every row is checked first; the import lands whole in one transaction or not at all. Prints what "
        "was read, imported, skipped and invalid (with reasons); exits 1 when nothing could be imported."));
    parser.addOption({QStringLiteral("database"), Text::tr("The site file to import into."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("kind"), Text::tr("What the file holds: incidents, risks, people, training (records) or actions."), QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("profile"), Text::tr("The import profile (JSON) mapping the file's columns and values."),
        QStringLiteral("PROFILE.json")});
    parser.addOption({QStringLiteral("sheet"), Text::tr("For an Excel workbook: the sheet to read (default: the first)."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("dry-run"), Text::tr("Check everything and report, but write nothing.")});
    parser.addOption({QStringLiteral("skip-invalid"), Text::tr("Import the valid rows even when some are not.")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), Text::tr("The CSV file or workbook to import."));
    int code = Success;
    if (!parse(parser, QStringLiteral("import"), arguments(argc, argv, 1),
            {QStringLiteral("database"), QStringLiteral("kind"), QStringLiteral("profile")}, &code, 1))
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("import"), Text::tr("name one file to import."), UsageError);
    const QString kind = parser.value(QStringLiteral("kind"));
    const QStringList kinds {QStringLiteral("incidents"), QStringLiteral("risks"), QStringLiteral("people"), QStringLiteral("training"),
        QStringLiteral("actions")};
    if (!kinds.contains(kind))
        return fail(QStringLiteral("import"), Text::tr("unknown kind '%1'; use incidents, risks, people, training or actions.").arg(kind),
            UsageError);

    ImportOptions options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    ImportSummary summary;
    try {
        ImportProfile profile = ImportProfile::load(parser.value(QStringLiteral("profile")));
        if (!profile.kind.isEmpty() && profile.kind != kind)
            return fail(QStringLiteral("import"),
                Text::tr("the profile is for %1, not %2.").arg(profile.kind, kind), UsageError);
        const SourceTable table = readSourceFile(parser.positionalArguments().constFirst(), parser.value(QStringLiteral("sheet")));
        const std::unique_ptr<Database> db = Database::open(parser.value(QStringLiteral("database")));
        db->setActor(QStringLiteral("import"));
        if (kind == QLatin1String("people"))
            summary = importPeople(*db, table, profile, options);
        else if (kind == QLatin1String("training"))
            summary = importTraining(*db, table, profile, options);
        else if (kind == QLatin1String("actions"))
            summary = importActions(*db, table, profile, options);
        else if (kind == QLatin1String("risks"))
            summary = importRisks(*db, table, profile, options);
        else
            summary = importIncidents(*db, table, profile, options);
    } catch (const Error &e) {
        return fail(QStringLiteral("import"), e.message(), Failure);
    }
    QStringList lines;
    lines.append(Text::tr("Read: %1").arg(summary.read));
    lines.append((options.dryRun ? Text::tr("Would import: %1") : Text::tr("Imported: %1")).arg(summary.imported));
    if (summary.updated > 0)
        lines.append((options.dryRun ? Text::tr("Would update: %1") : Text::tr("Updated: %1")).arg(summary.updated));
    lines.append(Text::tr("Skipped as duplicates: %1").arg(summary.duplicates));
    lines.append(Text::tr("Invalid: %1").arg(summary.invalid));
    lines.append(Text::tr("Dates read as: %1").arg(dateFormatTitle(summary.dateFormat)));
    if (summary.createdValues > 0)
        lines.append(Text::tr("Values created: %1").arg(summary.createdValues));
    for (const UnknownValue &u : std::as_const(summary.unknown))
        lines.append(Text::tr("Unknown %1 '%2': %n rows", nullptr, u.count).arg(u.field, u.value));
    for (const ImportProblem &p : std::as_const(summary.problems))
        lines.append(Text::tr("Line %1, %2 '%3': %4").arg(p.row).arg(p.column, p.value, p.reason));
    if (!summary.problems.isEmpty() && !options.skipInvalid && !options.dryRun)
        lines.append(Text::tr("Nothing was imported: correct the file, or use --skip-invalid to import the valid rows."));
    printOut(lines.join(u'\n'));
    // Nothing imported (or, in a dry run, nothing that would be): a script must notice.
    const bool nothing = options.dryRun ? summary.imported + summary.updated == 0 : !summary.written;
    return nothing ? Failure : Success;
}

} // namespace vigil::cli
