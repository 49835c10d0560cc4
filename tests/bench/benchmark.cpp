#include "benchmark.h"

#include <QProcess>
#include <QRegularExpression>

namespace vigil::bench {

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
