#include "ui/uitestsupport.h"

#include "base/version.h"
#include "site/siteprofiledialog.h"

#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::WindowFixture;

TEST_CASE("The main window opens on a site file showing the site and the file", "[ui][shell]")
{
    WindowFixture f;
    CHECK(f.window->windowTitle().contains(QStringLiteral("Harbour Cold Store")));
    CHECK(f.find<QLabel>(QStringLiteral("statusSite"))->text() == QStringLiteral("Harbour Cold Store"));
    CHECK(f.find<QLabel>(QStringLiteral("statusPath"))->text() == QDir::toNativeSeparators(f.path));
    CHECK(f.window->currentModuleId() == QStringLiteral("overview"));
    CHECK(f.find<QLabel>(QStringLiteral("overviewSiteName"))->text() == QStringLiteral("Harbour Cold Store"));
    CHECK(f.find<QLabel>(QStringLiteral("overviewSiteAddress"))->text().contains(QStringLiteral("Port of Tilbury")));
    // The file's creation shows as the latest activity, filled in just after the first paint.
    auto *activity = f.find<QTreeWidget>(QStringLiteral("recentActivity"));
    REQUIRE(QTest::qWaitFor([activity] { return activity->topLevelItemCount() >= 1; }, 2000));
    CHECK(activity->topLevelItem(0)->text(2).contains(QStringLiteral("Site profile")));
    test::screenshot(f.window, QStringLiteral("overview"));
}

TEST_CASE("The navigation bar and Ctrl+number switch modules", "[ui][shell]")
{
    WindowFixture f;
    auto *navigation = f.find<QListWidget>(QStringLiteral("navigation"));
    auto *stack = f.find<QStackedWidget>(QStringLiteral("moduleStack"));
    REQUIRE(navigation->count() == f.window->modules().size());
    REQUIRE(navigation->count() >= 2);

    // Click each entry in turn; its page shows.
    for (int row = 0; row < navigation->count(); ++row) {
        const QString id = navigation->item(row)->data(Qt::UserRole).toString();
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(navigation->item(row)).center());
        CHECK(f.window->currentModuleId() == id);
        CHECK(stack->currentWidget() == f.window->moduleWidget(id));
        CHECK(f.window->moduleWidget(id)->isVisible());
        test::screenshot(f.window, QStringLiteral("module-") + id);
    }
    CHECK(f.find(QStringLiteral("sitePage"))->isVisible());

    // Keyboard: Ctrl+1 back to the overview, Ctrl+N to the n-th module.
    QTest::keyClick(f.window, Qt::Key_1, Qt::ControlModifier);
    CHECK(f.window->currentModuleId() == QStringLiteral("overview"));
    CHECK(navigation->currentRow() == 0);
    QTest::keyClick(f.window, Qt::Key_2, Qt::ControlModifier);
    CHECK(f.window->currentModuleId() == navigation->item(1)->data(Qt::UserRole).toString());
    CHECK(navigation->currentRow() == 1);
    CHECK(f.find<QAction>(QStringLiteral("goto_%1").arg(f.window->currentModuleId()))->isChecked());
}

TEST_CASE("Window geometry and the last module survive a restart", "[ui][shell]")
{
    WindowFixture f;
    f.window->setGeometry(60, 80, 1100, 700);
    f.window->showModule(QStringLiteral("site"));
    QCoreApplication::processEvents();
    const QSize size = f.window->size();
    f.reopen();
    CHECK(f.window->size() == size);
    CHECK(f.window->currentModuleId() == QStringLiteral("site"));
}

TEST_CASE("A new site file asks for the site profile and shows it once saved", "[ui][shell]")
{
    WindowFixture f(false, true);
    QCoreApplication::processEvents();
    auto *dialog = f.window->findChild<SiteProfileDialog *>(QStringLiteral("siteProfileDialog"));
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveSiteProfile"));
    CHECK_FALSE(save->isEnabled()); // a name is required
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("siteName")), QStringLiteral("Ridge Quarry"));
    CHECK(save->isEnabled());
    test::screenshot(dialog, QStringLiteral("new-site-dialog"));
    save->click();
    QCoreApplication::processEvents();

    CHECK(f.window->windowTitle().contains(QStringLiteral("Ridge Quarry")));
    CHECK(f.find<QLabel>(QStringLiteral("overviewSiteName"))->text() == QStringLiteral("Ridge Quarry"));
    CHECK(SiteRepository(f.window->database()).load()->name == QStringLiteral("Ridge Quarry"));
    CHECK(f.window->undoStack().count() == 0); // nothing to go back to
}

TEST_CASE("A site without a profile says so on the Overview and leads to the Site page", "[ui][shell]")
{
    WindowFixture f(false, false);
    auto *attention = f.find<QTreeWidget>(QStringLiteral("attentionList"));
    REQUIRE(attention->topLevelItemCount() == 1);
    QTreeWidgetItem *item = attention->topLevelItem(0);
    CHECK(item->text(0).contains(QStringLiteral("site profile is not filled in")));
    // With the keyboard: focus the list, Enter on the item.
    attention->setFocus();
    attention->setCurrentItem(item);
    QTest::keyClick(attention, Qt::Key_Return);
    CHECK(f.window->currentModuleId() == QStringLiteral("site"));
}

TEST_CASE("Nothing needs attention on a complete site", "[ui][shell]")
{
    WindowFixture f;
    auto *attention = f.find<QTreeWidget>(QStringLiteral("attentionList"));
    REQUIRE(attention->topLevelItemCount() == 1);
    CHECK(attention->topLevelItem(0)->text(0) == QStringLiteral("Nothing needs attention today."));
}

TEST_CASE("Help > About names the version, Qt and SQLite", "[ui][shell]")
{
    WindowFixture f;
    f.trigger(QStringLiteral("actionAbout"));
    auto *about = f.window->findChild<QDialog *>(QStringLiteral("aboutDialog"));
    REQUIRE(about);
    CHECK(about->findChild<QLabel *>(QStringLiteral("aboutTitle"))->text().contains(QStringLiteral(VIGIL_VERSION)));
    const QString details = about->findChild<QWidget *>(QStringLiteral("aboutVersion"))->property("plainText").toString();
    CHECK(details.contains(QString::fromLatin1(qVersion())));
    CHECK(details.contains(Database::sqliteVersion()));
    const QString credits = about->findChild<QWidget *>(QStringLiteral("aboutCredits"))->property("plainText").toString();
    CHECK(credits.contains(QStringLiteral("ENISA threat taxonomy")));
    about->close();
}

TEST_CASE("Every action a user looks for has a shortcut", "[ui][shell]")
{
    WindowFixture f;
    for (const char *name : {"actionNewFile", "actionOpen", "actionQuit", "actionUndo", "actionRedo",
             "actionFullScreen", "goto_overview", "goto_site", "actionBackupNow"}) {
        INFO(name);
        CHECK(!f.find<QAction>(QString::fromLatin1(name))->shortcut().isEmpty());
    }
}
