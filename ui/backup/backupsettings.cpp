#include "backupsettings.h"

#include "shell/background.h"
#include "shell/dialogs.h"
#include "shell/mainwindow.h"
#include "shell/settings.h"
#include "storage/database.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

namespace vigil {

BackupPolicy backupPolicy()
{
    const Settings &settings = Settings::instance();
    BackupPolicy policy;
    policy.folder = settings.value(Settings::Key::BackupFolder).toString();
    policy.daily = qMax(1, settings.value(Settings::Key::BackupDaily).toInt());
    policy.monthly = qMax(0, settings.value(Settings::Key::BackupMonthly).toInt());
    return policy;
}

bool automaticBackups()
{
    return Settings::instance().value(Settings::Key::BackupAutomatic).toBool();
}

void startDailyBackup(MainWindow *window, std::function<void(const QString &, const QString &)> done)
{
    struct Result
    {
        QString written;
        QString error;
    };
    auto result = std::make_shared<Result>();
    const QString path = window->database().path();
    const BackupPolicy policy = backupPolicy();
    // A reader of its own on this thread: the window goes on writing meanwhile.
    runInBackground(
        window,
        [path, policy, result] {
            try {
                result->written = runDailyBackup(path, policy);
            } catch (const Error &e) {
                result->error = e.message();
            }
        },
        [result, done = std::move(done)] {
            if (done)
                done(result->written, result->error);
        });
}


BackupSettingsDialog::BackupSettingsDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
{
    setObjectName(QStringLiteral("backupSettingsDialog"));
    setWindowTitle(tr("Backup Settings"));
    const Settings &settings = Settings::instance();

    m_automatic = new QCheckBox(tr("&Back up the site file on the first start of each day"));
    m_automatic->setObjectName(QStringLiteral("backupAutomatic"));
    m_automatic->setChecked(settings.value(Settings::Key::BackupAutomatic).toBool());
    m_folder = new QLineEdit(settings.value(Settings::Key::BackupFolder).toString());
    m_folder->setObjectName(QStringLiteral("backupFolder"));
    m_folder->setPlaceholderText(tr("backups (beside the site file)"));
    m_folder->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    auto *browse = new QPushButton(tr("B&rowse…"));
    browse->setObjectName(QStringLiteral("backupFolderBrowse"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_resolved = new QLabel;
    m_resolved->setObjectName(QStringLiteral("backupFolderResolved"));
    m_resolved->setWordWrap(true);
    m_resolved->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_daily = new QSpinBox;
    m_daily->setObjectName(QStringLiteral("backupDaily"));
    m_daily->setRange(1, 366);
    m_daily->setSuffix(tr(" days"));
    m_daily->setValue(settings.value(Settings::Key::BackupDaily).toInt());
    m_monthly = new QSpinBox;
    m_monthly->setObjectName(QStringLiteral("backupMonthly"));
    m_monthly->setRange(0, 240);
    m_monthly->setSuffix(tr(" months"));
    m_monthly->setValue(settings.value(Settings::Key::BackupMonthly).toInt());

    auto *form = new QFormLayout;
    form->addRow(QString(), m_automatic);
    auto *folderLabel = new QLabel(tr("&Folder:"));
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(QString(), m_resolved);
    form->addRow(tr("Keep &daily backups for:"), m_daily);
    form->addRow(tr("Keep &monthly backups for:"), m_monthly);
    auto *note = new QLabel(tr("A month's backup is its first one. Older automatic backups are deleted only after a new one has been written and checked. "
                               "Backups made with Back Up Now and those made before an upgrade are never deleted. "
                               "Every upgrade of the file's format is preceded by a backup in this folder."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("backupSettingsSave"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(m_folder, &QLineEdit::textChanged, this, &BackupSettingsDialog::updateFolder);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = dialogs::existingFolder(this, tr("Backups Folder"),
            backupFolder(m_databasePath, QDir::fromNativeSeparators(m_folder->text())));
        if (!folder.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(folder));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &BackupSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFolder();
}

void BackupSettingsDialog::updateFolder()
{
    m_resolved->setText(tr("Backups of this site file go to %1")
                            .arg(QDir::toNativeSeparators(
                                backupFolder(m_databasePath, QDir::fromNativeSeparators(m_folder->text())))));
}

void BackupSettingsDialog::save()
{
    Settings &settings = Settings::instance();
    settings.setValue(Settings::Key::BackupAutomatic, m_automatic->isChecked());
    settings.setValue(Settings::Key::BackupFolder, QDir::fromNativeSeparators(m_folder->text().trimmed()));
    settings.setValue(Settings::Key::BackupDaily, m_daily->value());
    settings.setValue(Settings::Key::BackupMonthly, m_monthly->value());
    settings.sync();
    accept();
}

} // namespace vigil
