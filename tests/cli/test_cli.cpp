// The command line, through the real vigil binary.
#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "base/version.h"
#include "core/incidenttestsupport.h"
#include "core/kpitestsupport.h"
#include "core/trainingtestsupport.h"
#include "storage/database.h"
#include "io/csv.h"
#include "io/exports.h"
#include "kpi/kpiengine.h"
#include "risks/riskrepository.h"
#include "storage/query.h"
#include "support/xlsxreader.h"
#include "testconfig.h"
#include "cli/clitestsupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::makeDemo;
using vigil::test::requireOneLineFailure;
using vigil::test::Run;
using vigil::test::TempDir;
using vigil::test::vigilRun;

TEST_CASE("vigil --help and --version work without a display", "[cli]")
{
    Run help = vigilRun({QStringLiteral("--help")}, {QStringLiteral("DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.startsWith(QStringLiteral("Usage: vigil")));
    // Every command is listed, each with its own --help.
    for (const char *text : {"--database", "--quit-after-startup"})
        CHECK(help.out.contains(QLatin1String(text)));
    for (const char *command : {"backup", "check", "demo", "export", "import", "kpi", "report", "restore"})
        CHECK(help.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(command))));
    CHECK(help.err.isEmpty());

    const Run version = vigilRun({QStringLiteral("--version")}, {QStringLiteral("DISPLAY")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.trimmed() == QStringLiteral("vigil " VIGIL_VERSION));

    for (const char *command : {"backup", "check", "demo", "export", "import", "kpi", "report", "restore"}) {
        const Run sub = vigilRun({QLatin1String(command), QStringLiteral("--help")});
        CHECK(sub.exitCode == 0);
        CHECK(sub.out.startsWith(QStringLiteral("Usage: vigil %1").arg(QLatin1String(command))));
    }
}

TEST_CASE("Bad command lines fail with one line and exit 2", "[cli]")
{
    requireOneLineFailure(vigilRun({QStringLiteral("frobnicate")}), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("--no-such-option")}), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("check")}), 2); // --database is required
    requireOneLineFailure(vigilRun({QStringLiteral("check"), QStringLiteral("--database")}), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), QStringLiteral("x.vigil"),
                              QStringLiteral("extra")}),
        2);
    requireOneLineFailure(vigilRun({QStringLiteral("--today"), QStringLiteral("2026-13-01")}), 2);
}

TEST_CASE("vigil demo creates a new healthy file, deterministically", "[cli][demo]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    CHECK(QFileInfo::exists(path));
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("demo.vigil")});

    // Made in another time zone, the same seed and date give the same content.
    const QString again = dir.path(QStringLiteral("again.vigil"));
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("Pacific/Kiritimati"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIGIL_BINARY), {QStringLiteral("demo"), QStringLiteral("--database"), again,
                                                       QStringLiteral("--today"), QStringLiteral("2026-11-23")});
        REQUIRE(process.waitForFinished(60000));
        REQUIRE(process.exitCode() == 0);
    }
    const auto dumpOf = [](const QString &file) {
        auto db = Database::open(file, OpenMode::ReadOnly);
        return scalar(*db, QStringLiteral("SELECT group_concat(uuid || name || created_at) FROM site_profile")).toString()
            + scalar(*db, QStringLiteral("SELECT group_concat(at || record_uuid || changes) FROM audit_log")).toString();
    };
    CHECK(dumpOf(path) == dumpOf(again));

    const Run check = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path});
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QStringLiteral("demo.vigil: healthy")));
}

TEST_CASE("vigil demo refuses to overwrite, bad options and unwritable places", "[cli][demo]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    const QByteArray before = test::sha256(path);
    requireOneLineFailure(vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), path}), 1);
    CHECK(test::sha256(path) == before);

    const QString other = dir.path(QStringLiteral("other.vigil"));
    requireOneLineFailure(
        vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), other, QStringLiteral("--scale"), QStringLiteral("huge")}), 2);
    requireOneLineFailure(
        vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), other, QStringLiteral("--seed"), QStringLiteral("-3")}), 2);
    const Run impossible = vigilRun(
        {QStringLiteral("demo"), QStringLiteral("--database"), other, QStringLiteral("--today"), QStringLiteral("2026-02-30")});
    requireOneLineFailure(impossible, 2);
    CHECK(impossible.err.contains(QStringLiteral("2026-02-30")));
    CHECK_FALSE(QFileInfo::exists(other));

    // A folder that cannot be created: the command fails and leaves nothing.
    test::writeFile(dir.path(QStringLiteral("blocker")), "a file, not a folder");
    requireOneLineFailure(vigilRun({QStringLiteral("demo"), QStringLiteral("--database"),
                              dir.path(QStringLiteral("blocker/demo.vigil"))}),
        1);
    CHECK(test::listDir(dir.root()) == (QStringList {QStringLiteral("blocker"), QStringLiteral("demo.vigil")}));
}

