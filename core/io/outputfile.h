#pragma once

#include <QString>

#include <functional>

class QSaveFile;

namespace vigil {

// Where a file Vigil makes (an export, a report) may go, and how it is written there.
struct OutputOptions
{
    // Replace a file already at the path: the window asks first (its save dialog), the command
    // line needs --force. Without it an existing file is refused.
    bool replace = false;
    // The open site file, refused as a destination whatever its name or the path's spelling.
    QString databasePath;
};

// Throws Error, in one sentence, when path must not receive an output: it is the open site file
// (the same file, by device and inode, or its -wal, -shm or .lock), any Vigil site file or
// encrypted backup, something other than a regular file (a folder, a FIFO, a device), or an
// existing file when options.replace is false. A site file open in this process is recognised
// without opening it (which would drop the process's locks on it).
void checkOutputPath(const QString &path, const OutputOptions &options);

// checkOutputPath, then write(file, shown) into a temporary file in the destination's folder that
// only its owner can read; it replaces path only once write() has returned and every byte is on
// disk. A failure leaves the old file (or none) and no partial one. shown is the path for messages.
void writeOutputFile(const QString &path, const OutputOptions &options,
    const std::function<void(QSaveFile &file, const QString &shown)> &write);

} // namespace vigil
