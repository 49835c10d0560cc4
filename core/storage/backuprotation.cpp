// Automatic backups: where they go, today's, and which ones are kept.
#include "storage/backup.h"

#include "base/clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace vigil {
namespace {

QString baseName(const QString &databasePath)
{
    return QFileInfo(databasePath).completeBaseName();
}

} // namespace

QString defaultBackupFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString backupFolder(const QString &databasePath, const QString &configured)
{
    const QString folder = configured.trimmed();
    if (folder.isEmpty())
        return defaultBackupFolder(databasePath);
    // A relative folder is taken from the site file's folder, so a site copied with its
    // backups keeps them together.
    return QDir::cleanPath(QFileInfo(databasePath).absoluteDir().absoluteFilePath(folder));
}

QString dailyBackupPath(const QString &databasePath, const BackupPolicy &policy)
{
    return QDir(backupFolder(databasePath, policy.folder))
        .filePath(QStringLiteral("%1-%2.vigil")
                      .arg(baseName(databasePath), Clock::current().today().toString(QStringLiteral("yyyy-MM-dd"))));
}

QString runDailyBackup(const QString &databasePath, const BackupPolicy &policy, const BackupProgress &progress)
{
    const QString path = dailyBackupPath(databasePath, policy);
    if (QFileInfo::exists(path))
        return {};
    BackupOptions options;
    options.progress = progress;
    writeBackup(databasePath, path, options);
    // Old backups go only now that the new one is written and verified.
    rotateBackups(databasePath, policy);
    return path;
}

QStringList rotateBackups(const QString &databasePath, const BackupPolicy &policy)
{
    const QDir folder(backupFolder(databasePath, policy.folder));
    // Only automatic backups of this site file: copies before a migration, backups made by hand
    // and those of other site files in the same folder are never touched.
    const QRegularExpression pattern(QStringLiteral("^%1-(\\d{4}-\\d{2}-\\d{2})\\.vigil$")
                                         .arg(QRegularExpression::escape(baseName(databasePath))));
    QMap<QDate, QString> backups;
    for (const QString &name : folder.entryList(QDir::Files)) {
        const QRegularExpressionMatch match = pattern.match(name);
        const QDate date = match.hasMatch() ? QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd")) : QDate();
        if (date.isValid())
            backups.insert(date, name);
    }
    QList<QDate> dates = backups.keys(); // ascending
    std::reverse(dates.begin(), dates.end());
    QSet<QDate> keep;
    // The newest is always kept, whatever the policy says.
    for (qsizetype i = 0; i < dates.size() && i < qMax(1, policy.daily); ++i)
        keep.insert(dates.at(i));
    // A month's copy is its first backup; the newest months are kept.
    QMap<int, QDate> firstOfMonth; // year * 12 + month -> earliest date
    for (const QDate &date : std::as_const(dates)) {
        const int month = date.year() * 12 + date.month() - 1;
        const auto it = firstOfMonth.constFind(month);
        if (it == firstOfMonth.cend() || date < *it)
            firstOfMonth.insert(month, date);
    }
    const QList<QDate> months = firstOfMonth.values();
    for (qsizetype i = months.size() - 1, kept = 0; i >= 0 && kept < policy.monthly; --i, ++kept)
        keep.insert(months.at(i));
    QStringList deleted;
    for (auto it = backups.cbegin(); it != backups.cend(); ++it) {
        if (keep.contains(it.key()))
            continue;
        if (QFile::remove(folder.filePath(it.value())))
            deleted.append(it.value());
    }
    return deleted;
}

} // namespace vigil
