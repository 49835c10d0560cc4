#include "background.h"

#include <QList>
#include <QPointer>
#include <QThread>

namespace vigil {
namespace {

QList<QPointer<QThread>> &running()
{
    static QList<QPointer<QThread>> threads;
    return threads;
}

} // namespace

void runInBackground(QObject *receiver, std::function<void()> work, std::function<void()> done)
{
    QThread *thread = QThread::create(std::move(work));
    QPointer<QObject> guard(receiver);
    QObject::connect(thread, &QThread::finished, receiver, [guard, done = std::move(done)] {
        if (guard && done)
            done();
    });
    // Not parented to the receiver: a thread must not be destroyed while it runs.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    running().removeAll(nullptr);
    running().append(thread);
    thread->start(QThread::LowPriority);
}

void waitForBackgroundWork()
{
    for (const QPointer<QThread> &thread : std::as_const(running())) {
        if (thread)
            thread->wait();
    }
    running().clear();
}

} // namespace vigil
