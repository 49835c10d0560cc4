#include "ui/uitestsupport.h"

#include "base/clock.h"
#include "core/risktestsupport.h"
#include "io/csv.h"
#include "catalogues/cataloguedialog.h"
#include "risks/criteriadialog.h"
#include "risks/heatmapwidget.h"
#include "risks/ratingpicker.h"
#include "risks/riskeditor.h"
#include "risks/riskregistermodel.h"
#include "risks/riskspage.h"
#include "widgets/chipdelegate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

using namespace vigil;
using vigil::test::makeRisk;
using vigil::test::WindowFixture;
using vigil::test::waitForDialog;

namespace {

RisksPage *openRisks(WindowFixture &f)
{
    f.window->showModule(QStringLiteral("risks"));
    return f.find<RisksPage>(QStringLiteral("risksPage"));
}

// Clicks the cell of a heat map or rating matrix where likelihood x impact is.
void clickCell(HeatMapWidget *map, int likelihood, int impact)
{
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(likelihood, impact).center());
}

} // namespace

TEST_CASE("The register model passes Qt's model tester while filtering and sorting", "[ui][risks]")
{
    WindowFixture f;
    RiskRepository risks(f.window->database());
    for (int i = 0; i < 300; ++i)
        risks.create(makeRisk(QStringLiteral("Hazard alpha-%1").arg(i), 1 + i % 5, 1 + i % 4, 1 + i % 3, 1 + i % 5));
    RiskRegisterModel model(f.window->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 300);
    // Only the pages the view reads are loaded.
    model.data(model.index(299, 1));
    CHECK(model.cachedPages() <= 2);
    model.sort(int(RiskColumn::Title), Qt::DescendingOrder);
    CHECK(model.data(model.index(0, int(RiskColumn::Title))).toString() == QStringLiteral("Hazard alpha-99"));
    RiskFilter filter;
    filter.text = QStringLiteral("alpha-29");
    model.setFilter(filter);
    CHECK(model.rowCount() == 11); // 29 and 290-299
    CHECK(model.data(model.index(0, int(RiskColumn::Residual)), ChipDelegate::ChipColourRole).isValid());
}

