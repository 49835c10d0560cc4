// Backups: consistent copies while the file is in use, verification, encryption, restore and
// the automatic daily backups with their rotation.
#include "support/testsupport.h"

#include "base/clock.h"
#include "site/siteprofile.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/fileinspection.h"
#include "storage/healthcheck.h"
#include "storage/migrations.h"
#include "storage/query.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace vigil;
using vigil::test::TempDir;

namespace {

const QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ReadUser | QFileDevice::WriteUser;

void note(Database &db, const QString &key, const QString &value)
{
    Transaction tx(db);
    execute(db, QStringLiteral("INSERT OR REPLACE INTO vigil_meta (key, value) VALUES (?, ?)"), {key, value});
    tx.commit();
}

QString noteIn(const QString &path, const QString &key)
{
    auto db = Database::open(path, OpenMode::ReadOnly);
    return scalar(*db, QStringLiteral("SELECT value FROM vigil_meta WHERE key = ?"), {key}).toString();
}

std::unique_ptr<Database> siteWithProfile(const TempDir &dir, const QString &name = QStringLiteral("site.vigil"))
{
    auto db = test::newDatabase(dir, name);
    SiteProfile profile;
    profile.name = QStringLiteral("Harbour Cold Store");
    SiteRepository(*db).save(profile);
    return db;
}

QString errorOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

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

} // namespace

TEST_CASE("A backup while another connection holds a write transaction has the committed state and verifies",
    "[backup]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    note(*db, QStringLiteral("committed"), QStringLiteral("yes"));
    const QString out = dir.path(QStringLiteral("copies/site-copy.vigil"));
    {
        Transaction open(*db); // the window is in the middle of a change
        execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES ('pending', 'no')"));
        writeBackup(db->path(), out);
    }
    CHECK(noteIn(out, QStringLiteral("committed")) == QStringLiteral("yes"));
    CHECK(noteIn(out, QStringLiteral("pending")).isEmpty());
    CHECK(Database::verifyIntegrity(out).isEmpty());
    // Owner only, the folder it made too, and no temporary file left.
    CHECK(QFileInfo(out).permissions() == ownerOnlyFile);
    CHECK(QFileInfo(dir.path(QStringLiteral("copies"))).permissions()
        == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
            | QFileDevice::WriteUser | QFileDevice::ExeUser));
    CHECK(test::listDir(dir.path(QStringLiteral("copies"))) == QStringList {QStringLiteral("site-copy.vigil")});
    // A copy that stands alone: no journal of the original's kind (WAL) beside it.
    CHECK(test::readFile(out).mid(18, 2) == QByteArray("\x01\x01", 2));
}

TEST_CASE("What another connection commits during a backup does not enter the copy", "[backup]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    // Big enough to be copied in several steps.
    note(*db, QStringLiteral("ballast"), QString(6'000'000, u'x'));
    const QString out = dir.path(QStringLiteral("copy.vigil"));
    BackupOptions options;
    int calls = 0;
    options.progress = [&](int) {
        if (++calls == 1)
            note(*db, QStringLiteral("late"), QStringLiteral("after the backup began"));
        return true;
    };
    writeBackup(db->path(), out, options);
    CHECK(calls > 2);
    CHECK(noteIn(out, QStringLiteral("late")).isEmpty());
    CHECK(noteIn(out, QStringLiteral("ballast")).size() == 6'000'000);
    CHECK(noteIn(db->path(), QStringLiteral("late")) == QStringLiteral("after the backup began"));
}

