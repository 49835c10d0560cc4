#include "ui/uitestsupport.h"

#include "actions/actioneditor.h"
#include "actions/actionregistermodel.h"
#include "people/person.h"
#include "widgets/figuretile.h"
#include "actions/correctiveaction.h"
#include "base/images.h"
#include "core/incidenttestsupport.h"
#include "core/risktestsupport.h"
#include "incidents/attachmentsview.h"
#include "incidents/closedialog.h"
#include "incidents/incidentdialog.h"
#include "incidents/incidentlogmodel.h"
#include "incidents/quickentrydialog.h"
#include "storage/attachments.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QMenu>
#include <QToolButton>
#include <QDateTimeEdit>
#include <QPointer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::addArea;
using vigil::test::addPerson;
using vigil::test::makeIncident;
using vigil::test::WindowFixture;
using vigil::test::waitForDialog;

namespace {

QTableView *openLog(WindowFixture &f)
{
    f.window->showModule(QStringLiteral("incidents"));
    QCoreApplication::processEvents();
    return f.find<QTableView>(QStringLiteral("incidentTable"));
}

} // namespace

TEST_CASE("A guard logs an incident with the keyboard alone and finds it by search", "[ui][incidents]")
{
    WindowFixture f;
    addArea(f.window->database(), QStringLiteral("Gatehouse"));
    addArea(f.window->database(), QStringLiteral("Yard"));
    QTableView *table = openLog(f);

    QTest::keyClick(f.window, Qt::Key_N, Qt::ControlModifier);
    auto *dialog = waitForDialog<QuickEntryDialog>(f, QStringLiteral("quickEntryDialog"));
    // When is already now; the cursor waits in the category. Part of a name and Tab chooses it.
    auto *category = dialog->findChild<QComboBox *>(QStringLiteral("quickCategory"));
    const bool categoryFocused = category == QApplication::focusWidget() || category->isAncestorOf(QApplication::focusWidget());
    REQUIRE(categoryFocused);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("tailg"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    CHECK(category->currentText().endsWith(QStringLiteral("Tailgating")));
    // Area: type its first letter.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Y"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Turnstile 3"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("H")); // High
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Driver followed a contractor through turnstile 3 "
                                                                 "without badging; challenged and escorted out."));
    test::screenshot(dialog, QStringLiteral("quick-entry"));
    const QPointer<QuickEntryDialog> open(dialog); // deletes itself on close
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK((open.isNull() || !open->isVisible()));

    IncidentRepository incidents(f.window->database());
    REQUIRE(incidents.count({}) == 1);
    const Incident logged = incidents.load(incidents.ids({}, IncidentColumn::Reference, Qt::AscendingOrder).first());
    CHECK(logged.reference.startsWith(QStringLiteral("INC-")));
    CHECK(logged.subcategoryId == test::categoryId(f.window->database(), QStringLiteral("Tailgating")));
    CHECK(logged.severity == Severity::High);
    CHECK(logged.location == QStringLiteral("Turnstile 3"));
    CHECK(logged.areaId == AreaRepository(f.window->database()).findByName(QStringLiteral("Yard"))->id);

    // Search as you type finds it by a word of its description.
    f.activate();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(f.find(QStringLiteral("searchIncidents")), QStringLiteral("escort"));
    REQUIRE(QTest::qWaitFor([&] { return table->model()->rowCount() == 1; }, 5000));
    CHECK(table->model()->index(0, 0).data().toString() == logged.reference);
    QTest::keyClicks(f.find(QStringLiteral("searchIncidents")), QStringLiteral(" nothingmatches"));
    REQUIRE(QTest::qWaitFor([&] { return table->model()->rowCount() == 0; }, 5000));
    test::screenshot(f.window, QStringLiteral("incidents-log"));
}