TEST_CASE("vigil check: 0 healthy, 1 problems listed, 2 cannot open", "[cli][check]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    CHECK(vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path}).exitCode == 0);

    // Someone edits the file with a SQLite tool.
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE site_profile SET name = 'Forged'")));
    const Run problems = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path});
    requireOneLineFailure(problems, 1);
    CHECK(problems.out.contains(QStringLiteral("PROBLEM")));
    CHECK(problems.out.contains(QStringLiteral("edited outside Vigil")));

    test::writeFile(dir.path(QStringLiteral("notes.txt")), "shopping list");
    const Run foreign = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), dir.path(QStringLiteral("notes.txt"))});
    requireOneLineFailure(foreign, 2);
    CHECK(foreign.err.contains(QStringLiteral("not a Vigil site file")));
    requireOneLineFailure(
        vigilRun({QStringLiteral("check"), QStringLiteral("--database"), dir.path(QStringLiteral("missing.vigil"))}), 2);
}

TEST_CASE("vigil check names the first audit entry edited with the sqlite3 tool", "[cli][check][auditchain]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    const Run healthy = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path});
    CHECK(healthy.exitCode == 0);
    CHECK(healthy.out.contains(QStringLiteral("audit chain: ")));
    CHECK(healthy.out.contains(QStringLiteral("intact")));

    // Someone rewrites why a change was made, and puts the safeguard back so nothing looks odd.
    const QString edit = QStringLiteral(
        "DROP TRIGGER audit_log_no_update;\n"
        "UPDATE audit_log SET context = 'approved by the manager' WHERE id = 1234;\n"
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN\n"
        "    SELECT RAISE(ABORT, 'the audit trail is append-only');\nEND;\n");
    if (QFileInfo::exists(QStringLiteral("/usr/bin/sqlite3"))) {
        QProcess sqlite;
        sqlite.start(QStringLiteral("/usr/bin/sqlite3"), {path});
        REQUIRE(sqlite.waitForStarted());
        sqlite.write(edit.toUtf8());
        sqlite.closeWriteChannel();
        REQUIRE(sqlite.waitForFinished());
        REQUIRE(sqlite.exitCode() == 0);
    } else {
        REQUIRE(test::rawSql(path, edit));
    }
    const Run tampered = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path});
    requireOneLineFailure(tampered, 1);
    QStringList problems;
    for (const QString &line : tampered.out.split(u'\n')) {
        if (line.startsWith(QStringLiteral("PROBLEM")))
            problems.append(line);
    }
    REQUIRE(problems.size() == 1);
    CHECK(problems.at(0).contains(QStringLiteral("audit chain: entry #1234 (")));
    CHECK(problems.at(0).contains(QStringLiteral("altered")));
    CHECK(tampered.err.contains(QRegularExpression(QStringLiteral("\\b1 problems? found"))));
}

TEST_CASE("vigil --quit-after-startup shows the window, paints and reports the time", "[cli][gui]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    const QRegularExpression timing(QStringLiteral("^first paint after (\\d+) ms$"));

    SECTION("offscreen")
    {
        const Run run = vigilRun({QStringLiteral("--database"), path, QStringLiteral("--quit-after-startup")});
        CHECK(run.exitCode == 0);
        const QRegularExpressionMatch match = timing.match(run.out.trimmed());
        REQUIRE(match.hasMatch());
        CHECK(match.captured(1).toInt() > 0);
    }
    SECTION("exec'd by a shell that was busy for seconds first, as the README's run command does")
    {
        // The kernel dates a process from its fork: the time is still Vigil's own start-up.
        const QString script = QStringLiteral("sleep 6; exec '%1' --database '%2' --quit-after-startup")
                                   .arg(QStringLiteral(VIGIL_BINARY), path);
        const Run run = vigilRun({QStringLiteral("-c"), script}, {}, QStringLiteral("/bin/bash"));
        CHECK(run.exitCode == 0);
        const QRegularExpressionMatch match = timing.match(run.out.trimmed());
        REQUIRE(match.hasMatch());
        CHECK(match.captured(1).toInt() > 0);
        CHECK(match.captured(1).toInt() < 6000);
    }
    SECTION("on an X display (Xvfb), as a user's desktop would")
    {
        const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        INFO("xvfb-run is missing: run installer/setup-debian.sh");
        REQUIRE(!xvfbRun.isEmpty());
        const Run run = vigilRun({QStringLiteral("-a"), QStringLiteral(VIGIL_BINARY), QStringLiteral("--database"), path,
                                     QStringLiteral("--quit-after-startup")},
            {QStringLiteral("QT_QPA_PLATFORM")}, xvfbRun);
        CHECK(run.exitCode == 0);
        CHECK(timing.match(run.out.trimmed()).hasMatch());
    }
    // The window released the file.
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".lock")));
}