TEST_CASE("A backup that fails or is cancelled leaves nothing behind", "[backup]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    note(*db, QStringLiteral("ballast"), QString(3'000'000, u'x'));
    QDir().mkpath(dir.path(QStringLiteral("out")));

    SECTION("cancelled")
    {
        BackupOptions options;
        options.progress = [](int percent) { return percent < 30; };
        CHECK_THROWS_AS(writeBackup(db->path(), dir.path(QStringLiteral("out/copy.vigil")), options), BackupCancelled);
    }
    SECTION("cancelled while encrypting")
    {
        BackupOptions options;
        options.passphrase = "correct horse";
        options.progress = [](int percent) { return percent < 70; };
        CHECK_THROWS_AS(writeBackup(db->path(), dir.path(QStringLiteral("out/copy.vigil")), options), BackupCancelled);
    }
    SECTION("an existing file is not overwritten")
    {
        test::writeFile(dir.path(QStringLiteral("out/keep.vigil")), "mine");
        CHECK(errorOf([&] { writeBackup(db->path(), dir.path(QStringLiteral("out/keep.vigil"))); })
                  .contains(QStringLiteral("already exists")));
        CHECK(test::readFile(dir.path(QStringLiteral("out/keep.vigil"))) == "mine");
        QFile::remove(dir.path(QStringLiteral("out/keep.vigil")));
    }
    SECTION("the folder cannot be made")
    {
        test::writeFile(dir.path(QStringLiteral("out/blocked")), "a file, not a folder");
        CHECK(errorOf([&] { writeBackup(db->path(), dir.path(QStringLiteral("out/blocked/copy.vigil"))); })
                  .contains(QStringLiteral("could not be created")));
        QFile::remove(dir.path(QStringLiteral("out/blocked")));
    }
    SECTION("the folder is not writable")
    {
        if (::geteuid() == 0)
            SUCCEED("root writes everywhere; nothing to test");
        else {
            QFile::setPermissions(dir.path(QStringLiteral("out")), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            CHECK(errorOf([&] { writeBackup(db->path(), dir.path(QStringLiteral("out/copy.vigil"))); })
                      .contains(QStringLiteral("permission denied")));
            QFile::setPermissions(dir.path(QStringLiteral("out")),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
    }
    CHECK(test::listDir(dir.path(QStringLiteral("out"))).isEmpty());
}

TEST_CASE("An encrypted backup restores with its passphrase and refuses anything else", "[backup][crypto]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    note(*db, QStringLiteral("secret"), QStringLiteral("gate code 4711"));
    note(*db, QStringLiteral("ballast"), QString(2'500'000, u'y')); // several chunks
    const QString out = dir.path(QStringLiteral("site.vigil-backup"));
    BackupOptions options;
    options.passphrase = "correct horse battery";
    writeBackup(db->path(), out, options);
    db.reset();
    CHECK(isEncryptedBackup(out));
    CHECK(QFileInfo(out).permissions() == ownerOnlyFile);
    const QByteArray sealed = test::readFile(out);
    CHECK(!sealed.contains("SQLite format 3"));
    CHECK(!sealed.contains("gate code 4711"));

    const QString target = dir.path(QStringLiteral("restored/site.vigil"));
    SECTION("round trip")
    {
        StagedRestore staged = stageRestore(out, target, "correct horse battery");
        CHECK(staged.facts.encrypted);
        CHECK(staged.facts.siteName == QStringLiteral("Harbour Cold Store"));
        CHECK(staged.facts.format == Database::latestSchemaVersion());
        CHECK(staged.facts.takenAt.isValid());
        CHECK(completeRestore(staged).isEmpty()); // nothing was there to keep aside
        CHECK(noteIn(target, QStringLiteral("secret")) == QStringLiteral("gate code 4711"));
        CHECK(QFileInfo(target).permissions() == ownerOnlyFile);
        return;
    }
    QString message;
    SECTION("wrong passphrase")
    {
        message = errorOf([&] { stageRestore(out, target, "correct horse"); });
        CHECK(message.contains(QStringLiteral("passphrase is wrong")));
    }
    SECTION("no passphrase")
    {
        message = errorOf([&] { stageRestore(out, target, {}); });
        CHECK(message.contains(QStringLiteral("is encrypted")));
    }
    SECTION("one flipped byte in the ciphertext")
    {
        for (const qsizetype at : {qsizetype(200), sealed.size() / 2, sealed.size() - 5}) {
            QByteArray changed = sealed;
            changed[at] = char(changed.at(at) ^ 0x01);
            test::writeFile(out, changed);
            message = errorOf([&] { stageRestore(out, target, "correct horse battery"); });
            CHECK(message.contains(QStringLiteral("was modified or damaged")));
        }
    }
    SECTION("a changed header")
    {
        QByteArray changed = sealed;
        changed[47] = char(changed.at(47) ^ 0x01); // the time it was taken
        test::writeFile(out, changed);
        message = errorOf([&] { stageRestore(out, target, "correct horse battery"); });
        CHECK(message.contains(QStringLiteral("was modified or damaged")));
    }
    SECTION("truncated")
    {
        for (const qsizetype cut : {qsizetype(1), qsizetype(1 << 20), sealed.size() - 100}) {
            test::writeFile(out, sealed.left(sealed.size() - cut));
            message = errorOf([&] { stageRestore(out, target, "correct horse battery"); });
            CHECK(message.contains(QStringLiteral("incomplete")));
        }
    }
    SECTION("extended")
    {
        test::writeFile(out, sealed + "x");
        message = errorOf([&] { stageRestore(out, target, "correct horse battery"); });
        CHECK(message.contains(QStringLiteral("was modified or damaged")));
    }
    CHECK(!message.isEmpty());
    // Refused: nothing was made where the restore would go.
    CHECK(test::listDir(dir.path(QStringLiteral("restored"))).isEmpty());
}

TEST_CASE("A restore shows what the backup holds and keeps the current file aside", "[backup][restore]")
{
    TempDir dir;
    const QString backup = dir.path(QStringLiteral("backups/site-2026-03-14.vigil"));
    QString path;
    {
        auto db = siteWithProfile(dir);
        path = db->path();
        note(*db, QStringLiteral("state"), QStringLiteral("in the backup"));
        writeBackup(path, backup);
        note(*db, QStringLiteral("state"), QStringLiteral("after the backup"));
    }
    const QByteArray current = test::sha256(path);
    StagedRestore staged = stageRestore(backup, path);
    CHECK_FALSE(staged.facts.encrypted);
    CHECK(staged.facts.siteName == QStringLiteral("Harbour Cold Store"));
    CHECK(staged.facts.lastChange.isValid());
    CHECK(staged.facts.incidents == 0);
    CHECK(test::sha256(path) == current); // staging changes nothing

    SECTION("refused while the file is open")
    {
        auto open = Database::open(path);
        CHECK(errorOf([&] { completeRestore(staged); }).contains(QStringLiteral("is open in Vigil")));
        discardRestore(staged);
        open.reset();
        CHECK(test::sha256(path) == current);
        CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("site.vigil")});
    }
    SECTION("restored")
    {
        const QString aside = completeRestore(staged);
        CHECK(QFileInfo(aside).fileName().startsWith(QStringLiteral("site-before-restore-")));
        CHECK(QFileInfo(aside).absolutePath() == QFileInfo(path).absolutePath());
        CHECK(test::sha256(aside) == current);
        CHECK(noteIn(path, QStringLiteral("state")) == QStringLiteral("in the backup"));
        CHECK(noteIn(aside, QStringLiteral("state")) == QStringLiteral("after the backup"));
        CHECK(!QFileInfo::exists(staged.stagedPath));
    }
}

TEST_CASE("Restore refuses foreign, damaged and newer files and changes nothing", "[backup][restore]")
{
    TempDir dir;
    QString path;
    {
        auto db = siteWithProfile(dir);
        path = db->path();
    }
    const QByteArray current = test::sha256(path);
    const QString candidate = dir.path(QStringLiteral("candidate.vigil"));
    QString expected;
    SECTION("a text file")
    {
        test::writeFile(candidate, "shopping list");
        expected = QStringLiteral("is not a Vigil backup");
    }
    SECTION("another program's database")
    {
        REQUIRE(test::rawSql(candidate, QStringLiteral("CREATE TABLE songs (title TEXT)")));
        expected = QStringLiteral("another program");
    }
    SECTION("a newer format")
    {
        writeBackup(path, candidate);
        REQUIRE(test::rawSql(candidate, QStringLiteral("PRAGMA user_version = 999")));
        expected = QStringLiteral("newer version of Vigil");
    }
    SECTION("a damaged backup")
    {
        writeBackup(path, candidate);
        QByteArray bytes = test::readFile(candidate);
        const int pageSize = test::sqlitePageSize(bytes);
        REQUIRE(bytes.size() > 6 * pageSize);
        for (qsizetype i = 2 * pageSize; i < 6 * pageSize; ++i) // pages 3 to 6: tables of the schema
            bytes[i] = char(0x5a);
        test::writeFile(candidate, bytes);
        expected = QStringLiteral("damaged");
    }
    const QString message = errorOf([&] { stageRestore(candidate, path); });
    INFO(message.toStdString());
    CHECK(message.contains(expected));
    CHECK(test::sha256(path) == current);
    CHECK(!QFileInfo::exists(path + QStringLiteral(".restoring")));
}

TEST_CASE("Daily backups keep the last N days and the first of the last M months", "[backup][rotation]")
{
    TempDir dir;
    QString path;
    {
        auto db = siteWithProfile(dir);
        path = db->path();
    }
    test::PinnedClock clock(QDateTime(QDate(2025, 11, 20), QTime(8, 0), Qt::UTC));
    BackupPolicy policy;
    policy.daily = 7;
    policy.monthly = 12;
    const QString folder = dir.path(QStringLiteral("backups"));
    QDir().mkpath(folder);
    // Files that are not this site's automatic backups are never rotated away.
    test::writeFile(dir.path(QStringLiteral("backups/site-format5-before-upgrade-20250101-100000.vigil")), "x");
    test::writeFile(dir.path(QStringLiteral("backups/other-2025-11-20.vigil")), "x");
    for (QDate day(2025, 11, 20); day <= QDate(2026, 11, 23); day = day.addDays(1)) {
        clock.clock().set(QDateTime(day, QTime(8, 0), Qt::UTC));
        CHECK(runDailyBackup(path, policy) == QDir(folder).filePath(QStringLiteral("site-%1.vigil").arg(day.toString(Qt::ISODate))));
    }
    // A second start on the same day writes nothing.
    CHECK(runDailyBackup(path, policy).isEmpty());

    QStringList expected {QStringLiteral("other-2025-11-20.vigil"),
        QStringLiteral("site-format5-before-upgrade-20250101-100000.vigil")};
    for (QDate day(2026, 11, 17); day <= QDate(2026, 11, 23); day = day.addDays(1))
        expected.append(QStringLiteral("site-%1.vigil").arg(day.toString(Qt::ISODate)));
    for (QDate month(2025, 12, 1); month <= QDate(2026, 11, 1); month = month.addMonths(1))
        expected.append(QStringLiteral("site-%1.vigil").arg(month.toString(Qt::ISODate)));
    expected.sort();
    CHECK(test::listDir(folder) == expected);
    CHECK(QFileInfo(QDir(folder).filePath(QStringLiteral("site-2026-11-23.vigil"))).permissions() == ownerOnlyFile);
    CHECK(Database::verifyIntegrity(QDir(folder).filePath(QStringLiteral("site-2026-11-23.vigil"))).isEmpty());

    // A smaller policy keeps fewer.
    policy.daily = 2;
    policy.monthly = 1;
    rotateBackups(path, policy);
    CHECK(test::listDir(folder)
        == QStringList({QStringLiteral("other-2025-11-20.vigil"),
            QStringLiteral("site-2026-11-01.vigil"), QStringLiteral("site-2026-11-22.vigil"),
            QStringLiteral("site-2026-11-23.vigil"),
            QStringLiteral("site-format5-before-upgrade-20250101-100000.vigil")}));
}

TEST_CASE("A backup folder can be configured, relative to the site file's folder", "[backup][rotation]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    CHECK(backupFolder(path, {}) == dir.path(QStringLiteral("backups")));
    CHECK(backupFolder(path, QStringLiteral("safe")) == dir.path(QStringLiteral("safe")));
    CHECK(backupFolder(path, QStringLiteral("/srv/vigil-backups")) == QStringLiteral("/srv/vigil-backups"));
}

TEST_CASE("The backup before a migration goes to the configured folder, and a failing one stops the upgrade",
    "[backup][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    const QByteArray before = test::sha256(path);
    const ExtraMigrations extra({{Database::latestSchemaVersion() + 1, QStringLiteral("test_patrols"),
        QStringLiteral("CREATE TABLE patrols (id INTEGER PRIMARY KEY);"), {}}});
    SECTION("configured folder")
    {
        OpenOptions options;
        options.backupFolder = dir.path(QStringLiteral("elsewhere"));
        auto db = Database::open(path, OpenMode::ReadWrite, options);
        CHECK(QFileInfo(db->preMigrationCopy()).absolutePath() == dir.path(QStringLiteral("elsewhere")));
        CHECK(Database::verifyIntegrity(db->preMigrationCopy()).isEmpty());
    }
    SECTION("the backup cannot be written")
    {
        test::writeFile(dir.path(QStringLiteral("backups")), "a file where the folder would go");
        try {
            Database::open(path);
            FAIL("migrated without a backup");
        } catch (const OpenError &e) {
            CHECK(e.reason() == OpenError::Reason::MigrationFailed);
            CHECK(e.message().contains(QStringLiteral("backup before it could not be written")));
        }
        CHECK(test::sha256(path) == before);
    }
}

TEST_CASE("A plain copy of a site file restores like a backup and leaves nothing beside it", "[backup][restore]")
{
    TempDir dir;
    QString path;
    {
        auto db = siteWithProfile(dir);
        path = db->path();
        note(*db, QStringLiteral("state"), QStringLiteral("copied by hand"));
    }
    // Copied with the file manager: a site file, in WAL mode, not made by `vigil backup`.
    const QString copy = dir.path(QStringLiteral("usb-stick-copy.vigil"));
    REQUIRE(QFile::copy(path, copy));
    REQUIRE(test::readFile(copy).at(18) == 2);
    {
        auto db = Database::open(path);
        note(*db, QStringLiteral("state"), QStringLiteral("changed later"));
    }
    const StagedRestore staged = stageRestore(copy, path);
    CHECK(staged.facts.siteName == QStringLiteral("Harbour Cold Store"));
    const QString aside = completeRestore(staged);
    CHECK(noteIn(path, QStringLiteral("state")) == QStringLiteral("copied by hand"));
    CHECK(noteIn(aside, QStringLiteral("state")) == QStringLiteral("changed later"));
    CHECK(test::listDir(dir.root())
        == QStringList({QFileInfo(aside).fileName(), QStringLiteral("site.vigil"), QStringLiteral("usb-stick-copy.vigil")}));
}

namespace {

// The POSIX locks this process holds on a file, from /proc/locks ("1: POSIX ADVISORY READ PID
// MAJ:MIN:INODE START END").
int locksHeldOn(const QString &path)
{
    QFile locks(QStringLiteral("/proc/locks"));
    REQUIRE(locks.open(QIODevice::ReadOnly));
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    const QByteArray ownPid = QByteArray::number(qint64(::getpid()));
    const QByteArray suffix = ':' + QByteArray::number(quint64(st.st_ino));
    int count = 0;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields.at(4) == ownPid && fields.at(5).endsWith(suffix))
            ++count;
    }
    return count;
}

} // namespace

