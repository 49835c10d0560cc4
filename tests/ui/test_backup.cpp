// File > Back Up Now, Restore from Backup and Backup Settings, through the real main window.
#include "ui/uitestsupport.h"

#include "backup/backupdialog.h"
#include "backup/backupsettings.h"
#include "shell/background.h"
#include "backup/restoredialog.h"
#include "shell/windowmanager.h"
#include "storage/backup.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace vigil;
using vigil::test::TempDir;
using vigil::test::WindowFixture;

namespace {

void rename(Database &db, const QString &name)
{
    SiteProfile profile = *SiteRepository(db).load();
    profile.name = name;
    SiteRepository(db).save(profile);
}

// Lets queued work (a dialog's first read, the window manager's swap) run.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        test::flushDeletes();
    }
}

} // namespace

TEST_CASE("File > Back Up Now writes a checked copy, encrypted when asked", "[ui][backup]")
{
    WindowFixture f;
    f.trigger(QStringLiteral("actionBackupNow"));
    QPointer<BackupDialog> dialog = test::waitForDialog<BackupDialog>(f, QStringLiteral("backupDialog"));
    auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("backupPath"));
    // Offered in the backups folder beside the file, named after it.
    CHECK(QDir::fromNativeSeparators(path->text()).startsWith(f.dir.path(QStringLiteral("backups/site-"))));
    const QString plain = f.dir.path(QStringLiteral("manual.vigil"));
    path->setText(plain);
    test::screenshot(dialog, QStringLiteral("backup-dialog"));
    dialog->findChild<QPushButton *>(QStringLiteral("backupStart"))->click();
    settle();
    CHECK(dialog.isNull()); // closed once the copy was written
    REQUIRE(QFileInfo::exists(plain));
    CHECK(Database::verifyIntegrity(plain).isEmpty());
    CHECK(!isEncryptedBackup(plain));

    f.trigger(QStringLiteral("actionBackupNow"));
    dialog = test::waitForDialog<BackupDialog>(f, QStringLiteral("backupDialog"));
    path = dialog->findChild<QLineEdit *>(QStringLiteral("backupPath"));
    path->setText(f.dir.path(QStringLiteral("sealed.vigil")));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("backupStart"));
    dialog->findChild<QCheckBox *>(QStringLiteral("backupEncrypt"))->setChecked(true);
    CHECK(QDir::fromNativeSeparators(path->text()) == f.dir.path(QStringLiteral("sealed.vigil-backup")));
    CHECK(!start->isEnabled());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("backupPassphrase")), QStringLiteral("blue gate"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("backupPassphraseConfirm")), QStringLiteral("blue gale"));
    CHECK(!start->isEnabled());
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("backupProblem"))->text().contains(QStringLiteral("differ")));
    auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("backupPassphraseConfirm"));
    confirm->clear();
    QTest::keyClicks(confirm, QStringLiteral("blue gate"));
    REQUIRE(start->isEnabled());
    test::screenshot(dialog, QStringLiteral("backup-dialog-encrypted"));
    start->click();
    settle();
    CHECK(dialog.isNull());
    const QString sealed = f.dir.path(QStringLiteral("sealed.vigil-backup"));
    REQUIRE(QFileInfo::exists(sealed));
    CHECK(isEncryptedBackup(sealed));
    CHECK(stageRestore(sealed, f.dir.path(QStringLiteral("check/site.vigil")), "blue gate").facts.siteName
        == QStringLiteral("Harbour Cold Store"));
}

TEST_CASE("File > Restore from Backup shows the backup, asks, and reopens on the restored file", "[ui][backup]")
{
    Settings::instance().clear();
    dialogs::setTestMode(true);
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    const QString backup = dir.path(QStringLiteral("backups/site-2026-03-14.vigil"));
    {
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Ridge Quarry");
        SiteRepository(*db).save(profile);
        writeBackup(path, backup);
    }
    WindowManager manager;
    QPointer<MainWindow> window = manager.start({path, false, false});
    REQUIRE(window);
    rename(window->database(), QStringLiteral("Ridge Quarry (renamed)"));

    dialogs::setNextFileName(backup);
    window->findChild<QAction *>(QStringLiteral("actionRestore"))->trigger();
    settle();
    auto *dialog = window->findChild<RestoreDialog *>(QStringLiteral("restoreDialog"));
    REQUIRE(dialog);
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("restoreSite"))->text() == QStringLiteral("Ridge Quarry"));
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("restoreIncidents"))->text() == QStringLiteral("0"));
    CHECK(!dialog->findChild<QLabel *>(QStringLiteral("restoreTaken"))->text().isEmpty());
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("restoreAttachments"))->text()
        == QStringLiteral("0, each matching its SHA-256"));
    test::screenshot(dialog, QStringLiteral("restore-dialog"));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("restoreStart"));
    REQUIRE(start->isEnabled());

    SECTION("declined")
    {
        dialogs::setNextAnswer(QMessageBox::No);
        start->click();
        settle();
        CHECK(manager.window() == window.data());
        CHECK(SiteRepository(window->database()).load()->name == QStringLiteral("Ridge Quarry (renamed)"));
        dialog->reject();
        settle();
        CHECK(!QFileInfo::exists(path + QStringLiteral(".restoring")));
    }
    SECTION("confirmed")
    {
        dialogs::takeShownMessages();
        dialogs::setNextAnswer(QMessageBox::Yes);
        start->click();
        settle();
        CHECK(window.isNull());
        MainWindow *restored = manager.window();
        REQUIRE(restored);
        CHECK(SiteRepository(restored->database()).load()->name == QStringLiteral("Ridge Quarry"));
        const QStringList shown = dialogs::takeShownMessages();
        REQUIRE(!shown.isEmpty());
        CHECK(shown.last().contains(QStringLiteral("kept at")));
        QStringList aside = test::listDir(dir.root()).filter(QStringLiteral("site-before-restore-"));
        REQUIRE(aside.size() == 1);
        auto old = Database::open(dir.path(aside.first()), OpenMode::ReadOnly);
        CHECK(SiteRepository(*old).load()->name == QStringLiteral("Ridge Quarry (renamed)"));
        restored->close();
    }
    if (manager.window())
        manager.window()->close();
    test::flushDeletes();
}