TEST_CASE("A risk created in the editor appears in the register and in the right heat-map cell", "[ui][risks]")
{
    WindowFixture f;
    RisksPage *page = openRisks(f);
    test::screenshot(f.window, QStringLiteral("risks-empty"));
    QTest::keyClick(f.window, Qt::Key_N, Qt::ControlModifier);
    auto *editor = waitForDialog<RiskEditor>(f, QStringLiteral("riskEditor"));

    // Saving an empty form shows what is missing, beside the fields, and keeps the dialog.
    editor->findChild<QPushButton *>(QStringLiteral("saveRisk"))->click();
    CHECK(editor->isVisible());
    CHECK(editor->findChild<QLabel *>(QStringLiteral("titleProblem"))->isVisible());
    CHECK(editor->findChild<QLabel *>(QStringLiteral("inherentProblem"))->isVisible());
    test::screenshot(editor, QStringLiteral("risk-editor-problems"));

    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("riskTitle")), QStringLiteral("Theft of copper cable"));
    CHECK_FALSE(editor->findChild<QLabel *>(QStringLiteral("titleProblem"))->isVisible());
    clickCell(editor->findChild<RatingPicker *>(QStringLiteral("inherentRating"))->matrix(), 4, 3); // Likely x Moderate
    // The residual rating with the keyboard: focus the matrix, arrows move the selection.
    HeatMapWidget *residual = editor->findChild<RatingPicker *>(QStringLiteral("residualRating"))->matrix();
    residual->setFocus();
    QTest::keyClick(residual, Qt::Key_Up);    // 2 x 1
    QTest::keyClick(residual, Qt::Key_Right); // 2 x 2
    QTest::keyClick(residual, Qt::Key_Right); // 2 x 3
    CHECK(editor->risk().residual == Rating {2, 3, 1});
    test::screenshot(editor, QStringLiteral("risk-editor"));
    // Saving closes the editor, which deletes itself: look through a guard, not the pointer.
    const QPointer<RiskEditor> saved = editor;
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK((saved.isNull() || !saved->isVisible()));

    auto *table = f.find<QTableView>(QStringLiteral("riskTable"));
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, int(RiskColumn::Reference)).data().toString() == QStringLiteral("RSK-0001"));
    CHECK(table->model()->index(0, int(RiskColumn::Inherent)).data().toString() == QStringLiteral("High"));
    CHECK(table->model()->index(0, int(RiskColumn::Residual)).data().toString() == QStringLiteral("Medium"));

    // Clicking the residual heat map's cell 2 x 3 lists it; another cell lists nothing.
    auto *map = f.find<HeatMapWidget>(QStringLiteral("residualHeatMap"));
    clickCell(map, 2, 3);
    CHECK(f.find<QPushButton>(QStringLiteral("cellFilter"))->isVisible());
    CHECK(table->model()->rowCount() == 1);
    clickCell(map, 4, 3);
    CHECK(map->selectedLikelihood() == 4);
    CHECK(table->model()->rowCount() == 0);
    f.find<QPushButton>(QStringLiteral("cellFilter"))->click();
    CHECK(table->model()->rowCount() == 1);
    test::screenshot(f.window, QStringLiteral("risks-one"));

    // Undo takes it away again, redo brings back the same reference.
    f.activate();
    QTest::keyClick(f.window, Qt::Key_Z, Qt::ControlModifier);
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 0);
    f.trigger(QStringLiteral("actionRedo"));
    QCoreApplication::processEvents();
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(table->model()->index(0, 0).data().toString() == QStringLiteral("RSK-0001"));
    Q_UNUSED(page);
}

TEST_CASE("Editing, retiring and deleting a risk from the register, all undoable", "[ui][risks]")
{
    WindowFixture f;
    RiskRepository risks(f.window->database());
    const qint64 id = risks.create(makeRisk(QStringLiteral("Fuel theft"), 3, 2, 2, 2)).id;
    openRisks(f);
    auto *table = f.find<QTableView>(QStringLiteral("riskTable"));
    QCoreApplication::processEvents();
    REQUIRE(table->model()->rowCount() == 1);
    table->setFocus();
    table->selectRow(0);

    // Enter opens the editor; accepting requires a justification.
    QTest::keyClick(table, Qt::Key_Return);
    auto *editor = waitForDialog<RiskEditor>(f, QStringLiteral("riskEditor"));
    auto *treatment = editor->findChild<QComboBox *>(QStringLiteral("riskTreatment"));
    treatment->setCurrentIndex(treatment->findData(int(Treatment::Accept)));
    editor->findChild<QPushButton *>(QStringLiteral("saveRisk"))->click();
    CHECK(editor->isVisible());
    CHECK(editor->findChild<QLabel *>(QStringLiteral("justificationProblem"))->isVisible());
    editor->findChild<QPlainTextEdit *>(QStringLiteral("riskJustification"))->setPlainText(QStringLiteral("Tank is nearly empty"));
    editor->findChild<QPushButton *>(QStringLiteral("saveRisk"))->click();
    QCoreApplication::processEvents();
    CHECK(risks.load(id).treatment == Treatment::Accept);

    // The History tab names the treatment as the form does, not by its stored key.
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Return);
    editor = waitForDialog<RiskEditor>(f, QStringLiteral("riskEditor"));
    auto *history = editor->findChild<QTreeWidget *>(QStringLiteral("historyTree"));
    REQUIRE(history);
    QStringList values;
    for (int i = 0; i < history->topLevelItemCount(); ++i) {
        for (int c = 0; c < history->topLevelItem(i)->childCount(); ++c)
            values.append(history->topLevelItem(i)->child(c)->text(4));
    }
    INFO(values.join(QStringLiteral(" | ")).toStdString());
    CHECK(values.contains(treatmentTitle(Treatment::Accept)));
    CHECK_FALSE(values.contains(QStringLiteral("accept")));
    editor->reject();
    test::flushDeletes();
    f.activate();

    // Retire asks why; Delete asks for confirmation; both can be undone.
    dialogs::setNextText(QStringLiteral("Tank removed"));
    table->selectRow(0);
    f.trigger(QStringLiteral("actionRetireRisk"));
    QCoreApplication::processEvents();
    CHECK(risks.load(id).isRetired());
    CHECK(table->model()->rowCount() == 0);
    f.trigger(QStringLiteral("actionUndo"));
    QCoreApplication::processEvents();
    CHECK_FALSE(risks.load(id).isRetired());

    table->selectRow(0);
    dialogs::setNextAnswer(QMessageBox::Cancel);
    f.trigger(QStringLiteral("actionDeleteRisk"));
    CHECK(risks.count({}) == 1);
    table->selectRow(0);
    dialogs::setNextAnswer(QMessageBox::Yes);
    f.trigger(QStringLiteral("actionDeleteRisk"));
    QCoreApplication::processEvents();
    CHECK(risks.count({}) == 0);
    f.trigger(QStringLiteral("actionUndo"));
    QCoreApplication::processEvents();
    CHECK(risks.load(id).title == QStringLiteral("Fuel theft"));
    CHECK(risks.load(id).treatment == Treatment::Accept);
}

