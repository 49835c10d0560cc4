// Parts of `vigil check` that grow with the file: every attachment's SHA-256 recomputed, and every
// incident's people involved and attached files replayed from the audit trail (issue 20). The
// whole check takes minutes on a decade file; these say what each of the two added.
#include "benchmark.h"
#include "base/error.h"
#include "incidents/incidentrepository.h"
#include "storage/attachments.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QElapsedTimer>

namespace vigil::bench {

QList<Operation> checkOperations()
{
    return {
        {QStringLiteral("check.attachments"),
            QStringLiteral("vigil check: every photo and document's SHA-256 recomputed"), Operation::Needs::OpenDatabase,
            [](Context &c) {
                QElapsedTimer timer;
                timer.start();
                if (!alteredAttachments(sqliteHandle(c.db->connection())).isEmpty())
                    throw Error(QStringLiteral("the benchmark file has altered attachments"));
                return double(timer.nsecsElapsed()) / 1e6;
            }},
        {QStringLiteral("check.incident_details"),
            QStringLiteral("vigil check: every incident's people involved and attached files against the audit trail"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                QElapsedTimer timer;
                timer.start();
                if (!incidentsDifferingFromTrail(*c.db).isEmpty())
                    throw Error(QStringLiteral("the benchmark file's incidents differ from their trail"));
                return double(timer.nsecsElapsed()) / 1e6;
            }},
    };
}

} // namespace vigil::bench
