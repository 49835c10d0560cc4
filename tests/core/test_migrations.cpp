#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "incidents/incidentrepository.h"
#include "incidenttestsupport.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// Replaces the bundled migrations for one test: the bundled ones plus steps written here.
class ExtraMigrations
{
public:
    explicit ExtraMigrations(const QList<Migration> &extra)
        : m_list(bundledMigrations() + extra)
    {
        setMigrationsForTesting(&m_list);
    }
    ~ExtraMigrations() { setMigrationsForTesting(nullptr); }

private:
    QList<Migration> m_list;
};

Migration step(int offset, const QString &sql)
{
    return {int(bundledMigrations().size()) + offset, QStringLiteral("test_step_%1").arg(offset), sql, {}};
}

} // namespace

TEST_CASE("The bundled migrations are numbered without gaps and split into statements", "[migrations]")
{
    const QList<Migration> &migrations = bundledMigrations();
    REQUIRE(!migrations.isEmpty());
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        CHECK(migrations.at(i).version == i + 1);
        CHECK(!splitSqlStatements(migrations.at(i).sql).isEmpty());
    }
    CHECK(Database::latestSchemaVersion() == migrations.size());

    const QStringList statements = splitSqlStatements(QStringLiteral(
        "-- a comment\nCREATE TABLE a (x);\n\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
        "    SELECT RAISE(ABORT, 'no; never');\nEND;\nINSERT INTO a VALUES ('semi;colon');\n"));
    REQUIRE(statements.size() == 3);
    CHECK(statements.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
    CHECK(statements.at(1).endsWith(QStringLiteral("END;")));
    CHECK(statements.at(2) == QStringLiteral("INSERT INTO a VALUES ('semi;colon');"));
}

TEST_CASE("A fresh file runs every migration; a second open runs none", "[migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const QByteArray created = test::sha256(path);
    for (int i = 0; i < 2; ++i) {
        auto db = Database::open(path);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(db->preMigrationCopy().isEmpty());
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'")).toInt() == 1);
    }
    CHECK(test::sha256(path) == created);
}

TEST_CASE("An older file is backed up, then upgraded one step per transaction", "[migrations][backup]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        auto db = Database::create(path);
        Transaction tx(*db);
        execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES ('note', 'kept')"));
        tx.commit();
    }
    const int oldVersion = Database::latestSchemaVersion();
    const ExtraMigrations extra({
        step(1, QStringLiteral("CREATE TABLE patrols (id INTEGER PRIMARY KEY, route TEXT NOT NULL DEFAULT '');\n"
                               "INSERT INTO patrols (route) SELECT value FROM vigil_meta WHERE key = 'note';")),
        step(2, QStringLiteral("ALTER TABLE patrols ADD COLUMN guard TEXT NOT NULL DEFAULT 'unknown';")),
    });
    auto db = Database::open(path);
    CHECK(db->schemaVersion() == oldVersion + 2);
    CHECK(scalar(*db, QStringLiteral("SELECT route || '/' || guard FROM patrols")).toString() == QStringLiteral("kept/unknown"));

    // The copy is a verified backup of the file as it was before, in the backups folder beside
    // it, for the owner only: the old format, with its data.
    const QString copy = db->preMigrationCopy();
    REQUIRE(!copy.isEmpty());
    CHECK(QFileInfo(copy).absolutePath() == dir.path(QStringLiteral("backups")));
    CHECK(QFileInfo(copy).fileName().startsWith(QStringLiteral("site-format%1-before-upgrade-").arg(oldVersion)));
    CHECK(QFileInfo(copy).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(test::listDir(dir.path(QStringLiteral("backups"))) == QStringList {QFileInfo(copy).fileName()});
    db.reset();
    auto old = Database::open(copy, OpenMode::ReadOnly);
    CHECK(old->schemaVersion() == oldVersion);
    CHECK(scalar(*old, QStringLiteral("SELECT value FROM vigil_meta WHERE key = 'note'")).toString() == QStringLiteral("kept"));
}

TEST_CASE("A failing migration step leaves the file at its last good format", "[migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const QByteArray before = test::sha256(path);
    const int oldVersion = Database::latestSchemaVersion();
    {
        const ExtraMigrations extra({
            step(1, QStringLiteral("CREATE TABLE good (id INTEGER PRIMARY KEY);")),
            step(2, QStringLiteral("CREATE TABLE half (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);")),
        });
        try {
            Database::open(path);
            FAIL("a broken migration was applied");
        } catch (const OpenError &e) {
            CHECK(e.reason() == OpenError::Reason::MigrationFailed);
            CHECK(e.message().contains(QStringLiteral("format %1").arg(oldVersion + 2)));
        }
        // Step one committed, step two rolled back as a whole.
        auto db = Database::open(path, OpenMode::ReadOnly);
        CHECK(db->schemaVersion() == oldVersion + 1);
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'good'")).toInt() == 1);
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'half'")).toInt() == 0);
    }
    CHECK(before != test::sha256(path)); // it did move one step
}

