// Export (Ctrl+E) on every register page: CSV or an Excel workbook of what the page shows.
#include "ui/uitestsupport.h"

#include "core/kpitestsupport.h"
#include "catalogues/cataloguedialog.h"
#include "demo/demo.h"
#include "io/csv.h"
#include "kpi/kpiengine.h"
#include "kpi/kpipage.h"
#include "support/xlsxreader.h"

#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QFileInfo>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

using namespace vigil;
using vigil::test::WindowFixture;
using vigil::test::XlsxSheet;

namespace {

const QDate demoDay(2026, 11, 23);

// The window on a small demo site, on the demo's day.
struct DemoWindow
{
    DemoWindow()
    {
        const QString path = f.dir.path(QStringLiteral("demo.vigil"));
        DemoOptions options;
        options.today = demoDay;
        generateDemo(path, options);
        f.window->close();
        test::flushDeletes();
        f.open(Database::open(path));
    }

    test::PinnedClock pinned {QDateTime(demoDay, QTime(9, 30), Qt::UTC)};
    WindowFixture f;
};

// A widget of the page (object names repeat from page to page).
template<typename T>
T *child(WindowFixture &f, const QString &page, const QString &name)
{
    T *widget = f.find<QWidget>(page)->findChild<T *>(name);
    INFO(page.toStdString() << " has no " << name.toStdString());
    REQUIRE(widget);
    return widget;
}

// Narrows a page by the first choice of the combo box that shows some rows but not all, as a
// user picking it would.
int narrow(WindowFixture &f, const QString &page, const QString &combo, const QString &table)
{
    auto *box = child<QComboBox>(f, page, combo);
    auto *view = child<QTableView>(f, page, table);
    QCoreApplication::processEvents();
    const int all = view->model()->rowCount();
    for (int i = 0; i < box->count(); ++i) {
        box->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const int shown = view->model()->rowCount();
        if (shown > 0 && shown < all)
            return shown;
    }
    FAIL(combo.toStdString() << " never narrows the " << all << " rows");
    return 0;
}

XlsxSheet exportAs(WindowFixture &f, const QString &action, const QString &name)
{
    const QString path = f.dir.path(name);
    dialogs::setNextFileName(path);
    f.trigger(action);
    REQUIRE(QFileInfo::exists(path));
    return test::readXlsx(path);
}

} // namespace

TEST_CASE("Every register page exports what it shows to an Excel workbook", "[ui][export][xlsx]")
{
    DemoWindow demo;
    WindowFixture &f = demo.f;

    f.window->showModule(QStringLiteral("risks"));
    int shown = narrow(f, QStringLiteral("risksPage"), QStringLiteral("filterCategory"), QStringLiteral("riskTable"));
    XlsxSheet sheet = exportAs(f, QStringLiteral("actionExportRisks"), QStringLiteral("risks.xlsx"));
    CHECK(sheet.rowCount() == shown + 1);
    CHECK(sheet.sheetName == QStringLiteral("Risk register"));
    CHECK(sheet.frozenHeader);
    auto *risks = f.find<QTableView>(QStringLiteral("riskTable"));
    CHECK(sheet.cell(1, QStringLiteral("Reference")).text == risks->model()->index(0, 0).data().toString());
    CHECK(sheet.cell(1, QStringLiteral("Review date")).isDate());

    f.window->showModule(QStringLiteral("incidents"));
    shown = narrow(f, QStringLiteral("incidentsPage"), QStringLiteral("filterSeverity"), QStringLiteral("incidentTable"));
    sheet = exportAs(f, QStringLiteral("actionExportIncidents"), QStringLiteral("incidents.xlsx"));
    CHECK(sheet.rowCount() == shown + 1);
    CHECK(sheet.cell(1, QStringLiteral("Occurred (UTC)")).isDate());

    f.window->showModule(QStringLiteral("actions"));
    auto *status = child<QComboBox>(f, QStringLiteral("actionsPage"), QStringLiteral("filterStatus"));
    status->setCurrentIndex(1); // all statuses first, then the outstanding ones
    shown = narrow(f, QStringLiteral("actionsPage"), QStringLiteral("filterStatus"), QStringLiteral("actionTable"));
    sheet = exportAs(f, QStringLiteral("actionExportActions"), QStringLiteral("actions.xlsx"));
    CHECK(sheet.rowCount() == shown + 1);
    CHECK(sheet.cell(1, QStringLiteral("Due")).isDate());

    f.window->showModule(QStringLiteral("training"));
    auto *tabs = f.find<QTabWidget>(QStringLiteral("trainingTabs"));
    shown = narrow(f, QStringLiteral("trainingPage"), QStringLiteral("matrixPost"), QStringLiteral("matrixTable"));
    sheet = exportAs(f, QStringLiteral("actionExportTraining"), QStringLiteral("matrix.xlsx"));
    CHECK(sheet.rowCount() == shown + 1);
    CHECK(sheet.sheetName == QStringLiteral("Compliance on 2026-11-23"));
    tabs->setCurrentIndex(1); // the records
    shown = narrow(f, QStringLiteral("trainingPage"), QStringLiteral("recordCourseFilter"), QStringLiteral("recordTable"));
    sheet = exportAs(f, QStringLiteral("actionExportTraining"), QStringLiteral("records.xlsx"));
    CHECK(sheet.rowCount() == shown + 1);
    CHECK(sheet.cell(1, QStringLiteral("Completed on")).isDate());
}