TEST_CASE("Backups, checks and inspections in the window's process keep its locks on the site file",
    "[backup][locks]")
{
    // Closing any descriptor of a file drops every POSIX lock the process holds on it, so a QFile
    // open of the site file beside the window's connection left the file unlocked: another
    // process then deleted the -wal the window was still writing to.
    TempDir dir;
    auto db = siteWithProfile(dir);
    const QString path = db->path();
    Transaction tx(*db); // the window in the middle of saving: it holds a lock on the file
    execute(*db, QStringLiteral("INSERT OR REPLACE INTO vigil_meta (key, value) VALUES ('k', 'v')"));
    const int before = locksHeldOn(path) + locksHeldOn(path + QStringLiteral("-shm"));
    REQUIRE(before > 0);

    SECTION("a backup of the file by path") { writeBackup(path, dir.path(QStringLiteral("copy.vigil"))); }
    SECTION("opening it read-only beside the window (the KPI loader, Verify Records)")
    {
        Database::open(path, OpenMode::ReadOnly).reset();
        Database::open(path, OpenMode::Inspect).reset();
    }
    SECTION("inspecting its first bytes") { CHECK(inspectFile(path).kind == FileInspection::Kind::Vigil); }
    CHECK(locksHeldOn(path) + locksHeldOn(path + QStringLiteral("-shm")) == before);
    tx.commit();
}

