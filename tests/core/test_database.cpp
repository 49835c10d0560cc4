#include "support/testsupport.h"

#include "base/images.h"
#include "base/version.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/query.h"

#include <QBuffer>
#include <QDateTime>
#include <QSet>
#include <QUuid>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QSqlDriver>
#include <QtEndian>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <thread>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// Opening must fail for the given reason, with one sentence, and leave the folder exactly as it
// was: same bytes in the file, no journal or lock files left behind.
void requireRefusal(const QString &path, OpenError::Reason reason, OpenMode mode = OpenMode::ReadWrite)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList filesBefore = test::listDir(folder);
    const QByteArray hashBefore = QFileInfo(path).isFile() ? test::sha256(path) : QByteArray();
    try {
        Database::open(path, mode);
        FAIL("the file was opened");
    } catch (const OpenError &e) {
        INFO(e.message());
        CHECK(e.reason() == reason);
        CHECK(!e.message().isEmpty());
        CHECK(!e.message().contains(u'\n'));
        CHECK(e.message().endsWith(u'.'));
    }
    CHECK(test::listDir(folder) == filesBefore);
    if (!hashBefore.isEmpty())
        CHECK(test::sha256(path) == hashBefore);
}

QByteArray pngBytes()
{
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::red);
    return toPng(image);
}

} // namespace

TEST_CASE("A new site file is a Vigil SQLite file at the latest format", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("new.vigil"));
    {
        auto db = Database::create(path);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(db->path() == QFileInfo(path).absoluteFilePath());
        CHECK(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
        CHECK(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
        CHECK(scalar(*db, QStringLiteral("PRAGMA application_id")).toLongLong() == Database::applicationId);
        CHECK(scalar(*db, QStringLiteral("SELECT value FROM vigil_meta WHERE key = 'created_with'")).toString()
            == QStringLiteral(VIGIL_VERSION));
        CHECK(QFileInfo::exists(path + QStringLiteral(".lock")));
        // The journal beside an open file holds the newest records: it is as private as the file.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            INFO(suffix.toStdString());
            const QFileDevice::Permissions journal = QFileInfo(path + suffix).permissions();
            CHECK(journal.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            CHECK(!(journal & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        }
    }
    // The header names the file as Vigil's before SQLite ever opens it.
    const QByteArray header = test::readFile(path).left(100);
    CHECK(header.startsWith(QByteArray("SQLite format 3\0", 16)));
    CHECK(qFromBigEndian<quint32>(header.constData() + 68) == Database::applicationId);
    // Readable by its owner only: the file is evidence.
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    CHECK(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    CHECK(!(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                              | QFileDevice::WriteOther)));
    // Closed cleanly: nothing but the file stays behind.
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("new.vigil")});
}

TEST_CASE("Creating a site file never replaces an existing file", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("taken.vigil"));
    test::writeFile(path, "my notes");
    try {
        Database::create(path);
        FAIL("an existing file was replaced");
    } catch (const OpenError &e) {
        CHECK(e.reason() == OpenError::Reason::Exists);
    }
    CHECK(test::readFile(path) == QByteArray("my notes"));
}

TEST_CASE("A creation that fails half-way leaves no file behind", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("half.vigil"));
    CHECK_THROWS_AS(Database::create(path, [](Database &) { throw Error(QStringLiteral("disk on fire")); }), Error);
    CHECK(test::listDir(dir.root()).isEmpty());
}

TEST_CASE("Reopening a current file migrates nothing and copies nothing", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const QByteArray before = test::sha256(path);
    {
        auto db = Database::open(path);
        CHECK(db->schemaVersion() == Database::latestSchemaVersion());
        CHECK(db->preMigrationCopy().isEmpty());
    }
    CHECK(test::sha256(path) == before);
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("site.vigil")});
}

