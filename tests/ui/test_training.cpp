#include "ui/uitestsupport.h"

#include "base/clock.h"
#include "catalogues/cataloguedialog.h"
#include "core/trainingtestsupport.h"
#include "training/recorddialog.h"
#include "training/sessiondialog.h"
#include "training/trainingmodels.h"
#include "training/trainingpage.h"
#include "training/trainingviews.h"
#include "widgets/figuretile.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::TrainingSite;
using vigil::test::waitForDialog;
using vigil::test::WindowFixture;

namespace {

// The site of the core tests, as it stands today (the pinned 2026-03-14): Dana holds first aid and
// the induction and her conflict management runs out in a fortnight; Lee has no first aid and his
// conflict management expired five months ago, last October; Priya holds CCTV operation but never
// did the induction.
struct Site
{
    explicit Site(Database &db)
        : s(db)
    {
        const QDate today = Clock::current().today();
        s.record(s.dana, s.firstAid, today.addMonths(-10));
        s.record(s.dana, s.conflict, today.addMonths(-12).addDays(14));
        s.record(s.dana, s.induction, today.addYears(-3));
        s.record(s.lee, s.conflict, today.addMonths(-17));
        s.record(s.lee, s.induction, today.addYears(-2));
        s.record(s.priya, s.cctv, today.addMonths(-3));
    }
    TrainingSite s;
};

QTableView *openMatrix(WindowFixture &f)
{
    f.window->showModule(QStringLiteral("training"));
    QCoreApplication::processEvents();
    f.find<QTabWidget>(QStringLiteral("trainingTabs"))->setCurrentIndex(0);
    return f.find<QTableView>(QStringLiteral("matrixTable"));
}

// The view's index of a person's cell for a course (or their name, for courseId 0).
QModelIndex cell(QTableView *table, const QString &person, qint64 courseId)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() != person)
            continue;
        if (courseId == 0)
            return model->index(row, 0);
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            if (index.data(ComplianceMatrixModel::CourseIdRole).toLongLong() == courseId)
                return index;
        }
    }
    return {};
}

CellStatus statusOf(QTableView *table, const QString &person, qint64 courseId)
{
    const QModelIndex index = cell(table, person, courseId);
    REQUIRE(index.isValid());
    return CellStatus(index.data(ComplianceMatrixModel::StatusRole).toInt());
}

void activate(QTableView *table, const QModelIndex &index)
{
    table->setCurrentIndex(index);
    emit table->activated(index);
}

} // namespace

