#include "sequence.h"

#include "storage/database.h"
#include "storage/query.h"

namespace vigil {

qint64 nextInSequence(Database &db, const QString &name)
{
    Q_ASSERT(db.inTransaction());
    return scalar(db,
        QStringLiteral("INSERT INTO sequences (name, last_value) VALUES (?, 1) "
                       "ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1 RETURNING last_value"),
        {name})
        .toLongLong();
}

} // namespace vigil
