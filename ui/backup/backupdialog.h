#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

// File > Back Up Now: where the backup goes (the backups folder by default), optionally
// encrypted with a passphrase typed twice; the backup runs with a progress bar that cancels and
// the dialog closes only once the copy is written and verified.
class BackupDialog : public QDialog
{
    Q_OBJECT

public:
    BackupDialog(const QString &databasePath, QWidget *parent = nullptr);

    // The backup written (after the dialog was accepted).
    const QString &writtenPath() const { return m_written; }

private:
    void browse();
    void updateState();
    void backUp();

    QString m_databasePath;
    QString m_written;
    QLineEdit *m_path;
    QCheckBox *m_encrypt;
    QLineEdit *m_passphrase;
    QLineEdit *m_confirm;
    QLabel *m_problem;
    QPushButton *m_start;
};

} // namespace vigil