TEST_CASE("A damaged file is refused by the window's background check", "[cli][gui]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    QByteArray bytes = test::readFile(path);
    const int pageSize = test::sqlitePageSize(bytes);
    const qsizetype page = bytes.size() - 8 * pageSize;
    for (qsizetype i = page; i < page + pageSize; ++i)
        bytes[i] = char(0x5A);
    test::writeFile(path, bytes);
    const Run run = vigilRun({QStringLiteral("--database"), path, QStringLiteral("--quit-after-startup")});
    CHECK(run.exitCode == 1);
    CHECK(run.out.startsWith(QStringLiteral("first paint after")));
    REQUIRE(run.errLines().size() == 1);
    CHECK(run.err.contains(QStringLiteral("damaged")));
}

TEST_CASE("The window refuses bad files and missing displays with one line", "[cli][gui]")
{
    TempDir dir;
    test::writeFile(dir.path(QStringLiteral("photo.vigil")), QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'x'));
    const Run refused = vigilRun(
        {QStringLiteral("--database"), dir.path(QStringLiteral("photo.vigil")), QStringLiteral("--quit-after-startup")});
    requireOneLineFailure(refused, 1);
    CHECK(refused.err.contains(QStringLiteral("not a Vigil site file")));

    const Run noDisplay = vigilRun({QStringLiteral("--database"), dir.path(QStringLiteral("x.vigil"))},
        {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")});
    requireOneLineFailure(noDisplay, 1);
    CHECK(noDisplay.err.contains(QStringLiteral("display")));
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("x.vigil"))));
}

TEST_CASE("A file open in a Vigil window is refused by a second one, naming the process", "[cli][gui]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    // The first window stays open (no --quit-after-startup) until the test ends it.
    QProcess first;
    first.start(QStringLiteral(VIGIL_BINARY), {QStringLiteral("--database"), path});
    REQUIRE(first.waitForStarted());
    for (int i = 0; i < 100 && !QFileInfo::exists(path + QStringLiteral(".lock")); ++i)
        QThread::msleep(50);
    REQUIRE(QFileInfo::exists(path + QStringLiteral(".lock")));

    const Run second = vigilRun({QStringLiteral("--database"), path, QStringLiteral("--quit-after-startup")});
    requireOneLineFailure(second, 1);
    CHECK(second.err.contains(QStringLiteral("already open in Vigil (process %1").arg(first.processId())));

    // Reading beside the open window still works.
    CHECK(vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path}).exitCode == 0);
    // SIGTERM (a logout, a shutdown) is File > Quit: the file is closed properly, not left as a
    // crash leaves it (the lock file and the journal).
    first.terminate();
    REQUIRE(first.waitForFinished(10000));
    CHECK(first.exitStatus() == QProcess::NormalExit);
    CHECK(first.exitCode() == 0);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".lock")));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("vigil export writes the risk register as CSV, and fails cleanly", "[cli][export]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    const QString out = dir.path(QStringLiteral("risks.csv"));
    const Run run = vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
        QStringLiteral("risks"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), out});
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("risks.csv")));
    QList<QStringList> rows;
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(out)), &rows));
    auto db = Database::open(path, OpenMode::ReadOnly);
    RiskFilter all;
    all.includeRetired = true;
    CHECK(rows.size() == RiskRepository(*db).count(all) + 1);
    CHECK(rows.at(1).at(0) == QStringLiteral("RSK-0001"));

    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                              QStringLiteral("unicorns"), QStringLiteral("--out"), out}),
        2);
    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                              QStringLiteral("risks"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out}),
        2);
    // An unwritable destination: one line, exit 1, nothing left behind.
    test::writeFile(dir.path(QStringLiteral("blocker")), "a file");
    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                              QStringLiteral("risks"), QStringLiteral("--out"), dir.path(QStringLiteral("blocker/risks.csv"))}),
        1);
    // A file that is not a site file.
    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), dir.path(QStringLiteral("blocker")),
                              QStringLiteral("--kind"), QStringLiteral("risks"), QStringLiteral("--out"), out}),
        1);
}

