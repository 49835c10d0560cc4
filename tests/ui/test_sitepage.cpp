#include "ui/uitestsupport.h"

#include "storage/query.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::WindowFixture;

namespace {

void retypeName(WindowFixture &f, const QString &name)
{
    auto *edit = f.find<QLineEdit>(QStringLiteral("siteName"));
    QTest::mouseClick(edit, Qt::LeftButton);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, name);
}

QString savedName(WindowFixture &f)
{
    return SiteRepository(f.window->database()).load()->name;
}

} // namespace

TEST_CASE("Editing the site profile is saved with Ctrl+S and undone with Ctrl+Z", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    auto *save = f.find<QPushButton>(QStringLiteral("saveSite"));
    CHECK_FALSE(save->isEnabled());

    retypeName(f, QStringLiteral("Harbour Cold Store North"));
    CHECK(save->isEnabled());
    QTest::keyClick(f.find(QStringLiteral("siteName")), Qt::Key_S, Qt::ControlModifier);
    CHECK(savedName(f) == QStringLiteral("Harbour Cold Store North"));
    CHECK_FALSE(save->isEnabled());
    CHECK(f.window->windowTitle().contains(QStringLiteral("Harbour Cold Store North")));
    CHECK(f.window->undoStack().count() == 1);

    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(savedName(f) == QStringLiteral("Harbour Cold Store"));
    CHECK(f.find<QLineEdit>(QStringLiteral("siteName"))->text() == QStringLiteral("Harbour Cold Store"));
    CHECK(f.window->windowTitle() == QStringLiteral("Harbour Cold Store – Vigil"));

    f.trigger(QStringLiteral("actionRedo"));
    CHECK(savedName(f) == QStringLiteral("Harbour Cold Store North"));
    CHECK(f.find<QLineEdit>(QStringLiteral("siteName"))->text() == QStringLiteral("Harbour Cold Store North"));
}

TEST_CASE("A missing site name is shown beside the field and cannot be saved", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    retypeName(f, QString());
    CHECK(f.find<QLabel>(QStringLiteral("siteNameProblem"))->isVisible());
    CHECK_FALSE(f.find<QPushButton>(QStringLiteral("saveSite"))->isEnabled());
    test::screenshot(f.window, QStringLiteral("site-name-missing"));
    f.find<QPushButton>(QStringLiteral("discardSite"))->click();
    CHECK(f.find<QLineEdit>(QStringLiteral("siteName"))->text() == QStringLiteral("Harbour Cold Store"));
    CHECK_FALSE(f.find<QLabel>(QStringLiteral("siteNameProblem"))->isVisible());
}

TEST_CASE("A logo can be chosen, is shown, saved and removed", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    const QString picture = f.dir.path(QStringLiteral("logo.png"));
    QImage image(1200, 600, QImage::Format_RGB32);
    image.fill(Qt::darkBlue);
    REQUIRE(image.save(picture));

    dialogs::setNextFileName(picture);
    f.find<QPushButton>(QStringLiteral("chooseLogo"))->click();
    CHECK(!f.find<QLabel>(QStringLiteral("siteLogo"))->pixmap().isNull());
    f.find<QPushButton>(QStringLiteral("saveSite"))->click();
    const QImage stored = QImage::fromData(SiteRepository(f.window->database()).load()->logoPng);
    CHECK(stored.size() == QSize(512, 256)); // scaled down to fit 512 pixels

    f.find<QPushButton>(QStringLiteral("removeLogo"))->click();
    f.find<QPushButton>(QStringLiteral("saveSite"))->click();
    CHECK(SiteRepository(f.window->database()).load()->logoPng.isEmpty());

    // A file that is not an image is refused beside the field.
    const QString text = f.dir.path(QStringLiteral("notes.png"));
    test::writeFile(text, "not a picture");
    dialogs::setNextFileName(text);
    f.find<QPushButton>(QStringLiteral("chooseLogo"))->click();
    CHECK(f.find<QLabel>(QStringLiteral("siteLogoProblem"))->isVisible());
}