TEST_CASE("Files that are not Vigil's are refused untouched", "[database][refusal]")
{
    TempDir dir;
    SECTION("random bytes")
    {
        QByteArray noise(4096, Qt::Uninitialized);
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + 13) % 251);
        test::writeFile(dir.path(QStringLiteral("noise.vigil")), noise);
        requireRefusal(dir.path(QStringLiteral("noise.vigil")), OpenError::Reason::NotSqlite);
    }
    SECTION("a PNG image, named as a site file")
    {
        test::writeFile(dir.path(QStringLiteral("photo.vigil")), pngBytes());
        requireRefusal(dir.path(QStringLiteral("photo.vigil")), OpenError::Reason::NotSqlite);
        try {
            Database::open(dir.path(QStringLiteral("photo.vigil")));
            FAIL("a PNG was opened");
        } catch (const OpenError &e) {
            CHECK(e.message().contains(QStringLiteral("PNG")));
        }
    }
    SECTION("an empty file")
    {
        test::writeFile(dir.path(QStringLiteral("empty.vigil")), {});
        requireRefusal(dir.path(QStringLiteral("empty.vigil")), OpenError::Reason::Empty);
    }
    SECTION("a text file shorter than a SQLite header")
    {
        test::writeFile(dir.path(QStringLiteral("short.vigil")), "SQLite format 3");
        requireRefusal(dir.path(QStringLiteral("short.vigil")), OpenError::Reason::NotSqlite);
    }
    SECTION("a SQLite database of another program")
    {
        const QString path = dir.path(QStringLiteral("other.db"));
        REQUIRE(test::rawSql(path, QStringLiteral("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")));
        requireRefusal(path, OpenError::Reason::Foreign);
        requireRefusal(path, OpenError::Reason::Foreign, OpenMode::ReadOnly);
    }
    SECTION("a missing file")
    {
        requireRefusal(dir.path(QStringLiteral("nowhere.vigil")), OpenError::Reason::Missing);
    }
    SECTION("a folder")
    {
        QDir(dir.root()).mkdir(QStringLiteral("folder.vigil"));
        requireRefusal(dir.path(QStringLiteral("folder.vigil")), OpenError::Reason::NotAFile);
    }
}

TEST_CASE("A damaged site file is refused untouched", "[database][refusal]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("damaged.vigil"));
    {
        auto db = Database::create(path);
        // Enough rows to fill several pages, so the damage lands inside the data.
        Transaction tx(*db);
        for (int i = 0; i < 400; ++i)
            execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES (?, ?)"),
                {QStringLiteral("k%1").arg(i), QString(200, u'x')});
        tx.commit();
    }
    QByteArray bytes = test::readFile(path);
    const int pageSize = test::sqlitePageSize(bytes);
    REQUIRE(bytes.size() > 8 * pageSize);
    // Scribble over the second page (a b-tree page): what a failing disk or a bad copy does.
    for (int i = pageSize; i < 2 * pageSize; ++i)
        bytes[i] = char(0xA5);
    test::writeFile(path, bytes);
    requireRefusal(path, OpenError::Reason::Corrupt);
}

TEST_CASE("A window may defer the full check: the file opens, and the check then finds the damage", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("damaged.vigil"));
    {
        auto db = Database::create(path);
        Transaction tx(*db);
        for (int i = 0; i < 400; ++i)
            execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES (?, ?)"),
                {QStringLiteral("k%1").arg(i), QString(200, u'x')});
        tx.commit();
    }
    CHECK(Database::verifyIntegrity(path).isEmpty());
    QByteArray bytes = test::readFile(path);
    const int pageSize = test::sqlitePageSize(bytes);
    const qsizetype page = bytes.size() - 4 * pageSize; // a data page near the end, not the schema
    for (qsizetype i = page; i < page + pageSize; ++i)
        bytes[i] = char(0xA5);
    test::writeFile(path, bytes);
    OpenOptions deferred;
    deferred.deferIntegrityCheck = true;
    auto db = Database::open(path, OpenMode::ReadWrite, deferred);
    // From another thread, beside the open file, as the window does it.
    QString problem;
    std::thread worker([&] { problem = Database::verifyIntegrity(path); });
    worker.join();
    CHECK(problem.contains(QStringLiteral("damaged")));
    CHECK_THROWS_AS(Database::open(dir.path(QStringLiteral("damaged.vigil")), OpenMode::ReadOnly), OpenError);
}

TEST_CASE("A file from a newer Vigil is refused untouched", "[database][refusal]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("future.vigil"));
    Database::create(path);
    REQUIRE(test::rawSql(path, QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)));
    requireRefusal(path, OpenError::Reason::TooNew);
    try {
        Database::open(path);
        FAIL("a file from the future was opened");
    } catch (const OpenError &e) {
        CHECK(e.message().contains(QStringLiteral("newer version of Vigil")));
    }
}