TEST_CASE("vigil export writes the incident log and the actions as CSV that reads back the same", "[cli][export]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        auto db = Database::create(path);
        IncidentRepository incidents(*db);
        Incident fight = test::makeIncident(*db, QStringLiteral("Two drivers fought at dock 3, \"he started it\",\nsecond line"),
            QStringLiteral("Assault / violence"));
        fight.occurredAt = QDateTime(QDate(2026, 4, 1), QTime(23, 15), Qt::UTC);
        fight.reportedAt = fight.occurredAt.addSecs(900);
        fight.severity = Severity::High;
        fight.estimatedLoss = 250.5;
        fight.persons = {{QStringLiteral("J. Marsh"), InvolvedRole::Suspect, QString()},
            {QStringLiteral("Dock marshal"), InvolvedRole::Witness, QString()}};
        const qint64 fightId = incidents.create(fight).id;
        Incident alarm = test::makeIncident(*db, QStringLiteral("False alarm, zone 2"), QStringLiteral("Alarm activation"));
        alarm.occurredAt = QDateTime(QDate(2026, 5, 2), QTime(4, 0), Qt::UTC);
        alarm.reportedAt = alarm.occurredAt;
        incidents.create(alarm);
        CorrectiveAction action;
        action.description = QStringLiteral("Marshal at dock 3 on late shifts");
        action.source = ActionSource::Incident;
        action.incidentId = fightId;
        action.dueDate = QDate(2026, 5, 1);
        ActionRepository(*db).create(action);
    }

    const QString log = dir.path(QStringLiteral("log.csv"));
    const Run run = vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), log});
    REQUIRE(run.exitCode == 0);
    QList<QStringList> rows;
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(log)), &rows));
    REQUIRE(rows.size() == 3);
    const QStringList header = rows.at(0);
    auto field = [&](int row, const QString &name) {
        const int column = header.indexOf(name);
        INFO("column " << name.toStdString());
        REQUIRE(column >= 0);
        return rows.at(row).value(column);
    };
    // The whole log, in the order things happened.
    CHECK(field(1, QStringLiteral("Reference")) == QStringLiteral("INC-2026-0001"));
    CHECK(field(2, QStringLiteral("Reference")) == QStringLiteral("INC-2026-0002"));
    CHECK(field(1, QStringLiteral("Description")) == QStringLiteral("Two drivers fought at dock 3, \"he started it\",\nsecond line"));
    CHECK(field(1, QStringLiteral("Category")) == QStringLiteral("Assault / violence"));
    CHECK(field(1, QStringLiteral("Severity")) == QStringLiteral("High"));
    CHECK(field(1, QStringLiteral("People involved")) == QStringLiteral("J. Marsh (Suspect); Dock marshal (Witness)"));
    CHECK(field(1, QStringLiteral("Estimated loss")) == QStringLiteral("250.5"));
    CHECK(field(1, QStringLiteral("Occurred")).startsWith(QStringLiteral("2026-04-0")));

    const QString actions = dir.path(QStringLiteral("actions.csv"));
    REQUIRE(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                QStringLiteral("actions"), QStringLiteral("--out"), actions})
                .exitCode == 0);
    rows.clear();
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(actions)), &rows));
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(1).at(0) == QStringLiteral("ACT-0001"));
    CHECK(rows.at(1).join(u'|').contains(QStringLiteral("INC-2026-0001")));
    CHECK(rows.at(1).join(u'|').contains(QStringLiteral("2026-05-01")));
}

