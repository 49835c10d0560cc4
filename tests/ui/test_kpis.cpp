#include "ui/uitestsupport.h"

#include "base/clock.h"
#include "core/incidenttestsupport.h"
#include "incidents/incidentrepository.h"
#include "kpi/kpiengine.h"
#include "kpi/kpipage.h"
#include "kpi/kpivaluesdialog.h"
#include "widgets/figuretile.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QValueAxis>

using namespace vigil;
using vigil::test::WindowFixture;

namespace {

// The dashboard computes beside the window: wait until what it shows is the newest figures.
void waitForDashboard(WindowFixture &f)
{
    auto *page = f.find<KpiPage>(QStringLiteral("kpiPage"));
    QCoreApplication::processEvents(); // a change's refresh is posted, not yet asked for
    REQUIRE(QTest::qWaitFor([&] { return !page->isUpdating(); }, 10000));
    QCoreApplication::processEvents();
}

// Clicks a chart where a value is drawn, as a user's mouse would.
void clickChart(QChartView *view, QAbstractSeries *series, const QPointF &value)
{
    QChart *chart = view->chart();
    const QPoint at = view->mapFromScene(chart->mapToScene(chart->mapToPosition(value, series)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCoreApplication::processEvents();
}

qint64 addIncident(Database &db, const QDate &day, Severity severity, const QString &category)
{
    Incident incident = test::makeIncident(db, QStringLiteral("Seen on %1").arg(day.toString(Qt::ISODate)), category);
    incident.occurredAt = QDateTime(day, QTime(10, 0), Qt::UTC);
    incident.reportedAt = incident.occurredAt.addSecs(600);
    incident.severity = severity;
    return IncidentRepository(db).create(incident).id;
}

} // namespace

TEST_CASE("The KPI dashboard shows each KPI for the period and a tile leads to its records", "[ui][kpis]")
{
    test::PinnedClock pinned; // mid-March: no month boundary near
    WindowFixture f;
    Database &db = f.window->database();
    // Two incidents last month, one this month.
    const QDate lastMonth = Clock::current().today().addMonths(-1);
    for (const QDate &day : {QDate(lastMonth.year(), lastMonth.month(), 3), QDate(lastMonth.year(), lastMonth.month(), 20),
             Clock::current().today().addDays(-1)}) {
        Incident incident = test::makeIncident(db, QStringLiteral("Fence panel cut on %1").arg(day.toString(Qt::ISODate)));
        incident.occurredAt = QDateTime(day, QTime(2, 0), Qt::UTC);
        incident.reportedAt = incident.occurredAt.addSecs(600);
        IncidentRepository(db).create(incident);
    }
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    auto *period = f.find<QComboBox>(QStringLiteral("kpiPeriod"));
    CHECK(period->currentText() == QStringLiteral("Last month"));
    auto *incidents = f.find<FigureTile>(QStringLiteral("kpi_incidents.total"));
    CHECK(incidents->value() == QStringLiteral("2"));
    CHECK(incidents->detail().startsWith(kpiStatusTitle(KpiStatus::Green)));
    test::screenshot(f.window, QStringLiteral("kpis"));
    period->setCurrentIndex(0); // this month
    waitForDashboard(f);
    CHECK(incidents->value() == QStringLiteral("1"));
    CHECK(incidents->detail().contains(QStringLiteral("▼ 2"))); // one fewer than the month before
    period->setCurrentIndex(1);
    waitForDashboard(f);

    // The tile opens the incident log on the period's incidents.
    incidents->click();
    QCoreApplication::processEvents();
    CHECK(f.window->currentModuleId() == QStringLiteral("incidents"));
    CHECK(f.find<QTableView>(QStringLiteral("incidentTable"))->model()->rowCount() == 2);

    // A manual KPI's tile asks for the period's value; undo takes it away.
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    auto *patrols = f.find<FigureTile>(QStringLiteral("kpi_manual.patrols_completed"));
    CHECK(patrols->value() == QStringLiteral("–"));
    dialogs::setNextText(QStringLiteral("97.5"));
    patrols->click();
    REQUIRE(QTest::qWaitFor([&] { return patrols->value() == QStringLiteral("97.5%"); }, 5000));
    f.window->undoStack().undo();
    // The dashboard refreshes once changes settle.
    REQUIRE(QTest::qWaitFor([&] { return patrols->value() == QStringLiteral("–"); }, 5000));
}

TEST_CASE("The dashboard's charts lead to their records, a custom range is read and the grid enters values", "[ui][kpis]")
{
    test::PinnedClock pinned; // 2026-03-14: last month is February
    WindowFixture f;
    Database &db = f.window->database();
    addIncident(db, QDate(2026, 2, 3), Severity::High, QStringLiteral("Theft"));
    addIncident(db, QDate(2026, 2, 10), Severity::High, QStringLiteral("Theft"));
    addIncident(db, QDate(2026, 2, 11), Severity::Low, QStringLiteral("Theft"));
    addIncident(db, QDate(2026, 2, 20), Severity::Low, QStringLiteral("Fire"));
    addIncident(db, QDate(2026, 1, 20), Severity::High, QStringLiteral("Fire"));
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    test::screenshot(f.window, QStringLiteral("kpis-charts"));

    // February's high-severity bar: the log on February's two high incidents.
    auto *incidentView = f.find<QChartView>(QStringLiteral("kpiIncidentChart"));
    auto *stacked = qobject_cast<QStackedBarSeries *>(incidentView->chart()->series().value(0));
    REQUIRE(stacked);
    REQUIRE(stacked->barSets().size() == 4);
    CHECK(stacked->barSets().at(2)->at(11) == 2); // high, February (the twelfth month)
    CHECK(stacked->barSets().at(2)->at(10) == 1); // high, January
    clickChart(incidentView, stacked, QPointF(11, 1 + 2 / 2.0)); // above February's one low incident
    CHECK(f.window->currentModuleId() == QStringLiteral("incidents"));
    CHECK(f.find<QTableView>(QStringLiteral("incidentTable"))->model()->rowCount() == 2);

    // The biggest category is drawn at the top; its bar lists February's thefts.
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    auto *categoryView = f.find<QChartView>(QStringLiteral("kpiCategoryChart"));
    auto *bars = qobject_cast<QHorizontalBarSeries *>(categoryView->chart()->series().value(0));
    REQUIRE(bars);
    auto *names = qobject_cast<QBarCategoryAxis *>(categoryView->chart()->axes(Qt::Vertical).value(0));
    REQUIRE(names);
    CHECK(names->categories() == QStringList {QStringLiteral("Fire"), QStringLiteral("Theft")});
    clickChart(categoryView, bars, QPointF(1.5, 1)); // the Theft bar (3)
    CHECK(f.window->currentModuleId() == QStringLiteral("incidents"));
    CHECK(f.find<QTableView>(QStringLiteral("incidentTable"))->model()->rowCount() == 3);

    // A custom range: from January 15th to February 5th holds two incidents.
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    auto *period = f.find<QComboBox>(QStringLiteral("kpiPeriod"));
    auto *from = f.find<QDateEdit>(QStringLiteral("kpiFrom"));
    auto *to = f.find<QDateEdit>(QStringLiteral("kpiTo"));
    CHECK_FALSE(from->isVisible());
    period->setCurrentIndex(period->findData(6));
    CHECK(from->isVisible());
    from->setDate(QDate(2026, 1, 15));
    to->setDate(QDate(2026, 2, 5));
    waitForDashboard(f);
    auto *incidents = f.find<FigureTile>(QStringLiteral("kpi_incidents.total"));
    CHECK(incidents->value() == QStringLiteral("2"));
    CHECK(f.find<QLabel>(QStringLiteral("kpiHeading"))->text().contains(QStringLiteral("22 days")));
    period->setCurrentIndex(1);
    waitForDashboard(f);

    // The entry grid: February's patrols and the first quarter's audit score, in one step.
    f.trigger(QStringLiteral("actionEnterKpiValues"));
    auto *dialog = test::waitForDialog<KpiValuesDialog>(f, QStringLiteral("kpiValuesDialog"));
    CHECK(dialog->findChild<QSpinBox *>(QStringLiteral("kpiValuesYear"))->value() == 2026);
    auto *grid = dialog->findChild<QTableWidget *>(QStringLiteral("kpiValuesTable"));
    test::screenshot(dialog, QStringLiteral("kpi-values"));
    const auto rowOf = [&](const QString &name) {
        for (int row = 0; row < grid->rowCount(); ++row) {
            if (grid->verticalHeaderItem(row)->text().startsWith(name))
                return row;
        }
        FAIL("no row " << name.toStdString());
        return -1;
    };
    const int patrolsRow = rowOf(QStringLiteral("Patrols completed"));
    const int auditRow = rowOf(QStringLiteral("Audit score"));
    CHECK(grid->columnSpan(auditRow, 0) == 3); // quarterly
    CHECK_FALSE(grid->item(patrolsRow, 5)->flags().testFlag(Qt::ItemIsEditable)); // June is still to come
    grid->item(patrolsRow, 1)->setText(QStringLiteral("ninety"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveKpiValues"));
    save->click();
    CHECK(dialog->isVisible()); // refused: not a number
    CHECK(dialog->findChild<QLabel *>(QStringLiteral("kpiValuesProblem"))->text().contains(QStringLiteral("ninety")));
    grid->item(patrolsRow, 1)->setText(QStringLiteral("96"));
    grid->item(auditRow, 0)->setText(QStringLiteral("88.5"));
    save->click();
    test::flushDeletes();
    f.activate();
    CHECK(f.window->undoStack().undoText() == QStringLiteral("Enter 2 KPI values"));
    waitForDashboard(f);
    CHECK(f.find<FigureTile>(QStringLiteral("kpi_manual.patrols_completed"))->value() == QStringLiteral("96%"));
    CHECK(f.find<FigureTile>(QStringLiteral("kpi_manual.audit_score"))->value() == QStringLiteral("88.5%"));
    f.window->undoStack().undo();
    waitForDashboard(f);
    CHECK(f.find<FigureTile>(QStringLiteral("kpi_manual.patrols_completed"))->value() == QStringLiteral("–"));
    CHECK(f.find<FigureTile>(QStringLiteral("kpi_manual.audit_score"))->value() == QStringLiteral("–"));
    f.window->undoStack().redo();
    waitForDashboard(f);
    CHECK(f.find<FigureTile>(QStringLiteral("kpi_manual.audit_score"))->value() == QStringLiteral("88.5%"));
}

TEST_CASE("The dashboard's charts follow a dark palette", "[ui][kpis]")
{
    test::PinnedClock pinned;
    WindowFixture f;
    addIncident(f.window->database(), QDate(2026, 2, 3), Severity::High, QStringLiteral("Theft"));
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    dark.setColor(QPalette::Midlight, QColor(0x48, 0x48, 0x48));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    QApplication::setPalette(dark);
    f.window->showModule(QStringLiteral("kpis"));
    waitForDashboard(f);
    test::screenshot(f.window, QStringLiteral("kpis-dark"));
    for (const QString &name : {QStringLiteral("kpiIncidentChart"), QStringLiteral("kpiCategoryChart"),
             QStringLiteral("kpiRiskChart"), QStringLiteral("kpiComplianceChart"), QStringLiteral("kpiActionChart")}) {
        INFO(name.toStdString());
        QChart *chart = f.find<QChartView>(name)->chart();
        CHECK(chart->backgroundBrush().color() == dark.color(QPalette::Base));
        CHECK(chart->titleBrush().color() == dark.color(QPalette::Text));
        for (QAbstractAxis *axis : chart->axes())
            CHECK(axis->labelsColor() == dark.color(QPalette::Text));
    }
    // Back to light: the charts redraw in it.
    QApplication::setPalette(light);
    QCoreApplication::processEvents();
    CHECK(f.find<QChartView>(QStringLiteral("kpiRiskChart"))->chart()->backgroundBrush().color() == light.color(QPalette::Base));
}