TEST_CASE("Quick entry starts where the last incident was and says what is missing", "[ui][incidents]")
{
    WindowFixture f;
    const qint64 yard = addArea(f.window->database(), QStringLiteral("Yard"));
    Incident previous = makeIncident(f.window->database(), QStringLiteral("Earlier"));
    previous.areaId = yard;
    previous.location = QStringLiteral("Trailer bay 7");
    IncidentRepository(f.window->database()).create(previous);
    openLog(f);
    f.trigger(QStringLiteral("actionLogIncident"));
    auto *dialog = waitForDialog<QuickEntryDialog>(f, QStringLiteral("quickEntryDialog"));
    CHECK(dialog->findChild<QComboBox *>(QStringLiteral("quickArea"))->currentData().toLongLong() == yard);
    CHECK(dialog->findChild<QLineEdit *>(QStringLiteral("quickLocation"))->text() == QStringLiteral("Trailer bay 7"));
    dialog->findChild<QPushButton *>(QStringLiteral("quickSave"))->click();
    CHECK(dialog->isVisible());
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("quickProblem"))->text().contains(QStringLiteral("category")));
    CHECK(IncidentRepository(f.window->database()).count({}) == 1);
    dialog->reject();
}

TEST_CASE("The incident view offers only legal moves; closing takes root cause, lessons and actions", "[ui][incidents]")
{
    WindowFixture f;
    Database &db = f.window->database();
    IncidentRepository incidents(db);
    const qint64 id = incidents.create(makeIncident(db, QStringLiteral("Pallet of phones missing from bay 12"))).id;
    QTableView *table = openLog(f);
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    auto *dialog = waitForDialog<IncidentDialog>(f, QStringLiteral("incidentDialog"));
    CHECK(dialog->findChild<QPushButton *>(QStringLiteral("moveTo_investigating")));
    CHECK_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("moveTo_reported")));
    test::screenshot(dialog, QStringLiteral("incident-view"));

    dialog->findChild<QPushButton *>(QStringLiteral("moveTo_investigating"))->click();
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).status == IncidentStatus::Investigating);
    // The buttons follow the status: no way back to Reported.
    CHECK_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("moveTo_investigating")));
    CHECK(dialog->findChild<QPushButton *>(QStringLiteral("moveTo_closed")));

    // A note in the timeline.
    auto *note = dialog->findChild<QPlainTextEdit *>(QStringLiteral("noteText"));
    note->setPlainText(QStringLiteral("CCTV shows the pallet leaving on trailer TR-88 at 02:14"));
    dialog->findChild<QPushButton *>(QStringLiteral("addNote"))->click();
    QCoreApplication::processEvents();
    CHECK(incidents.timeline(id).last().text.contains(QStringLiteral("TR-88")));

    dialog->findChild<QPushButton *>(QStringLiteral("moveTo_closed"))->click();
    auto *close = waitForDialog<CloseDialog>(f, QStringLiteral("closeDialog"));
    close->findChild<QPushButton *>(QStringLiteral("confirmClose"))->click();
    CHECK(close->isVisible()); // nothing given yet
    CHECK(close->findChild<QLabel *>(QStringLiteral("closeProblem"))->text().contains(QStringLiteral("root cause")));
    close->findChild<QPlainTextEdit *>(QStringLiteral("closeRootCause"))->setPlainText(QStringLiteral("Seal not checked at dispatch"));
    close->findChild<QPlainTextEdit *>(QStringLiteral("closeLessons"))->setPlainText(QStringLiteral("Seal numbers are logged at the gate"));
    close->findChild<QPushButton *>(QStringLiteral("closeAddAction"))->click();
    auto *actionsTable = close->findChild<QTableWidget *>(QStringLiteral("closeActions"));
    actionsTable->item(0, 0)->setText(QStringLiteral("Add seal check to the dispatch checklist"));
    test::screenshot(close, QStringLiteral("close-incident"));
    close->findChild<QPushButton *>(QStringLiteral("confirmClose"))->click();
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).status == IncidentStatus::Closed);
    const QList<CorrectiveAction> actions = ActionRepository(db).forIncident(id);
    REQUIRE(actions.size() == 1);
    CHECK(actions.at(0).dueDate.isValid());

    // Undo takes back the close and its action together.
    dialog->close();
    f.activate();
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).status == IncidentStatus::Investigating);
    CHECK(ActionRepository(db).forIncident(id).isEmpty());
}

