#include "ui/uitestsupport.h"

#include "shell/windowmanager.h"
#include "site/siteprofiledialog.h"

#include <QFileInfo>

using namespace vigil;
using vigil::test::TempDir;

namespace {

QString makeSite(const TempDir &dir, const QString &name, const QString &siteName)
{
    const QString path = dir.path(name);
    auto db = Database::create(path);
    SiteProfile profile;
    profile.name = siteName;
    SiteRepository(*db).save(profile);
    return path;
}

struct Manager
{
    WindowManager manager;
    ~Manager()
    {
        if (manager.window())
            manager.window()->close();
        test::flushDeletes();
    }
};

} // namespace

TEST_CASE("Starting on a missing file asks, then creates it and asks for the site profile", "[ui][files]")
{
    Settings::instance().clear();
    dialogs::setTestMode(true);
    TempDir dir;
    Manager m;
    const QString path = dir.path(QStringLiteral("new-site.vigil"));
    dialogs::setNextAnswer(QMessageBox::Yes);
    MainWindow *window = m.manager.start({path, false, true});
    REQUIRE(window);
    CHECK(dialogs::takeShownMessages().at(0).contains(QStringLiteral("does not exist")));
    CHECK(QFileInfo::exists(path));
    QCoreApplication::processEvents();
    CHECK(window->findChild<SiteProfileDialog *>(QStringLiteral("siteProfileDialog")));
    CHECK(Settings::instance().recentFiles().value(0) == QFileInfo(path).absoluteFilePath());
}

TEST_CASE("Declining to create a missing file opens nothing and writes nothing", "[ui][files]")
{
    dialogs::setTestMode(true);
    TempDir dir;
    Manager m;
    dialogs::setNextAnswer(QMessageBox::No);
    CHECK(m.manager.start({dir.path(QStringLiteral("typo.vigil")), false, true}) == nullptr);
    CHECK(test::listDir(dir.root()).isEmpty());
}

TEST_CASE("A refused file at start-up offers another, and the user can give up", "[ui][files]")
{
    dialogs::setTestMode(true);
    TempDir dir;
    const QString good = makeSite(dir, QStringLiteral("good.vigil"), QStringLiteral("Ridge Quarry"));
    test::writeFile(dir.path(QStringLiteral("notes.vigil")), "shopping list");

    SECTION("give up")
    {
        Manager m;
        dialogs::setNextAnswer(QMessageBox::Close);
        CHECK(m.manager.start({dir.path(QStringLiteral("notes.vigil")), false, true}) == nullptr);
        CHECK(dialogs::takeShownMessages().at(0).contains(QStringLiteral("not a Vigil site file")));
    }
    SECTION("open another")
    {
        Manager m;
        dialogs::setNextAnswer(QMessageBox::Open);
        dialogs::setNextFileName(good);
        MainWindow *window = m.manager.start({dir.path(QStringLiteral("notes.vigil")), false, true});
        REQUIRE(window);
        CHECK(window->database().path() == QFileInfo(good).absoluteFilePath());
    }
    CHECK(test::readFile(dir.path(QStringLiteral("notes.vigil"))) == QByteArray("shopping list"));
}

TEST_CASE("File > Open replaces the window and releases the first file", "[ui][files]")
{
    Settings::instance().clear();
    dialogs::setTestMode(true);
    TempDir dir;
    const QString first = makeSite(dir, QStringLiteral("first.vigil"), QStringLiteral("Ridge Quarry"));
    const QString second = makeSite(dir, QStringLiteral("second.vigil"), QStringLiteral("Harbour Cold Store"));
    test::writeFile(dir.path(QStringLiteral("photo.vigil")), QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x'));
    Manager m;
    QPointer<MainWindow> window = m.manager.start({first, false, false});
    REQUIRE(window);

    // A bad file: the user is told, and keeps working on the first file.
    dialogs::setNextFileName(dir.path(QStringLiteral("photo.vigil")));
    window->findChild<QAction *>(QStringLiteral("actionOpen"))->trigger();
    CHECK(dialogs::takeShownMessages().value(0).contains(QStringLiteral("not a Vigil site file")));
    CHECK(m.manager.window() == window);

    dialogs::setNextFileName(second);
    window->findChild<QAction *>(QStringLiteral("actionOpen"))->trigger();
    test::flushDeletes();
    CHECK(window.isNull());
    REQUIRE(m.manager.window());
    CHECK(m.manager.window()->windowTitle().contains(QStringLiteral("Harbour Cold Store")));
    // The first file is free again.
    CHECK_NOTHROW(Database::open(first));
    CHECK(Settings::instance().recentFiles().mid(0, 2)
        == (QStringList {QFileInfo(second).absoluteFilePath(), QFileInfo(first).absoluteFilePath()}));
}

TEST_CASE("File > New Site File creates a file, never over an existing one", "[ui][files]")
{
    dialogs::setTestMode(true);
    TempDir dir;
    const QString first = makeSite(dir, QStringLiteral("first.vigil"), QStringLiteral("Ridge Quarry"));
    Manager m;
    QPointer<MainWindow> window = m.manager.start({first, false, false});
    REQUIRE(window);

    dialogs::setNextFileName(first);
    window->findChild<QAction *>(QStringLiteral("actionNewFile"))->trigger();
    CHECK(dialogs::takeShownMessages().value(0).contains(QStringLiteral("will not overwrite")));
    CHECK(m.manager.window() == window);

    dialogs::setNextFileName(dir.path(QStringLiteral("annex"))); // the extension is added
    window->findChild<QAction *>(QStringLiteral("actionNewFile"))->trigger();
    test::flushDeletes();
    REQUIRE(m.manager.window());
    CHECK(m.manager.window()->database().path() == dir.path(QStringLiteral("annex.vigil")));
    QCoreApplication::processEvents();
    CHECK(m.manager.window()->findChild<SiteProfileDialog *>(QStringLiteral("siteProfileDialog")));
}
