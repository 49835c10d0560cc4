#include "dashboardloader.h"

#include "base/error.h"
#include "kpi/dashboard.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QThread>

#include <atomic>

namespace vigil {

struct DashboardLoader::Job
{
    Period period;
    std::atomic_bool cancelled {false};
    KpiDashboard result;
    QString error;
};

DashboardLoader::DashboardLoader(Database &db, Ready ready, Failed failed, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_ready(std::move(ready))
    , m_failed(std::move(failed))
{
}

DashboardLoader::~DashboardLoader()
{
    if (m_job)
        m_job->cancelled = true;
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread)
            thread->wait();
    }
}

void DashboardLoader::request(const Period &period)
{
    if (m_job)
        m_job->cancelled = true;
    auto job = std::make_shared<Job>();
    job->period = period;
    m_job = job;
    const QString path = m_db.path();
    if (!QFileInfo(path).isFile()) {
        try {
            job->result = computeDashboard(m_db, period);
        } catch (const Error &e) {
            job->error = e.message();
        }
        m_job.reset();
        deliver(*job);
        return;
    }
    QThread *thread = QThread::create([job, path] {
        try {
            OpenOptions options;
            options.deferIntegrityCheck = true; // the window has checked the file
            const std::unique_ptr<Database> db = Database::open(path, OpenMode::ReadOnly, options);
            job->result = computeDashboard(*db, job->period, &job->cancelled);
        } catch (const Error &e) {
            job->error = e.message();
        } catch (const std::exception &e) {
            // Nothing may escape a thread (that ends the program): say it instead.
            job->error = QString::fromLocal8Bit(e.what());
        }
    });
    connect(thread, &QThread::finished, this, [this, job] {
        if (job != m_job || job->cancelled)
            return; // a newer request is on its way
        m_job.reset();
        deliver(*job);
    });
    // Not parented to the loader: a thread must not be destroyed while it runs.
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(nullptr);
    m_threads.append(thread);
    thread->start();
}

void DashboardLoader::deliver(const Job &job)
{
    if (job.error.isEmpty())
        m_ready(job.result);
    else
        m_failed(job.error);
}

} // namespace vigil
