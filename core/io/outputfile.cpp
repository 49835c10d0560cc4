#include "outputfile.h"

#include "base/error.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/fileinspection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Output)
};

// stat follows symbolic links: a link to the site file is the site file.
bool statOf(const QString &path, struct stat *st)
{
    return ::stat(QFile::encodeName(path).constData(), st) == 0;
}

bool sameFile(const struct stat &a, const QString &other)
{
    struct stat b {};
    return !other.isEmpty() && statOf(other, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

} // namespace

void checkOutputPath(const QString &path, const OutputOptions &options)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (path.isEmpty())
        throw Error(Text::tr("No file was named to write to."));
    struct stat st {};
    if (!statOf(path, &st)) {
        if (QFileInfo(path).isSymLink())
            throw Error(Text::tr("'%1' is a link to nothing that exists; name the file itself.").arg(shown));
        return; // a new file: the folder's own problems are reported when it is written
    }
    if (!options.databasePath.isEmpty()) {
        // SQLite keeps its journal beside the file itself, links resolved.
        const QString canonical = QFileInfo(options.databasePath).canonicalFilePath();
        const QString site = canonical.isEmpty() ? options.databasePath : canonical;
        for (const QString &own : {site, site + QStringLiteral("-wal"), site + QStringLiteral("-shm"),
                 site + QStringLiteral("-journal"), lockFilePath(site)}) {
            if (sameFile(st, own))
                throw Error(Text::tr("'%1' is the site file itself (or one of its own files); "
                                     "choose another name for the output.")
                                .arg(shown));
        }
    }
    if (!S_ISREG(st.st_mode))
        throw Error(Text::tr("'%1' is not an ordinary file (a folder, a device or a pipe); choose a file name.")
                        .arg(shown));
    const FileInspection inspection = inspectFile(path);
    if (inspection.kind == FileInspection::Kind::Vigil)
        throw Error(Text::tr("'%1' is a Vigil site file; Vigil will not write over it.").arg(shown));
    if (isEncryptedBackup(path))
        throw Error(Text::tr("'%1' is a Vigil backup; Vigil will not write over it.").arg(shown));
    if (!options.replace)
        throw Error(Text::tr("'%1' already exists; use --force to replace it.").arg(shown));
}

void writeOutputFile(const QString &path, const OutputOptions &options,
    const std::function<void(QSaveFile &file, const QString &shown)> &write)
{
    checkOutputPath(path, options);
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(Text::tr("'%1' cannot be written: %2").arg(shown, file.errorString()));
    // Exports and reports hold names, phone numbers and incident details: owner-only, as the
    // site file and the backups are, whatever the umask and whatever the replaced file allowed.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        throw Error(Text::tr("'%1' cannot be made private to its owner: %2").arg(shown, file.errorString()));
    write(file, shown);
    if (!file.commit())
        throw Error(Text::tr("'%1' could not be written completely (%2); nothing was saved.").arg(shown, file.errorString()));
}

} // namespace vigil
