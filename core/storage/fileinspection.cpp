#include "fileinspection.h"

#include "database.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QScopeGuard>
#include <QtEndian>

#include <sqlite3.h>

#include <memory>

#include <sys/statvfs.h>
#include <unistd.h>

namespace vigil {
namespace {

// Reads the file's first bytes through SQLite's own file layer, never through a descriptor of our
// own: POSIX advisory locks belong to the process, and closing ANY descriptor of a file drops
// every lock the process holds on it (https://www.sqlite.org/howtocorrupt.html, 2.2). A site file
// open in this process (the window's connection) would lose its locks to a QFile open and close,
// and another process could then delete the -wal the window still writes to. SQLite keeps a
// descriptor whose file has locks open until the locks are released, so this read is safe.
// Returns false when the file cannot be opened for reading.
bool readHeader(const QString &path, qint64 bytes, QByteArray *header)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    if (!vfs)
        return false;
    // The name as SQLite makes it for its own connections (symbolic links resolved), in the
    // form of a main database's name (with room for the URI parameters it may look up).
    const QByteArray native = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    QByteArray full(vfs->mxPathname + 1, '\0');
    // SQLITE_OK_SYMLINK (a link was resolved) is a success too.
    if ((vfs->xFullPathname(vfs, native.constData(), int(full.size()), full.data()) & 0xff) != SQLITE_OK)
        return false;
    const sqlite3_filename name = sqlite3_create_filename(full.constData(), "", "", 0, nullptr);
    if (!name)
        return false;
    const auto freeName = qScopeGuard([name] { sqlite3_free_filename(name); });
    const std::unique_ptr<char[]> storage(new char[size_t(vfs->szOsFile)]());
    auto *file = reinterpret_cast<sqlite3_file *>(storage.get());
    int flags = 0;
    const int opened = vfs->xOpen(vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags);
    const auto close = qScopeGuard([file] {
        if (file->pMethods)
            file->pMethods->xClose(file);
    });
    if (opened != SQLITE_OK)
        return false;
    header->resize(int(qMin<qint64>(bytes, 100)));
    if (header->isEmpty())
        return true;
    const int read = file->pMethods->xRead(file, header->data(), int(header->size()), 0);
    return read == SQLITE_OK || read == SQLITE_IOERR_SHORT_READ;
}

} // namespace

FileInspection inspectFile(const QString &path)
{
    FileInspection result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.kind = FileInspection::Kind::Missing;
        return result;
    }
    if (!info.isFile()) {
        result.kind = FileInspection::Kind::NotAFile;
        return result;
    }
    QByteArray header;
    if (!readHeader(path, info.size(), &header)) {
        result.kind = FileInspection::Kind::Unreadable;
        return result;
    }
    if (header.isEmpty()) {
        result.kind = FileInspection::Kind::Empty;
        return result;
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(magic)) {
        result.kind = FileInspection::Kind::NotSqlite;
        const QMimeType mime = QMimeDatabase().mimeTypeForData(header);
        if (mime.isValid() && !mime.isDefault() && mime.name() != QLatin1String("text/plain"))
            result.contentDescription = mime.comment();
        return result;
    }
    // The database header keeps the user version at offset 60 and the application id at 68,
    // both big-endian (https://www.sqlite.org/fileformat2.html#database_header).
    result.headerUserVersion = qFromBigEndian<quint32>(header.constData() + 60);
    result.applicationId = qFromBigEndian<quint32>(header.constData() + 68);
    result.kind = result.applicationId == Database::applicationId ? FileInspection::Kind::Vigil
                                                                  : FileInspection::Kind::ForeignSqlite;
    return result;
}

ReaderAccess readerAccess(const QString &path)
{
    const QString real = QFileInfo(path).canonicalFilePath();
    const QString folder = QFileInfo(real).absolutePath();
    const QByteArray nativeFolder = QFile::encodeName(folder);
    struct statvfs disk {};
    const bool readOnlyDisk = ::statvfs(nativeFolder.constData(), &disk) == 0 && (disk.f_flag & ST_RDONLY);
    const bool noWriter = !QFileInfo::exists(real + QStringLiteral("-shm")) && !QFileInfo::exists(real + QStringLiteral("-wal"));
    if (!readOnlyDisk && !(noWriter && ::access(nativeFolder.constData(), W_OK) != 0))
        return ReaderAccess::Normal;
    if (QFileInfo(real + QStringLiteral("-wal")).size() > 0)
        return ReaderAccess::PendingJournalOnReadOnlyDisk;
    return ReaderAccess::Immutable;
}

} // namespace vigil
