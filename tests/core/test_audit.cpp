#include "support/testsupport.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// A scratch record table with the common columns, as every module's tables have.
void createNotesTable(Database &db)
{
    execute(db, QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
                               "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, "
                               "updated_by TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL "
                               "DEFAULT '', due TEXT, count INTEGER, done INTEGER NOT NULL DEFAULT 0)"));
}

const FieldChange *find(const FieldChanges &changes, const QString &field)
{
    for (const FieldChange &change : changes) {
        if (change.field == field)
            return &change;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Inserting a record fills the common columns and writes a create entry", "[audit]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 3, 14), QTime(9, 30, 15, 250), Qt::UTC));
    auto db = test::newDatabase(dir);
    db->setActor(QStringLiteral("j.okafor"));
    createNotesTable(*db);

    RecordKey key;
    {
        Transaction tx(*db);
        key = RecordStore(*db, QStringLiteral("notes"))
                  .insert({{QStringLiteral("title"), QStringLiteral("Gate 3 lock sticks")},
                              {QStringLiteral("due"), QDate(2026, 3, 20)}, {QStringLiteral("done"), false}},
                      QStringLiteral("quick entry"));
        tx.commit();
    }
    CHECK(key.id > 0);
    CHECK(!QUuid(key.uuid).isNull());
    Query row(*db, QStringLiteral("SELECT uuid, created_at, created_by, updated_at, updated_by, due, done FROM notes"));
    row.exec();
    REQUIRE(row.next());
    CHECK(row.value(0).toString() == key.uuid);
    CHECK(row.value(1).toString() == QStringLiteral("2026-03-14T09:30:15.250Z"));
    CHECK(row.value(2).toString() == QStringLiteral("j.okafor"));
    CHECK(row.value(3).toString() == row.value(1).toString());
    CHECK(row.value(4).toString() == QStringLiteral("j.okafor"));
    CHECK(row.value(5).toString() == QStringLiteral("2026-03-20"));
    CHECK(row.value(6).toInt() == 0);

    const QList<AuditEntry> trail = AuditLog(*db).forRecord(key.uuid);
    REQUIRE(trail.size() == 1);
    CHECK(trail.at(0).action == AuditAction::Create);
    CHECK(trail.at(0).actor == QStringLiteral("j.okafor"));
    CHECK(trail.at(0).entity == QStringLiteral("notes"));
    CHECK(trail.at(0).context == QStringLiteral("quick entry"));
    CHECK(toStoredUtc(trail.at(0).at) == QStringLiteral("2026-03-14T09:30:15.250Z"));
    REQUIRE(find(trail.at(0).changes, QStringLiteral("title")));
    CHECK(find(trail.at(0).changes, QStringLiteral("title"))->after.toString() == QStringLiteral("Gate 3 lock sticks"));
}

TEST_CASE("Updating writes only what changed, with old and new values", "[audit]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    createNotesTable(*db);
    RecordStore notes(*db, QStringLiteral("notes"));
    RecordKey key;
    {
        Transaction tx(*db);
        key = notes.insert({{QStringLiteral("title"), QStringLiteral("Fence gap")}, {QStringLiteral("count"), 3}});
        tx.commit();
    }
    pinned.clock().advanceSeconds(3600);
    FieldChanges changes;
    {
        Transaction tx(*db);
        // count is the same number in another type; title is unchanged: only body changes.
        changes = notes.update(key.id, {{QStringLiteral("title"), QStringLiteral("Fence gap")},
                                           {QStringLiteral("count"), qlonglong(3)},
                                           {QStringLiteral("body"), QStringLiteral("North side, 2 m")}});
        tx.commit();
    }
    REQUIRE(changes.size() == 1);
    CHECK(changes.at(0).field == QStringLiteral("body"));
    CHECK(changes.at(0).before.toString().isEmpty());
    CHECK(changes.at(0).after.toString() == QStringLiteral("North side, 2 m"));

    const QList<AuditEntry> trail = AuditLog(*db).forRecord(key.uuid);
    REQUIRE(trail.size() == 2);
    CHECK(trail.at(1).action == AuditAction::Update);
    REQUIRE(trail.at(1).changes.size() == 1);
    CHECK(trail.at(1).changes.at(0).after.toString() == QStringLiteral("North side, 2 m"));
    CHECK(scalar(*db, QStringLiteral("SELECT updated_at FROM notes")).toString()
        == toStoredUtc(trail.at(1).at));

    // Nothing changed: nothing written, not even the update time.
    {
        Transaction tx(*db);
        CHECK(notes.update(key.id, {{QStringLiteral("body"), QStringLiteral("North side, 2 m")}}).isEmpty());
        tx.commit();
    }
    CHECK(AuditLog(*db).forRecord(key.uuid).size() == 2);
}

TEST_CASE("Deleting keeps every old value in the audit trail", "[audit]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    createNotesTable(*db);
    RecordStore notes(*db, QStringLiteral("notes"));
    Transaction tx(*db);
    const RecordKey key = notes.insert({{QStringLiteral("title"), QStringLiteral("Created by mistake")}});
    notes.remove(key.id, QStringLiteral("created by mistake"));
    tx.commit();
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM notes")).toInt() == 0);
    const QList<AuditEntry> trail = AuditLog(*db).forRecord(key.uuid);
    REQUIRE(trail.size() == 2);
    CHECK(trail.at(1).action == AuditAction::Delete);
    REQUIRE(find(trail.at(1).changes, QStringLiteral("title")));
    CHECK(find(trail.at(1).changes, QStringLiteral("title"))->before.toString() == QStringLiteral("Created by mistake"));
}