TEST_CASE("Filters and search narrow the register; export writes what is shown", "[ui][risks]")
{
    WindowFixture f;
    RiskRepository risks(f.window->database());
    for (int i = 0; i < 12; ++i) {
        Risk r = makeRisk(i % 2 ? QStringLiteral("Copper theft %1").arg(i) : QStringLiteral("Flooding %1").arg(i), 3, 3,
            i % 4 + 1, 4);
        r.category = i % 2 ? QStringLiteral("Theft and crime") : QStringLiteral("Natural hazard");
        risks.create(r);
    }
    openRisks(f);
    auto *table = f.find<QTableView>(QStringLiteral("riskTable"));
    QCoreApplication::processEvents();
    CHECK(table->model()->rowCount() == 12);

    table->setFocus();
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    CHECK(f.find(QStringLiteral("searchRisks"))->hasFocus());
    QTest::keyClicks(f.find(QStringLiteral("searchRisks")), QStringLiteral("copper"));
    // Results follow the typing.
    REQUIRE(QTest::qWaitFor([&] { return table->model()->rowCount() == 6; }, 5000));

    auto *category = f.find<QComboBox>(QStringLiteral("filterCategory"));
    category->setCurrentIndex(category->findData(QStringLiteral("Natural hazard")));
    CHECK(table->model()->rowCount() == 0);
    category->setCurrentIndex(category->findData(QStringLiteral("Theft and crime")));
    CHECK(table->model()->rowCount() == 6);
    auto *level = f.find<QComboBox>(QStringLiteral("filterLevel"));
    level->setCurrentIndex(level->findData(2)); // residual High
    const int high = table->model()->rowCount();
    CHECK(high > 0);
    CHECK(high < 6);

    const QString path = f.dir.path(QStringLiteral("export.csv"));
    dialogs::setNextFileName(path);
    f.trigger(QStringLiteral("actionExportRisks"));
    QList<QStringList> rows;
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(path)), &rows));
    CHECK(rows.size() == high + 1);
    CHECK(rows.at(1).at(1).startsWith(QStringLiteral("Copper theft")));
}