TEST_CASE("Restoring an encrypted backup asks for its passphrase and says when it is wrong", "[ui][backup]")
{
    WindowFixture f;
    const QString sealed = f.dir.path(QStringLiteral("sealed.vigil-backup"));
    BackupOptions options;
    options.passphrase = "north fence";
    writeBackup(f.path, sealed, options);

    dialogs::setNextFileName(sealed);
    f.trigger(QStringLiteral("actionRestore"));
    settle();
    auto *dialog = test::waitForDialog<RestoreDialog>(f, QStringLiteral("restoreDialog"));
    auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("restorePassphrase"));
    auto *read = dialog->findChild<QPushButton *>(QStringLiteral("restoreRead"));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("restoreStart"));
    CHECK(passphrase->isVisible());
    CHECK(!start->isEnabled());
    QTest::keyClicks(passphrase, QStringLiteral("south fence"));
    read->click();
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("restoreProblem"));
    CHECK(problem->isVisible());
    CHECK(problem->text().contains(QStringLiteral("passphrase is wrong")));
    CHECK(!start->isEnabled());
    passphrase->clear();
    QTest::keyClicks(passphrase, QStringLiteral("north fence"));
    read->click();
    CHECK(!problem->isVisible());
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("restoreSite"))->text() == QStringLiteral("Harbour Cold Store"));
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("restoreTaken"))->text().contains(QStringLiteral("encrypted")));
    CHECK(start->isEnabled());
    test::screenshot(dialog, QStringLiteral("restore-dialog-encrypted"));
    dialog->reject();
    settle();
    CHECK(!QFileInfo::exists(f.path + QStringLiteral(".restoring")));
}

TEST_CASE("Backup Settings choose the folder and how many copies are kept; the daily backup follows them",
    "[ui][backup]")
{
    WindowFixture f;
    f.trigger(QStringLiteral("actionBackupSettings"));
    auto *dialog = test::waitForDialog<BackupSettingsDialog>(f, QStringLiteral("backupSettingsDialog"));
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("backupFolderResolved"))->text().contains(
        QDir::toNativeSeparators(f.dir.path(QStringLiteral("backups")))));
    dialog->findChild<QLineEdit *>(QStringLiteral("backupFolder"))->setText(QStringLiteral("vault"));
    dialog->findChild<QSpinBox *>(QStringLiteral("backupDaily"))->setValue(3);
    dialog->findChild<QSpinBox *>(QStringLiteral("backupMonthly"))->setValue(2);
    test::screenshot(dialog, QStringLiteral("backup-settings"));
    dialog->findChild<QPushButton *>(QStringLiteral("backupSettingsSave"))->click();
    settle();
    CHECK(backupPolicy().folder == QStringLiteral("vault"));
    CHECK(backupPolicy().daily == 3);
    CHECK(backupPolicy().monthly == 2);

    test::PinnedClock clock(QDateTime(QDate(2026, 11, 23), QTime(7, 0), Qt::UTC));
    QString written;
    QString error;
    bool finished = false;
    startDailyBackup(f.window, [&](const QString &w, const QString &e) {
        written = w;
        error = e;
        finished = true;
    });
    REQUIRE(QTest::qWaitFor([&] { return finished; }, 20000));
    CHECK(error.isEmpty());
    CHECK(written == f.dir.path(QStringLiteral("vault/site-2026-11-23.vigil")));
    // The second start of the day writes nothing.
    finished = false;
    startDailyBackup(f.window, [&](const QString &w, const QString &) {
        written = w;
        finished = true;
    });
    REQUIRE(QTest::qWaitFor([&] { return finished; }, 20000));
    CHECK(written.isEmpty());
    waitForBackgroundWork();
}

TEST_CASE("The window backs the file up on its first start of the day, after the integrity check", "[ui][backup]")
{
    Settings::instance().clear();
    dialogs::setTestMode(true);
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Ridge Quarry");
        SiteRepository(*db).save(profile);
    }
    test::PinnedClock clock(QDateTime(QDate(2026, 11, 23), QTime(7, 0), Qt::UTC));
    const QString today = dir.path(QStringLiteral("backups/site-2026-11-23.vigil"));
    const bool automatic = GENERATE(true, false);
    Settings::instance().setValue(Settings::Key::BackupAutomatic, automatic);
    {
        WindowManager manager;
        MainWindow *window = manager.start({path, false, true});
        REQUIRE(window);
        bool checked = false;
        QObject::connect(window, &MainWindow::integrityChecked, window, [&] { checked = true; });
        REQUIRE(QTest::qWaitFor([&] { return checked; }, 20000));
        waitForBackgroundWork();
        QCoreApplication::processEvents();
        CHECK(QFileInfo::exists(today) == automatic);
        window->close();
        test::flushDeletes();
    }
    if (automatic)
        CHECK(Database::verifyIntegrity(today).isEmpty());
    else
        CHECK(!QFileInfo::exists(dir.path(QStringLiteral("backups"))));
}
