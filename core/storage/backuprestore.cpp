// Restoring a backup: staged and checked beside the site file first, then swapped in with the
// current file kept aside under a name of its own.
#include "storage/backup.h"

#include "base/clock.h"
#include "storage/backupcrypto.h"
#include "storage/backupfile.h"
#include "storage/database.h"
#include "storage/fileinspection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QScopeGuard>

#include <cerrno>
#include <fcntl.h>
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

// Refuses what is not a Vigil site file (judged from its first bytes, nothing opened).
void requireVigilContent(const QString &path, const QString &name, bool decrypted)
{
    const FileInspection inspection = inspectFile(path);
    using Kind = FileInspection::Kind;
    switch (inspection.kind) {
    case Kind::Missing:
        throw Error(Text::tr("'%1' does not exist.").arg(name));
    case Kind::NotAFile:
        throw Error(Text::tr("'%1' is a folder, not a backup.").arg(name));
    case Kind::Unreadable:
        throw Error(Text::tr("'%1' cannot be read (permission denied).").arg(name));
    case Kind::Empty:
    case Kind::NotSqlite:
        throw Error(decrypted ? Text::tr("'%1' does not hold a Vigil site file, so it cannot be restored.").arg(name)
                              : Text::tr("'%1' is not a Vigil backup, so it cannot be restored.").arg(name));
    case Kind::ForeignSqlite:
        throw Error(Text::tr("'%1' is a SQLite database of another program, not a Vigil backup.").arg(name));
    case Kind::Vigil:
        break;
    }
    if (int(inspection.headerUserVersion) > Database::latestSchemaVersion())
        throw Error(Text::tr("'%1' was made by a newer version of Vigil (file format %2; this version reads up to %3), "
                             "so update Vigil to restore it.")
                        .arg(name)
                        .arg(inspection.headerUserVersion)
                        .arg(Database::latestSchemaVersion()));
}

void copyPlain(const QString &from, const QString &to, const BackupProgress &progress, int start, int end)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(Text::tr("'%1' could not be read: %2").arg(QFileInfo(from).fileName(), in.errorString()));
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw Error(backupfile::writeFailure(QFileInfo(to).absolutePath(), errno, true, out.errorString()));
    const qint64 total = qMax<qint64>(1, in.size());
    QByteArray buffer(1 << 20, '\0');
    for (;;) {
        const qint64 read = in.read(buffer.data(), buffer.size());
        if (read < 0)
            throw Error(Text::tr("'%1' could not be read: %2").arg(QFileInfo(from).fileName(), in.errorString()));
        if (read == 0)
            break;
        if (out.write(buffer.constData(), read) != read)
            throw Error(backupfile::writeFailure(QFileInfo(to).absolutePath(), errno, true, out.errorString()));
        backupfile::reportProgress(progress, start + int(qint64(end - start) * in.pos() / total));
    }
    if (!out.flush())
        throw Error(backupfile::writeFailure(QFileInfo(to).absolutePath(), errno, true, out.errorString()));
}

QString asideName(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    const QString stamp = Clock::current().nowUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = info.dir().filePath(QStringLiteral("%1-before-restore-%2.vigil").arg(info.completeBaseName(), stamp));
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = info.dir().filePath(
            QStringLiteral("%1-before-restore-%2-%3.vigil").arg(info.completeBaseName(), stamp).arg(n));
    return aside;
}

void syncFolder(const QString &folder)
{
    const int dir = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace

StagedRestore stageRestore(const QString &backupPath, const QString &databasePath, const QByteArray &passphrase,
    const BackupProgress &progress)
{
    StagedRestore staged;
    staged.databasePath = QFileInfo(databasePath).absoluteFilePath();
    const QString backup = QFileInfo(backupPath).absoluteFilePath();
    const QString name = QFileInfo(backup).fileName();
    if (backup == staged.databasePath)
        throw Error(Text::tr("'%1' is the site file itself; choose a backup of it.").arg(name));
    const bool encrypted = isEncryptedBackup(backup);
    if (!encrypted)
        requireVigilContent(backup, name, false);
    const QString folder = QFileInfo(staged.databasePath).absolutePath();
    if (!QDir().mkpath(folder))
        throw Error(Text::tr("The folder '%1' could not be created.").arg(nativeName(folder)));

    // Beside the site file, so that putting it in place is one rename on the same disk.
    staged.stagedPath = staged.databasePath + QStringLiteral(".restoring");
    backupfile::removeTemporary(staged.stagedPath);
    backupfile::createPrivateFile(staged.stagedPath);
    auto removeStaged = qScopeGuard([&] { backupfile::removeTemporary(staged.stagedPath); });
    QDateTime takenAt;
    if (encrypted) {
        takenAt = backupcrypto::decryptFile(backup, staged.stagedPath, passphrase, progress, 0, 60).takenAt;
        requireVigilContent(staged.stagedPath, name, true);
    } else {
        takenAt = QFileInfo(backup).lastModified().toUTC();
        copyPlain(backup, staged.stagedPath, progress, 0, 60);
    }
    backupfile::verifyCopy(staged.stagedPath,
        Text::tr("The backup '%1' is damaged (it fails SQLite's integrity check), so it cannot be restored.").arg(name),
        progress, 80);
    staged.facts = backupfile::readFacts(staged.stagedPath);
    staged.facts.encrypted = encrypted;
    staged.facts.takenAt = takenAt;
    backupfile::reportProgress(progress, 100);
    removeStaged.dismiss();
    return staged;
}

QString completeRestore(const StagedRestore &staged)
{
    const QString db = staged.databasePath;
    const QString name = QFileInfo(db).fileName();
    QLockFile lock(lockFilePath(db));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        throw Error(Text::tr("'%1' is open in Vigil; close it there before restoring a backup over it.").arg(name));
    if (!QFileInfo::exists(staged.stagedPath))
        throw Error(Text::tr("The checked copy of the backup is gone; choose the backup again."));

    QString aside;
    QStringList moved; // suffixes moved aside, to put back if the swap fails
    auto putBack = [&] {
        for (const QString &suffix : std::as_const(moved))
            QFile::rename(aside + suffix, db + suffix);
    };
    if (QFileInfo::exists(db)) {
        aside = asideName(db);
        // The file with its journal, if a crash left one: together they are the current state.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
            if (!QFileInfo::exists(db + suffix))
                continue;
            if (!QFile::rename(db + suffix, aside + suffix)) {
                putBack();
                throw Error(Text::tr("'%1' could not be moved aside, so nothing was restored.").arg(name));
            }
            moved.append(suffix);
        }
        QFile::remove(db + QStringLiteral("-shm")); // an index SQLite rebuilds
    }
    if (!QFile::rename(staged.stagedPath, db)) {
        putBack();
        throw Error(Text::tr("The backup could not be put in the place of '%1'; the file was left as it was.").arg(name));
    }
    // A backup that was a copy of a file in use (WAL) leaves SQLite's index files of the staged
    // name behind after its check; they belong to nothing now.
    backupfile::removeTemporary(staged.stagedPath);
    syncFolder(QFileInfo(db).absolutePath());
    return aside;
}

void discardRestore(const StagedRestore &staged)
{
    if (!staged.stagedPath.isEmpty())
        backupfile::removeTemporary(staged.stagedPath);
}

} // namespace vigil