namespace {

void makeOld(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
}

QStringList scratchFoldersOfThisProcess()
{
    return QDir(QDir::tempPath()).entryList({QStringLiteral("vigil-backup-%1-*").arg(qint64(::getpid()))}, QDir::Dirs);
}

} // namespace

TEST_CASE("An encrypted backup never writes a plain copy where the backup goes, and leaves none anywhere",
    "[backup][crypto]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    const QString folder = dir.path(QStringLiteral("usb-stick"));
    const QString target = QDir(folder).filePath(QStringLiteral("site-backup.vigil"));
    BackupOptions options;
    options.passphrase = "correct horse battery staple";
    int looked = 0;
    options.progress = [&](int) {
        // While it runs: nothing readable as a site file on the backup's medium, and the plain
        // copy in a scratch folder only its owner can enter.
        for (const QString &name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
            INFO(name.toStdString());
            CHECK(inspectFile(QDir(folder).filePath(name)).kind != FileInspection::Kind::Vigil);
        }
        for (const QString &scratch : scratchFoldersOfThisProcess()) {
            CHECK(QFileInfo(QDir(QDir::tempPath()).filePath(scratch)).permissions()
                == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
                    | QFileDevice::WriteUser | QFileDevice::ExeUser));
        }
        ++looked;
        return true;
    };
    writeBackup(db->path(), target, options);
    CHECK(looked > 3);
    CHECK(test::listDir(folder) == QStringList {QStringLiteral("site-backup.vigil")});
    CHECK(scratchFoldersOfThisProcess().isEmpty());
}

