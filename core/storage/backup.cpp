#include "backup.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "storage/attachments.h"
#include "storage/backupcrypto.h"
#include "storage/backupfile.h"
#include "storage/database.h"
#include "storage/fileinspection.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Backup)
};

QString nativeName(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

sqlite3 *handleOf(const QSqlDatabase &connection)
{
    sqlite3 *handle = sqliteHandle(connection);
    if (!handle)
        throw Error(Text::tr("The site file's connection cannot be copied (not a SQLite connection)."));
    return handle;
}

void execOrThrow(sqlite3 *db, const char *sql, const QString &folder)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        throw Error(backupfile::writeFailure(folder, sqlite3_extended_errcode(db), false,
            QString::fromUtf8(sqlite3_errmsg(db))));
}

// The copy as it is written: plain, or encrypted from a plain copy in a private scratch folder
// in the system's temporary folder (never beside the destination, which may be a USB stick that
// leaves the site), removed as soon as the encrypted file is written.
void writeFromHandle(sqlite3 *source, const QString &target, const BackupOptions &options)
{
    using namespace backupfile;
    const QString absolute = QFileInfo(target).absoluteFilePath();
    const QString damaged = Text::tr("The copy '%1' failed its integrity check, so it was not kept; "
                                     "run 'vigil check' on the site file.")
                                .arg(QFileInfo(absolute).fileName());
    if (QFileInfo::exists(absolute))
        throw Error(Text::tr("'%1' already exists; Vigil will not overwrite it.").arg(nativeName(absolute)));
    makePrivateFolder(QFileInfo(absolute).absolutePath());
    sweepDebris(QFileInfo(absolute).absolutePath());
    const QString part = absolute + QStringLiteral(".part");
    removeTemporary(part); // a leftover of a backup that was cut off is ours to replace
    createPrivateFile(part);
    auto removePart = qScopeGuard([&] { removeTemporary(part); });
    if (options.passphrase.isEmpty()) {
        copyDatabase(source, part, options.progress, 0, 80);
        verifyCopy(part, damaged, options.progress, 90);
    } else {
        const QString scratch = makeScratchFolder();
        auto removeScratch = qScopeGuard([&] { removeScratchFolder(scratch); });
        const QString plain = QDir(scratch).filePath(QStringLiteral("copy.vigil"));
        createPrivateFile(plain);
        copyDatabase(source, plain, options.progress, 0, 45);
        verifyCopy(plain, damaged, options.progress, 55);
        // Reads the encrypted file back (every chunk authenticates, the content is the copy's).
        backupcrypto::encryptFile(plain, part, options.passphrase, Clock::current().nowUtc(), options.progress, 55, 100);
    }
    reportProgress(options.progress, 100);
    commitFile(part, absolute);
    removePart.dismiss();
}

} // namespace

BackupCancelled::BackupCancelled()
    : Error(Text::tr("The backup was cancelled; nothing was written."))
{
}

void writeBackup(const QString &databasePath, const QString &target, const BackupOptions &options)
{
    // A reader of its own: it never takes the window's lock and never migrates. The integrity
    // check runs on the copy (a damaged original gives a copy that fails it).
    OpenOptions openOptions;
    openOptions.deferIntegrityCheck = true;
    const std::unique_ptr<Database> db = Database::open(databasePath, OpenMode::ReadOnly, openOptions);
    writeFromHandle(handleOf(db->connection()), target, options);
}

void writeBackupOfConnection(const QSqlDatabase &connection, const QString &target)
{
    writeFromHandle(handleOf(connection), target, {});
}

bool isEncryptedBackup(const QString &path)
{
    return backupcrypto::isEncrypted(path);
}

namespace backupfile {

void reportProgress(const BackupProgress &progress, int percent)
{
    if (progress && !progress(percent))
        throw BackupCancelled();
}

QString writeFailure(const QString &folder, int code, bool isErrno, const QString &detail)
{
    const QString where = nativeName(folder);
    const bool full = isErrno ? (code == ENOSPC || code == EDQUOT) : (code & 0xff) == SQLITE_FULL;
    const bool denied = isErrno ? (code == EACCES || code == EPERM || code == EROFS)
                                : ((code & 0xff) == SQLITE_CANTOPEN || (code & 0xff) == SQLITE_PERM
                                      || (code & 0xff) == SQLITE_READONLY);
    if (full)
        return Text::tr("There is not enough free space in '%1' for the backup.").arg(where);
    if (denied)
        return Text::tr("Vigil cannot write in '%1' (permission denied).").arg(where);
    return Text::tr("The backup could not be written in '%1': %2").arg(where, detail);
}

void createPrivateFile(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        throw Error(writeFailure(folder, error, true, QString::fromLocal8Bit(std::strerror(error))));
    }
    ::close(fd);
}

