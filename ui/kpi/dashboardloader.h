#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace vigil {

class Database;
class Period;
struct KpiDashboard;

// Computes the KPI dashboard off the window's thread, on a read-only connection of its own
// (the file is in WAL mode: it reads what was last committed), so a refresh never holds up
// typing. Only the newest request is answered: one still running when another comes is told to
// stop. A file that cannot be read alongside (no file on disk) is computed in place.
class DashboardLoader : public QObject
{
    Q_OBJECT

public:
    using Ready = std::function<void(const KpiDashboard &)>;
    using Failed = std::function<void(const QString &message)>;

    DashboardLoader(Database &db, Ready ready, Failed failed, QObject *parent = nullptr);
    // Stops what is running and waits for it: no thread outlives the page.
    ~DashboardLoader() override;

    void request(const Period &period);
    // A request is running (for tests, and for the page's "updating" hint).
    bool busy() const { return bool(m_job); }

private:
    struct Job;
    void deliver(const Job &job);

    Database &m_db;
    Ready m_ready;
    Failed m_failed;
    std::shared_ptr<Job> m_job; // the newest request, until it is answered
    QList<QPointer<QThread>> m_threads;
};

} // namespace vigil
