#include "fileinspection.h"

#include "database.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QtEndian>

namespace vigil {

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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.kind = FileInspection::Kind::Unreadable;
        return result;
    }
    const QByteArray header = file.read(100);
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

} // namespace vigil