TEST_CASE("The export dialog's format: a name's extension decides, else the format chosen, remembered", "[ui][export][xlsx]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("actions"));
    // The first time, CSV is offered; a name without an extension gets .csv.
    dialogs::setNextFileName(f.dir.path(QStringLiteral("first")));
    f.trigger(QStringLiteral("actionExportActions"));
    CHECK(test::readFile(f.dir.path(QStringLiteral("first.csv"))).startsWith("\xEF\xBB\xBFReference,"));
    // A name ending in .xlsx is a workbook, and Excel is offered from then on.
    dialogs::setNextFileName(f.dir.path(QStringLiteral("second.XLSX")));
    f.trigger(QStringLiteral("actionExportActions"));
    CHECK(test::readXlsx(f.dir.path(QStringLiteral("second.XLSX"))).rowCount() == 1);
    dialogs::setNextFileName(f.dir.path(QStringLiteral("third")));
    f.trigger(QStringLiteral("actionExportActions"));
    CHECK(test::readXlsx(f.dir.path(QStringLiteral("third.xlsx"))).headers().contains(QStringLiteral("Reference")));
    // .csv is still CSV.
    dialogs::setNextFileName(f.dir.path(QStringLiteral("fourth.csv")));
    f.trigger(QStringLiteral("actionExportActions"));
    CHECK(test::readFile(f.dir.path(QStringLiteral("fourth.csv"))).startsWith("\xEF\xBB\xBF"));
    // Cancelled: nothing written, nothing said.
    const QStringList before = test::listDir(f.dir.root());
    f.trigger(QStringLiteral("actionExportActions"));
    CHECK(test::listDir(f.dir.root()) == before);
    CHECK(dialogs::takeShownMessages().isEmpty());
}

TEST_CASE("An export into a place that cannot be written says so and leaves no file", "[ui][export][xlsx]")
{
    WindowFixture f;
    f.window->showModule(QStringLiteral("risks"));
    test::writeFile(f.dir.path(QStringLiteral("blocker")), "a file, not a folder");
    const QStringList before = test::listDir(f.dir.root());
    for (const char *name : {"blocker/risks.xlsx", "blocker/risks.csv"}) {
        INFO(name);
        dialogs::takeShownMessages();
        dialogs::setNextFileName(f.dir.path(QLatin1String(name)));
        f.trigger(QStringLiteral("actionExportRisks"));
        const QStringList messages = dialogs::takeShownMessages();
        REQUIRE(messages.size() == 1);
        CHECK(messages.at(0).contains(QLatin1String(name)));
        CHECK(messages.at(0).contains(QStringLiteral("cannot be written")));
        CHECK(test::listDir(f.dir.root()) == before);
    }
}