TEST_CASE("Changing the criteria previews the mapping and applies it in one undoable step", "[ui][risks][criteria]")
{
    WindowFixture f;
    RiskRepository risks(f.window->database());
    const qint64 id = risks.create(makeRisk(QStringLiteral("Roof collapse"), 1, 5, 1, 5)).id; // Medium
    openRisks(f);
    f.trigger(QStringLiteral("actionRiskCriteria"));
    auto *dialog = waitForDialog<CriteriaDialog>(f, QStringLiteral("criteriaDialog"));
    CHECK_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("previewCriteria"))->isEnabled()); // nothing changed

    // Make every catastrophic cell Extreme by clicking the matrix.
    auto *matrix = dialog->findChild<HeatMapWidget *>(QStringLiteral("criteriaMatrix"));
    matrix->resize(600, 400);
    RiskCriteria edited = dialog->criteria();
    for (int l = 1; l <= 5; ++l)
        edited.setLevelAt(l, 5, 3);
    dialog->setCriteria(edited);
    dialog->findChild<QLineEdit *>(QStringLiteral("criteriaName"))->setText(QStringLiteral("After the 2026 review"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("criteriaName")), QStringLiteral(" "));
    REQUIRE(dialog->findChild<QPushButton *>(QStringLiteral("previewCriteria"))->isEnabled());
    dialog->findChild<QPushButton *>(QStringLiteral("previewCriteria"))->click();
    auto *changes = dialog->findChild<QTreeWidget *>(QStringLiteral("criteriaChanges"));
    REQUIRE(changes->topLevelItemCount() == 2); // inherent and residual of the one risk
    CHECK(changes->topLevelItem(0)->text(2) == QStringLiteral("Medium"));
    CHECK(changes->topLevelItem(0)->text(3) == QStringLiteral("Extreme"));
    test::screenshot(dialog, QStringLiteral("criteria-preview"));
    dialog->findChild<QPushButton *>(QStringLiteral("applyCriteria"))->click();
    QCoreApplication::processEvents();
    CHECK(risks.load(id).residual.level == 3);
    auto *table = f.find<QTableView>(QStringLiteral("riskTable"));
    CHECK(table->model()->index(0, int(RiskColumn::Residual)).data().toString() == QStringLiteral("Extreme"));

    f.trigger(QStringLiteral("actionUndo"));
    QCoreApplication::processEvents();
    CHECK(risks.load(id).residual.level == 1);
    CHECK(RiskCriteriaRepository(f.window->database()).current().version == 1);
    CHECK(table->model()->index(0, int(RiskColumn::Residual)).data().toString() == QStringLiteral("Medium"));
}

TEST_CASE("The Overview shows the risks that need attention and leads to them", "[ui][risks]")
{
    WindowFixture f;
    RiskRepository risks(f.window->database());
    Risk extreme = makeRisk(QStringLiteral("Tanker fire at the fuel bay"), 5, 5, 5, 4);
    extreme.reviewDate = Clock::current().today().addDays(-3);
    risks.create(extreme);
    risks.create(makeRisk(QStringLiteral("Minor"), 1, 1, 1, 1));
    f.window->showModule(QStringLiteral("site"));
    f.window->showModule(QStringLiteral("overview"));
    QCoreApplication::processEvents();
    auto *attention = f.find<QTreeWidget>(QStringLiteral("attentionList"));
    QStringList texts;
    for (int i = 0; i < attention->topLevelItemCount(); ++i)
        texts.append(attention->topLevelItem(i)->text(0));
    INFO(texts.join(u'|').toStdString());
    REQUIRE(texts.size() == 2);
    CHECK(texts.at(0).contains(QStringLiteral("Extreme")));
    CHECK(texts.at(1).contains(QStringLiteral("overdue")));
    test::screenshot(f.window, QStringLiteral("overview-risks"));

    attention->setFocus();
    attention->setCurrentItem(attention->topLevelItem(1));
    QTest::keyClick(attention, Qt::Key_Return);
    CHECK(f.window->currentModuleId() == QStringLiteral("risks"));
    CHECK(f.find<QCheckBox>(QStringLiteral("filterOverdue"))->isChecked());
    CHECK(f.find<QTableView>(QStringLiteral("riskTable"))->model()->rowCount() == 1);
}

