#include "benchmark.h"

#include "base/error.h"
#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QProcess>
#include <QRegularExpression>

namespace vigil::bench {

QDate fileToday(Database &db)
{
    const QDateTime last = fromStoredUtc(scalar(db, QStringLiteral("SELECT max(at) FROM audit_log")).toString());
    if (!last.isValid())
        throw Error(QStringLiteral("the file has no audit trail: use a demo file"));
    return last.date().addDays(1);
}

double runAndReadMilliseconds(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return -1;
    static const QRegularExpression pattern(QStringLiteral("(\\d+) ms"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLocal8Bit(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

} // namespace vigil::bench