TEST_CASE("The KPI page exports the values entered by hand (Ctrl+E)", "[ui][export][kpis]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    Database &db = f.window->database();
    KpiValueRepository values(db);
    values.setValue(test::builtIn(db, KpiKey::PatrolsCompleted).id, QDate(2026, 2, 1), 99);
    values.setValue(test::builtIn(db, KpiKey::PatrolsCompleted).id, QDate(2026, 1, 1), 97.5, QStringLiteral("snow"));
    values.setValue(test::builtIn(db, KpiKey::AuditScore).id, QDate(2025, 10, 1), 88);
    f.window->showModule(QStringLiteral("kpis"));
    auto *page = f.find<KpiPage>(QStringLiteral("kpiPage"));
    REQUIRE(QTest::qWaitFor([&] { return !page->isUpdating(); }, 10000));

    const QString path = f.dir.path(QStringLiteral("kpi-values.xlsx"));
    dialogs::setNextFileName(path);
    f.find<QComboBox>(QStringLiteral("kpiPeriod"))->setFocus();
    QTest::keyClick(f.window, Qt::Key_E, Qt::ControlModifier);
    REQUIRE(QFileInfo::exists(path));
    const XlsxSheet sheet = test::readXlsx(path);
    REQUIRE(sheet.rowCount() == 4);
    CHECK(sheet.sheetName == QStringLiteral("KPI values"));
    QStringList periods;
    for (int r = 1; r < sheet.rowCount(); ++r) {
        periods.append(sheet.cell(r, QStringLiteral("Period")).text);
        CHECK(sheet.cell(r, QStringLiteral("Value")).kind == test::XlsxCell::Kind::Number);
    }
    periods.sort();
    CHECK(periods == (QStringList {QStringLiteral("2025-Q4"), QStringLiteral("2026-01"), QStringLiteral("2026-02")}));
    // The status bar says how many went where.
    CHECK(f.window->statusBar()->currentMessage().contains(QStringLiteral("kpi-values.xlsx")));
}

TEST_CASE("The people list exports the people it shows", "[ui][export][xlsx][people]")
{
    DemoWindow demo;
    WindowFixture &f = demo.f;
    auto *dialog = new CatalogueDialog(ModuleContext {f.window->database(), f.window->undoStack(), *f.window},
        CatalogueDialog::Kind::People, f.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("catalogueList"));
    auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("catalogueFilter"));
    REQUIRE(list);
    REQUIRE(filter);
    filter->setText(QStringLiteral("an")); // part of many names, not all
    QCoreApplication::processEvents();
    QStringList shown;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (!list->topLevelItem(i)->isHidden())
            shown.append(list->topLevelItem(i)->text(0));
    }
    REQUIRE(shown.size() > 1);
    test::screenshot(dialog, QStringLiteral("people-export"));
    REQUIRE(shown.size() < list->topLevelItemCount());

    const QString path = f.dir.path(QStringLiteral("people.xlsx"));
    dialogs::setNextFileName(path);
    dialog->findChild<QPushButton *>(QStringLiteral("catalogueExport"))->click();
    REQUIRE(QFileInfo::exists(path));
    const XlsxSheet sheet = test::readXlsx(path);
    CHECK(sheet.headers().value(0) == QStringLiteral("Name"));
    REQUIRE(sheet.rowCount() == shown.size() + 1);
    QStringList exported;
    for (int r = 1; r < sheet.rowCount(); ++r)
        exported.append(sheet.rows.at(r).at(0).text);
    std::sort(shown.begin(), shown.end());
    std::sort(exported.begin(), exported.end());
    CHECK(exported == shown);
    dialog->reject();
    test::flushDeletes();
}
