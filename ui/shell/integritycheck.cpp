#include "integritycheck.h"

#include "storage/database.h"

#include <QPointer>
#include <QThread>

#include <memory>

namespace vigil {
namespace {

QList<QPointer<QThread>> &running()
{
    static QList<QPointer<QThread>> threads;
    return threads;
}

} // namespace

void verifyIntegrityInBackground(QObject *receiver, const QString &path, std::function<void(const QString &)> done)
{
    auto result = std::make_shared<QString>();
    QThread *thread = QThread::create([path, result] { *result = Database::verifyIntegrity(path); });
    QPointer<QObject> guard(receiver);
    QObject::connect(thread, &QThread::finished, receiver, [result, guard, done = std::move(done)] {
        if (guard)
            done(*result);
    });
    // Not parented to the receiver: a thread must not be destroyed while it runs.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    running().removeAll(nullptr);
    running().append(thread);
    thread->start(QThread::LowPriority);
}

void waitForIntegrityChecks()
{
    for (const QPointer<QThread> &thread : std::as_const(running())) {
        if (thread)
            thread->wait();
    }
    running().clear();
}

} // namespace vigil