TEST_CASE("A save that the disk refuses tells the user and changes nothing", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    dialogs::takeShownMessages();
    // The disk is full: SQLite may not grow the file any more.
    Database &db = f.window->database();
    execute(db, QStringLiteral("PRAGMA max_page_count = %1").arg(scalar(db, QStringLiteral("PRAGMA page_count")).toInt()));
    auto *address = f.find<QWidget>(QStringLiteral("siteAddress"));
    address->setProperty("plainText", QString(200000, u'x'));
    f.find<QPushButton>(QStringLiteral("saveSite"))->click();

    const QStringList messages = dialogs::takeShownMessages();
    REQUIRE(messages.size() == 1);
    CHECK(messages.at(0).contains(QStringLiteral("disk is full")));
    CHECK(f.window->undoStack().count() == 0);
    CHECK(SiteRepository(db).load()->address == QStringLiteral("Quay 4\nPort of Tilbury"));
    // The window keeps working, and the edit is still there to retry.
    CHECK(f.find<QPushButton>(QStringLiteral("saveSite"))->isEnabled());
}

TEST_CASE("Closing with unsaved site edits asks; Cancel keeps the window and the edits", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    retypeName(f, QStringLiteral("Renamed Site"));
    dialogs::takeShownMessages();

    dialogs::setNextAnswer(QMessageBox::Cancel);
    CHECK_FALSE(f.window->close());
    CHECK(dialogs::takeShownMessages().value(0).contains(QStringLiteral("not saved")));
    CHECK(f.find<QLineEdit>(QStringLiteral("siteName"))->text() == QStringLiteral("Renamed Site"));

    dialogs::setNextAnswer(QMessageBox::Save);
    CHECK(f.window->close());
    test::flushDeletes();
    auto db = Database::open(f.path);
    CHECK(SiteRepository(*db).load()->name == QStringLiteral("Renamed Site"));
}

TEST_CASE("An undo the file refuses says so and clears the history", "[ui][site]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    retypeName(f, QStringLiteral("Renamed Site"));
    f.find<QPushButton>(QStringLiteral("saveSite"))->click();
    REQUIRE(f.window->undoStack().count() == 1);
    dialogs::takeShownMessages();

    // The file stops taking writes before the user presses Ctrl+Z.
    Database &db = f.window->database();
    execute(db, QStringLiteral("PRAGMA query_only = ON"));
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    const QStringList messages = dialogs::takeShownMessages();
    REQUIRE(messages.size() == 1);
    CHECK(messages.at(0).contains(QStringLiteral("undo history was cleared")));
    CHECK(f.window->undoStack().count() == 0);
    CHECK(savedName(f) == QStringLiteral("Renamed Site"));
}

TEST_CASE("The site profile's History tab lists each saved change, newest first", "[ui][site][audit]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("site"));
    retypeName(f, QStringLiteral("Harbour Cold Store North"));
    f.find<QPushButton>(QStringLiteral("saveSite"))->click();
    auto *tabs = f.find<QTabWidget>(QStringLiteral("siteTabs"));
    tabs->setCurrentWidget(f.find(QStringLiteral("siteHistory")));
    auto *history = f.find(QStringLiteral("siteHistory"))->findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    REQUIRE(history);
    REQUIRE(history->topLevelItemCount() >= 2);
    QTreeWidgetItem *rename = history->topLevelItem(0);
    CHECK(rename->text(2) == QStringLiteral("Changed"));
    REQUIRE(rename->childCount() == 1);
    CHECK(rename->child(0)->text(2) == QStringLiteral("Site name"));
    CHECK(rename->child(0)->text(3) == QStringLiteral("Harbour Cold Store"));
    CHECK(rename->child(0)->text(4) == QStringLiteral("Harbour Cold Store North"));
    test::screenshot(f.window, QStringLiteral("site-history"));
}