TEST_CASE("What a killed backup or restore left is removed by the next backup and the next start", "[backup][debris]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    const QString site = db->path();
    const QString backups = dir.path(QStringLiteral("backups"));
    QDir().mkpath(backups);
    // A copy of the site as a killed backup leaves it, an hour old; one still being written; and
    // a download of the user's that happens to end in .part.
    const QString killed = QDir(backups).filePath(QStringLiteral("site-2026-12-01.vigil.part"));
    writeBackup(site, killed);
    makeOld(killed);
    const QString running = QDir(backups).filePath(QStringLiteral("site-2026-12-02.vigil.part"));
    writeBackup(site, running);
    const QString download = QDir(backups).filePath(QStringLiteral("film.mkv.part"));
    test::writeFile(download, QByteArray(4096, 'f'));
    makeOld(download);
    // A scratch folder of an encrypted backup whose process is gone (no process has number 2^22+1).
    const QString deadScratch = QDir(QDir::tempPath()).filePath(QStringLiteral("vigil-backup-4194305-abcdef"));
    REQUIRE(QDir().mkpath(deadScratch));
    test::writeFile(QDir(deadScratch).filePath(QStringLiteral("copy.vigil")), "plain");

    writeBackup(site, QDir(backups).filePath(QStringLiteral("site-2026-12-07.vigil")));
    CHECK(test::listDir(backups)
        == (QStringList {QStringLiteral("film.mkv.part"), QStringLiteral("site-2026-12-02.vigil.part"),
            QStringLiteral("site-2026-12-07.vigil")}));
    CHECK_FALSE(QFileInfo::exists(deadScratch));

    // A restore killed before it put its checked copy in place.
    const QString staged = site + QStringLiteral(".restoring");
    writeBackup(site, staged);
    makeOld(staged);
    db.reset();
    db = Database::open(site, OpenMode::ReadWrite);
    CHECK_FALSE(QFileInfo::exists(staged));
}