TEST_CASE("vigil export writes training records, people and the compliance matrix as CSV", "[cli][export][training]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        auto db = Database::create(path);
        test::TrainingSite site(*db);
        // Names, notes and trainers that need quoting.
        Person dana = *PeopleRepository(*db).load(site.dana);
        dana.name = QStringLiteral("Okafor, Dana \"DJ\"");
        dana.staffNumber = QStringLiteral("NG0001");
        dana.startDate = QDate(2020, 1, 6);
        PeopleRepository(*db).save(dana);
        TrainingRecord firstAid;
        firstAid.personId = site.dana;
        firstAid.courseId = site.firstAid;
        firstAid.completedOn = QDate(2025, 3, 4);
        firstAid.score = 87.5;
        firstAid.trainer = QStringLiteral("Karen Doherty, St John Ambulance");
        firstAid.notes = QStringLiteral("Passed the \"practical\"\nsecond line");
        TrainingRepository(*db).create(firstAid);
        site.record(site.dana, site.induction, QDate(2020, 1, 6));
        site.record(site.lee, site.conflict, QDate(2024, 5, 1));
        site.record(site.lee, site.conflict, QDate(2025, 4, 28), TrainingResult::Failed);
        // Lee has left: his records stay in the export, he leaves the matrix.
        Person lee = *PeopleRepository(*db).load(site.lee);
        lee.active = false;
        lee.leftOn = QDate(2026, 6, 30);
        PeopleRepository(*db).save(lee);
    }
    auto exportKind = [&](const QString &kind, const QStringList &extra = {}) {
        const QString out = dir.path(kind + QStringLiteral(".csv"));
        const Run run = vigilRun(QStringList {QStringLiteral("export"), QStringLiteral("--database"), path,
                                     QStringLiteral("--kind"), kind, QStringLiteral("--format"), QStringLiteral("csv"),
                                     QStringLiteral("--out"), out, QStringLiteral("--force")}
            + extra);
        REQUIRE(run.exitCode == 0);
        CHECK(run.err.isEmpty());
        CHECK(run.out.contains(kind + QStringLiteral(".csv")));
        QList<QStringList> rows;
        REQUIRE(parseCsv(QString::fromUtf8(test::readFile(out)), &rows));
        return rows;
    };
    auto column = [](const QList<QStringList> &rows, const QString &name) {
        const int c = int(rows.at(0).indexOf(name));
        INFO("column " << name.toStdString());
        REQUIRE(c >= 0);
        return c;
    };

    // Every record, oldest first, the leaver's included.
    const QList<QStringList> training = exportKind(QStringLiteral("training"));
    REQUIRE(training.size() == 5);
    const int person = column(training, QStringLiteral("Person"));
    const int completed = column(training, QStringLiteral("Completed on"));
    CHECK(training.at(1).at(completed) == QStringLiteral("2020-01-06"));
    CHECK(training.at(4).at(completed) == QStringLiteral("2025-04-28"));
    CHECK(training.at(4).at(person) == QStringLiteral("Lee Whitfield"));
    CHECK(training.at(4).at(column(training, QStringLiteral("Result"))) == QStringLiteral("Failed"));
    const QStringList aid = training.at(3);
    CHECK(aid.at(person) == QStringLiteral("Okafor, Dana \"DJ\""));
    CHECK(aid.at(column(training, QStringLiteral("Staff number"))) == QStringLiteral("NG0001"));
    CHECK(aid.at(column(training, QStringLiteral("Course"))) == QStringLiteral("First aid at work"));
    CHECK(aid.at(column(training, QStringLiteral("Score"))) == QStringLiteral("87.5"));
    CHECK(aid.at(column(training, QStringLiteral("Expires on"))) == QStringLiteral("2028-03-04"));
    CHECK(aid.at(column(training, QStringLiteral("Trainer"))) == QStringLiteral("Karen Doherty, St John Ambulance"));
    CHECK(aid.at(column(training, QStringLiteral("Notes"))) == QStringLiteral("Passed the \"practical\"\nsecond line"));
    CHECK(aid.at(column(training, QStringLiteral("Post"))) == QStringLiteral("Gate officer"));
    CHECK(aid.at(column(training, QStringLiteral("Employer"))) == QStringLiteral("Own staff"));
    CHECK(training.at(1).at(column(training, QStringLiteral("Expires on"))) == QStringLiteral("Never"));

    // Everyone, the leaver with the day he left.
    const QList<QStringList> people = exportKind(QStringLiteral("people"));
    REQUIRE(people.size() == 4);
    const int name = column(people, QStringLiteral("Name"));
    const int left = column(people, QStringLiteral("Left on"));
    const int active = column(people, QStringLiteral("Active"));
    for (const QStringList &row : people.mid(1)) {
        if (row.at(name) == QStringLiteral("Lee Whitfield")) {
            CHECK(row.at(left) == QStringLiteral("2026-06-30"));
            CHECK(row.at(active) == QStringLiteral("No"));
        } else {
            CHECK(row.at(left).isEmpty());
        }
    }
    // Sorted by name.
    CHECK(people.at(1).at(name) == QStringLiteral("Lee Whitfield"));
    CHECK(people.at(2).at(name) == QStringLiteral("Okafor, Dana \"DJ\""));
    CHECK(people.at(2).at(column(people, QStringLiteral("Start date"))) == QStringLiteral("2020-01-06"));

    // The matrix on a day: one row per person at the site then, a column per course.
    const QList<QStringList> before = exportKind(QStringLiteral("compliance"), {QStringLiteral("--today"), QStringLiteral("2026-03-01")});
    REQUIRE(before.size() == 4);
    const int firstAidColumn = column(before, QStringLiteral("First aid at work"));
    column(before, QStringLiteral("Site induction"));
    column(before, QStringLiteral("Conflict management"));
    CHECK(before.at(2).at(0) == QStringLiteral("Okafor, Dana \"DJ\""));
    CHECK(before.at(2).at(firstAidColumn) == QStringLiteral("Valid (2028-03-04)"));
    CHECK(before.at(2).at(column(before, QStringLiteral("Cleared"))) == QStringLiteral("No")); // conflict management missing
    CHECK(before.at(1).at(firstAidColumn) == QStringLiteral("Missing"));
    const QList<QStringList> after = exportKind(QStringLiteral("compliance"), {QStringLiteral("--today"), QStringLiteral("2026-07-01")});
    CHECK(after.size() == 3); // Lee has left

    // --today only where the day matters, and only a real date.
    const QString out = dir.path(QStringLiteral("x.csv"));
    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                              QStringLiteral("training"), QStringLiteral("--today"), QStringLiteral("2026-03-01"),
                              QStringLiteral("--out"), out}),
        2);
    requireOneLineFailure(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                              QStringLiteral("compliance"), QStringLiteral("--today"), QStringLiteral("2026-02-30"),
                              QStringLiteral("--out"), out}),
        2);
    CHECK_FALSE(QFileInfo::exists(out));
    const Run help = vigilRun({QStringLiteral("export"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    for (const char *text : {"training", "people", "compliance", "leavers", "--today"})
        CHECK(help.out.contains(QLatin1String(text)));
    // What README says of each kind (the help wraps lines, hence simplified()).
    for (const char *text : {"incidents (the log, oldest first, every field)", "actions (every corrective action)"})
        CHECK(help.out.simplified().contains(QLatin1String(text)));
}

TEST_CASE("vigil export of the demo's training: every record and every person", "[cli][export][training][demo]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    const QString out = dir.path(QStringLiteral("training.csv"));
    REQUIRE(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                QStringLiteral("training"), QStringLiteral("--out"), out})
                .exitCode == 0);
    QList<QStringList> rows;
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(out)), &rows));
    auto db = Database::open(path, OpenMode::ReadOnly);
    CHECK(rows.size() == scalar(*db, QStringLiteral("SELECT count(*) FROM training_records")).toInt() + 1);
    const int width = int(rows.at(0).size());
    CHECK(width == 13);
    for (const QStringList &row : rows)
        CHECK(row.size() == width);
    // Leavers' records are there.
    const QString leaver = scalar(*db, QStringLiteral("SELECT name FROM people WHERE active = 0 ORDER BY id LIMIT 1")).toString();
    CHECK(std::any_of(rows.begin(), rows.end(), [&](const QStringList &row) { return row.at(0) == leaver; }));

    const QString people = dir.path(QStringLiteral("people.csv"));
    const Run run = vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
        QStringLiteral("people"), QStringLiteral("--out"), people});
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("60")));
    rows.clear();
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(people)), &rows));
    CHECK(rows.size() == 61);

    const QString matrix = dir.path(QStringLiteral("matrix.csv"));
    REQUIRE(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                QStringLiteral("compliance"), QStringLiteral("--today"), QStringLiteral("2026-11-23"), QStringLiteral("--out"),
                matrix})
                .exitCode == 0);
    rows.clear();
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(matrix)), &rows));
    CHECK(rows.size() - 1 == scalar(*db, QStringLiteral("SELECT count(*) FROM people WHERE active = 1 AND start_date <= '2026-11-23'")).toInt());
    CHECK(rows.at(0).size() == 5 + 12);
    QString all;
    for (const QStringList &row : rows)
        all += row.join(u'|');
    for (const char *status : {"Valid (", "Expiring (", "Expired (", "Missing"})
        CHECK(all.contains(QLatin1String(status)));
}

