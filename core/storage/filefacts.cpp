#include "filefacts.h"

#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QFileInfo>

namespace vigil {

FileFacts readFileFacts(const Database &db)
{
    FileFacts facts;
    facts.path = db.path();
    facts.bytes = QFileInfo(db.path()).size() + QFileInfo(db.path() + QStringLiteral("-wal")).size();
    facts.format = db.schemaVersion();
    Query q(db, QStringLiteral("SELECT key, value FROM vigil_meta WHERE key IN ('created_at', 'created_with')"));
    q.exec();
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("created_at"))
            facts.createdAt = fromStoredUtc(q.value(1).toString());
        else
            facts.createdWith = q.value(1).toString();
    }
    facts.auditEntries = scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    return facts;
}

} // namespace vigil