void makePrivateFolder(const QString &folder)
{
    if (QFileInfo(folder).isDir())
        return;
    // Create the parents as usual, the backups folder itself for the owner only.
    const QString parent = QFileInfo(folder).absolutePath();
    if (!QDir().mkpath(parent) || ::mkdir(QFile::encodeName(folder).constData(), 0700) != 0) {
        const int error = errno;
        if (QFileInfo(folder).isDir())
            return; // made by someone else meanwhile
        throw Error(Text::tr("The backups folder '%1' could not be created: %2")
                        .arg(nativeName(folder), QString::fromLocal8Bit(std::strerror(error))));
    }
}

namespace {

constexpr auto scratchPrefix = "vigil-backup-";

bool isStale(const QFileInfo &file)
{
    return file.lastModified().secsTo(QDateTime::currentDateTime()) > staleMinutes * 60;
}

// Ours to remove: the owner's, a Vigil copy or encrypted backup (or empty), and left alone for a while.
bool isOurDebris(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink() || info.ownerId() != ::getuid() || !isStale(info))
        return false;
    for (const char *journal : {"-journal", "-wal"}) {
        const QFileInfo beside(path + QLatin1String(journal));
        if (beside.exists() && !isStale(beside))
            return false;
    }
    const FileInspection::Kind kind = inspectFile(path).kind;
    return kind == FileInspection::Kind::Empty || kind == FileInspection::Kind::Vigil || backupcrypto::isEncrypted(path);
}