TEST_CASE("vigil export writes every register as an Excel workbook, and fails cleanly", "[cli][export][xlsx]")
{
    TempDir dir;
    const QString path = makeDemo(dir);
    {
        // A few manual KPI values, so that kpi_values has rows.
        auto db = Database::open(path);
        KpiValueRepository values(*db);
        values.setValue(test::builtIn(*db, KpiKey::PatrolsCompleted).id, QDate(2026, 10, 1), 97, QStringLiteral("one round missed"));
        values.setValue(test::builtIn(*db, KpiKey::PatrolsCompleted).id, QDate(2026, 9, 1), 100);
        values.setValue(test::builtIn(*db, KpiKey::AuditScore).id, QDate(2026, 7, 1), 91.5);
    }
    const QDate day(2026, 11, 23);
    auto db = Database::open(path, OpenMode::ReadOnly);
    for (const ExportKind &kind : exportKinds()) {
        INFO(kind.key);
        const QString out = dir.path(kind.key + QStringLiteral(".xlsx"));
        QStringList args {QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"), kind.key,
            QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"), out};
        if (kind.asOfToday)
            args << QStringLiteral("--today") << day.toString(Qt::ISODate);
        const Run run = vigilRun(args);
        REQUIRE(run.exitCode == 0);
        CHECK(run.out.contains(kind.key + QStringLiteral(".xlsx")));
        // What core makes of the same file on the same day, row for row.
        const ScopedClock pinned(std::make_shared<FixedClock>(QDateTime(day, QTime(12, 0), Qt::UTC)));
        const ExportTable table = kind.build(*db);
        CHECK_FALSE(table.rows.isEmpty());
        const test::XlsxSheet sheet = test::readXlsx(out);
        CHECK(sheet.rowCount() == table.rows.size() + 1);
        CHECK(sheet.headers().size() == table.headers.size());
        CHECK(sheet.frozenHeader);
        CHECK(sheet.autoFilter.startsWith(QStringLiteral("A1:")));
    }
    // Typed cells in the incident log: a date-time in UTC, a reference as text.
    const test::XlsxSheet log = test::readXlsx(dir.path(QStringLiteral("incidents.xlsx")));
    CHECK(log.cell(1, QStringLiteral("Reference")).kind == test::XlsxCell::Kind::Text);
    const test::XlsxCell &occurred = log.cell(1, QStringLiteral("Occurred (UTC)"));
    CHECK(occurred.isDate());
    CHECK(occurred.dateTime().isValid());
    CHECK(log.cell(1, QStringLiteral("Reference")).text == QStringLiteral("INC-2024-0001"));
    const test::XlsxSheet kpis = test::readXlsx(dir.path(QStringLiteral("kpi_values.xlsx")));
    REQUIRE(kpis.rowCount() == 4);
    QStringList periods;
    for (int r = 1; r < kpis.rowCount(); ++r) {
        periods.append(kpis.cell(r, QStringLiteral("Period")).text);
        CHECK(kpis.cell(r, QStringLiteral("Value")).kind == test::XlsxCell::Kind::Number);
        CHECK(kpis.cell(r, QStringLiteral("Period start")).isDate());
    }
    periods.sort();
    CHECK(periods == (QStringList {QStringLiteral("2026-09"), QStringLiteral("2026-10"), QStringLiteral("2026-Q3")}));

    // Without --format, an .xlsx name makes a workbook and any other name CSV.
    const QString named = dir.path(QStringLiteral("Risks.XLSX"));
    REQUIRE(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                QStringLiteral("risks"), QStringLiteral("--out"), named})
                .exitCode == 0);
    CHECK(test::readFile(named).startsWith("PK"));
    CHECK(test::readXlsx(named).rowCount() == test::readXlsx(dir.path(QStringLiteral("risks.xlsx"))).rowCount());
    const QString text = dir.path(QStringLiteral("risks.txt"));
    REQUIRE(vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
                QStringLiteral("risks"), QStringLiteral("--out"), text})
                .exitCode == 0);
    CHECK(test::readFile(text).startsWith("\xEF\xBB\xBFReference,"));

    // A format it does not know names the ones it does.
    const Run pdf = vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
        QStringLiteral("risks"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
        dir.path(QStringLiteral("risks.pdf"))});
    requireOneLineFailure(pdf, 2);
    CHECK(pdf.err.contains(QStringLiteral("xlsx")));
    // An unwritable destination: one line naming it, exit 1, nothing left behind.
    test::writeFile(dir.path(QStringLiteral("blocker")), "a file");
    const QStringList before = test::listDir(dir.root());
    const Run blocked = vigilRun({QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"),
        dir.path(QStringLiteral("blocker/log.xlsx"))});
    requireOneLineFailure(blocked, 1);
    CHECK(blocked.err.contains(QStringLiteral("blocker/log.xlsx")));
    CHECK(test::listDir(dir.root()) == before);

    const Run help = vigilRun({QStringLiteral("export"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    for (const char *word : {"xlsx", "kpi_values"})
        CHECK(help.out.contains(QLatin1String(word)));
}

TEST_CASE("vigil kpi prints every KPI for a period as JSON, CSV or text, the same as core", "[cli][kpi]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    QList<KpiResult> expected;
    {
        test::PinnedClock pinned(QDateTime(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC));
        auto db = Database::create(path);
        IncidentRepository incidents(*db);
        for (int day : {3, 9, 17}) {
            Incident incident = test::makeIncident(*db, QStringLiteral("Fence damaged"));
            incident.occurredAt = QDateTime(QDate(2026, 3, day), QTime(12, 0), Qt::UTC);
            incident.reportedAt = incident.occurredAt.addSecs(1800);
            incident.severity = day == 9 ? Severity::Critical : Severity::Low;
            const qint64 id = incidents.create(incident).id;
            if (day != 17)
                incidents.changeStatus(id, IncidentStatus::Closed, QStringLiteral("done"), QStringLiteral("cause"),
                    QStringLiteral("lesson"));
        }
        Incident february = test::makeIncident(*db, QStringLiteral("Door forced"));
        february.occurredAt = QDateTime(QDate(2026, 2, 14), QTime(3, 0), Qt::UTC);
        february.reportedAt = february.occurredAt;
        incidents.create(february);
        const Kpi patrols = test::builtIn(*db, KpiKey::PatrolsCompleted);
        KpiValueRepository(*db).setValue(patrols.id, QDate(2026, 3, 1), 97.5);
        expected = KpiEngine(*db).results(Period::month(2026, 3));
    }
    REQUIRE(expected.size() == 15);

    const Run json = vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path, QStringLiteral("--period"),
        QStringLiteral("2026-03"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(document.value(QStringLiteral("period")).toString() == QStringLiteral("2026-03"));
    CHECK(document.value(QStringLiteral("previous_period")).toString() == QStringLiteral("2026-02"));
    const QJsonArray kpis = document.value(QStringLiteral("kpis")).toArray();
    REQUIRE(kpis.size() == expected.size());
    const auto same = [](const QJsonValue &printed, std::optional<double> value) {
        if (!value)
            return printed.isNull();
        return std::abs(printed.toDouble() - *value) < 0.005 + 1e-9;
    };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const KpiResult &r = expected.at(i);
        const QJsonObject kpi = kpis.at(i).toObject();
        INFO(r.kpi.key.toStdString());
        CHECK(kpi.value(QStringLiteral("key")).toString() == r.kpi.key);
        CHECK(kpi.value(QStringLiteral("name")).toString() == r.kpi.name);
        CHECK(same(kpi.value(QStringLiteral("value")), r.value));
        CHECK(same(kpi.value(QStringLiteral("target")), r.target));
        CHECK(same(kpi.value(QStringLiteral("previous")), r.previous));
        CHECK(kpi.value(QStringLiteral("status")).toString() == kpiStatusKey(r.status));
        CHECK(kpi.value(QStringLiteral("previous_status")).toString() == kpiStatusKey(r.previousStatus));
    }
    // Known answers, as well as agreement with core.
    CHECK(kpis.at(0).toObject().value(QStringLiteral("value")).toDouble() == 3);
    CHECK(kpis.at(0).toObject().value(QStringLiteral("previous")).toDouble() == 1);

    const Run csv = vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path, QStringLiteral("--period"),
        QStringLiteral("2026-03"), QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.exitCode == 0);
    // Written exactly as the export files are: every line ends in CRLF, the last one too.
    const QStringList csvLines = csv.out.split(u'\n');
    CHECK(csvLines.size() == expected.size() + 2); // the header, a row per KPI, nothing after the last CRLF
    CHECK(csvLines.last().isEmpty());
    for (qsizetype i = 0; i + 1 < csvLines.size(); ++i) {
        INFO("line " << i + 1);
        CHECK(csvLines.at(i).endsWith(u'\r'));
    }
    QList<QStringList> rows;
    REQUIRE(parseCsv(csv.out, &rows));
    REQUIRE(rows.size() == expected.size() + 1);
    const QStringList header = rows.at(0);
    CHECK(header.mid(0, 2) == QStringList {QStringLiteral("key"), QStringLiteral("name")});
    const int valueColumn = int(header.indexOf(QStringLiteral("value")));
    const int statusColumn = int(header.indexOf(QStringLiteral("status")));
    REQUIRE(valueColumn > 0);
    REQUIRE(statusColumn > 0);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const KpiResult &r = expected.at(i);
        INFO(r.kpi.key.toStdString());
        const QString printed = rows.at(i + 1).at(valueColumn);
        if (r.value)
            CHECK(std::abs(printed.toDouble() - *r.value) < 0.005 + 1e-9);
        else
            CHECK(printed.isEmpty());
        CHECK(rows.at(i + 1).at(statusColumn) == kpiStatusKey(r.status));
    }
    const auto patrolsRow = std::find_if(rows.begin(), rows.end(),
        [](const QStringList &row) { return row.at(0) == QLatin1String(KpiKey::PatrolsCompleted); });
    REQUIRE(patrolsRow != rows.end());
    CHECK(patrolsRow->at(valueColumn) == QStringLiteral("97.5"));
    CHECK(patrolsRow->at(statusColumn) == QStringLiteral("amber"));

    // The default is a table for people: one line per KPI after the heading lines.
    const Run text = vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path, QStringLiteral("--period"),
        QStringLiteral("2026-Q1")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(QStringLiteral("KPIs for 2026-Q1 (2026-01-01 to 2026-03-31)")));
    CHECK(text.out.split(u'\n', Qt::SkipEmptyParts).size() == 2 + expected.size());
    CHECK(text.out.contains(QStringLiteral("Patrols completed")));

    // Usage errors exit 2, a file that cannot be read 1; each with one line on stderr.
    requireOneLineFailure(vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path, QStringLiteral("--period"),
                              QStringLiteral("2026-13")}),
        2);
    requireOneLineFailure(vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path}), 2);
    requireOneLineFailure(vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"), path, QStringLiteral("--period"),
                              QStringLiteral("2026"), QStringLiteral("--format"), QStringLiteral("xml")}),
        2);
    requireOneLineFailure(vigilRun({QStringLiteral("kpi"), QStringLiteral("--database"),
                              dir.path(QStringLiteral("missing.vigil")), QStringLiteral("--period"), QStringLiteral("2026")}),
        1);
    const Run help = vigilRun({QStringLiteral("kpi"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("--period")));
}
