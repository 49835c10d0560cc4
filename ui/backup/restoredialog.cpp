#include "restoredialog.h"

#include "shell/dialogs.h"
#include "widgets/registerwidgets.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace vigil {
namespace {

QLabel *factLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true); // the attachments' line can name files
    return label;
}

} // namespace

RestoreDialog::RestoreDialog(const QString &databasePath, const QString &backupPath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore from Backup"));

    m_path = new QLineEdit(QDir::toNativeSeparators(backupPath));
    m_path->setObjectName(QStringLiteral("restorePath"));
    m_path->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("restoreBrowse"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("restorePassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_read = new QPushButton(tr("Rea&d Backup"));
    m_read->setObjectName(QStringLiteral("restoreRead"));

    auto *top = new QFormLayout;
    auto *pathLabel = new QLabel(tr("&Backup:"));
    pathLabel->setBuddy(m_path);
    top->addRow(pathLabel, pathRow);
    top->addRow(tr("&Passphrase:"), m_passphrase);
    m_passphraseLabel = qobject_cast<QLabel *>(top->labelForField(m_passphrase));

    m_facts = new QFormLayout;
    m_facts->addRow(tr("Taken:"), factLabel(QStringLiteral("restoreTaken")));
    m_facts->addRow(tr("Last change in it:"), factLabel(QStringLiteral("restoreLastChange")));
    m_facts->addRow(tr("Site:"), factLabel(QStringLiteral("restoreSite")));
    m_facts->addRow(tr("Incidents:"), factLabel(QStringLiteral("restoreIncidents")));
    m_facts->addRow(tr("Risks:"), factLabel(QStringLiteral("restoreRisks")));
    m_facts->addRow(tr("People:"), factLabel(QStringLiteral("restorePeople")));
    m_facts->addRow(tr("Training records:"), factLabel(QStringLiteral("restoreTraining")));
    m_facts->addRow(tr("Corrective actions:"), factLabel(QStringLiteral("restoreActions")));
    m_facts->addRow(tr("Attachments:"), factLabel(QStringLiteral("restoreAttachments")));
    auto *factsBox = new QWidget;
    factsBox->setObjectName(QStringLiteral("restoreFacts"));
    m_facts->setContentsMargins(0, 0, 0, 0);
    factsBox->setLayout(m_facts);

    m_problem = problemLabel(QStringLiteral("restoreProblem"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_restore = buttons->addButton(tr("&Restore…"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(QStringLiteral("restoreStart"));

    auto *intro = new QLabel(tr("The backup takes the place of %1. The file as it is now is kept beside it under a "
                                "new name, so nothing is lost.")
                                 .arg(QFileInfo(databasePath).fileName()));
    intro->setWordWrap(true);
    auto *readRow = new QHBoxLayout;
    readRow->addStretch();
    readRow->addWidget(m_read);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(top);
    layout->addLayout(readRow);
    layout->addWidget(factsBox);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &RestoreDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &RestoreDialog::pathChanged);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (!m_staged && !m_encrypted)
            readBackup();
    });
    connect(m_passphrase, &QLineEdit::textChanged, this, [this] {
        if (m_staged) {
            discardRestore(*m_staged);
            m_staged.reset();
        }
        m_restore->setEnabled(false);
        m_read->setEnabled(!m_passphrase->text().isEmpty());
    });
    connect(m_passphrase, &QLineEdit::returnPressed, this, &RestoreDialog::readBackup);
    connect(m_read, &QPushButton::clicked, this, &RestoreDialog::readBackup);
    connect(buttons, &QDialogButtonBox::accepted, this, &RestoreDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A plain backup is read at once, once the dialog is up: its facts are what the user needs.
    if (!pathChanged() && !backupPath.isEmpty())
        QTimer::singleShot(0, this, &RestoreDialog::readBackup);
}

RestoreDialog::~RestoreDialog()
{
    if (m_staged)
        discardRestore(*m_staged);
}

std::optional<StagedRestore> RestoreDialog::takeStaged()
{
    return std::exchange(m_staged, std::nullopt);
}

void RestoreDialog::browse()
{
    const QString path = dialogs::openFileName(this, tr("Restore from Backup"),
        QFileInfo(QDir::fromNativeSeparators(m_path->text())).absolutePath(),
        tr("Vigil backups (*.vigil *.vigil-backup);;All files (*)"));
    if (path.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(path));
    if (!m_encrypted)
        readBackup();
}

bool RestoreDialog::pathChanged()
{
    if (m_staged) {
        discardRestore(*m_staged);
        m_staged.reset();
    }
    for (QLabel *label : findChildren<QLabel *>(QRegularExpression(QStringLiteral("^restore[A-Z]"))))
        if (label != m_problem)
            label->clear();
    m_restore->setEnabled(false);
    m_problem->hide();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    const bool encrypted = !path.isEmpty() && isEncryptedBackup(path);
    m_encrypted = encrypted;
    m_passphrase->setVisible(encrypted);
    m_passphraseLabel->setVisible(encrypted);
    m_read->setVisible(encrypted);
    m_read->setEnabled(encrypted && !m_passphrase->text().isEmpty());
    if (encrypted)
        m_passphrase->setFocus();
    return encrypted;
}

void RestoreDialog::readBackup()
{
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty())
        return;
    if (m_staged) {
        discardRestore(*m_staged);
        m_staged.reset();
    }
    m_problem->hide();
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 100, this);
    progress.setObjectName(QStringLiteral("restoreProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    try {
        m_staged = stageRestore(path, m_databasePath, m_passphrase->text().toUtf8(), [&progress](int percent) {
            progress.setValue(percent);
            // The integrity check reports the same percent for a while: Cancel must still answer.
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
    } catch (const BackupCancelled &) {
        return;
    } catch (const Error &e) {
        m_problem->setText(e.message());
        m_problem->show();
        return;
    }
    progress.close();
    const BackupFacts &f = m_staged->facts;
    const QLocale locale;
    auto time = [&](const QDateTime &utc) {
        return utc.isValid() ? locale.toString(utc.toLocalTime(), QLocale::ShortFormat) : tr("unknown");
    };
    auto set = [this](const QString &name, const QString &text) { findChild<QLabel *>(name)->setText(text); };
    set(QStringLiteral("restoreTaken"), f.encrypted ? tr("%1 (encrypted)").arg(time(f.takenAt)) : time(f.takenAt));
    set(QStringLiteral("restoreLastChange"), time(f.lastChange));
    set(QStringLiteral("restoreSite"), f.siteName.isEmpty() ? tr("(no site profile)") : f.siteName);
    set(QStringLiteral("restoreIncidents"), locale.toString(f.incidents));
    set(QStringLiteral("restoreRisks"), locale.toString(f.risks));
    set(QStringLiteral("restorePeople"), locale.toString(f.people));
    set(QStringLiteral("restoreTraining"), locale.toString(f.trainingRecords));
    set(QStringLiteral("restoreActions"), locale.toString(f.correctiveActions));
    set(QStringLiteral("restoreAttachments"),
        f.alteredAttachments.isEmpty()
            ? tr("%1, each matching its SHA-256").arg(locale.toString(f.attachments))
            : tr("%1; %n do not match their SHA-256 (changed or damaged): %2", nullptr, int(f.alteredAttachments.size()))
                  .arg(locale.toString(f.attachments), f.alteredAttachments.join(QStringLiteral(", "))));
    m_restore->setEnabled(true);
    m_restore->setFocus();
}

void RestoreDialog::confirm()
{
    if (!m_staged)
        return;
    const auto answer = dialogs::question(this, tr("Restore from Backup"),
        tr("Replace %1 with the backup of %2? The window closes and opens again on the restored file; the file as it "
           "is now is kept beside it.")
            .arg(QFileInfo(m_databasePath).fileName(),
                m_staged->facts.siteName.isEmpty() ? tr("an unnamed site") : m_staged->facts.siteName),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        accept();
}

} // namespace vigil