TEST_CASE("A restore meets the window's lock however the site file is named", "[backup][restore][locks]")
{
    TempDir dir;
    auto db = siteWithProfile(dir);
    const QString real = db->path();
    const QString backup = dir.path(QStringLiteral("backup.vigil"));
    writeBackup(real, backup);
    db.reset();
    const QString link = dir.path(QStringLiteral("shortcut.vigil"));
    REQUIRE(QFile::link(real, link));
    // The window opened the file through the link; a restore names the real file.
    auto window = Database::open(link, OpenMode::ReadWrite);
    const StagedRestore staged = stageRestore(backup, real);
    const QString error = errorOf([&] { completeRestore(staged); });
    CHECK(error.contains(QStringLiteral("is open in Vigil")));
    discardRestore(staged);
    CHECK(QFileInfo(lockFilePath(link)).permissions()
        == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    window.reset();
    // And the other way round.
    auto byName = Database::open(real, OpenMode::ReadWrite);
    const StagedRestore again = stageRestore(backup, link);
    CHECK(errorOf([&] { completeRestore(again); }).contains(QStringLiteral("is open in Vigil")));
    discardRestore(again);
}

namespace {

// A folder nothing can write to: a read-only bind mount as root (who may write anywhere else),
// a folder without write permission otherwise. Put back when it goes.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(const QString &folder, const QString &view)
        : m_folder(folder)
        , m_view(view)
    {
        if (::getuid() == 0) {
            REQUIRE(QDir().mkpath(view));
            const QByteArray from = QFile::encodeName(folder);
            const QByteArray to = QFile::encodeName(view);
            REQUIRE(::mount(from.constData(), to.constData(), nullptr, MS_BIND, nullptr) == 0);
            m_mounted = true;
            REQUIRE(::mount(nullptr, to.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0);
        } else {
            REQUIRE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            m_view = folder;
        }
        REQUIRE(::access(QFile::encodeName(m_view).constData(), W_OK) != 0);
    }
    ~ReadOnlyFolder()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_view).constData(), MNT_DETACH);
        else
            QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    // The folder as the reader sees it.
    QString path(const QString &name) const { return QDir(m_view).filePath(name); }

private:
    QString m_folder;
    QString m_view;
    bool m_mounted = false;
};

} // namespace

