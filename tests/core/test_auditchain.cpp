#include "support/testsupport.h"

#include "base/clock.h"
#include "site/siteprofile.h"
#include "storage/auditchain.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// A file with a site profile saved three times (a minute apart) and a person created, renamed,
// retired and deleted: entries of every kind, the person's the newest four.
QString makeTrail(const TempDir &dir)
{
    test::PinnedClock pinned;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    auto db = Database::create(path);
    SiteProfile profile;
    for (const char *name : {"Harbour Cold Store", "Harbour Cold Store North", "Harbour Cold Store (North)"}) {
        pinned.clock().advanceSeconds(60);
        profile.name = QString::fromUtf8(name);
        SiteRepository(*db).save(profile);
        profile = *SiteRepository(*db).load();
    }
    pinned.clock().advanceSeconds(60);
    RecordStore people(*db, QStringLiteral("people"));
    Transaction tx(*db);
    const RecordKey key = people.insert({{QStringLiteral("name"), QStringLiteral("Gate officer")}});
    people.update(key.id, {{QStringLiteral("name"), QStringLiteral("Gate officer (nights)")}});
    people.update(key.id, {{QStringLiteral("active"), false}}, AuditAction::Retire);
    people.remove(key.id, QStringLiteral("created by mistake"));
    tx.commit();
    return path;
}

AuditChainResult verify(const QString &path)
{
    return verifyAuditChain(*Database::open(path, OpenMode::Inspect));
}

qint64 entryCount(const QString &path)
{
    return scalar(*Database::open(path, OpenMode::Inspect), QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
}

QString hexSeal(const QString &path, qint64 id)
{
    return QString::fromLatin1(
        scalar(*Database::open(path, OpenMode::Inspect), QStringLiteral("SELECT hex(hash) FROM audit_log WHERE id = ?"),
            {id})
            .toByteArray());
}

} // namespace

TEST_CASE("The seal is SHA-256 over length-prefixed fields and the previous seal", "[auditchain]")
{
    // Pinned to the format documented in auditchain.cpp (computed independently, in Python).
    const SealedFields fields {1, QStringLiteral("2026-03-14T09:30:15.250Z"), QStringLiteral("j.okafor"),
        QStringLiteral("notes"), QStringLiteral("0b5e"), QStringLiteral("create"),
        QStringLiteral("{\"title\":{\"new\":\"Gate 3 é\",\"old\":null}}"), QString()};
    CHECK(auditSeal(fields, {}).toHex()
        == QByteArray("6f8699ef4b35625bb66da12f788dfd6faa066a0da9d66ef683fdb3cc1ae5db08"));
    // Moving a boundary between two fields changes the seal; so does another previous seal.
    SealedFields moved = fields;
    moved.actor = QStringLiteral("j.okafo");
    moved.entity = QStringLiteral("rnotes");
    CHECK(auditSeal(moved, {}) != auditSeal(fields, {}));
    CHECK(auditSeal(fields, QByteArray(32, 'x')) != auditSeal(fields, {}));
}

TEST_CASE("Creates, updates, retirements and deletes extend a chain that verifies", "[auditchain]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    auto db = Database::open(path, OpenMode::Inspect);
    const qint64 entries = scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    REQUIRE(entries > 100); // the built-in catalogues, then ours
    // Every entry links to the one before it; the first to nothing.
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id = a.id - 1 "
                                     "WHERE a.prev_hash = b.hash AND length(a.hash) = 32"))
              .toLongLong()
        == entries - 1);
    CHECK(scalar(*db, QStringLiteral("SELECT length(prev_hash) FROM audit_log ORDER BY id LIMIT 1")).toInt() == 0);

    qint64 lastDone = 0;
    const AuditChainResult result = verifyAuditChain(*db, [&](qint64 done, qint64 total) {
        CHECK(total == entries);
        lastDone = done;
        return true;
    });
    INFO(result.problem.toStdString());
    CHECK(result.intact());
    CHECK(result.entries == entries);
    CHECK(lastDone == entries);
    CHECK(result.headId == scalar(*db, QStringLiteral("SELECT max(id) FROM audit_log")).toLongLong());
    CHECK(result.headSeal.size() == 32);
    CHECK(scalar(*db, QStringLiteral("SELECT action FROM audit_log WHERE id = ?"), {result.headId}).toString()
        == QStringLiteral("delete"));
}