TEST_CASE("A record and its audit entry commit or roll back together", "[audit]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    createNotesTable(*db);
    const qint64 entriesBefore = AuditLog(*db).count();
    {
        Transaction tx(*db);
        RecordStore(*db, QStringLiteral("notes")).insert({{QStringLiteral("title"), QStringLiteral("never saved")}});
    }
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM notes")).toInt() == 0);
    CHECK(AuditLog(*db).count() == entriesBefore);
}

TEST_CASE("The audit trail cannot be edited or deleted, even with SQL", "[audit]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    qint64 entries = 0;
    {
        auto db = Database::create(path);
        createNotesTable(*db);
        Transaction tx(*db);
        RecordStore(*db, QStringLiteral("notes")).insert({{QStringLiteral("title"), QStringLiteral("x")}});
        tx.commit();
        entries = AuditLog(*db).count();
    }
    CHECK_FALSE(test::rawSql(path, QStringLiteral("UPDATE audit_log SET actor = 'someone else'")));
    CHECK_FALSE(test::rawSql(path, QStringLiteral("DELETE FROM audit_log")));
    auto db = Database::open(path);
    CHECK(AuditLog(*db).count() == entries);
    CHECK(AuditLog(*db).recent(5).at(0).actor == QStringLiteral("tester"));
}

TEST_CASE("Changes round-trip through their stored JSON", "[audit]")
{
    const FieldChanges changes {
        {QStringLiteral("name"), QStringLiteral("Old \"quoted\" name"), QStringLiteral("نقطة التفتيش")},
        {QStringLiteral("count"), QVariant(), qlonglong(7)},
        {QStringLiteral("logo"), QByteArray("\x89PNG"), QVariant()},
    };
    FieldChanges decoded;
    REQUIRE(AuditLog::decodeChanges(AuditLog::encodeChanges(changes), &decoded));
    REQUIRE(decoded.size() == 3);
    const FieldChange *name = find(decoded, QStringLiteral("name"));
    REQUIRE(name);
    CHECK(name->before.toString() == QStringLiteral("Old \"quoted\" name"));
    CHECK(name->after.toString() == QStringLiteral("نقطة التفتيش"));
    CHECK(find(decoded, QStringLiteral("count"))->after.toLongLong() == 7);
    // Binary values are identified by size and hash, not copied.
    CHECK(find(decoded, QStringLiteral("logo"))->before.toString().startsWith(QStringLiteral("[4 bytes, sha256 ")));
    CHECK_FALSE(AuditLog::decodeChanges(QStringLiteral("not json"), &decoded));
}

TEST_CASE("Changes are stored as the very JSON text Qt's writer makes of them", "[audit]")
{
    // The reference: what QJsonDocument writes for the same changes (the encoder writes it
    // directly, for speed, and must write what Qt's writer would).
    const auto reference = [](const FieldChanges &changes) {
        const auto value = [](const QVariant &v) -> QJsonValue {
            if (v.isNull() || !v.isValid())
                return QJsonValue::Null;
            switch (v.typeId()) {
            case QMetaType::Bool:
                return v.toBool();
            case QMetaType::Int:
            case QMetaType::LongLong:
                return v.toLongLong();
            case QMetaType::Double:
                return v.toDouble();
            case QMetaType::QDate:
                return toStoredDate(v.toDate());
            default:
                return v.toString();
            }
        };
        // A field without an old value (all of a new record's) has no "old".
        QJsonObject object;
        for (const FieldChange &change : changes) {
            QJsonObject pair {{QStringLiteral("new"), value(change.after)}};
            if (!value(change.before).isNull())
                pair.insert(QStringLiteral("old"), value(change.before));
            object.insert(change.field, pair);
        }
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c);
    const FieldChanges changes {
        {QStringLiteral("title"), QString(), QStringLiteral("Gate \"B\" \\ back\tdoor\nsecond line\r")},
        {QStringLiteral("controls"), controls + QStringLiteral("\x7f end"), QStringLiteral("")},
        {QStringLiteral("arabic"), QStringLiteral("نقطة التفتيش \u202e reversed \u200d"), QVariant()},
        {QStringLiteral("loss"), 120.5, 0.1 + 0.2},
        {QStringLiteral("whole"), 3.0, -0.0},
        {QStringLiteral("huge"), 1e21, 6.02214076e23},
        {QStringLiteral("tiny"), 5e-324, std::numeric_limits<double>::max()},
        {QStringLiteral("count"), qlonglong(-9007199254740993LL), 42},
        {QStringLiteral("flag"), true, false},
        {QStringLiteral("day"), QDate(2026, 2, 18), QVariant()},
        {QStringLiteral("a_first"), QVariant(), QStringLiteral("sorted before the rest")},
        {QStringLiteral("title"), QStringLiteral("twice: the last change wins"), QStringLiteral("as in a JSON object")},
    };
    CHECK(AuditLog::encodeChanges(changes) == reference(changes));
    CHECK(AuditLog::encodeChanges({}) == reference({}));
    // Characters beyond the Basic Multilingual Plane, and a broken half of one.
    const FieldChanges emoji {{QStringLiteral("note"), QVariant(), QStringLiteral("🚨 alarm \xD83D broken")}};
    CHECK(AuditLog::encodeChanges(emoji) == reference(emoji));
}