TEST_CASE("A refused file with changes still in its journal keeps both untouched", "[database][refusal]")
{
    // What a crash leaves behind: committed changes in site.vigil-wal, not yet in the file.
    // Here the journal also says the file is from a newer Vigil.
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    const QString crashed = dir.path(QStringLiteral("crashed.vigil"));
    {
        auto db = Database::create(path);
        auto live = Database::open(path, OpenMode::ReadOnly); // keeps the journal from being folded in
        execute(*db, QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1));
        REQUIRE(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        REQUIRE(QFile::copy(path, crashed));
        REQUIRE(QFile::copy(path + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
    }
    const QByteArray file = test::sha256(crashed);
    const QByteArray journal = test::sha256(crashed + QStringLiteral("-wal"));
    requireRefusal(crashed, OpenError::Reason::TooNew);
    CHECK(test::sha256(crashed) == file);
    REQUIRE(QFileInfo::exists(crashed + QStringLiteral("-wal")));
    CHECK(test::sha256(crashed + QStringLiteral("-wal")) == journal);
}

TEST_CASE("A read-only file is refused for writing but can be read", "[database][refusal]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("readonly.vigil"));
    Database::create(path);
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadUser));
    requireRefusal(path, OpenError::Reason::ReadOnly);
    {
        auto reader = Database::open(path, OpenMode::ReadOnly);
        CHECK(reader->isReadOnly());
        CHECK_THROWS_AS(Transaction(*reader), Error);
    }
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("readonly.vigil")});
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("A file open in another Vigil is refused, naming who holds it", "[database][refusal]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("busy.vigil"));
    Database::create(path);

    SECTION("open in this process")
    {
        auto first = Database::open(path);
        try {
            Database::open(path);
            FAIL("opened twice");
        } catch (const OpenError &e) {
            CHECK(e.reason() == OpenError::Reason::Locked);
            CHECK(e.message().contains(QStringLiteral("already open in this Vigil")));
        }
        // Readers still work beside the writer.
        CHECK(Database::open(path, OpenMode::ReadOnly)->schemaVersion() == Database::latestSchemaVersion());
    }
    SECTION("open in another process on this computer")
    {
        // A live process named vigil holds the lock (Qt checks both the pid and the name).
        const QString fakeVigil = dir.path(QStringLiteral("vigil"));
        REQUIRE(QFile::copy(QStandardPaths::findExecutable(QStringLiteral("sleep")), fakeVigil));
        QProcess holder;
        holder.start(fakeVigil, {QStringLiteral("30")});
        REQUIRE(holder.waitForStarted());
        const QByteArray pid = QByteArray::number(holder.processId());
        test::writeFile(path + QStringLiteral(".lock"),
            pid + "\nvigil\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        try {
            Database::open(path);
            FAIL("opened while locked");
        } catch (const OpenError &e) {
            CHECK(e.reason() == OpenError::Reason::Locked);
            CHECK(e.message().contains(QStringLiteral("process %1 on this computer").arg(QString::fromLatin1(pid))));
        }
        CHECK(test::readFile(path + QStringLiteral(".lock")).startsWith(pid + "\n"));
        holder.kill();
        holder.waitForFinished();
        // Once that process is gone its lock is stale and the file opens.
        CHECK_NOTHROW(Database::open(path));
    }
    SECTION("open on another computer")
    {
        test::writeFile(path + QStringLiteral(".lock"), QByteArray("4242\nvigil\ngatehouse-pc\n"));
        try {
            Database::open(path);
            FAIL("opened while locked");
        } catch (const OpenError &e) {
            CHECK(e.reason() == OpenError::Reason::Locked);
            CHECK(e.message().contains(QStringLiteral("gatehouse-pc")));
            CHECK(e.message().contains(QStringLiteral("4242")));
        }
    }
    SECTION("a lock left by a process that died is taken over")
    {
        // A pid far above any real one on this computer: the process is gone.
        test::writeFile(path + QStringLiteral(".lock"),
            QByteArray("2147480000\nvigil\n") + QSysInfo::machineHostName().toUtf8() + "\n");
        CHECK_NOTHROW(Database::open(path));
    }
}

TEST_CASE("Readers leave no journal files when nobody else has the file open", "[database]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const QByteArray before = test::sha256(path);
    {
        auto db = Database::open(path, OpenMode::Inspect);
        CHECK(db->isReadOnly());
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toInt() > 0);
    }
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("site.vigil")});
    CHECK(test::sha256(path) == before);
}