TEST_CASE("Photos attach with a thumbnail; a file over 50 MB gets a clear message", "[ui][incidents][attachments]")
{
    WindowFixture f;
    Database &db = f.window->database();
    const qint64 id = IncidentRepository(db).create(makeIncident(db, QStringLiteral("Fence cut near the rail siding"))).id;
    IncidentDialog dialog(ModuleContext {db, f.window->undoStack(), *f.window}, id, f.window);
    dialog.show();
    QImage photo(800, 600, QImage::Format_RGB32);
    photo.fill(QColor(0x55, 0x77, 0x44));
    const QString photoPath = f.dir.path(QStringLiteral("fence.png"));
    REQUIRE(photo.save(photoPath));
    dialogs::setNextFileName(photoPath);
    dialog.findChild<QPushButton *>(QStringLiteral("addAttachment"))->click();
    QCoreApplication::processEvents();
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("attachmentList"));
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().startsWith(QStringLiteral("fence.png")));
    CHECK_FALSE(list->item(0)->icon().isNull());

    // Save a copy, byte for byte.
    list->setCurrentRow(0);
    const QString copy = f.dir.path(QStringLiteral("copy.png"));
    dialogs::setNextFileName(copy);
    dialog.findChild<QPushButton *>(QStringLiteral("saveAttachment"))->click();
    CHECK(test::readFile(copy) == test::readFile(photoPath));

    // A file over the limit is refused before it is read.
    const QString huge = f.dir.path(QStringLiteral("cctv-export.mp4"));
    {
        QFile file(huge);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.resize(maxAttachmentBytes + 1));
    }
    dialogs::takeShownMessages();
    dialogs::setNextFileName(huge);
    dialog.findChild<QPushButton *>(QStringLiteral("addAttachment"))->click();
    const QStringList messages = dialogs::takeShownMessages();
    REQUIRE(messages.size() == 1);
    CHECK(messages.at(0).contains(QStringLiteral("cctv-export.mp4")));
    CHECK(IncidentRepository(db).attachments(id).size() == 1);
    dialog.close();
}

TEST_CASE("Bad files and a full disk refuse an attachment with one message; the dialog keeps working", "[ui][incidents][attachments][fault]")
{
    WindowFixture f;
    Database &db = f.window->database();
    const qint64 id = IncidentRepository(db).create(makeIncident(db, QStringLiteral("Window broken at the stores"))).id;
    IncidentDialog dialog(ModuleContext {db, f.window->undoStack(), *f.window}, id, f.window);
    dialog.show();
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addAttachment"));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("attachmentList"));
    const auto refused = [&](const QString &path, const QString &expected) {
        INFO(path.toStdString());
        dialogs::takeShownMessages();
        dialogs::setNextFileName(path);
        add->click();
        QCoreApplication::processEvents();
        const QStringList messages = dialogs::takeShownMessages();
        REQUIRE(messages.size() == 1);
        CHECK(messages.at(0).contains(expected));
        CHECK(IncidentRepository(db).attachments(id).isEmpty());
        CHECK(list->count() == 0);
    };
    // Chosen, then gone before it was read (a USB stick pulled out); a folder.
    refused(f.dir.path(QStringLiteral("gone.jpg")), QStringLiteral("gone.jpg"));
    refused(f.dir.root(), QStringLiteral("cannot be read"));
    // The disk is full: SQLite may not grow the file any more.
    const QString photo = f.dir.path(QStringLiteral("stores.jpg"));
    test::writeFile(photo, QByteArray(3 * 1024 * 1024, 'j'));
    execute(db, QStringLiteral("PRAGMA max_page_count = %1").arg(scalar(db, QStringLiteral("PRAGMA page_count")).toInt()));
    refused(photo, QStringLiteral("disk is full"));
    CHECK(f.window->undoStack().count() == 0);
    execute(db, QStringLiteral("PRAGMA max_page_count = 1073741823"));

    // A file that says it is a picture but is not one is kept as a document, without a thumbnail.
    const QString fake = f.dir.path(QStringLiteral("broken.png"));
    test::writeFile(fake, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(5000, '\xff'));
    dialogs::setNextFileName(fake);
    add->click();
    QCoreApplication::processEvents();
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().startsWith(QStringLiteral("broken.png")));
    CHECK_FALSE(AttachmentStore(db).info(IncidentRepository(db).attachments(id).at(0).attachmentId).hasThumbnail);
    // And with room again, the photo the full disk refused goes in.
    dialogs::setNextFileName(photo);
    add->click();
    QCoreApplication::processEvents();
    CHECK(list->count() == 2);
    dialog.close();
    test::requireHealthy(db);
}