TEST_CASE("The compliance matrix shows every cell's standing in colour and a symbol; a cell records training, undoably",
    "[ui][training]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Database &db = f.window->database();
    Site site(db);
    TrainingSite &s = site.s;
    QTableView *matrix = openMatrix(f);
    QAbstractItemModelTester tester(matrix->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(matrix->model()->rowCount() == 3);

    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), s.firstAid) == CellStatus::Valid);
    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), s.conflict) == CellStatus::Expiring);
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.firstAid) == CellStatus::Missing);
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.conflict) == CellStatus::Expired);
    CHECK(statusOf(matrix, QStringLiteral("Priya Raman"), s.induction) == CellStatus::Missing);
    CHECK(statusOf(matrix, QStringLiteral("Priya Raman"), s.firstAid) == CellStatus::NotRequired);
    // Each status has its symbol and its colour, so it reads in black and white too.
    const QModelIndex expiring = cell(matrix, QStringLiteral("Dana Okafor"), s.conflict);
    CHECK(expiring.data().toString().startsWith(QStringLiteral("! ")));
    CHECK(expiring.data(Qt::BackgroundRole).value<QBrush>().color() == cellColour(CellStatus::Expiring));
    CHECK(cell(matrix, QStringLiteral("Lee Whitfield"), s.conflict).data().toString().startsWith(QStringLiteral("✗")));
    CHECK(cell(matrix, QStringLiteral("Lee Whitfield"), s.firstAid).data().toString() == QStringLiteral("—"));
    CHECK(cell(matrix, QStringLiteral("Priya Raman"), s.firstAid).data().toString().isEmpty());
    CHECK(f.find<QLabel>(QStringLiteral("trainingSummary"))->text().contains(QStringLiteral("2 not cleared")));
    test::screenshot(f.window, QStringLiteral("training-matrix"));

    // Lee's missing first aid: the cell opens a new record for him and the course.
    activate(matrix, cell(matrix, QStringLiteral("Lee Whitfield"), s.firstAid));
    auto *dialog = waitForDialog<TrainingRecordDialog>(f, QStringLiteral("trainingRecordDialog"));
    CHECK(dialog->record().personId == s.lee);
    CHECK(dialog->record().courseId == s.firstAid);
    CHECK(dialog->record().expiresOn == Clock::current().today().addMonths(36)); // from the course's validity
    test::screenshot(dialog, QStringLiteral("training-record"));
    f.find<QSpinBox>(QStringLiteral("recordScore"))->setValue(88);
    dialog->findChild<QLineEdit *>(QStringLiteral("recordTrainer"))->setText(QStringLiteral("St John Ambulance"));
    dialog->accept();
    f.activate();
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.firstAid) == CellStatus::Valid);
    const TrainingRecord saved = TrainingRepository(db).forPerson(s.lee).first();
    CHECK(saved.score == 88);
    CHECK(saved.trainer == QStringLiteral("St John Ambulance"));

    // Undo takes it back, redo brings it again.
    f.window->undoStack().undo();
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.firstAid) == CellStatus::Missing);
    f.window->undoStack().redo();
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.firstAid) == CellStatus::Valid);

    // A valid cell opens its record; changing the expiry by hand sticks.
    activate(matrix, cell(matrix, QStringLiteral("Dana Okafor"), s.firstAid));
    dialog = waitForDialog<TrainingRecordDialog>(f, QStringLiteral("trainingRecordDialog"));
    CHECK(dialog->record().id > 0);
    dialog->findChild<QCheckBox *>(QStringLiteral("recordExpiryByHand"))->setChecked(true);
    dialog->findChild<QDateEdit *>(QStringLiteral("recordExpires"))->setDate(Clock::current().today().addDays(10));
    dialog->accept();
    f.activate();
    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), s.firstAid) == CellStatus::Expiring);
    test::flushDeletes();
}

TEST_CASE("The matrix filters by post, employer and standing, and moves through time", "[ui][training]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Site site(f.window->database());
    QTableView *matrix = openMatrix(f);
    auto *show = f.find<QComboBox>(QStringLiteral("matrixShow"));
    show->setCurrentIndex(show->findData(int(ComplianceFilter::Show::NotCleared)));
    QCoreApplication::processEvents();
    CHECK(matrix->model()->rowCount() == 2); // Lee and Priya
    CHECK_FALSE(cell(matrix, QStringLiteral("Dana Okafor"), 0).isValid());
    show->setCurrentIndex(0);
    auto *post = f.find<QComboBox>(QStringLiteral("matrixPost"));
    post->setCurrentIndex(post->findData(site.s.controlRoom));
    QCoreApplication::processEvents();
    CHECK(matrix->model()->rowCount() == 1);
    // One post's matrix shows only what that post needs (and what everyone needs).
    CHECK(matrix->model()->columnCount() == ComplianceMatrixModel::firstCourseColumn + 2 + 1);
    post->setCurrentIndex(0);
    QCoreApplication::processEvents();

    // Three weeks on, Dana's conflict management has run out.
    f.find<QDateEdit>(QStringLiteral("trainingAsOf"))->setDate(Clock::current().today().addDays(21));
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), site.s.conflict) == CellStatus::Expired);
    f.find<QPushButton>(QStringLiteral("trainingToday"))->click();
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), site.s.conflict) == CellStatus::Expiring);

    // Export what is shown.
    const QString csv = f.dir.path(QStringLiteral("matrix.csv"));
    dialogs::setNextFileName(csv);
    f.trigger(QStringLiteral("actionExportTraining"));
    const QString text = QString::fromUtf8(test::readFile(csv));
    CHECK(text.contains(QStringLiteral("First aid at work")));
    CHECK(text.contains(QStringLiteral("Lee Whitfield")));
    CHECK(text.count(u'\n') >= 4);
}