TEST_CASE("The threat catalogue can be extended and entries made inactive, undoably", "[ui][risks][catalogues]")
{
    WindowFixture f;
    openRisks(f);
    CatalogueDialog dialog(ModuleContext {f.window->database(), f.window->undoStack(), *f.window},
        CatalogueDialog::Kind::Threats, f.window);
    dialog.show();
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("catalogueList"));
    CHECK(list->topLevelItemCount() == 169);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("catalogueFilter")), QStringLiteral("theft"));
    int visible = 0;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        visible += list->topLevelItem(i)->isHidden() ? 0 : 1;
    CHECK(visible >= 5);
    test::screenshot(&dialog, QStringLiteral("catalogue-threats"));

    dialog.findChild<QPushButton *>(QStringLiteral("catalogueNew"))->click();
    dialog.findChild<QLineEdit *>(QStringLiteral("field_name"))->setText(QStringLiteral("Drone drop over the fence"));
    dialog.findChild<QLineEdit *>(QStringLiteral("field_category"))->setText(QStringLiteral("Physical attack"));
    dialog.findChild<QPushButton *>(QStringLiteral("catalogueSave"))->click();
    ThreatRepository threats(f.window->database());
    REQUIRE(threats.findByName(QStringLiteral("Drone drop over the fence")).has_value());
    CHECK(threats.findByName(QStringLiteral("Drone drop over the fence"))->source.isEmpty());

    // A built-in entry that does not apply to this site is made inactive, not deleted.
    const qint64 wardriving = threats.findByName(QStringLiteral("War driving"))->id;
    dialog.findChild<QLineEdit *>(QStringLiteral("catalogueFilter"))->setText(QStringLiteral("War driving"));
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == wardriving)
            list->setCurrentItem(list->topLevelItem(i));
    }
    dialog.findChild<QPushButton *>(QStringLiteral("catalogueToggleActive"))->click();
    CHECK_FALSE(threats.load(wardriving)->active);
    CHECK(threats.list().size() == 169); // 168 built in + the new one

    f.window->undoStack().undo();
    CHECK(threats.load(wardriving)->active);
    f.window->undoStack().undo();
    CHECK_FALSE(threats.findByName(QStringLiteral("Drone drop over the fence")).has_value());
}

TEST_CASE("The criteria dialog edits sizes, levels and the grid", "[ui][risks][criteria]")
{
    WindowFixture f;
    openRisks(f);
    CriteriaDialog dialog(ModuleContext {f.window->database(), f.window->undoStack(), *f.window}, f.window);
    dialog.show();
    test::screenshot(&dialog, QStringLiteral("criteria-edit"));
    dialog.findChild<QSpinBox *>(QStringLiteral("likelihoodCount"))->setValue(4);
    dialog.findChild<QSpinBox *>(QStringLiteral("impactCount"))->setValue(6);
    RiskCriteria edited = dialog.criteria();
    CHECK(edited.likelihoodCount() == 4);
    CHECK(edited.impactCount() == 6);
    CHECK(edited.likelihood.at(0).label == QStringLiteral("Rare")); // kept from the 5x5
    CHECK(edited.problem().isEmpty());

    // A click on a cell gives it the next level.
    auto *matrix = dialog.findChild<HeatMapWidget *>(QStringLiteral("criteriaMatrix"));
    const int before = edited.levelAt(1, 1);
    QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(1, 1).center());
    CHECK(dialog.criteria().levelAt(1, 1) == (before + 1) % int(edited.levels.size()));

    // A level without a name stops the preview, with the reason shown.
    auto *levels = dialog.findChild<QTableWidget *>(QStringLiteral("riskLevels"));
    levels->item(0, 0)->setText(QString());
    CHECK_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("previewCriteria"))->isEnabled());
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("criteriaProblem"))->text() == QStringLiteral("Every risk level needs a name."));
}
