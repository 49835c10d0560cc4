#pragma once

#include "storage/backup.h"

#include <QDialog>

#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

// File > Restore from Backup: reads the chosen backup (decrypting it with its passphrase),
// shows when it was taken, the site and its record counts, and asks before anything changes.
// Accepted, it hands the checked copy to the window manager, which closes the file, puts the
// copy in its place (the current file kept aside) and opens it again.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const QString &databasePath, const QString &backupPath, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // The checked copy, once the dialog was accepted; the caller restores or discards it.
    std::optional<StagedRestore> takeStaged();

private:
    void browse();
    // Clears what was read; true when the chosen file is an encrypted backup.
    bool pathChanged();
    void readBackup();
    void confirm();

    QString m_databasePath;
    std::optional<StagedRestore> m_staged;
    bool m_encrypted = false;
    QLineEdit *m_path;
    QLabel *m_passphraseLabel;
    QLineEdit *m_passphrase;
    QPushButton *m_read;
    QFormLayout *m_facts;
    QLabel *m_problem;
    QPushButton *m_restore;
};

} // namespace vigil
