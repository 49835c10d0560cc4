// The management review report on a decade file. Issue 7 asks for the full report for one year
// under 3 seconds median and 300 MiB peak memory (the memory is measured with /usr/bin/time on
// `vigil report`; see docs/PERFORMANCE.md).
#include "benchmark.h"
#include "report/report.h"
#include "storage/database.h"

#include <QDir>

namespace vigil::bench {

QList<Operation> reportOperations()
{
    return {
        {QStringLiteral("report.year_pdf"),
            QStringLiteral("the whole management review report for the year before the file's today, every section, "
                           "read, laid out and written as PDF"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                ReportOptions options;
                options.period = Period::containing(Period::Kind::Year, fileToday(*c.db)).previous();
                writeReportPdf(*c.db, options, QDir::temp().filePath(QStringLiteral("vigil-bench-report.pdf")),
                    OutputOptions {true, {}}); // each run replaces the last
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
