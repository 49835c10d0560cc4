// The command line, through the real vigil binary.
#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/version.h"
#include "core/incidenttestsupport.h"
#include "storage/database.h"
#include "io/csv.h"
#include "risks/riskrepository.h"
#include "storage/query.h"
#include "testconfig.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

Run vigilRun(const QStringList &args, const QStringList &unsetVariables = {}, const QString &program = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : unsetVariables)
        env.remove(name);
    process.setProcessEnvironment(env);
    if (program.isEmpty()) {
        process.start(QStringLiteral(VIGIL_BINARY), args);
    } else {
        process.start(program, args);
    }
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(120000));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    UNSCOPED_INFO("vigil " << args.join(u' ').toStdString() << "\n-> exit " << run.exitCode << "\nstdout: "
                           << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
    return run;
}

// A failing command says why in exactly one line on stderr.
void requireOneLineFailure(const Run &run, int code)
{
    CHECK(run.exitCode == code);
    REQUIRE(run.errLines().size() == 1);
    CHECK(run.errLines().at(0).startsWith(QStringLiteral("vigil")));
}

QString makeDemo(const TempDir &dir, const QString &name = QStringLiteral("demo.vigil"))
{
    const QString path = dir.path(name);
    const Run run = vigilRun({QStringLiteral("demo"), QStringLiteral("--database"), path,
        QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(run.exitCode == 0);
    return path;
}

} // namespace

TEST_CASE("vigil --help and --version work without a display", "[cli]")
{
    Run help = vigilRun({QStringLiteral("--help")}, {QStringLiteral("DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.startsWith(QStringLiteral("Usage: vigil")));
    for (const char *text : {"--database", "--quit-after-startup", "check", "demo"})
        CHECK(help.out.contains(QLatin1String(text)));
    CHECK(help.err.isEmpty());

    const Run version = vigilRun({QStringLiteral("--version")}, {QStringLiteral("DISPLAY")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.trimmed() == QStringLiteral("vigil " VIGIL_VERSION));

    for (const char *command : {"check", "demo"}) {
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
    const qsizetype page = bytes.size() - 8 * 4096;
    for (qsizetype i = page; i < page + 4096; ++i)
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
    first.terminate();
    REQUIRE(first.waitForFinished(10000));
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