bool processRuns(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

void sweepDebris(const QString &folder)
{
    const QDir dir(folder);
    // Only the names Vigil gives its copies: a browser's download.part is not ours.
    for (const QString &name : dir.entryList({QStringLiteral("*.vigil.part"), QStringLiteral("*.vigil-backup.part")},
             QDir::Files | QDir::Hidden)) {
        if (isOurDebris(dir.filePath(name)))
            removeTemporary(dir.filePath(name));
    }
    // Scratch folders are named vigil-backup-PID-XXXXXX by makeScratchFolder.
    const QDir temp(QDir::tempPath());
    for (const QFileInfo &scratch : temp.entryInfoList({QLatin1String(scratchPrefix) + u'*'}, QDir::Dirs | QDir::Hidden)) {
        const qint64 pid = scratch.fileName().mid(qsizetype(qstrlen(scratchPrefix))).section(u'-', 0, 0).toLongLong();
        if (scratch.ownerId() == ::getuid() && !scratch.isSymLink() && !processRuns(pid))
            removeScratchFolder(scratch.absoluteFilePath());
    }
}

void sweepRestoreDebris(const QString &databasePath)
{
    const QString staged = QFileInfo(databasePath).absoluteFilePath() + QStringLiteral(".restoring");
    if (isOurDebris(staged))
        removeTemporary(staged);
}

QString makeScratchFolder()
{
    // mkdtemp makes it 0700.
    QByteArray pattern = QFile::encodeName(QDir(QDir::tempPath()).filePath(
        QStringLiteral("%1%2-XXXXXX").arg(QLatin1String(scratchPrefix)).arg(qint64(::getpid()))));
    if (!::mkdtemp(pattern.data())) {
        const int error = errno;
        throw Error(writeFailure(QDir::tempPath(), error, true, QString::fromLocal8Bit(std::strerror(error))));
    }
    return QFile::decodeName(pattern);
}

void removeScratchFolder(const QString &folder)
{
    QDir(folder).removeRecursively();
}

void removeTemporary(const QString &path)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

void commitFile(const QString &temporary, const QString &target)
{
    const QString folder = QFileInfo(target).absolutePath();
    const int fd = ::open(QFile::encodeName(temporary).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw Error(writeFailure(folder, error, true, QString::fromLocal8Bit(std::strerror(error))));
    }
    ::close(fd);
    if (QFileInfo::exists(target) || !QFile::rename(temporary, target))
        throw Error(Text::tr("'%1' could not be put in its place.").arg(nativeName(target)));
    // The rename itself must survive a power cut too.
    const int dir = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void copyDatabase(sqlite3 *source, const QString &target, const BackupProgress &progress, int from, int to)
{
    const QString folder = QFileInfo(target).absolutePath();
    sqlite3 *dest = nullptr;
    const int opened = sqlite3_open_v2(QFile::encodeName(target).constData(), &dest, SQLITE_OPEN_READWRITE, nullptr);
    auto closeDest = qScopeGuard([&] { sqlite3_close_v2(dest); });
    if (opened != SQLITE_OK)
        throw Error(writeFailure(folder, opened, false, QString::fromUtf8(sqlite3_errmsg(dest))));

    // One read transaction over the whole copy: every page comes from the same committed state
    // (WAL keeps it for us), whatever other connections commit meanwhile.
    const bool ownTransaction = sqlite3_get_autocommit(source) != 0;
    if (ownTransaction)
        execOrThrow(source, "BEGIN", folder);
    auto endRead = qScopeGuard([&] {
        if (ownTransaction)
            sqlite3_exec(source, "COMMIT", nullptr, nullptr, nullptr);
    });
    execOrThrow(source, "SELECT count(*) FROM sqlite_master", folder);

    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", source, "main");
    if (!backup)
        throw Error(writeFailure(folder, sqlite3_extended_errcode(dest), false, QString::fromUtf8(sqlite3_errmsg(dest))));
    // About 2 MiB a step, whatever the file's page size: progress and Cancel stay as prompt.
    int pageSize = 0;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(source, "PRAGMA page_size", -1, &statement, nullptr) == SQLITE_OK
        && sqlite3_step(statement) == SQLITE_ROW)
        pageSize = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    const int pagesPerStep = qMax(16, (2 << 20) / qMax(512, pageSize));
    int busyRounds = 0;
    for (;;) {
        const int rc = sqlite3_backup_step(backup, pagesPerStep);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busyRounds < 200)) {
            if (rc != SQLITE_OK)
                sqlite3_sleep(25);
            const int total = sqlite3_backup_pagecount(backup);
            const int done = total - sqlite3_backup_remaining(backup);
            const int percent = total > 0 ? from + int(qint64(to - from) * done / total) : from;
            if (progress && !progress(percent)) {
                sqlite3_backup_finish(backup);
                throw BackupCancelled();
            }
            continue;
        }
        sqlite3_backup_finish(backup);
        throw Error(writeFailure(folder, sqlite3_extended_errcode(dest), false, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    if (sqlite3_backup_finish(backup) != SQLITE_OK)
        throw Error(writeFailure(folder, sqlite3_extended_errcode(dest), false, QString::fromUtf8(sqlite3_errmsg(dest))));
    // The copy is read on its own, never beside a journal: rollback mode, not the original's WAL.
    execOrThrow(dest, "PRAGMA journal_mode = DELETE", folder);
    if (sqlite3_close(dest) != SQLITE_OK)
        throw Error(writeFailure(folder, sqlite3_extended_errcode(dest), false, QString::fromUtf8(sqlite3_errmsg(dest))));
    closeDest.dismiss();
}

void verifyCopy(const QString &path, const QString &damaged, const BackupProgress &progress, int at)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto closeDb = qScopeGuard([&] { sqlite3_close_v2(db); });
    struct Watch
    {
        const BackupProgress *progress;
        int at;
        bool cancelled = false;
    } watch {&progress, at};
    if (progress) {
        // The full check reads every page: let the user stop it.
        sqlite3_progress_handler(db, 20000, [](void *data) -> int {
            auto *w = static_cast<Watch *>(data);
            if (!(*w->progress)(w->at))
                w->cancelled = true;
            return w->cancelled ? 1 : 0;
        }, &watch);
    }
    auto single = [&](const char *sql, QString *text) -> bool {
        sqlite3_stmt *statement = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW;
        if (ok)
            *text = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return ok;
    };
    QString value;
    if (!single("PRAGMA application_id", &value) || value.toLongLong() != qint64(Database::applicationId))
        throw Error(damaged);
    if (!single("PRAGMA user_version", &value) || value.toInt() > Database::latestSchemaVersion())
        throw Error(damaged);
    const bool checked = single("PRAGMA integrity_check(1)", &value);
    if (watch.cancelled)
        throw BackupCancelled();
    if (!checked || value != QLatin1String("ok"))
        throw Error(damaged);
}

BackupFacts readFacts(const QString &path)
{
    BackupFacts facts;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto closeDb = qScopeGuard([&] { sqlite3_close_v2(db); });
    auto single = [&](const QByteArray &sql) -> QVariant {
        sqlite3_stmt *statement = nullptr;
        QVariant result;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return result;
    };
    auto count = [&](const char *table) -> qint64 {
        // Older formats lack some tables: none of those records then.
        const QByteArray exists = QByteArray("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '")
            + table + "'";
        if (single(exists).toInt() == 0)
            return 0;
        return single(QByteArray("SELECT count(*) FROM ") + table).toLongLong();
    };
    facts.format = single("PRAGMA user_version").toInt();
    if (single("SELECT count(*) FROM sqlite_master WHERE name = 'site_profile'").toInt() > 0)
        facts.siteName = single("SELECT name FROM site_profile").toString();
    if (single("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").toInt() > 0) {
        const QVariant last = single("SELECT max(at) FROM audit_log");
        if (last.isValid())
            facts.lastChange = fromStoredUtc(last.toString());
    }
    facts.incidents = count("incidents");
    facts.risks = count("risks");
    facts.people = count("people");
    facts.trainingRecords = count("training_records");
    facts.correctiveActions = count("corrective_actions");
    facts.attachments = count("attachments");
    for (const AlteredAttachment &a : vigil::alteredAttachments(db))
        facts.alteredAttachments.append(a.fileNames);
    return facts;
}

} // namespace backupfile
} // namespace vigil