TEST_CASE("A session records one course for everyone due in one undoable step", "[ui][training]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Database &db = f.window->database();
    Site site(db);
    TrainingSite &s = site.s;
    QTableView *matrix = openMatrix(f);
    f.trigger(QStringLiteral("actionNewSession"));
    auto *dialog = waitForDialog<SessionDialog>(f, QStringLiteral("sessionDialog"));
    auto *course = dialog->findChild<QComboBox *>(QStringLiteral("sessionCourse"));
    course->setCurrentIndex(course->findData(s.conflict));
    dialog->findChild<QDateEdit *>(QStringLiteral("sessionDate"))->setDate(Clock::current().today());
    dialog->findChild<QLineEdit *>(QStringLiteral("sessionTrainer"))->setText(QStringLiteral("Calm Minds Ltd"));
    dialog->findChild<QPushButton *>(QStringLiteral("sessionAddDue"))->click();
    // Dana (expiring) and Lee (expired) are due; Priya's post does not need it.
    CHECK(dialog->session().attendeeIds == QList<qint64> {s.dana, s.lee});
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("sessionCount"))->text() == QStringLiteral("2 attending"));
    test::screenshot(dialog, QStringLiteral("training-session"));
    dialog->findChild<QPushButton *>(QStringLiteral("sessionRecordDone"))->click();
    f.activate();
    CHECK(statusOf(matrix, QStringLiteral("Dana Okafor"), s.conflict) == CellStatus::Valid);
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.conflict) == CellStatus::Valid);
    CHECK(TrainingRepository(db).forPerson(s.lee).first().trainer == QStringLiteral("Calm Minds Ltd"));

    f.window->undoStack().undo();
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.conflict) == CellStatus::Expired);
    CHECK(TrainingRepository(db).sessions(true).isEmpty());
    f.window->undoStack().redo();
    QCoreApplication::processEvents();
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.conflict) == CellStatus::Valid);

    // A planned session shows on the sessions tab and is marked done from there.
    TrainingSession planned;
    planned.courseId = s.firstAid;
    planned.heldOn = Clock::current().today().addDays(-1);
    planned.attendeeIds = {s.lee};
    TrainingRepository(db).createSession(planned);
    f.find<QTabWidget>(QStringLiteral("trainingTabs"))->setCurrentIndex(4);
    auto *sessions = f.find<QTreeWidget>(QStringLiteral("sessionList"));
    REQUIRE(sessions->topLevelItemCount() == 1);
    CHECK(sessions->topLevelItem(0)->text(1) == QStringLiteral("First aid at work"));
    emit sessions->itemActivated(sessions->topLevelItem(0), 0);
    dialog = waitForDialog<SessionDialog>(f, QStringLiteral("sessionDialog"));
    CHECK(dialog->session().attendeeIds == QList<qint64> {s.lee});
    // Its History tab says when it was planned, naming the course.
    auto *history = dialog->findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    REQUIRE(history);
    REQUIRE(history->topLevelItemCount() == 1);
    CHECK(history->topLevelItem(0)->text(2) == QStringLiteral("Created"));
    QStringList planValues;
    for (int c = 0; c < history->topLevelItem(0)->childCount(); ++c)
        planValues.append(history->topLevelItem(0)->child(c)->text(4));
    INFO(planValues.join(QStringLiteral(" | ")).toStdString());
    CHECK(planValues.contains(QStringLiteral("First aid at work")));
    auto *result = dialog->findChild<QComboBox *>(QStringLiteral("sessionResult1"));
    REQUIRE(result);
    result->setCurrentIndex(result->findData(int(TrainingResult::Failed)));
    dialog->findChild<QPushButton *>(QStringLiteral("sessionRecordDone"))->click();
    f.activate();
    const QList<TrainingRecord> lee = TrainingRepository(db).forPerson(s.lee);
    const auto firstAid = std::find_if(lee.begin(), lee.end(), [&](const TrainingRecord &r) { return r.courseId == s.firstAid; });
    REQUIRE(firstAid != lee.end());
    CHECK(firstAid->result == TrainingResult::Failed);
    CHECK(firstAid->sessionId > 0);
    CHECK(statusOf(matrix, QStringLiteral("Lee Whitfield"), s.firstAid) == CellStatus::Missing); // a fail counts for nothing
    CHECK(sessions->topLevelItemCount() == 0); // no longer planned
    test::flushDeletes();
}

