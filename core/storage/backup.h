#pragma once

#include "base/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

namespace vigil {

// Work done so far, 0..100; returning false cancels (the work stops and leaves nothing behind).
using BackupProgress = std::function<bool(int percent)>;

// Thrown when a BackupProgress asked to stop.
class BackupCancelled : public Error
{
public:
    BackupCancelled();
};

struct BackupOptions
{
    QByteArray passphrase; // empty: a plain copy; otherwise encrypted (see backupcrypto.h)
    BackupProgress progress;
};

// Writes a consistent copy of the site file to target: the committed state at one moment, read on
// a read-only connection of its own, so the window can go on writing meanwhile. The copy is written
// under a temporary name, opened and checked (integrity, Vigil's application id, a format this
// version reads), synced to disk and only then renamed to target, readable by the owner only.
// Refuses an existing target. Throws Error with one sentence; nothing is left behind on failure.
void writeBackup(const QString &databasePath, const QString &target, const BackupOptions &options = {});

// The same from an open connection (the one migrating a file writes its pre-migration copy so).
void writeBackupOfConnection(const QSqlDatabase &connection, const QString &target);

// What a backup holds, shown before it is restored.
struct BackupFacts
{
    bool encrypted = false;
    QDateTime takenAt;    // encrypted: recorded in it; plain: the file's modification time
    QDateTime lastChange; // the newest entry of its audit trail (invalid when it has none)
    QString siteName;     // empty when the site profile was never filled in
    int format = 0;
    qint64 incidents = 0;
    qint64 risks = 0;
    qint64 people = 0;
    qint64 trainingRecords = 0;
    qint64 correctiveActions = 0;
    qint64 attachments = 0;
    // The names of photos and documents whose bytes no longer match their SHA-256 (changed or
    // damaged since they were stored). The restore is still offered: the rest is sound.
    QStringList alteredAttachments;
};

bool isEncryptedBackup(const QString &path);

// A backup decrypted or copied beside the site file, checked and ready to take its place.
struct StagedRestore
{
    QString stagedPath;
    QString databasePath;
    BackupFacts facts;
};

// Checks the backup and stages it beside databasePath. Refuses (Error, nothing changed) a file that
// is not a Vigil backup, is damaged, is from a newer Vigil, or is encrypted and the passphrase is
// wrong or the file was modified or cut short.
StagedRestore stageRestore(const QString &backupPath, const QString &databasePath, const QByteArray &passphrase = {},
    const BackupProgress &progress = {});
// Moves the current site file aside and puts the staged backup in its place; returns where the
// current file went (empty when there was none). Refuses while the file is open in Vigil.
QString completeRestore(const StagedRestore &staged);
void discardRestore(const StagedRestore &staged);

// Automatic backups: one a day (the first start of the window that day), kept as the last
// `daily` days plus the first backup of each of the last `monthly` months.
struct BackupPolicy
{
    QString folder; // empty: defaultBackupFolder()
    int daily = 7;
    int monthly = 12;
};

// "backups" beside the site file.
QString defaultBackupFolder(const QString &databasePath);
QString backupFolder(const QString &databasePath, const QString &configured);
// The name today's automatic backup has in its folder.
QString dailyBackupPath(const QString &databasePath, const BackupPolicy &policy);
// Writes today's backup (by Clock::current()) unless there is one, then rotates. Returns the
// file written, or an empty string when today's backup already existed.
QString runDailyBackup(const QString &databasePath, const BackupPolicy &policy, const BackupProgress &progress = {});
// Deletes the automatic backups the policy does not keep; returns their file names.
QStringList rotateBackups(const QString &databasePath, const BackupPolicy &policy);

} // namespace vigil
