// `vigil import`, through the real binary, on a real police daily crime log (tests/data, MIT).
#include "cli/clitestsupport.h"

#include "base/timeformat.h"
#include "incidents/incidentrepository.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QDir>

using namespace vigil;
using vigil::test::makeDemo;
using vigil::test::requireOneLineFailure;
using vigil::test::Run;
using vigil::test::TempDir;
using vigil::test::vigilRun;

namespace {

const QString crimeLog = QStringLiteral(VIGIL_TEST_DATA_DIR "/psu_daily_crime_log/incidents.csv");
const QString crimeProfile = QStringLiteral(VIGIL_TEST_DATA_DIR "/psu-incidents-profile.json");

int number(const QString &out, const QString &label)
{
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(label + QStringLiteral(": ")))
            return line.mid(label.size() + 2).toInt();
    }
    FAIL("no line '" << label.toStdString() << "' in:\n" << out.toStdString());
    return -1;
}

Incident byReference(Database &db, const QString &reference)
{
    const qint64 id = scalar(db, QStringLiteral("SELECT id FROM incidents WHERE external_reference = ?"), {reference}).toLongLong();
    INFO(reference.toStdString());
    REQUIRE(id > 0);
    return IncidentRepository(db).load(id);
}

} // namespace

TEST_CASE("vigil import brings in a real police crime log with its profile", "[cli][import]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const int before = [&] {
        auto db = Database::open(site, OpenMode::ReadOnly);
        return scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt();
    }();
    const QStringList args {QStringLiteral("import"), QStringLiteral("--database"), site, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--profile"), crimeProfile};

    // Without --skip-invalid the rows with problems stop it: nothing is written, exit 1.
    const Run strict = vigilRun(args + QStringList {crimeLog});
    CHECK(strict.exitCode == 1);
    CHECK(number(strict.out, QStringLiteral("Read")) == 1710);
    const int invalid = number(strict.out, QStringLiteral("Invalid"));
    CHECK(invalid > 0);
    CHECK(strict.out.contains(QStringLiteral("It cannot have been reported before it happened.")));
    CHECK(strict.out.contains(QStringLiteral("Nothing was imported")));
    CHECK(strict.out.contains(QStringLiteral("Dates read as: MM/DD/YYYY")));

    // A dry run says what would happen and writes nothing.
    const Run dry = vigilRun(args + QStringList {QStringLiteral("--dry-run"), QStringLiteral("--skip-invalid"), crimeLog});
    CHECK(dry.exitCode == 0);
    const int would = number(dry.out, QStringLiteral("Would import"));
    {
        auto db = Database::open(site, OpenMode::ReadOnly);
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt() == before);
    }

    const Run run = vigilRun(args + QStringList {QStringLiteral("--skip-invalid"), crimeLog});
    REQUIRE(run.exitCode == 0);
    const int imported = number(run.out, QStringLiteral("Imported"));
    const int duplicates = number(run.out, QStringLiteral("Skipped as duplicates"));
    CHECK(imported == would);
    CHECK(imported + duplicates + invalid == 1710);
    CHECK(imported > 1600);
    {
        auto db = Database::open(site, OpenMode::ReadOnly);
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt() == before + imported);
        // Rows of the file, as the file says.
        const Incident first = byReference(*db, QStringLiteral("2026-00002149"));
        CHECK(first.occurredAt == QDateTime(QDate(2026, 2, 18), QTime(1, 3)).toUTC());
        CHECK(first.location == QStringLiteral("EISENHOWER PARKING DECK"));
        CHECK(first.description == QStringLiteral("Visitor requested assistance with a personal matter"));
        const Incident altoona = byReference(*db, QStringLiteral("26ALtemp00008"));
        CHECK(altoona.occurredAt == QDateTime(QDate(2026, 2, 17), QTime(19, 5)).toUTC());
        CHECK(altoona.reportedAt == QDateTime(QDate(2026, 2, 17), QTime(20, 47)).toUTC());
        CHECK(altoona.location == QStringLiteral("Slep Student Center"));
        const Incident hershey = byReference(*db, QStringLiteral("PSHI-2026-02-I-134168"));
        CHECK(hershey.occurredAt == QDateTime(QDate(2026, 2, 22), QTime(22, 15)).toUTC());
        CHECK(hershey.reportedAt == QDateTime(QDate(2026, 2, 23), QTime(0, 6)).toUTC());
        CHECK(hershey.location.startsWith(QStringLiteral("Hershey - Dispatched To: HMC - Main Hospital")));
        // The audit trail names the file and its line.
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'incidents' AND context LIKE "
                                         "'Imported from incidents.csv, line %'"))
                  .toInt()
            == imported);
    }

    // Next month's run of the same file: everything is already there.
    const Run again = vigilRun(args + QStringList {QStringLiteral("--skip-invalid"), crimeLog});
    CHECK(again.exitCode == 1);
    CHECK(number(again.out, QStringLiteral("Imported")) == 0);
    CHECK(number(again.out, QStringLiteral("Skipped as duplicates")) == imported + duplicates);
}

TEST_CASE("vigil import refuses bad files and arguments with one line", "[cli][import]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QStringList args {QStringLiteral("import"), QStringLiteral("--database"), site, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--profile"), crimeProfile};
    QFile binary(dir.path(QStringLiteral("photo.csv")));
    REQUIRE(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    binary.close();
    const Run notText = vigilRun(args + QStringList {binary.fileName()});
    requireOneLineFailure(notText, 1);
    CHECK(notText.err.contains(QStringLiteral("not a text file")));
    requireOneLineFailure(vigilRun(args + QStringList {dir.path(QStringLiteral("none.csv"))}), 1);
    requireOneLineFailure(vigilRun(args), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("import"), QStringLiteral("--database"), site, QStringLiteral("--kind"),
                              QStringLiteral("budgets"), QStringLiteral("--profile"), crimeProfile, crimeLog}),
        2);
    QFile profile(dir.path(QStringLiteral("broken.json")));
    REQUIRE(profile.open(QIODevice::WriteOnly));
    profile.write("{\"columns\": {\"occurredAt\": \"missing_column\"}}");
    profile.close();
    const Run noColumn = vigilRun({QStringLiteral("import"), QStringLiteral("--database"), site, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--profile"), profile.fileName(), crimeLog});
    requireOneLineFailure(noColumn, 1);
    CHECK(noColumn.err.contains(QStringLiteral("no column 'missing_column'")));
}
