#pragma once

#include <QDateTime>
#include <QString>

namespace vigil {

class Database;

// Facts about the open site file, for the Overview page and `vigil check`.
struct FileFacts
{
    QString path;
    qint64 bytes = 0; // the file and its journal
    int format = 0;
    QDateTime createdAt;
    QString createdWith;
    qint64 auditEntries = 0;
};

FileFacts readFileFacts(const Database &db);

} // namespace vigil