TEST_CASE("The log model passes Qt's model tester and reads pages from both ends", "[ui][incidents]")
{
    WindowFixture f;
    Database &db = f.window->database();
    {
        Transaction tx(db);
        IncidentRepository incidents(db);
        for (int i = 0; i < 600; ++i) {
            Incident incident = makeIncident(db, QStringLiteral("Alarm %1").arg(i), QStringLiteral("Alarm activation"));
            incident.occurredAt = incident.occurredAt.addSecs(-i * 600);
            incidents.create(incident);
        }
        tx.commit();
    }
    IncidentLogModel model(db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 600);
    // Newest first; the last row is the oldest, read from the far end.
    CHECK(model.rowAt(0)->occurredAt >= model.rowAt(1)->occurredAt);
    CHECK(model.rowAt(599)->occurredAt <= model.rowAt(598)->occurredAt);
    CHECK(model.cachedPages() <= 4);
    model.sort(int(IncidentColumn::Reference), Qt::AscendingOrder);
    CHECK(model.rowAt(0)->reference.endsWith(QStringLiteral("-0001")));
}

TEST_CASE("Corrective actions are tracked to verified closure in the Actions register", "[ui][actions]")
{
    WindowFixture f;
    Database &db = f.window->database();
    CorrectiveAction late;
    late.description = QStringLiteral("Repair the north fence");
    late.dueDate = Clock::current().today().addDays(-5);
    const qint64 id = ActionRepository(db).create(late).id;
    f.window->showModule(QStringLiteral("actions"));
    QCoreApplication::processEvents();
    auto *table = f.find<QTableView>(QStringLiteral("actionTable"));
    REQUIRE(table->model()->rowCount() == 1);
    const QModelIndex due = table->model()->index(0, int(ActionColumn::Due));
    CHECK(due.data(Qt::ForegroundRole).value<QBrush>().color() == QColor(0xc0, 0x1c, 0x28));
    test::screenshot(f.window, QStringLiteral("actions"));

    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    auto *editor = waitForDialog<ActionEditor>(f, QStringLiteral("actionEditor"));
    auto *status = editor->findChild<QComboBox *>(QStringLiteral("actionStatus"));
    status->setCurrentIndex(status->findData(int(ActionStatus::VerifiedEffective)));
    editor->findChild<QPushButton *>(QStringLiteral("saveAction"))->click();
    CHECK(editor->isVisible()); // how was it verified?
    editor->findChild<QPlainTextEdit *>(QStringLiteral("actionVerification"))->setPlainText(QStringLiteral("Walked the line: no gaps"));
    editor->findChild<QPushButton *>(QStringLiteral("saveAction"))->click();
    QCoreApplication::processEvents();
    CHECK(ActionRepository(db).load(id).status == ActionStatus::VerifiedEffective);
    CHECK(table->model()->rowCount() == 0); // outstanding only, by default
}

namespace {

int selectByText(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text, Qt::MatchContains);
    INFO("choice " << text.toStdString());
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
    QCoreApplication::processEvents();
    return index;
}

} // namespace

