#include "backupdialog.h"

#include "backup/backupsettings.h"
#include "base/clock.h"
#include "shell/dialogs.h"
#include "storage/backup.h"
#include "widgets/registerwidgets.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

BackupDialog::BackupDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Back Up Now"));

    const QString stamp = Clock::current().nowUtc().toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"));
    const QString folder = backupFolder(databasePath, backupPolicy().folder);
    m_path = new QLineEdit(QDir::toNativeSeparators(
        QDir(folder).filePath(QStringLiteral("%1-%2.vigil").arg(QFileInfo(databasePath).completeBaseName(), stamp))));
    m_path->setObjectName(QStringLiteral("backupPath"));
    m_path->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("backupBrowse"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_encrypt = new QCheckBox(tr("&Encrypt the backup with a passphrase"));
    m_encrypt->setObjectName(QStringLiteral("backupEncrypt"));
    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("backupPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit;
    m_confirm->setObjectName(QStringLiteral("backupPassphraseConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    auto *warning = new QLabel(tr("Without the passphrase nobody, not even Vigil, can read an encrypted backup; keep "
                                  "it where you keep other keys."));
    warning->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *pathLabel = new QLabel(tr("&Save to:"));
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(QString(), m_encrypt);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("&Repeat it:"), m_confirm);
    form->addRow(QString(), warning);

    m_problem = problemLabel(QStringLiteral("backupProblem"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_start = buttons->addButton(tr("&Back Up"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("backupStart"));
    m_start->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Vigil writes a copy of the whole site file, checks it and keeps it readable by "
                                "you only. You can go on working meanwhile."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &BackupDialog::browse);
    connect(m_encrypt, &QCheckBox::toggled, this, &BackupDialog::updateState);
    connect(m_passphrase, &QLineEdit::textChanged, this, &BackupDialog::updateState);
    connect(m_confirm, &QLineEdit::textChanged, this, &BackupDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &BackupDialog::updateState);
    connect(buttons, &QDialogButtonBox::accepted, this, &BackupDialog::backUp);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void BackupDialog::browse()
{
    const QString path = dialogs::saveFileName(this, tr("Back Up To"), QDir::fromNativeSeparators(m_path->text()),
        tr("Vigil backups (*.vigil *.vigil-backup);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

void BackupDialog::updateState()
{
    const bool encrypt = m_encrypt->isChecked();
    m_passphrase->setEnabled(encrypt);
    m_confirm->setEnabled(encrypt);
    // An encrypted backup is not a site file: its name says so.
    QString path = m_path->text();
    if (encrypt && path.endsWith(QLatin1String(".vigil")))
        m_path->setText(path + QStringLiteral("-backup"));
    else if (!encrypt && path.endsWith(QLatin1String(".vigil-backup")))
        m_path->setText(path.chopped(7));
    QString problem;
    if (m_path->text().trimmed().isEmpty())
        problem = tr("Choose where to save the backup.");
    else if (encrypt && m_passphrase->text().isEmpty())
        problem = tr("Type a passphrase, twice.");
    else if (encrypt && m_passphrase->text() != m_confirm->text())
        problem = m_confirm->text().isEmpty() ? tr("Repeat the passphrase.") : tr("The two passphrases differ.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_start->setEnabled(problem.isEmpty());
}

void BackupDialog::backUp()
{
    if (!m_start->isEnabled())
        return;
    const QString target = QDir::fromNativeSeparators(m_path->text().trimmed());
    QProgressDialog progress(tr("Backing up %1…").arg(QFileInfo(m_databasePath).fileName()), tr("Cancel"), 0, 100, this);
    progress.setObjectName(QStringLiteral("backupProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    BackupOptions options;
    if (m_encrypt->isChecked())
        options.passphrase = m_passphrase->text().toUtf8();
    options.progress = [&progress](int percent) {
        progress.setValue(percent);
        // The integrity check reports the same percent for a while: Cancel must still answer.
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    try {
        writeBackup(m_databasePath, target, options);
    } catch (const BackupCancelled &) {
        return; // the user chose to stop; the dialog stays for another try
    } catch (const Error &e) {
        progress.close();
        dialogs::warning(this, tr("Back Up Now"), e.message());
        return;
    }
    m_written = target;
    accept();
}

} // namespace vigil
