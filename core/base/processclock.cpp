#include "processclock.h"

#include <QElapsedTimer>
#include <QFile>

#ifdef Q_OS_LINUX
#include <time.h>
#include <unistd.h>
#endif

namespace vigil {
namespace {

// Fallback for systems without /proc: started when the program's statics are initialised.
const QElapsedTimer &staticTimer()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}
[[maybe_unused]] const bool g_started = (staticTimer(), true);

} // namespace

qint64 millisecondsSinceProcessStart()
{
#ifdef Q_OS_LINUX
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close > 0) {
            const QList<QByteArray> fields = line.mid(close + 2).split(' ');
            // After "pid (comm) " the state is field 3, so start time (22) is index 19.
            bool ok = false;
            const qint64 startTicks = fields.size() > 19 ? fields.at(19).toLongLong(&ok) : 0;
            const long ticksPerSecond = sysconf(_SC_CLK_TCK);
            timespec now {};
            if (ok && ticksPerSecond > 0 && clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
                const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
                const qint64 startMs = startTicks * 1000 / ticksPerSecond;
                // The kernel's start time is when the process was forked, not when it exec'd
                // Vigil: `bash -c "build && vigil"` execs vigil in a shell that may have been
                // running for minutes. Loading the program takes well under a few seconds after
                // the statics' clock could start, so a larger gap is a long-lived parent's.
                constexpr qint64 longestPlausibleLoadMs = 5000;
                if (nowMs >= startMs && nowMs - startMs <= staticTimer().elapsed() + longestPlausibleLoadMs)
                    return nowMs - startMs;
            }
        }
    }
#endif
    return staticTimer().elapsed();
}

} // namespace vigil