TEST_CASE("An entry edited with a SQLite tool is named as altered", "[auditchain]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    const qint64 target = entryCount(path) - 5; // a site profile save
    REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_update")));
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE audit_log SET changes = replace(changes, 'North', 'South') "
                                              "WHERE id = %1")
                                   .arg(target)));
    const AuditChainResult result = verify(path);
    CHECK_FALSE(result.intact());
    CHECK(result.brokenId == target);
    CHECK(result.problem.contains(QStringLiteral("#%1 (").arg(target)));
    CHECK(result.problem.contains(QStringLiteral("altered")));
    CHECK(result.problem.contains(QStringLiteral("site_profile Harbour Cold Store (North)")));

    // Copying a valid seal from another entry does not help.
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE audit_log SET changes = (SELECT changes FROM audit_log "
                                              "WHERE id = %1), hash = (SELECT hash FROM audit_log WHERE id = %1) "
                                              "WHERE id = %2")
                                   .arg(target - 1)
                                   .arg(target - 2)));
    CHECK(verify(path).brokenId == target - 2);
}

TEST_CASE("An entry deleted from the middle names the entry after the gap", "[auditchain]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    const qint64 target = entryCount(path) / 2;
    REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = %1")
                                   .arg(target)));
    AuditChainResult result = verify(path);
    CHECK(result.brokenId == target + 1);
    CHECK(result.problem.contains(QStringLiteral("entry #%1 was removed").arg(target)));

    REQUIRE(test::rawSql(path, QStringLiteral("DELETE FROM audit_log WHERE id IN (%1, %2)").arg(target + 1).arg(target + 2)));
    result = verify(path);
    CHECK(result.brokenId == target + 3);
    CHECK(result.problem.contains(QStringLiteral("entries #%1 to #%2 were removed").arg(target).arg(target + 2)));

    // The first entries gone: the first one left says so.
    REQUIRE(test::rawSql(path, QStringLiteral("DELETE FROM audit_log WHERE id < %1").arg(target)));
    result = verify(path);
    CHECK(result.brokenId == target + 3);
    CHECK(result.problem.contains(QStringLiteral("first one left")));
}

TEST_CASE("Forged entries are named: unsealed, replacing another, or slipped into a gap", "[auditchain]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    const qint64 last = entryCount(path);

    SECTION("an entry added with plain SQL has no seal")
    {
        REQUIRE(test::rawSql(path, QStringLiteral("INSERT INTO audit_log (at, actor, entity, record_uuid, action) "
                                                  "VALUES ('2026-03-14T10:00:00.000Z', 'mallory', 'people', 'x', "
                                                  "'create')")));
        const AuditChainResult result = verify(path);
        CHECK(result.brokenId == last + 1);
        CHECK(result.problem.contains(QStringLiteral("no seal")));
    }
    SECTION("an entry put in place of another, with a seal of its own, breaks the link of the next")
    {
        const qint64 target = last - 3;
        const QString previous = hexSeal(path, target - 1);
        const SealedFields forged {target, QStringLiteral("2026-03-14T10:00:00.000Z"), QStringLiteral("mallory"),
            QStringLiteral("people"), QStringLiteral("x"), QStringLiteral("create"), QStringLiteral("{}"), QString()};
        const QString seal = QString::fromLatin1(auditSeal(forged, QByteArray::fromHex(previous.toLatin1())).toHex());
        REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = "
                                                  "%1; INSERT INTO audit_log (id, at, actor, entity, record_uuid, "
                                                  "action, changes, context, prev_hash, hash) VALUES (%1, '%2', "
                                                  "'mallory', 'people', 'x', 'create', '{}', '', X'%3', X'%4')")
                                       .arg(target)
                                       .arg(forged.at, previous, seal)));
        const AuditChainResult result = verify(path);
        CHECK(result.brokenId == target + 1);
        CHECK(result.problem.contains(QStringLiteral("removed or replaced")));
    }
    SECTION("an entry with a valid seal slipped in before a later one is named as inserted")
    {
        // The next entry exists further on (id last + 2) and links to the last one; the forgery
        // takes the free id between them and links to the last one too.
        const QString head = hexSeal(path, last);
        auto row = [&](qint64 id, const QString &actor) {
            const SealedFields fields {id, QStringLiteral("2026-03-14T10:00:00.000Z"), actor, QStringLiteral("people"),
                QStringLiteral("x"), QStringLiteral("update"), QStringLiteral("{}"), QString()};
            return QStringLiteral("INSERT INTO audit_log (id, at, actor, entity, record_uuid, action, changes, "
                                  "context, prev_hash, hash) VALUES (%1, '%2', '%3', 'people', 'x', 'update', '{}', "
                                  "'', X'%4', X'%5');")
                .arg(id)
                .arg(fields.at, actor, head,
                    QString::fromLatin1(auditSeal(fields, QByteArray::fromHex(head.toLatin1())).toHex()));
        };
        REQUIRE(test::rawSql(path, row(last + 2, QStringLiteral("tester")) + row(last + 1, QStringLiteral("mallory"))));
        const AuditChainResult result = verify(path);
        CHECK(result.brokenId == last + 1);
        CHECK(result.problem.contains(QStringLiteral("#%1").arg(last + 1)));
        CHECK(result.problem.contains(QStringLiteral("inserted outside Vigil")));
    }
}