TEST_CASE("Database errors become sentences a user can act on", "[database]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    Transaction tx(*db);
    try {
        execute(*db, QStringLiteral("INSERT INTO site_profile (uuid, name, created_at, created_by, updated_at, "
                                    "updated_by) VALUES ('u', '', 'x', 'x', 'x', 'x')"));
        FAIL("a CHECK constraint was not enforced");
    } catch (const DatabaseError &e) {
        CHECK(e.primaryCode() == 19);
        CHECK(e.message().startsWith(QStringLiteral("The change breaks a rule")));
    }
    // A full disk, as SQLite reports it when it cannot grow the file.
    execute(*db, QStringLiteral("PRAGMA max_page_count = %1").arg(scalar(*db, QStringLiteral("PRAGMA page_count")).toInt()));
    try {
        execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES ('big', ?)"), {QString(100000, u'x')});
        FAIL("the page limit was not reached");
    } catch (const DatabaseError &e) {
        CHECK(e.primaryCode() == 13);
        CHECK(e.message().contains(QStringLiteral("disk is full")));
    }
}

TEST_CASE("A statement without rows stores every kind of value as Qt's driver does", "[database]")
{
    // Writes run on SQLite's own statements; reads, and anything that returns rows, through Qt.
    // The same values written both ways must be stored alike, NULLs and broken text included.
    TempDir dir;
    auto db = test::newDatabase(dir);
    execute(*db, QStringLiteral("CREATE TABLE kinds (id INTEGER PRIMARY KEY, v)"));
    QString loneSurrogate = QStringLiteral("half ");
    loneSurrogate += QChar(0xD83D);
    loneSurrogate += QStringLiteral(" of an emoji");
    const QVariantList values {QVariant(), QVariant::fromValue(nullptr), QString(), QStringLiteral(""),
        QStringLiteral("Gate 3 \u00e9 \u202e \U0001F6A8"), loneSurrogate, QString(QChar(0)) + QStringLiteral("after a NUL"),
        42, qlonglong(-9007199254740993LL), true, 2.5, QByteArray(), QByteArray("\x00\x01", 2),
        QDate(2026, 2, 18), QDateTime(QDate(2026, 2, 18), QTime(8, 30), Qt::UTC), QVariant(QMetaType::fromType<QString>())};
    QSqlQuery viaQt(db->connection());
    REQUIRE(viaQt.prepare(QStringLiteral("SELECT typeof(?), quote(?)")));
    for (int i = 0; i < values.size(); ++i) {
        INFO("value " << i << ": " << values.at(i).typeName());
        Query insert(*db, QStringLiteral("INSERT INTO kinds (v) VALUES (?)"));
        insert.bind(values.at(i)).exec();
        CHECK(insert.lastInsertId() == i + 1);
        CHECK(insert.rowsAffected() == 1);
        // What Qt binds for the same value (Query turns a null QString into '', as here).
        const bool nullText = values.at(i).typeId() == QMetaType::QString && !values.at(i).isNull()
            && values.at(i).toString().isNull();
        const QVariant asQt = nullText ? QVariant(QStringLiteral("")) : values.at(i);
        viaQt.addBindValue(asQt);
        viaQt.addBindValue(asQt);
        REQUIRE(viaQt.exec());
        REQUIRE(viaQt.next());
        Query stored(*db, QStringLiteral("SELECT typeof(v), quote(v) FROM kinds WHERE id = ?"));
        stored.bind(i + 1).exec();
        REQUIRE(stored.next());
        CHECK(stored.value(0).toString() == viaQt.value(0).toString());
        CHECK(stored.value(1).toString() == viaQt.value(1).toString());
    }
    CHECK(scalar(*db, QStringLiteral("SELECT typeof(v) FROM kinds WHERE id = 3")).toString() == QLatin1String("text"));
    CHECK(scalar(*db, QStringLiteral("SELECT v FROM kinds WHERE id = 5")).toString() == values.at(4).toString());

    // An UPDATE says how many rows it changed; a statement that returns rows still returns them.
    Query update(*db, QStringLiteral("UPDATE kinds SET v = ? WHERE id > ?"));
    update.bind(QStringLiteral("x")).bind(10).exec();
    CHECK(update.rowsAffected() == int(values.size()) - 10);
    Query returning(*db, QStringLiteral("INSERT INTO kinds (v) VALUES (?) RETURNING id"));
    returning.bind(7).exec();
    REQUIRE(returning.next());
    CHECK(returning.value(0).toLongLong() == values.size() + 1);
    // A failed write leaves its statement ready for the next use.
    execute(*db, QStringLiteral("CREATE TABLE once (v TEXT UNIQUE)"));
    execute(*db, QStringLiteral("INSERT INTO once (v) VALUES (?)"), {QStringLiteral("a")});
    CHECK_THROWS_AS(execute(*db, QStringLiteral("INSERT INTO once (v) VALUES (?)"), {QStringLiteral("a")}), DatabaseError);
    execute(*db, QStringLiteral("INSERT INTO once (v) VALUES (?)"), {QStringLiteral("b")});
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM once")).toInt() == 2);

    // A value SQLite refuses to bind (here: longer than the connection allows) fails the write
    // with a message; nothing is written in its place, and the statement is ready again.
    const QVariant handle = db->connection().driver()->handle();
    REQUIRE(qstrcmp(handle.typeName(), "sqlite3*") == 0);
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    const int limit = sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, 1000);
    try {
        execute(*db, QStringLiteral("INSERT INTO once (v) VALUES (?)"), {QString(5000, u'x')});
        FAIL("an oversized value was bound");
    } catch (const DatabaseError &e) {
        CHECK(e.primaryCode() == SQLITE_TOOBIG);
        CHECK_FALSE(e.message().isEmpty());
    }
    sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, limit);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM once")).toInt() == 2);
    execute(*db, QStringLiteral("INSERT INTO once (v) VALUES (?)"), {QStringLiteral("c")});
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM once")).toInt() == 3);
}

