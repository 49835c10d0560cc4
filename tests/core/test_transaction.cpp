#include "support/testsupport.h"

#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/query.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

int metaCount(const Database &db)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM vigil_meta WHERE key LIKE 't%'")).toInt();
}

void addMeta(Database &db, const QString &key)
{
    execute(db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES (?, 'v')"), {key});
    db.recordChange(QStringLiteral("vigil_meta"), metaCount(db));
}

struct Received
{
    QList<std::pair<QString, QList<qint64>>> changes;
    explicit Received(Database &db)
    {
        QObject::connect(&db.notifier(), &ChangeNotifier::changed,
            [this](const QString &entity, const QList<qint64> &ids) { changes.append({entity, ids}); });
    }
};

} // namespace

TEST_CASE("A committed transaction keeps its changes and then tells the listeners", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    {
        Transaction tx(*db);
        addMeta(*db, QStringLiteral("t1"));
        addMeta(*db, QStringLiteral("t2"));
        CHECK(received.changes.isEmpty()); // nothing is announced before the commit
        tx.commit();
    }
    CHECK(metaCount(*db) == 2);
    REQUIRE(received.changes.size() == 1);
    CHECK(received.changes.at(0).first == QStringLiteral("vigil_meta"));
    CHECK(received.changes.at(0).second == QList<qint64> {1, 2});
}

TEST_CASE("A big transaction announces each changed row once, in the order of its first change", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    {
        // As an import or the decade demo: a hundred thousand changes, most rows changed twice.
        Transaction tx(*db);
        for (qint64 i = 0; i < 50000; ++i) {
            db->recordChange(QStringLiteral("b"), 50000 - i);
            db->recordChange(QStringLiteral("a"), i);
        }
        for (qint64 i = 0; i < 50000; i += 2)
            db->recordChange(QStringLiteral("b"), i + 1);
        tx.commit();
    }
    REQUIRE(received.changes.size() == 2);
    CHECK(received.changes.at(0).first == QStringLiteral("b"));
    const QList<qint64> &b = received.changes.at(0).second;
    REQUIRE(b.size() == 50000);
    CHECK(b.first() == 50000);
    CHECK(b.last() == 1);
    CHECK(received.changes.at(1).first == QStringLiteral("a"));
    REQUIRE(received.changes.at(1).second.size() == 50000);
    CHECK(received.changes.at(1).second.at(123) == 123);
}

TEST_CASE("A transaction that is not committed rolls back and announces nothing", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    {
        Transaction tx(*db);
        addMeta(*db, QStringLiteral("t1"));
    }
    CHECK(metaCount(*db) == 0);
    CHECK(received.changes.isEmpty());

    // The same when an exception leaves the scope.
    try {
        Transaction tx(*db);
        addMeta(*db, QStringLiteral("t1"));
        throw Error(QStringLiteral("validation failed"));
    } catch (const Error &) {
    }
    CHECK(metaCount(*db) == 0);
    CHECK(!db->inTransaction());
}

TEST_CASE("Transactions nest: an inner rollback keeps the outer work", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    {
        Transaction outer(*db);
        addMeta(*db, QStringLiteral("t1"));
        {
            Transaction inner(*db);
            addMeta(*db, QStringLiteral("t2"));
        } // rolled back
        {
            Transaction inner(*db);
            addMeta(*db, QStringLiteral("t3"));
            inner.commit();
        }
        CHECK(db->inTransaction());
        outer.commit();
    }
    CHECK(!db->inTransaction());
    CHECK(scalar(*db, QStringLiteral("SELECT group_concat(key) FROM (SELECT key FROM vigil_meta WHERE key LIKE 't%' "
                                     "ORDER BY key)"))
              .toString()
        == QStringLiteral("t1,t3"));
    REQUIRE(received.changes.size() == 1);
    CHECK(received.changes.at(0).second.size() == 2);
}

TEST_CASE("An outer rollback undoes committed inner work", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    {
        Transaction outer(*db);
        {
            Transaction inner(*db);
            addMeta(*db, QStringLiteral("t1"));
            inner.commit();
        }
    }
    CHECK(metaCount(*db) == 0);
    CHECK(received.changes.isEmpty());
}

TEST_CASE("A change outside a transaction is announced at once", "[transaction]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Received received(*db);
    db->recordChange(QStringLiteral("site_profile"), 1);
    REQUIRE(received.changes.size() == 1);
    CHECK(received.changes.at(0).first == QStringLiteral("site_profile"));
}

TEST_CASE("Readers beside the window see only committed work", "[transaction]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    auto db = Database::create(path);
    // A reader may look while a transaction is open, and sees only committed data.
    Transaction tx(*db);
    addMeta(*db, QStringLiteral("t1"));
    auto reader = Database::open(path, OpenMode::ReadOnly);
    CHECK(metaCount(*reader) == 0);
    tx.commit();
    CHECK(metaCount(*reader) == 1);
}
