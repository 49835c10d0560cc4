#pragma once

#include <QString>

namespace vigil {

// What a path holds, judged from the file system and the first bytes alone: nothing is opened
// through SQLite and nothing is written, so a foreign file is never touched.
struct FileInspection
{
    enum class Kind { Missing, NotAFile, Unreadable, Empty, NotSqlite, ForeignSqlite, Vigil };
    Kind kind = Kind::Missing;
    QString contentDescription; // for NotSqlite: what it looks like ("PNG image"), when known
    quint32 applicationId = 0;
    quint32 headerUserVersion = 0;
};

FileInspection inspectFile(const QString &path);

} // namespace vigil