TEST_CASE("Rolled back work, a savepoint's included, leaves the chain whole", "[auditchain]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    SiteProfile profile;
    profile.name = QStringLiteral("Depot");
    SiteRepository(*db).save(profile);
    RecordStore people(*db, QStringLiteral("people"));
    {
        Transaction outer(*db);
        people.insert({{QStringLiteral("name"), QStringLiteral("A. Kept")}});
        {
            Transaction inner(*db);
            people.insert({{QStringLiteral("name"), QStringLiteral("B. Rolled back")}});
            people.insert({{QStringLiteral("name"), QStringLiteral("C. Rolled back")}});
        } // the savepoint rolls back
        people.insert({{QStringLiteral("name"), QStringLiteral("D. Kept")}});
        outer.commit();
    }
    {
        Transaction gone(*db);
        people.insert({{QStringLiteral("name"), QStringLiteral("E. Rolled back")}});
    }
    {
        Transaction tx(*db);
        people.insert({{QStringLiteral("name"), QStringLiteral("F. Kept")}});
        tx.commit();
    }
    // Two files written in turn, each in its own open transaction, keep their own chains.
    auto other = test::newDatabase(dir, QStringLiteral("other.vigil"));
    {
        Transaction tx(*db);
        Transaction otherTx(*other);
        people.insert({{QStringLiteral("name"), QStringLiteral("G. Kept")}});
        RecordStore(*other, QStringLiteral("people")).insert({{QStringLiteral("name"), QStringLiteral("Elsewhere")}});
        people.insert({{QStringLiteral("name"), QStringLiteral("H. Kept")}});
        otherTx.commit();
        tx.commit();
    }
    CHECK(verifyAuditChain(*other).intact());
    CHECK(scalar(*db, QStringLiteral("SELECT group_concat(name, '|') FROM (SELECT name FROM people ORDER BY name)"))
              .toString()
        == QStringLiteral("A. Kept|D. Kept|F. Kept|G. Kept|H. Kept"));
    const AuditChainResult result = verifyAuditChain(*db);
    INFO(result.problem.toStdString());
    CHECK(result.intact());
    // Ids stay dense: the rolled back entries' ids were taken again.
    CHECK(scalar(*db, QStringLiteral("SELECT max(id) = count(*) FROM audit_log")).toBool());
    test::requireHealthy(*db);
}