TEST_CASE("New records get version 7 uuids, unique and in the order they were made", "[database]")
{
    // Time-ordered uuids go at the end of the uuid indexes; they must still never repeat, even
    // thousands to a millisecond.
    TempDir dir;
    auto db = test::newDatabase(dir);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList uuids;
    for (int i = 0; i < 20000; ++i)
        uuids.append(db->newUuid().toString(QUuid::WithoutBraces));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    // (Qt 6.4's QUuid::version() knows versions 1 to 5 only: the digits are read here.)
    for (const QString &uuid : std::as_const(uuids)) {
        REQUIRE(uuid.size() == 36);
        REQUIRE(uuid.at(14) == u'7');
        REQUIRE(QStringLiteral("89ab").contains(uuid.at(19)));
        REQUIRE(QUuid(uuid).variant() == QUuid::DCE);
    }
    const qint64 firstMillis = uuids.first().left(13).remove(u'-').toLongLong(nullptr, 16);
    CHECK(firstMillis >= before);
    CHECK(firstMillis <= after);
    QStringList sorted = uuids;
    sorted.sort();
    CHECK(sorted == uuids);
    CHECK(QSet<QString>(uuids.cbegin(), uuids.cend()).size() == uuids.size());
    // A second file's uuids, made in the same milliseconds, differ in their random bits.
    auto other = test::newDatabase(dir, QStringLiteral("other.vigil"));
    const QSet<QString> seen(uuids.cbegin(), uuids.cend());
    int repeated = 0;
    for (int i = 0; i < 1000; ++i)
        repeated += seen.contains(other->newUuid().toString(QUuid::WithoutBraces)) ? 1 : 0;
    CHECK(repeated == 0);
}

TEST_CASE("After a checkpoint, a copy of the file alone holds everything saved", "[database]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    {
        Transaction tx(*db);
        for (int i = 0; i < 500; ++i)
            execute(*db, QStringLiteral("INSERT OR REPLACE INTO vigil_meta (key, value) VALUES (?, ?)"),
                {QStringLiteral("note-%1").arg(i), QString(200, u'n')});
        tx.commit();
    }
    const auto copyHas = [&](const QString &name) {
        const QString copy = dir.path(name);
        REQUIRE(QFile::copy(db->path(), copy)); // the file alone, as cp or a file manager copies it
        auto opened = Database::open(copy, OpenMode::ReadOnly);
        return scalar(*opened, QStringLiteral("SELECT count(*) FROM vigil_meta WHERE key LIKE 'note-%'")).toInt();
    };
    CHECK(copyHas(QStringLiteral("before.vigil")) < 500); // still in the journal
    CHECK(db->checkpoint());
    CHECK(copyHas(QStringLiteral("after.vigil")) == 500);
}
