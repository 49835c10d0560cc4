#include "database.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "base/version.h"
#include "storage/backup.h"
#include "storage/backupfile.h"
#include "storage/changenotifier.h"
#include "storage/fileinspection.h"
#include "storage/migrations.h"
#include "storage/query.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QSqlError>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUrl>

#include <sqlite3.h>

#include <array>
#include <cstring>
#include <unordered_map>

namespace vigil {
namespace {

constexpr int busyTimeoutMs = 5000;
constexpr size_t statementCacheLimit = 256;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Database)
};

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString defaultActor()
{
    for (const char *variable : {"VIGIL_USER", "USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(variable).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

QString damagedMessage(const QString &path)
{
    return Text::tr("'%1' is damaged and cannot be opened; restore it from a backup.").arg(displayName(path));
}

void requireVigilFile(const QString &path)
{
    const FileInspection inspection = inspectFile(path);
    const QString name = displayName(path);
    using Kind = FileInspection::Kind;
    using Reason = OpenError::Reason;
    switch (inspection.kind) {
    case Kind::Missing:
        if (QFileInfo(path).isSymLink())
            throw OpenError(Reason::Missing,
                Text::tr("'%1' is a symbolic link that leads nowhere (to a missing file, or round in a loop).")
                    .arg(QDir::toNativeSeparators(path)));
        throw OpenError(Reason::Missing, Text::tr("'%1' does not exist.").arg(QDir::toNativeSeparators(path)));
    case Kind::NotAFile:
        throw OpenError(Reason::NotAFile, Text::tr("'%1' is a folder, not a Vigil site file.").arg(name));
    case Kind::Unreadable:
        throw OpenError(Reason::Unreadable, Text::tr("'%1' cannot be read (permission denied).").arg(name));
    case Kind::Empty:
        throw OpenError(Reason::Empty, Text::tr("'%1' is empty, so it is not a Vigil site file.").arg(name));
    case Kind::NotSqlite:
        if (!inspection.contentDescription.isEmpty())
            throw OpenError(Reason::NotSqlite, Text::tr("'%1' is not a Vigil site file (it holds: %2).")
                                                   .arg(name, inspection.contentDescription));
        throw OpenError(Reason::NotSqlite, Text::tr("'%1' is not a Vigil site file.").arg(name));
    case Kind::ForeignSqlite:
        throw OpenError(Reason::Foreign,
            Text::tr("'%1' is a SQLite database of another program, not a Vigil site file.").arg(name));
    case Kind::Vigil:
        return;
    }
}

void requireWritable(const QString &path)
{
    const QFileInfo info(path);
    if (!info.permissions().testFlag(QFileDevice::WriteOwner) || !info.isWritable()) {
        throw OpenError(OpenError::Reason::ReadOnly,
            Text::tr("'%1' is read-only; Vigil needs to write to it, so make it writable or open a copy.")
                .arg(displayName(path)));
    }
    if (!QFileInfo(info.absolutePath()).isWritable()) {
        throw OpenError(OpenError::Reason::ReadOnly,
            Text::tr("The folder holding '%1' is read-only; Vigil needs to keep its journal and lock files there.")
                .arg(displayName(path)));
    }
}

std::unique_ptr<QLockFile> acquireLock(const QString &path)
{
    auto lock = std::make_unique<QLockFile>(lockFilePath(path));
    // Vigil holds the lock for as long as the window is open; only a dead process makes it stale.
    lock->setStaleLockTime(0);
    const auto ownerOnly = [&lock] {
        QFile::setPermissions(lock->fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return std::move(lock);
    };
    if (lock->tryLock(0))
        return ownerOnly();
    // A `vigil check` or an export holds it for moments only: wait that long for another process
    // on this computer before refusing.
    qint64 holder = 0;
    QString holderHost;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&holder, &holderHost, nullptr)
        && holderHost == QSysInfo::machineHostName() && holder != QCoreApplication::applicationPid()
        && lock->tryLock(1500))
        return ownerOnly();
    const QString name = displayName(path);
    switch (lock->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        if (!lock->getLockInfo(&pid, &host, &application))
            throw OpenError(OpenError::Reason::Locked,
                Text::tr("'%1' is already open in another Vigil; close it there first.").arg(name));
        if (host == QSysInfo::machineHostName()) {
            if (pid == QCoreApplication::applicationPid())
                throw OpenError(OpenError::Reason::Locked,
                    Text::tr("'%1' is already open in this Vigil.").arg(name));
            throw OpenError(OpenError::Reason::Locked,
                Text::tr("'%1' is already open in Vigil (process %2 on this computer); close it there first.")
                    .arg(name)
                    .arg(pid));
        }
        throw OpenError(OpenError::Reason::Locked,
            Text::tr("'%1' is already open in Vigil on computer '%2' (process %3); close it there first, or, if "
                     "that computer crashed, delete '%4' and try again.")
                .arg(name, host)
                .arg(pid)
                .arg(QFileInfo(lock->fileName()).fileName()));
    }
    case QLockFile::PermissionError:
        throw OpenError(OpenError::Reason::ReadOnly,
            Text::tr("Vigil cannot create its lock file beside '%1' (permission denied).").arg(name));
    default:
        throw OpenError(OpenError::Reason::Io, Text::tr("Vigil cannot create its lock file beside '%1'.").arg(name));
    }
}

void removeFileSet(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

struct Database::Private
{
    QString path;
    OpenMode mode = OpenMode::ReadWrite;
    QString connectionName;
    QSqlDatabase db;
    std::unique_ptr<QLockFile> lock;
    int schemaVersion = 0;
    QString backupFolder;
    QString preMigrationCopy;
    std::unique_ptr<ChangeNotifier> notifier = std::make_unique<ChangeNotifier>();
    QString actor = defaultActor();
    std::function<QUuid()> uuidSource;
    // New uuids are version 7 (RFC 9562): the time in milliseconds, a counter for uuids made in
    // the same millisecond, then random bits. Made in order, a new record's uuid goes at the end of
    // the uuid indexes instead of at a random place in them. The random bits come from a generator
    // seeded by the system's: the system generator itself (the CPU's, in a virtual machine) cost an
    // import of 100,000 records a sixth of a second. Uuids must be unique, not unguessable.
    QRandomGenerator64 uuidRandom = QRandomGenerator64::securelySeeded();
    qint64 uuidMillis = 0;
    int uuidCounter = 0;
    int transactionLevel = 0;
    quint64 epoch = 0;
    QList<std::pair<QString, qint64>> pendingChanges;
    mutable std::unordered_map<QString, QSqlQuery> statements;
    mutable std::unordered_map<QString, sqlite3_stmt *> writeStatements;
    mutable QSet<QString> rowStatements; // SQL known to return rows: never one of SQLite's own
    // The file's folder cannot be written (a read-only mount, a folder without write permission):
    // readers open it immutable.
    bool onReadOnlyMedium = false;
    // Which journal files were absent when we opened the file while holding its lock.
    bool walWasAbsent = false;
    bool shmWasAbsent = false;

    void connect(bool readOnly);
    void disconnect();
    void verify(bool fullCheck);
    void configure();
    void migrate(Database &owner);
    void copyAside(const Database &owner);
    void close();
};

void Database::Private::connect(bool readOnly)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        throw OpenError(OpenError::Reason::Io,
            Text::tr("Qt's SQLite driver is missing; install the package libqt6sql6-sqlite."));
    static QAtomicInt counter;
    connectionName = QStringLiteral("vigil-%1").arg(counter.fetchAndAddRelaxed(1));
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (readOnly && onReadOnlyMedium) {
        // Nothing can write here, so nothing will change the file under us: SQLite reads it
        // without the -shm index it would otherwise have to create beside it.
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open())
        throw OpenError(OpenError::Reason::Io,
            Text::tr("'%1' could not be opened: %2").arg(displayName(path), db.lastError().text()));
}

void Database::Private::verify(bool fullCheck)
{
    // Only reads: a refused file must come out of this exactly as it went in.
    QSqlQuery q(db);
    auto fail = [&](const QSqlError &error) -> OpenError {
        const DatabaseError e = databaseError(error);
        if (e.primaryCode() == 11 || e.primaryCode() == 26)
            return OpenError(OpenError::Reason::Corrupt,
                Text::tr("'%1' is damaged and cannot be opened; restore it from a backup.").arg(displayName(path)));
        return OpenError(OpenError::Reason::Io,
            Text::tr("'%1' could not be read: %2").arg(displayName(path), e.message()));
    };
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        throw fail(q.lastError());
    schemaVersion = q.value(0).toInt();
    if (schemaVersion > latestSchemaVersion()) {
        throw OpenError(OpenError::Reason::TooNew,
            Text::tr("'%1' was saved by a newer version of Vigil (file format %2; this version reads up to %3), "
               "so update Vigil to open it.")
                .arg(displayName(path))
                .arg(schemaVersion)
                .arg(latestSchemaVersion()));
    }
    if (mode == OpenMode::Inspect)
        return;
    // Reading the schema catches damage to the first pages at once, whatever fullCheck says.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
        throw fail(q.lastError());
    if (!fullCheck)
        return;
    if (!q.exec(QStringLiteral("PRAGMA quick_check(1)")) || !q.next())
        throw fail(q.lastError());
    // SQLite's own finding ("Page 2: btreeInitPage() returns error code 11") means nothing to
    // the user; `vigil check` lists it.
    if (q.value(0).toString() != QLatin1String("ok"))
        throw OpenError(OpenError::Reason::Corrupt, damagedMessage(path));
}

void Database::Private::configure()
{
    QSqlQuery q(db);
    const bool ok = q.exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        && q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && q.next();
    if (!ok)
        throw OpenError(OpenError::Reason::Io,
            Text::tr("'%1' could not be prepared for writing: %2").arg(displayName(path), q.lastError().text()));
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw OpenError(OpenError::Reason::Io,
            Text::tr("'%1' is on a file system that does not support Vigil's journal (WAL).").arg(displayName(path)));
    // FULL: a committed record survives a power cut, not only a crash of the program.
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    // Savepoint and statement journals in memory: every record is written inside a savepoint of
    // its own, and a temporary file for each one cost an import of 100,000 incidents millions of
    // system calls. They hold only pages changed inside one savepoint; the committed data is
    // still journalled to the file (WAL).
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
}

void Database::Private::copyAside(const Database &)
{
    // A real backup, verified, in the backups folder, before anything changes.
    const QFileInfo info(path);
    const QDir folder(vigil::backupFolder(path, backupFolder));
    const QString stamp = Clock::current().nowUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString name = QStringLiteral("%1-format%2-before-upgrade-%3").arg(info.completeBaseName()).arg(schemaVersion).arg(stamp);
    QString target = folder.filePath(name + QStringLiteral(".vigil"));
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = folder.filePath(QStringLiteral("%1-%2.vigil").arg(name).arg(n));
    try {
        writeBackupOfConnection(db, target);
    } catch (const Error &e) {
        throw OpenError(OpenError::Reason::MigrationFailed,
            Text::tr("'%1' needs an upgrade, but the backup before it could not be written (%2); the file was left as it was.")
                .arg(displayName(path), e.message()));
    }
    preMigrationCopy = target;
}

void Database::Private::migrate(Database &owner)
{
    const QList<Migration> &migrations = activeMigrations();
    if (schemaVersion >= migrations.size())
        return;
    if (schemaVersion > 0)
        copyAside(owner);
    QSqlQuery q(db);
    // Table rebuilds inside a migration need foreign keys off; the result is checked before commit.
    q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    for (const Migration &migration : migrations) {
        if (migration.version <= schemaVersion)
            continue;
        try {
            Transaction tx(owner);
            for (const QString &statement : splitSqlStatements(migration.sql)) {
                if (!q.exec(statement))
                    throw databaseError(q.lastError());
            }
            q.finish();
            if (migration.seed) {
                const QString previousActor = owner.actor();
                owner.setActor(QStringLiteral("vigil"));
                try {
                    migration.seed(owner);
                } catch (...) {
                    owner.setActor(previousActor);
                    throw;
                }
                owner.setActor(previousActor);
            }
            if (q.exec(QStringLiteral("PRAGMA foreign_key_check")) && q.next())
                throw Error(Text::tr("a reference in table %1 points nowhere").arg(q.value(0).toString()));
            q.finish();
            execute(owner, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
            tx.commit();
        } catch (const Error &e) {
            q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
            throw OpenError(OpenError::Reason::MigrationFailed,
                Text::tr("'%1' could not be upgraded to file format %2 (%3); it was left at format %4.")
                    .arg(displayName(path))
                    .arg(migration.version)
                    .arg(e.message())
                    .arg(schemaVersion));
        }
        schemaVersion = migration.version;
    }
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void Database::Private::disconnect()
{
    statements.clear();
    for (const auto &[sql, statement] : writeStatements)
        sqlite3_finalize(statement);
    writeStatements.clear();
    rowStatements.clear();
    if (db.isValid()) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
}

void Database::Private::close()
{
    disconnect();
    // A read-only connection cannot remove the journal files it made; when we held the lock and
    // they were not there before, nobody else uses them: leave the folder as we found it.
    if (walWasAbsent && QFileInfo(path + QStringLiteral("-wal")).size() == 0)
        QFile::remove(path + QStringLiteral("-wal"));
    if (shmWasAbsent)
        QFile::remove(path + QStringLiteral("-shm")); // an index SQLite rebuilds from the journal
    lock.reset();
}

Database::Database(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}

Database::~Database()
{
    d->close();
}

QString lockFilePath(const QString &databasePath)
{
    // The file itself, however it is reached: a window opened through a symbolic link and a
    // restore given the real path (or another link) must meet the same lock.
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + QStringLiteral(".lock");
}

std::unique_ptr<Database> Database::open(const QString &path, OpenMode mode, const OpenOptions &options)
{
    auto p = std::make_unique<Private>();
    p->path = QFileInfo(path).absoluteFilePath();
    p->mode = mode;
    p->backupFolder = options.backupFolder;
    requireVigilFile(p->path);
    if (mode == OpenMode::ReadWrite) {
        requireWritable(p->path);
        p->lock = acquireLock(p->path);
        // A restore killed before it put its copy in place left it beside the file.
        backupfile::sweepRestoreDebris(p->path);
    } else {
        // Readers work beside an open window; when no window has the file, they hold the lock
        // for their short life so that no writer starts under them.
        try {
            p->lock = acquireLock(p->path);
        } catch (const OpenError &) {
            p->lock.reset();
        }
    }
    if (mode != OpenMode::ReadWrite && !p->lock) {
        const ReaderAccess access = readerAccess(p->path);
        if (access == ReaderAccess::PendingJournalOnReadOnlyDisk)
            throw OpenError(OpenError::Reason::ReadOnly,
                Text::tr("'%1' is on a read-only disk and its journal (-wal) holds changes not yet in the "
                         "file; copy the file with its -wal to a writable folder and open it there.")
                    .arg(displayName(p->path)));
        p->onReadOnlyMedium = access == ReaderAccess::Immutable;
    }
    p->walWasAbsent = p->lock && !QFileInfo::exists(p->path + QStringLiteral("-wal"));
    p->shmWasAbsent = p->lock && !QFileInfo::exists(p->path + QStringLiteral("-shm"));
    std::unique_ptr<Database> db(new Database(std::move(p)));
    // Judge the file on a read-only connection: closing a read-write one would fold a pending
    // journal into a file that is then refused.
    db->d->connect(true);
    db->d->verify(!options.deferIntegrityCheck);
    if (mode == OpenMode::ReadWrite) {
        db->d->disconnect();
        db->d->connect(false);
        // From here SQLite tidies its own files; readers beside the window may be using them.
        db->d->walWasAbsent = db->d->shmWasAbsent = false;
        db->d->configure();
        db->d->migrate(*db);
    } else {
        QSqlQuery(db->d->db).exec(QStringLiteral("PRAGMA query_only = ON"));
    }
    return db;
}

std::unique_ptr<Database> Database::create(const QString &path, const std::function<void(Database &)> &populate,
    const std::function<QUuid()> &uuidSource)
{
    const QFileInfo info(path);
    const QString finalPath = info.absoluteFilePath();
    if (info.exists())
        throw OpenError(OpenError::Reason::Exists,
            Text::tr("'%1' already exists; Vigil will not overwrite it.").arg(QDir::toNativeSeparators(finalPath)));
    if (!QDir().mkpath(info.absolutePath()))
        throw OpenError(OpenError::Reason::Io,
            Text::tr("The folder '%1' could not be created.").arg(QDir::toNativeSeparators(info.absolutePath())));

    const QString partPath = finalPath + QStringLiteral(".part");
    auto p = std::make_unique<Private>();
    p->path = partPath;
    p->lock = acquireLock(partPath); // a leftover .part from a crash is ours to replace
    removeFileSet(partPath);
    try {
        std::unique_ptr<Database> db(new Database(std::move(p)));
        db->setUuidSource(uuidSource);
        db->d->connect(false);
        QFile::setPermissions(partPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // 16 KiB pages rather than SQLite's 4 KiB: records with their audit entries run to a
        // kilobyte or more, and fewer, fuller pages make bulk writes and scans cheaper. (Set
        // before the first write; a file keeps its page size for life.)
        execute(*db, QStringLiteral("PRAGMA page_size = 16384"));
        execute(*db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
        db->d->configure();
        db->d->migrate(*db);
        {
            Transaction tx(*db);
            const QString now = toStoredUtc(Clock::current().nowUtc());
            execute(*db, QStringLiteral("INSERT INTO vigil_meta (key, value) VALUES ('created_at', ?), "
                                        "('created_with', ?)"),
                {now, QStringLiteral(VIGIL_VERSION)});
            tx.commit();
        }
        if (populate)
            populate(*db);
        db.reset(); // checkpoints the journal into the file and releases the lock
    } catch (...) {
        removeFileSet(partPath);
        throw;
    }
    if (!QFile::rename(partPath, finalPath)) {
        removeFileSet(partPath);
        throw OpenError(OpenError::Reason::Io,
            Text::tr("'%1' could not be written in its place.").arg(QDir::toNativeSeparators(finalPath)));
    }
    return open(finalPath);
}

QString Database::verifyIntegrity(const QString &path)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("vigil-verify-%1").arg(counter.fetchAndAddRelaxed(1));
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        if (!db.open()) {
            problem = Text::tr("'%1' could not be read to check it: %2").arg(displayName(path), db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA quick_check(1)")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
                problem = damagedMessage(path);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

int Database::latestSchemaVersion()
{
    return int(activeMigrations().size());
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

const QString &Database::path() const
{
    return d->path;
}

bool Database::isReadOnly() const
{
    return d->mode != OpenMode::ReadWrite;
}

int Database::schemaVersion() const
{
    return d->schemaVersion;
}

const QString &Database::preMigrationCopy() const
{
    return d->preMigrationCopy;
}

QSqlDatabase Database::connection() const
{
    return d->db;
}

ChangeNotifier &Database::notifier() const
{
    return *d->notifier;
}

const QString &Database::actor() const
{
    return d->actor;
}

void Database::setActor(const QString &actor)
{
    d->actor = actor.trimmed().isEmpty() ? defaultActor() : actor.trimmed();
}

QUuid Database::newUuid() const
{
    if (d->uuidSource)
        return d->uuidSource();
    qint64 millis = QDateTime::currentMSecsSinceEpoch();
    if (millis > d->uuidMillis) {
        d->uuidMillis = millis;
        d->uuidCounter = int(d->uuidRandom.bounded(0x800)); // room to count on in the same millisecond
    } else if (++d->uuidCounter > 0xfff) {
        // 4,096 in one millisecond, or the clock went back: on from the last uuid's time.
        ++d->uuidMillis;
        d->uuidCounter = 0;
    }
    millis = d->uuidMillis;
    std::array<uchar, 16> bytes;
    for (int i = 5; i >= 0; --i, millis >>= 8)
        bytes[std::size_t(i)] = uchar(millis & 0xff);
    bytes[6] = uchar(0x70 | (d->uuidCounter >> 8));
    bytes[7] = uchar(d->uuidCounter & 0xff);
    const quint64 random = d->uuidRandom.generate64();
    for (std::size_t i = 8; i < 16; ++i)
        bytes[i] = uchar(random >> (8 * (15 - i)));
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

void Database::setUuidSource(std::function<QUuid()> source)
{
    d->uuidSource = std::move(source);
}

void Database::recordChange(const QString &entity, qint64 id)
{
    if (d->transactionLevel > 0) {
        d->pendingChanges.append({entity, id});
        return;
    }
    emit d->notifier->changed(entity, {id});
}

bool Database::checkpoint()
{
    if (isReadOnly() || inTransaction())
        return false;
    sqlite3 *handle = sqliteHandle(d->db);
    int logFrames = 0;
    int copied = 0;
    if (!handle || sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied) != SQLITE_OK)
        return false;
    return logFrames == copied;
}

bool Database::inTransaction() const
{
    return d->transactionLevel > 0;
}

namespace {
quint64 nextEpoch()
{
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}
} // namespace

quint64 Database::transactionEpoch() const
{
    return d->epoch;
}

QSqlQuery Database::takeStatement(const QString &sql) const
{
    if (auto it = d->statements.find(sql); it != d->statements.end()) {
        QSqlQuery cached = std::move(it->second);
        d->statements.erase(it);
        return cached;
    }
    QSqlQuery query(d->db);
    // Forward-only: rows are read once, and Qt need not keep every row of a long scan.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw databaseError(query.lastError());
    return query;
}

void Database::returnStatement(const QString &sql, QSqlQuery &&query) const
{
    query.finish();
    if (d->statements.size() < statementCacheLimit && d->db.isOpen())
        d->statements.insert_or_assign(sql, std::move(query));
}

sqlite3_stmt *Database::takeWriteStatement(const QString &sql) const
{
    if (auto it = d->writeStatements.find(sql); it != d->writeStatements.end()) {
        sqlite3_stmt *cached = it->second;
        d->writeStatements.erase(it);
        return cached;
    }
    if (d->rowStatements.contains(sql) || d->statements.find(sql) != d->statements.end())
        return nullptr;
    sqlite3 *connection = d->db.isOpen() ? sqliteHandle(d->db) : nullptr;
    if (!connection)
        return nullptr;
    sqlite3_stmt *statement = nullptr;
    const void *tail = nullptr;
    const int code = sqlite3_prepare16_v3(connection, sql.constData(), int(sql.size() * sizeof(char16_t)),
        SQLITE_PREPARE_PERSISTENT, &statement, &tail);
    if (code != SQLITE_OK) {
        const DatabaseError error = databaseError(connection);
        sqlite3_finalize(statement);
        throw error;
    }
    const auto *end = reinterpret_cast<const char16_t *>(sql.constData()) + sql.size();
    const auto rest = tail ? QStringView(static_cast<const char16_t *>(tail), end) : QStringView();
    // Rows to read, several statements or none at all: Qt's way, as before.
    if (!statement || sqlite3_column_count(statement) > 0 || !rest.trimmed().isEmpty()) {
        sqlite3_finalize(statement);
        if (d->rowStatements.size() >= qsizetype(16 * statementCacheLimit))
            d->rowStatements.clear(); // SQL built from values (IN lists, limits): start again
        d->rowStatements.insert(sql);
        return nullptr;
    }
    return statement;
}

void Database::returnWriteStatement(const QString &sql, sqlite3_stmt *statement) const
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (d->writeStatements.size() < statementCacheLimit && d->db.isOpen()
        && d->writeStatements.try_emplace(sql, statement).second)
        return;
    sqlite3_finalize(statement); // a second copy of a statement in use twice at once, or too many
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_level(db.d->transactionLevel)
    , m_changeMark(db.d->pendingChanges.size())
{
    if (db.isReadOnly())
        throw Error(Text::tr("This site file is open for reading only, so nothing can be changed."));
    execute(db, m_level == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT vigil_%1").arg(m_level));
    ++db.d->transactionLevel;
    if (m_level == 0)
        db.d->epoch = nextEpoch();
}

Transaction::~Transaction()
{
    if (!m_done)
        rollback();
}

void Transaction::commit()
{
    // Transactions nest strictly: an inner one must end before the outer one commits.
    if (m_done || m_db.d->transactionLevel != m_level + 1)
        qFatal("Transaction::commit out of order (level %d, open %d)", m_level, m_db.d->transactionLevel);
    execute(m_db, m_level == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE vigil_%1").arg(m_level));
    m_done = true;
    --m_db.d->transactionLevel;
    if (m_level > 0)
        return;
    m_db.d->epoch = nextEpoch();
    // Coalesce per entity, keeping first-change order, then tell the listeners. (A set beside
    // each list: a big import or the decade demo commits hundreds of thousands of changes, and
    // searching the list for each one took seconds.)
    const auto changes = std::exchange(m_db.d->pendingChanges, {});
    QStringList order;
    QHash<QString, std::pair<QList<qint64>, QSet<qint64>>> ids;
    for (const auto &[entity, id] : changes) {
        auto it = ids.find(entity);
        if (it == ids.end()) {
            order.append(entity);
            it = ids.insert(entity, {});
        }
        if (!it->second.contains(id)) {
            it->second.insert(id);
            it->first.append(id);
        }
    }
    // The data is committed whatever a listener does; a listener's failure must not look like
    // a failed save to the code that made the change.
    for (const QString &entity : order) {
        try {
            emit m_db.d->notifier->changed(entity, ids.value(entity).first);
        } catch (const std::exception &e) {
            qWarning("a change listener failed after commit: %s", e.what());
        }
    }
}

void Transaction::rollback() noexcept
{
    if (m_db.d->transactionLevel != m_level + 1)
        qFatal("Transaction rolled back out of order (level %d, open %d)", m_level, m_db.d->transactionLevel);
    m_done = true;
    --m_db.d->transactionLevel;
    m_db.d->epoch = nextEpoch();
    m_db.d->pendingChanges.resize(m_changeMark);
    QSqlQuery q(m_db.d->db);
    if (m_level == 0) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        q.exec(QStringLiteral("ROLLBACK TO vigil_%1").arg(m_level));
        q.exec(QStringLiteral("RELEASE vigil_%1").arg(m_level));
    }
}

} // namespace vigil
