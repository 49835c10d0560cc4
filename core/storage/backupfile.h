#pragma once

// Pieces the backup files share (backup.cpp, backuprestore.cpp, backuprotation.cpp,
// backupcrypto.cpp); not part of core's interface.

#include "storage/backup.h"

#include <QString>

struct sqlite3;

namespace vigil::backupfile {

// Creates an empty file readable and writable by the owner only; refuses an existing one.
void createPrivateFile(const QString &path);
// Creates the folder (and its parents) readable by the owner only; an existing folder is left as
// it is (it may be one the user chose and shares).
void makePrivateFolder(const QString &folder);
// Removes a temporary file and any journal SQLite left beside it.
void removeTemporary(const QString &path);
// Removes what a killed backup or restore left: "*.part" files in folder (a backup's copy before
// it is put in place) and "<site>.restoring" for a site file, each with its journals, when it is
// the owner's, holds a Vigil copy (or nothing yet) and nothing has written to it for
// staleMinutes (a running backup writes to its file all along), and "vigil-backup-*" scratch
// folders in the temporary folder whose process is gone.
inline constexpr int staleMinutes = 15;
void sweepDebris(const QString &folder);
void sweepRestoreDebris(const QString &databasePath);

// A folder only the owner can enter, in the system's temporary folder (never on the backup's
// medium), for the plain copy an encrypted backup is made from. Removed with its content when it
// goes; a kill leaves it to the next backup's sweepDebris.
QString makeScratchFolder();
void removeScratchFolder(const QString &folder);

// Flushes the file to disk, renames it to target (which must not exist) and flushes the folder.
void commitFile(const QString &temporary, const QString &target);

// Copies the database open on source into target (an empty private file) with SQLite's online
// backup, inside one read transaction on source, so the copy is one committed state.
// progress maps the copy to [from, to] percent.
void copyDatabase(sqlite3 *source, const QString &target, const BackupProgress &progress, int from, int to);

// Opens a copy read-only and checks it: integrity, Vigil's application id, a format this version
// reads. Throws Error(damagedMessage) when it fails, BackupCancelled when progress said stop.
void verifyCopy(const QString &path, const QString &damagedMessage, const BackupProgress &progress, int at);

// Facts of a verified plain copy.
BackupFacts readFacts(const QString &path);

// One sentence for a failure writing into folder (full disk, permission, other).
QString writeFailure(const QString &folder, int sqliteOrErrno, bool isErrno, const QString &detail);

void reportProgress(const BackupProgress &progress, int percent);

} // namespace vigil::backupfile