TEST_CASE("The log filters by every field, keeps saved filters and exports what it shows", "[ui][incidents]")
{
    WindowFixture f;
    Database &db = f.window->database();
    const qint64 yard = addArea(db, QStringLiteral("Yard"));
    const qint64 dana = addPerson(db, QStringLiteral("Dana Okafor"));
    IncidentRepository incidents(db);
    Incident alarm = makeIncident(db, QStringLiteral("Intruder alarm zone 4, wind"), QStringLiteral("Alarm activation"));
    alarm.severity = Severity::Low;
    alarm.occurredAt = QDateTime(QDate(2026, 3, 2), QTime(3, 10));
    alarm.reportedAt = alarm.occurredAt.addSecs(600);
    incidents.create(alarm);
    Incident theft = makeIncident(db, QStringLiteral("Diesel siphoned from reefer trailer"), QStringLiteral("Theft"));
    theft.severity = Severity::High;
    theft.areaId = yard;
    theft.assignedToId = dana;
    theft.occurredAt = QDateTime(QDate(2026, 6, 20), QTime(1, 40));
    theft.reportedAt = theft.occurredAt.addSecs(3600);
    incidents.create(theft);
    Incident assault = makeIncident(db, QStringLiteral("Driver punched a marshal at the gate"), QStringLiteral("Assault / violence"));
    assault.severity = Severity::Critical;
    assault.occurredAt = QDateTime(QDate(2026, 9, 9), QTime(22, 5));
    assault.reportedAt = assault.occurredAt.addSecs(300);
    incidents.create(assault);

    QTableView *table = openLog(f);
    auto *count = f.find<QLabel>(QStringLiteral("incidentCount"));
    REQUIRE(table->model()->rowCount() == 3);
    CHECK(count->text() == QStringLiteral("3 incidents"));

    auto *severity = f.find<QComboBox>(QStringLiteral("filterSeverity"));
    selectByText(severity, QStringLiteral("High and critical"));
    CHECK(table->model()->rowCount() == 2);
    selectByText(f.find<QComboBox>(QStringLiteral("filterArea")), QStringLiteral("Yard"));
    CHECK(table->model()->rowCount() == 1);
    selectByText(f.find<QComboBox>(QStringLiteral("filterAssigned")), QStringLiteral("Dana"));
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, int(IncidentColumn::Assigned)).data().toString() == QStringLiteral("Dana Okafor"));
    CHECK(count->text() == QStringLiteral("1 incident"));

    // Save it, clear everything, bring it back from the menu.
    dialogs::setNextText(QStringLiteral("Yard thefts"));
    f.trigger(QStringLiteral("actionSaveFilter"));
    f.find<QToolButton>(QStringLiteral("clearFilters"))->click();
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 3);
    QAction *saved = nullptr;
    for (QAction *action : f.find<QPushButton>(QStringLiteral("savedFilters"))->menu()->actions()) {
        if (action->text() == QStringLiteral("Yard thefts"))
            saved = action;
    }
    REQUIRE(saved);
    saved->trigger();
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 1);
    CHECK(severity->currentText() == QStringLiteral("High and critical"));

    // Category (a parent matches its subcategories) and a date range.
    f.find<QToolButton>(QStringLiteral("clearFilters"))->click();
    selectByText(f.find<QComboBox>(QStringLiteral("filterCategory")), QStringLiteral("Alarm activation"));
    CHECK(table->model()->rowCount() == 1);
    f.find<QToolButton>(QStringLiteral("clearFilters"))->click();
    f.find<QDateEdit>(QStringLiteral("filterFrom"))->setDate(QDate(2026, 6, 1));
    f.find<QDateEdit>(QStringLiteral("filterTo"))->setDate(QDate(2026, 6, 30));
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 1);
    f.find<QDateEdit>(QStringLiteral("filterTo"))->setDate(QDate(2026, 12, 31));
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 2);

    // Export writes what the log shows, in its order.
    const QString csv = f.dir.path(QStringLiteral("log.csv"));
    dialogs::setNextFileName(csv);
    f.trigger(QStringLiteral("actionExportIncidents"));
    const QStringList lines = QString::fromUtf8(test::readFile(csv)).split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0).startsWith(QStringLiteral("Reference,")));
    CHECK(lines.at(1).contains(QStringLiteral("punched")));
    CHECK(lines.at(2).contains(QStringLiteral("siphoned")));
}

TEST_CASE("An edit in the incident view is undone and redone from the window", "[ui][incidents]")
{
    WindowFixture f;
    Database &db = f.window->database();
    IncidentRepository incidents(db);
    const qint64 id = incidents.create(makeIncident(db, QStringLiteral("Padlock cut on gate 2"))).id;
    QTableView *table = openLog(f);
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    auto *dialog = waitForDialog<IncidentDialog>(f, QStringLiteral("incidentDialog"));
    selectByText(dialog->findChild<QComboBox *>(QStringLiteral("incidentSeverity")), QStringLiteral("High"));
    dialog->findChild<QLineEdit *>(QStringLiteral("incidentPolice"))->setText(QStringLiteral("CAD 4411/26"));
    QTest::keyClick(dialog, Qt::Key_S, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).severity == Severity::High);
    CHECK(incidents.load(id).policeReference == QStringLiteral("CAD 4411/26"));
    dialog->close();

    f.activate();
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).severity == Severity::Medium);
    CHECK(incidents.load(id).policeReference.isEmpty());
    CHECK(table->model()->index(0, int(IncidentColumn::Severity)).data().toString() == QStringLiteral("Medium"));
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).severity == Severity::High);
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(f.window, Qt::Key_Y, Qt::ControlModifier); // the other common redo key
    QCoreApplication::processEvents();
    CHECK(incidents.load(id).severity == Severity::High);
}