TEST_CASE("Expiring, readiness, person and course views answer the officer's questions", "[ui][training]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Site site(f.window->database());
    TrainingSite &s = site.s;
    QTableView *matrix = openMatrix(f);
    auto *tabs = f.find<QTabWidget>(QStringLiteral("trainingTabs"));

    tabs->setCurrentIndex(2);
    auto *expiring = f.find<QTreeWidget>(QStringLiteral("expiringList"));
    REQUIRE(expiring->topLevelItemCount() == 1);
    CHECK(expiring->topLevelItem(0)->text(2) == QStringLiteral("Dana Okafor"));
    CHECK(expiring->topLevelItem(0)->text(4) == QStringLiteral("Conflict management"));

    tabs->setCurrentIndex(3);
    auto *post = f.find<QComboBox>(QStringLiteral("readinessPost"));
    post->setCurrentIndex(post->findData(s.gateOfficer));
    QCoreApplication::processEvents();
    auto *readiness = f.find<QTreeWidget>(QStringLiteral("readinessList"));
    REQUIRE(readiness->topLevelItemCount() == 2);
    CHECK(f.find<QLabel>(QStringLiteral("readinessCount"))->text() == QStringLiteral("1 of 2 cleared"));
    QStringList reasons;
    for (int i = 0; i < readiness->topLevelItemCount(); ++i) {
        if (readiness->topLevelItem(i)->text(0) == QStringLiteral("Lee Whitfield"))
            reasons.append(readiness->topLevelItem(i)->text(4));
    }
    REQUIRE(reasons.size() == 1);
    CHECK(reasons.first().contains(QStringLiteral("First aid at work: never done")));
    CHECK(reasons.first().contains(QStringLiteral("Conflict management: expired")));
    // Next month Dana is no longer cleared either.
    f.find<QDateEdit>(QStringLiteral("readinessDate"))->setDate(Clock::current().today().addMonths(1));
    QCoreApplication::processEvents();
    CHECK(f.find<QLabel>(QStringLiteral("readinessCount"))->text() == QStringLiteral("0 of 2 cleared"));
    test::screenshot(f.window, QStringLiteral("training-readiness"));

    tabs->setCurrentIndex(0);
    activate(matrix, cell(matrix, QStringLiteral("Lee Whitfield"), 0));
    auto *person = waitForDialog<PersonTrainingDialog>(f, QStringLiteral("personTrainingDialog"));
    CHECK(person->findChild<QLabel *>(QStringLiteral("personHeading"))->text().contains(QStringLiteral("not cleared")));
    CHECK(person->findChild<QTreeWidget *>(QStringLiteral("personStanding"))->topLevelItemCount() == 3);
    CHECK(person->findChild<QTreeWidget *>(QStringLiteral("personRecords"))->topLevelItemCount() == 2);
    test::screenshot(person, QStringLiteral("training-person"));
    person->close();
    test::flushDeletes();

    emit matrix->horizontalHeader()->sectionDoubleClicked(cell(matrix, QStringLiteral("Lee Whitfield"), s.conflict).column());
    auto *course = waitForDialog<CourseTrainingDialog>(f, QStringLiteral("courseTrainingDialog"));
    CHECK(course->findChild<QTreeWidget *>(QStringLiteral("courseDue"))->topLevelItemCount() == 2);
    CHECK(course->findChild<QTreeWidget *>(QStringLiteral("courseHolders"))->topLevelItemCount() == 1);
    course->close();
    test::flushDeletes();
}

