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

// How a connection that only reads may open a site file. Immutable (SQLite reads the file as it
// is, without the -shm index it would have to create beside it) when nothing can write there (a
// read-only disk), or nobody is (a folder this user cannot write in, with no journal of a window
// beside the file). A read-only disk holding a journal with changes not yet in the file cannot
// be read whole. Links are resolved: SQLite keeps the journal beside the file itself.
enum class ReaderAccess { Normal, Immutable, PendingJournalOnReadOnlyDisk };
ReaderAccess readerAccess(const QString &path);

} // namespace vigil