TEST_CASE("The Overview counts open incidents by severity, the last 24 hours and overdue actions", "[ui][incidents][actions]")
{
    WindowFixture f;
    Database &db = f.window->database();
    IncidentRepository incidents(db);
    const QDateTime now = Clock::current().nowUtc();
    auto add = [&](Severity severity, qint64 hoursAgo) {
        Incident incident = makeIncident(db, QStringLiteral("Incident %1 h ago").arg(hoursAgo));
        incident.severity = severity;
        incident.occurredAt = now.addSecs(-3600 * hoursAgo - 600);
        incident.reportedAt = now.addSecs(-3600 * hoursAgo);
        return incidents.create(incident).id;
    };
    add(Severity::Critical, 1);
    add(Severity::High, 2);
    add(Severity::High, 30);
    add(Severity::Low, 50);
    CorrectiveAction late;
    late.description = QStringLiteral("Replace the cut padlock with a shrouded one");
    late.dueDate = Clock::current().today().addDays(-2);
    ActionRepository(db).create(late);

    f.window->showModule(QStringLiteral("site"));
    f.window->showModule(QStringLiteral("overview"));
    QCoreApplication::processEvents();
    auto *open = f.find<FigureTile>(QStringLiteral("figure_incidents_0"));
    CHECK(open->value() == QStringLiteral("4"));
    CHECK(open->detail() == QStringLiteral("1 critical · 2 high · 1 low"));
    CHECK(f.find<FigureTile>(QStringLiteral("figure_incidents_1"))->value() == QStringLiteral("3"));
    auto *lastDay = f.find<FigureTile>(QStringLiteral("figure_incidents_2"));
    CHECK(lastDay->value() == QStringLiteral("2"));
    CHECK(f.find<FigureTile>(QStringLiteral("figure_actions_1"))->value() == QStringLiteral("1"));
    QStringList attention;
    auto *list = f.find<QTreeWidget>(QStringLiteral("attentionList"));
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        attention.append(list->topLevelItem(i)->text(0));
    INFO(attention.join(u'|').toStdString());
    CHECK(attention.filter(QStringLiteral("critical incident")).size() == 1);
    CHECK(attention.filter(QStringLiteral("overdue")).size() == 1);
    test::screenshot(f.window, QStringLiteral("overview-incidents"));

    // The figure leads to exactly the incidents it counts; the chip takes the limit away.
    lastDay->click();
    QCoreApplication::processEvents();
    CHECK(f.window->currentModuleId() == QStringLiteral("incidents"));
    auto *table = f.find<QTableView>(QStringLiteral("incidentTable"));
    CHECK(table->model()->rowCount() == 2);
    auto *chip = f.find<QToolButton>(QStringLiteral("filterReportedRecently"));
    CHECK(chip->isVisible());
    chip->click();
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 4);
    CHECK_FALSE(chip->isVisible());
}

TEST_CASE("The actions register model passes Qt's model tester and filters by owner and status", "[ui][actions]")
{
    WindowFixture f;
    Database &db = f.window->database();
    const qint64 dana = addPerson(db, QStringLiteral("Dana Okafor"));
    ActionRepository actions(db);
    for (int i = 0; i < 300; ++i) {
        CorrectiveAction a;
        a.description = QStringLiteral("Action %1").arg(i);
        a.ownerId = i % 3 == 0 ? dana : 0;
        a.dueDate = Clock::current().today().addDays(i - 100);
        actions.create(a);
    }
    ActionRegisterModel model(db);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 300);

    f.window->showModule(QStringLiteral("actions"));
    QCoreApplication::processEvents();
    auto *table = f.find<QTableView>(QStringLiteral("actionTable"));
    CHECK(table->model()->rowCount() == 300);
    selectByText(f.find<QComboBox>(QStringLiteral("filterOwner")), QStringLiteral("Dana"));
    CHECK(table->model()->rowCount() == 100);
    f.find<QCheckBox>(QStringLiteral("filterOverdue"))->setChecked(true);
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 34); // due 100 .. 1 days ago, every third
    selectByText(f.find<QComboBox>(QStringLiteral("filterStatus")), QStringLiteral("Verified effective"));
    CHECK(table->model()->rowCount() == 0);
}

