#pragma once

#include "shell/dialogs.h"
#include "shell/mainwindow.h"
#include "shell/settings.h"
#include "site/siteprofile.h"
#include "storage/database.h"
#include "support/testsupport.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QTest>

#include <catch2/catch.hpp>

namespace vigil::test {

// Saves what the test sees when VIGIL_SCREENSHOT_DIR is set, to look at pages as a user would.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

inline void flushDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

// A main window on a fresh temporary site file, as the user sees it after start-up.
class WindowFixture
{
public:
    explicit WindowFixture(bool withProfile = true, bool askForProfile = false)
    {
        Settings::instance().clear();
        dialogs::setTestMode(true);
        path = dir.path(QStringLiteral("site.vigil"));
        auto db = Database::create(path);
        if (withProfile) {
            SiteProfile profile;
            profile.name = QStringLiteral("Harbour Cold Store");
            profile.address = QStringLiteral("Quay 4\nPort of Tilbury");
            SiteRepository(*db).save(profile);
        }
        open(std::move(db), askForProfile);
    }

    ~WindowFixture()
    {
        if (window)
            window->close();
        flushDeletes();
    }

    void open(std::unique_ptr<Database> db, bool askForProfile = false)
    {
        MainWindowOptions options;
        options.interactive = askForProfile;
        window = new MainWindow(std::move(db), options);
        window->show();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window));
        QCoreApplication::processEvents();
    }

    // Gives the main window back the focus after a dialog, as a desktop's window manager does
    // (the offscreen platform does not).
    void activate()
    {
        QCoreApplication::processEvents();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window));
    }

    // Closes the window (saving its state, releasing the file) and opens a new one on the file.
    void reopen()
    {
        window->close();
        flushDeletes();
        REQUIRE(window.isNull());
        open(Database::open(path));
    }

    template<typename T = QWidget>
    T *find(const QString &objectName) const
    {
        T *child = window->findChild<T *>(objectName);
        INFO("looking for " << objectName.toStdString());
        REQUIRE(child);
        return child;
    }

    void trigger(const QString &actionName) const { find<QAction>(actionName)->trigger(); }

    TempDir dir;
    QString path;
    QPointer<MainWindow> window;
};

// The dialog a window opened (with open(), so the test goes on) once it is on screen.
template<typename T>
T *waitForDialog(WindowFixture &f, const QString &name)
{
    QCoreApplication::processEvents();
    T *dialog = f.window->findChild<T *>(name);
    INFO("dialog " << name.toStdString());
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    return dialog;
}

} // namespace vigil::test