TEST_CASE("The Overview shows training compliance and leads to who is not cleared", "[ui][training]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Site site(f.window->database());
    f.window->showModule(QStringLiteral("site"));
    f.window->showModule(QStringLiteral("overview"));
    QCoreApplication::processEvents();
    const ComplianceSummary summary = Compliance(f.window->database()).summary(Clock::current().today());
    CHECK(f.find<FigureTile>(QStringLiteral("figure_training_0"))->value()
        == QStringLiteral("%1%").arg(qRound(summary.percent)));
    CHECK(f.find<FigureTile>(QStringLiteral("figure_training_1"))->value() == QStringLiteral("1"));
    auto *notCleared = f.find<FigureTile>(QStringLiteral("figure_training_2"));
    CHECK(notCleared->value() == QStringLiteral("2"));
    notCleared->click();
    QCoreApplication::processEvents();
    CHECK(f.window->currentModuleId() == QStringLiteral("training"));
    CHECK(f.find<QTableView>(QStringLiteral("matrixTable"))->model()->rowCount() == 2);

    // The records register pages from SQL and passes the model tester.
    auto *records = f.find<TrainingPage>(QStringLiteral("trainingPage"))->recordModel();
    QAbstractItemModelTester tester(records, QAbstractItemModelTester::FailureReportingMode::Fatal);
    f.find<QTabWidget>(QStringLiteral("trainingTabs"))->setCurrentIndex(1);
    CHECK(records->rowCount() == 6);
    f.find<QLineEdit>(QStringLiteral("recordSearch"))->setText(QStringLiteral("whitfield"));
    REQUIRE(QTest::qWaitFor([&] { return records->rowCount() == 2; }, 5000));
}

TEST_CASE("A leaver drops out of the matrix from the day they leave; their records stay", "[ui][training][catalogues]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Database &db = f.window->database();
    Site site(db);
    QTableView *matrix = openMatrix(f);
    REQUIRE(matrix->model()->rowCount() == 3);
    CatalogueDialog dialog(ModuleContext {db, f.window->undoStack(), *f.window}, CatalogueDialog::Kind::People, f.window);
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("catalogueList"));
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == site.s.lee)
            list->setCurrentItem(list->topLevelItem(i));
    }
    // The form shows his post; making him inactive dates his leaving today.
    auto *post = dialog.findChild<QComboBox *>(QStringLiteral("field_post"));
    CHECK(post->currentText() == QStringLiteral("Gate officer"));
    dialog.findChild<QPushButton *>(QStringLiteral("catalogueToggleActive"))->click();
    const Person lee = *PeopleRepository(db).load(site.s.lee);
    CHECK_FALSE(lee.active);
    CHECK(lee.leftOn == Clock::current().today());
    QCoreApplication::processEvents();
    CHECK(matrix->model()->rowCount() == 2);
    CHECK(TrainingRepository(db).forPerson(site.s.lee).size() == 2);
    // As of last week he was still there, with what he held then.
    f.find<QDateEdit>(QStringLiteral("trainingAsOf"))->setDate(Clock::current().today().addDays(-7));
    QCoreApplication::processEvents();
    CHECK(matrix->model()->rowCount() == 3);
    f.find<QPushButton>(QStringLiteral("trainingToday"))->click();

    // Back again: active, no leaving date.
    dialog.findChild<QPushButton *>(QStringLiteral("catalogueToggleActive"))->click();
    CHECK(PeopleRepository(db).load(site.s.lee)->active);
    CHECK_FALSE(PeopleRepository(db).load(site.s.lee)->leftOn.isValid());
    QCoreApplication::processEvents();
    CHECK(matrix->model()->rowCount() == 3);
}
