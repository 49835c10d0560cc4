#include "windowmanager.h"

#include "backup/backupsettings.h"
#include "shell/dialogs.h"
#include "shell/firstpaint.h"
#include "shell/integritycheck.h"
#include "shell/mainwindow.h"
#include "shell/settings.h"
#include "storage/backup.h"
#include "storage/database.h"

#include <QApplication>

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <memory>

namespace vigil {

WindowManager::WindowManager(QObject *parent)
    : QObject(parent)
{
}

MainWindow *WindowManager::window() const
{
    return m_window;
}

std::unique_ptr<Database> WindowManager::openOrCreate(const QString &path, bool create)
{
    // The full integrity check runs beside the window (showWindow), so a large file paints at once.
    OpenOptions options;
    options.deferIntegrityCheck = true;
    options.backupFolder = backupPolicy().folder;
    std::unique_ptr<Database> db = create ? Database::create(path) : Database::open(path, OpenMode::ReadWrite, options);
    db->setActor(Settings::instance().value(Settings::Key::UserName).toString());
    Settings::instance().addRecentFile(db->path());
    return db;
}

MainWindow *WindowManager::start(const StartOptions &options)
{
    m_interactive = options.interactive;
    QString path = options.path;
    bool isDefault = options.isDefaultPath;
    for (;;) {
        try {
            const bool missing = !QFileInfo::exists(path);
            // Without a person to ask (--quit-after-startup), nothing is created.
            if (missing && !options.interactive)
                throw Error(tr("'%1' does not exist; Vigil creates a site file only when asked to.")
                                .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
            if (missing && options.interactive && !isDefault) {
                const auto answer = dialogs::question(nullptr, tr("Vigil"),
                    tr("'%1' does not exist. Create a new site file there?").arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
                if (answer != QMessageBox::Yes)
                    return nullptr;
            }
            return showWindow(openOrCreate(path, missing), nullptr);
        } catch (const Error &e) {
            if (!options.interactive)
                throw;
            const auto answer = dialogs::question(nullptr, tr("Vigil"),
                tr("%1\n\nOpen another site file?").arg(e.message()), QMessageBox::Open | QMessageBox::Close,
                QMessageBox::Open);
            if (answer != QMessageBox::Open)
                return nullptr;
            path = dialogs::openFileName(nullptr, tr("Open Site File"), QFileInfo(path).absolutePath(),
                tr("Vigil site files (*.vigil);;All files (*)"));
            if (path.isEmpty())
                return nullptr;
            isDefault = false;
        }
    }
}

MainWindow *WindowManager::showWindow(std::unique_ptr<Database> db, MainWindow *replacing)
{
    if (replacing)
        replacing->close(); // saves its geometry, so the new window takes the same place
    MainWindowOptions windowOptions;
    windowOptions.interactive = m_interactive;
    auto *window = new MainWindow(std::move(db), windowOptions);
    connect(window, &MainWindow::openRequested, this,
        [this, window](const QString &path) { openFrom(window, path, false); });
    connect(window, &MainWindow::newRequested, this,
        [this, window](const QString &path) { openFrom(window, path, true); });
    connect(window, &MainWindow::restoreRequested, this, [this, window](const QString &stagedPath) {
        // Out of the window's own call stack: the window goes away here.
        QTimer::singleShot(0, this, [this, from = QPointer<MainWindow>(window), stagedPath] {
            if (from)
                restoreInto(from, stagedPath);
        });
    });
    m_window = window;
    window->show();
    // The full check reads the whole file on a second thread. It starts once the window has
    // painted: started at once, it competed for the processor with the first paint (on two
    // cores: this thread, the display server and the check) and slowed it on a decade file. A
    // window that is never painted (minimised at start) is checked after a second all the same.
    auto started = std::make_shared<bool>(false);
    auto verify = [this, window, started] {
        if (*started)
            return;
        *started = true;
        verifyIntegrityInBackground(window, window->database().path(), [this, window](const QString &problem) {
            if (!problem.isEmpty())
                window->refuseDamagedFile(problem);
            else
                backUpToday(window); // after the check: never a backup of a damaged file
            emit window->integrityChecked(problem);
        });
    };
    whenFirstPainted(window, verify);
    QTimer::singleShot(1000, window, verify);
    return window;
}

void WindowManager::openFrom(MainWindow *from, const QString &path, bool create)
{
    if (!create && QFileInfo(path).absoluteFilePath() == from->database().path())
        return;
    if (!from->confirmClose())
        return;
    try {
        std::unique_ptr<Database> db = openOrCreate(path, create);
        m_interactive = true; // a file opened from the menu is opened by a person
        showWindow(std::move(db), from);
    } catch (const Error &e) {
        from->showError(e.message());
    }
}

} // namespace vigil

namespace vigil {

void WindowManager::backUpToday(MainWindow *window)
{
    // The window's first start of the day, by a person (not --quit-after-startup).
    if (!m_interactive || !automaticBackups())
        return;
    startDailyBackup(window, [window](const QString &written, const QString &error) {
        if (!error.isEmpty())
            window->showError(tr("Today's automatic backup could not be written: %1").arg(error));
        else if (!written.isEmpty())
            window->showStatus(tr("Today's backup is written and checked: %1").arg(QDir::toNativeSeparators(written)));
    });
}

void WindowManager::restoreInto(MainWindow *from, const QString &stagedPath)
{
    const QString path = from->database().path();
    StagedRestore staged;
    staged.stagedPath = stagedPath;
    staged.databasePath = path;
    if (!from->confirmClose()) {
        discardRestore(staged);
        return;
    }
    // Closing the only window must not end the program before the restored file is shown.
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);
    from->close();
    delete from; // releases the file and its lock now
    QString aside;
    QString error;
    try {
        aside = completeRestore(staged);
    } catch (const Error &e) {
        error = e.message();
        discardRestore(staged);
    }
    MainWindow *window = nullptr;
    try {
        window = showWindow(openOrCreate(path, false), nullptr);
    } catch (const Error &e) {
        error = error.isEmpty() ? e.message() : error;
    }
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
    if (!window) {
        // The restored file does not open: say so, and offer another, as at start-up.
        dialogs::critical(nullptr, tr("Restore from Backup"), error);
        StartOptions options;
        options.path = aside.isEmpty() ? path : aside;
        options.interactive = m_interactive;
        if (!start(options))
            QCoreApplication::quit();
        return;
    }
    if (!error.isEmpty())
        dialogs::warning(window, tr("Restore from Backup"), error);
    else if (aside.isEmpty())
        dialogs::information(window, tr("Backup Restored"), tr("The backup was restored."));
    else
        dialogs::information(window, tr("Backup Restored"),
            tr("The backup was restored. The file as it was before is kept at %1.").arg(QDir::toNativeSeparators(aside)));
}

} // namespace vigil