TEST_CASE("A site file on a read-only disk or folder can be checked, exported, reported and backed up", "[backup][readonly]")
{
    TempDir dir;
    const QString folder = dir.path(QStringLiteral("site"));
    REQUIRE(QDir().mkpath(folder));
    {
        auto db = Database::create(QDir(folder).filePath(QStringLiteral("site.vigil")));
        note(*db, QStringLiteral("written"), QStringLiteral("before the disk went read-only"));
    }
    REQUIRE_FALSE(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("site.vigil-wal"))));
    const ReadOnlyFolder readOnly(folder, dir.path(QStringLiteral("cdrom")));
    const QString site = readOnly.path(QStringLiteral("site.vigil"));
    CHECK(noteIn(site, QStringLiteral("written")) == QStringLiteral("before the disk went read-only"));
    CHECK(checkHealth(*Database::open(site, OpenMode::Inspect)).healthy());
    const QString copy = dir.path(QStringLiteral("copy.vigil"));
    writeBackup(site, copy);
    CHECK(noteIn(copy, QStringLiteral("written")) == QStringLiteral("before the disk went read-only"));
    // Nothing was made beside it, and opening it to write says why it cannot.
    CHECK(test::listDir(folder) == QStringList {QStringLiteral("site.vigil")});
    CHECK(errorOf([&] { Database::open(site, OpenMode::ReadWrite); }).contains(QStringLiteral("read-only")));
}
