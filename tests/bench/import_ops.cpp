// Importing incidents. Issue 8 asks for a 100,000-row incident CSV into an empty file in under
// 5 seconds median. The CSV is the decade file's own incident log as `vigil export` writes it
// (99,999 rows, times in UTC), made once; each run imports it into a new empty site file.
#include "benchmark.h"
#include "base/error.h"
#include "import/incidentimport.h"
#include "incidents/incidentrepository.h"
#include "io/exporttable.h"
#include "storage/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

namespace vigil::bench {

QList<Operation> importOperations()
{
    return {
        {QStringLiteral("import.incidents_csv"),
            QStringLiteral("read and import the decade file's incident log as CSV (99,999 rows) into an empty site file, "
                           "every row checked, one transaction"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const QString csv = [&c] {
                    const QString path = QDir::temp().filePath(QStringLiteral("vigil-bench-incidents.csv"));
                    writeCsvFile(IncidentRepository(*c.db).exportTable({}), path, OutputOptions {true, {}}); // the last run's may be there
                    return path;
                }();
                ImportProfile profile;
                profile.kind = QStringLiteral("incidents");
                profile.utcTimes = true;
                profile.columns = {{QStringLiteral("externalReference"), QStringLiteral("Reference")},
                    {QStringLiteral("occurredAt"), QStringLiteral("Occurred")},
                    {QStringLiteral("reportedAt"), QStringLiteral("Reported")},
                    {QStringLiteral("category"), QStringLiteral("Category")},
                    {QStringLiteral("severity"), QStringLiteral("Severity")},
                    {QStringLiteral("location"), QStringLiteral("Location")},
                    {QStringLiteral("title"), QStringLiteral("Title")},
                    {QStringLiteral("description"), QStringLiteral("Description")}};
                profile.createMissing = {QStringLiteral("category")};
                const QString target = QDir::temp().filePath(QStringLiteral("vigil-bench-import.vigil"));
                for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                    QFile::remove(target + suffix);
                const std::unique_ptr<Database> empty = Database::create(target);
                QElapsedTimer timer;
                timer.start();
                const ImportSummary summary = importIncidents(*empty, readCsvFile(csv), profile);
                const double ms = double(timer.nsecsElapsed()) / 1e6;
                if (!summary.written || summary.imported < 99000)
                    throw Error(QStringLiteral("the benchmark import landed %1 of %2 rows").arg(summary.imported).arg(summary.read));
                return ms;
            }},
    };
}

} // namespace vigil::bench