TEST_CASE("A migration that breaks a reference is rolled back", "[migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const int oldVersion = Database::latestSchemaVersion();
    const ExtraMigrations extra({
        step(1, QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY);\n"
                               "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));\n"
                               "INSERT INTO child (parent_id) VALUES (99);")),
    });
    CHECK_THROWS_AS(Database::open(path), OpenError);
    setMigrationsForTesting(nullptr);
    CHECK(Database::open(path, OpenMode::ReadOnly)->schemaVersion() == oldVersion);
}

TEST_CASE("No table checks a value against an IN list and its comparisons still refuse other values", "[migrations]")
{
    // SQLite builds a temporary table for a CHECK's IN list of three or more values on every row
    // it writes (two it compares directly); format 8 wrote them as comparisons, which accept
    // exactly the same values.
    TempDir dir;
    auto db = test::newDatabase(dir);
    Query tables(*db, QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK%'"));
    tables.exec();
    int checked = 0;
    while (tables.next()) {
        INFO(tables.value(0).toString().toStdString());
        CHECK_FALSE(tables.value(1).toString().contains(QRegularExpression(QStringLiteral("\\bIN\\s*\\(([^)]*,){2}"))));
        ++checked;
    }
    CHECK(checked > 10);
    const qint64 id = IncidentRepository(*db).create(test::makeIncident(*db, QStringLiteral("Fence cut"))).id;
    const auto refused = [&](const QString &sql, const QString &rule) {
        INFO(sql.toStdString());
        Transaction tx(*db);
        try {
            execute(*db, sql, {id});
            FAIL("a value outside a CHECK's list was accepted");
        } catch (const DatabaseError &e) {
            CHECK(e.primaryCode() == 19);
            CHECK(e.message().contains(rule));
        }
    };
    refused(QStringLiteral("UPDATE incidents SET severity = 'catastrophic' WHERE id = ?"), QStringLiteral("severity = 'low'"));
    refused(QStringLiteral("UPDATE incidents SET status = 'forgotten' WHERE id = ?"), QStringLiteral("status = 'reported'"));
    refused(QStringLiteral("INSERT INTO incident_timeline (uuid, incident_id, at, actor, kind) VALUES ('x', ?, 'x', 'x', 'gossip')"),
        QStringLiteral("kind = 'reported'"));
    // The listed values themselves still pass.
    Transaction tx(*db);
    execute(*db, QStringLiteral("UPDATE incidents SET severity = 'critical' WHERE id = ?"), {id});
    CHECK(IncidentRepository(*db).load(id).severity == Severity::Critical);
}

TEST_CASE("Format 9 builds the search index from the records of an older file", "[migrations][search]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    qint64 id = 0;
    {
        // A format 8 file, whose index kept its own copy of the text.
        const QList<Migration> upToEight = bundledMigrations().mid(0, 8);
        setMigrationsForTesting(&upToEight);
        const auto restore = qScopeGuard([] { setMigrationsForTesting(nullptr); });
        auto db = Database::create(path);
        REQUIRE(db->schemaVersion() == 8);
        IncidentRepository incidents(*db);
        Incident incident = test::makeIncident(*db, QStringLiteral("Fuel siphoned from the generator tank"));
        incident.persons = {{QStringLiteral("Oskar Lind"), InvolvedRole::Witness, QStringLiteral("Shift lead")}};
        id = incidents.create(incident).id;
        incidents.addNote(id, QStringLiteral("Padlock cut with bolt croppers"));
        CorrectiveAction action;
        action.description = QStringLiteral("Lockable fuel cap");
        action.source = ActionSource::Incident;
        action.incidentId = id;
        ActionRepository(*db).create(action);
    }
    auto db = Database::open(path);
    CHECK(db->schemaVersion() == 9);
    IncidentRepository incidents(*db);
    IncidentFilter filter;
    for (const QString &words : {QStringLiteral("siphoned"), QStringLiteral("lind"), QStringLiteral("croppers"),
             QStringLiteral("fuel cap"), QStringLiteral("INC")}) {
        INFO(words.toStdString());
        filter.text = words;
        CHECK(incidents.ids(filter, IncidentColumn::Reference, Qt::AscendingOrder) == QList<qint64> {id});
    }
    CHECK(staleSearchEntries(*db).isEmpty());
    // The copy of the text is gone with the old index's tables.
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'incident_search_content'")).toInt() == 0);
    test::requireHealthy(*db);
}
