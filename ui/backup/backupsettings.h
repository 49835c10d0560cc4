#pragma once

#include "storage/backup.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigil {

class MainWindow;

// The automatic backups as the settings say (the folder resolved for databasePath).
BackupPolicy backupPolicy();
bool automaticBackups();

// Starts today's automatic backup of the window's file on a worker thread, after which done gets
// the file written (empty when today's existed) or why it failed, on the window's thread.
void startDailyBackup(MainWindow *window, std::function<void(const QString &written, const QString &error)> done);

// File > Backup Settings: automatic daily backups on or off, their folder, and how many daily
// and monthly copies are kept.
class BackupSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    BackupSettingsDialog(const QString &databasePath, QWidget *parent = nullptr);

private:
    void updateFolder();
    void save();

    QString m_databasePath;
    QCheckBox *m_automatic;
    QLineEdit *m_folder;
    QLabel *m_resolved;
    QSpinBox *m_daily;
    QSpinBox *m_monthly;
};

} // namespace vigil