TEST_CASE("A file from before the chain is sealed when it is upgraded", "[auditchain][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("old.vigil"));
    const QList<Migration> older = bundledMigrations().mid(0, auditChainFormat - 1);
    qint64 entries = 0;
    {
        setMigrationsForTesting(&older);
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Old Depot");
        SiteRepository(*db).save(profile);
        profile = *SiteRepository(*db).load();
        profile.address = QStringLiteral("1 Quay Road");
        SiteRepository(*db).save(profile);
        CHECK(db->schemaVersion() == auditChainFormat - 1);
        entries = scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        setMigrationsForTesting(nullptr);
    }
    {
        // Before the upgrade, the check says the chain is not there yet, and is otherwise content.
        const HealthReport report = checkHealth(*Database::open(path, OpenMode::Inspect));
        INFO(report.problems.join(u'\n').toStdString());
        CHECK(report.healthy());
        CHECK(report.passed.join(u'\n').contains(QStringLiteral("not sealed yet")));
    }
    auto db = Database::open(path);
    CHECK(db->schemaVersion() >= auditChainFormat);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong() == entries);
    AuditChainResult result = verifyAuditChain(*db);
    INFO(result.problem.toStdString());
    CHECK(result.intact());
    CHECK(result.entries == entries);
    // The safeguards are still there and the schema is the one a new file has.
    CHECK_FALSE(test::rawSql(path, QStringLiteral("UPDATE audit_log SET actor = 'x'")));
    test::requireHealthy(*db);
    // New entries continue the chain.
    SiteProfile profile = *SiteRepository(*db).load();
    profile.name = QStringLiteral("New Depot");
    SiteRepository(*db).save(profile);
    result = verifyAuditChain(*db);
    CHECK(result.intact());
    CHECK(result.entries == entries + 1);
}

TEST_CASE("The health check includes the chain and can be stopped part way", "[auditchain][check]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    {
        auto db = Database::open(path, OpenMode::Inspect);
        QStringList steps;
        const HealthReport report = checkHealth(*db, [&](const QString &step, qint64, qint64) {
            if (!steps.contains(step))
                steps.append(step);
            return true;
        });
        CHECK(report.passed.join(u'\n').contains(QStringLiteral("audit chain: ")));
        CHECK(report.passed.join(u'\n').contains(QStringLiteral("intact")));
        CHECK(steps.size() >= 4);
        CHECK(steps.contains(QStringLiteral("Verifying the audit chain")));
        CHECK(steps.last() == QStringLiteral("Comparing the search index with the incidents"));

        // Stopped during the schema comparison: nothing after it is claimed.
        const HealthReport stopped = checkHealth(
            *db, [](const QString &step, qint64, qint64) { return step != QStringLiteral("Comparing the schema"); });
        CHECK(stopped.cancelled);
        CHECK_FALSE(stopped.healthy());
        CHECK_FALSE(stopped.passed.join(u'\n').contains(QStringLiteral("audit chain")));
    }
    REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' "
                                              "WHERE id = 7; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "
                                              "audit_log\nBEGIN\n    SELECT RAISE(ABORT, 'the audit trail is "
                                              "append-only');\nEND")));
    const HealthReport report = checkHealth(*Database::open(path, OpenMode::Inspect));
    CHECK(report.problems == QStringList {report.problems.value(0)});
    CHECK(report.problems.value(0).startsWith(QStringLiteral("audit chain: entry #7 (")));
}

TEST_CASE("Entries taken off the end are caught by the records that still carry their changes", "[auditchain][check]")
{
    TempDir dir;
    const QString path = makeTrail(dir);
    // Taking off the last five entries leaves a chain that holds. The profile's last change has
    // no entry any more, which the comparison with the records sees; the deleted person's four
    // entries left nothing behind to compare with.
    const qint64 last = entryCount(path);
    REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_delete; DELETE FROM "
                                              "audit_log WHERE id > %1; CREATE TRIGGER audit_log_no_delete BEFORE "
                                              "DELETE ON audit_log\nBEGIN\n    SELECT RAISE(ABORT, 'the audit trail "
                                              "is append-only');\nEND")
                                   .arg(last - 5)));
    CHECK(verify(path).intact());
    const HealthReport report = checkHealth(*Database::open(path, OpenMode::Inspect));
    CHECK(report.problems.join(u'\n').contains(QStringLiteral("site_profile")));
    CHECK(report.problems.join(u'\n').contains(QStringLiteral("changed without an audit entry")));
}