TEST_CASE("An incident or action created by mistake is deleted after asking, and Ctrl+Z brings it back", "[ui][incidents][actions]")
{
    WindowFixture f;
    Database &db = f.window->database();
    IncidentRepository incidents(db);
    const qint64 id = incidents.create(makeIncident(db, QStringLiteral("Test entry, please ignore"))).id;
    CorrectiveAction action;
    action.description = QStringLiteral("Duplicate of ACT-0001");
    action.source = ActionSource::Incident;
    action.incidentId = id;
    const qint64 actionId = ActionRepository(db).create(action).id;

    QTableView *table = openLog(f);
    CHECK_FALSE(f.find<QAction>(QStringLiteral("actionDeleteIncident"))->isEnabled());
    table->setFocus();
    table->selectRow(0);
    // Cancel keeps it; Yes deletes it.
    dialogs::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(table, Qt::Key_Delete, Qt::ShiftModifier);
    CHECK(incidents.count({}) == 1);
    dialogs::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(table, Qt::Key_Delete, Qt::ShiftModifier);
    QCoreApplication::processEvents();
    CHECK(incidents.count({}) == 0);
    CHECK(table->model()->rowCount() == 0);
    CHECK(ActionRepository(db).load(actionId).incidentId == 0);
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 1);
    CHECK(ActionRepository(db).load(actionId).incidentId == id);

    f.window->showModule(QStringLiteral("actions"));
    QCoreApplication::processEvents();
    auto *actions = f.find<QTableView>(QStringLiteral("actionTable"));
    actions->setFocus();
    actions->selectRow(0);
    dialogs::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(actions, Qt::Key_Delete, Qt::ShiftModifier);
    QCoreApplication::processEvents();
    CHECK(actions->model()->rowCount() == 0);
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(actions->model()->rowCount() == 1);
    CHECK(ActionRepository(db).load(actionId).description == QStringLiteral("Duplicate of ACT-0001"));
}

TEST_CASE("The incident view's history names people and statuses; the log's category keeps its subcategory", "[ui][incidents]")
{
    WindowFixture f;
    Database &db = f.window->database();
    const qint64 dana = addPerson(db, QStringLiteral("Dana Okafor"));
    IncidentRepository incidents(db);
    Incident incident = makeIncident(db, QStringLiteral("Someone photographing the gate from the lay-by"),
        QStringLiteral("Suspicious person / vehicle / package"));
    incident.subcategoryId = test::categoryId(db, QStringLiteral("Snooping (sneak about to gain info or access)"));
    REQUIRE(incident.subcategoryId > 0);
    const qint64 id = incidents.create(incident).id;
    incident = incidents.load(id);
    incident.assignedToId = dana;
    incidents.save(incident);
    incidents.changeStatus(id, IncidentStatus::Investigating, QString());

    QTableView *table = openLog(f);
    const QModelIndex category = table->model()->index(0, int(IncidentColumn::Category));
    const QStringList parts = category.data(IncidentLogModel::CategoryPartsRole).toStringList();
    REQUIRE(parts.size() == 2);
    CHECK(parts.at(1).startsWith(QStringLiteral("Snooping")));
    CHECK(category.data(Qt::ToolTipRole).toString().contains(parts.at(1)));
    // Minutes, not seconds.
    const QString occurred = table->model()->index(0, int(IncidentColumn::Occurred)).data().toString();
    CHECK(occurred.count(u':') == 1);

    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    auto *dialog = waitForDialog<IncidentDialog>(f, QStringLiteral("incidentDialog"));
    auto *history = dialog->findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    REQUIRE(history);
    QStringList values;
    for (int i = 0; i < history->topLevelItemCount(); ++i) {
        for (int c = 0; c < history->topLevelItem(i)->childCount(); ++c) {
            values.append(history->topLevelItem(i)->child(c)->text(3));
            values.append(history->topLevelItem(i)->child(c)->text(4));
        }
    }
    INFO(values.join(QStringLiteral(" | ")).toStdString());
    CHECK(values.contains(QStringLiteral("Dana Okafor")));
    CHECK_FALSE(values.contains(QString::number(dana)));
    CHECK(values.contains(incidentStatusTitle(IncidentStatus::Investigating)));
    CHECK_FALSE(values.contains(QStringLiteral("investigating")));
    // The category field starts at its beginning and says itself in full.
    auto *picker = dialog->findChild<QComboBox *>(QStringLiteral("incidentCategory"));
    CHECK(picker->lineEdit()->cursorPosition() == 0);
    CHECK(picker->toolTip().contains(QStringLiteral("Snooping")));
    test::screenshot(dialog, QStringLiteral("incident-history"));
    dialog->close();
}
