#pragma once

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThread;

namespace vigil {

struct HealthReport;

// Help > Verify Records: runs the same check as `vigil check` (integrity, schema, the records
// against the audit trail, the audit chain) on a connection of its own in a worker thread, with
// progress and Cancel, and shows what it found.
class VerifyRecordsDialog : public QDialog
{
    Q_OBJECT

public:
    VerifyRecordsDialog(const QString &path, QWidget *parent = nullptr);
    ~VerifyRecordsDialog() override;

    void start();
    bool isRunning() const;
    // Stops a check still running, then closes.
    void reject() override;

signals:
    void checkFinished();

private:
    void showProgress(const QString &step, qint64 done, qint64 total);
    void showReport(const HealthReport &report);
    void cancel();

    QString m_path;
    QLabel *m_step;
    QProgressBar *m_progress;
    QLabel *m_headline;
    QListWidget *m_details;
    QPushButton *m_cancel;
    QPushButton *m_again;
    QPushButton *m_close;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace vigil
