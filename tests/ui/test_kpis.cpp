#include "ui/uitestsupport.h"

#include "base/clock.h"
#include "core/incidenttestsupport.h"
#include "incidents/incidentrepository.h"
#include "kpi/kpiengine.h"
#include "widgets/figuretile.h"

#include <QComboBox>
#include <QTableView>
#include <QUndoStack>

using namespace vigil;
using vigil::test::WindowFixture;

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
    QCoreApplication::processEvents();
    auto *period = f.find<QComboBox>(QStringLiteral("kpiPeriod"));
    CHECK(period->currentText() == QStringLiteral("Last month"));
    auto *incidents = f.find<FigureTile>(QStringLiteral("kpi_incidents.total"));
    CHECK(incidents->value() == QStringLiteral("2"));
    CHECK(incidents->detail().startsWith(kpiStatusTitle(KpiStatus::Green)));
    test::screenshot(f.window, QStringLiteral("kpis"));
    period->setCurrentIndex(0); // this month
    QCoreApplication::processEvents();
    CHECK(incidents->value() == QStringLiteral("1"));
    CHECK(incidents->detail().contains(QStringLiteral("▼ 2"))); // one fewer than the month before
    period->setCurrentIndex(1);
    QCoreApplication::processEvents();

    // The tile opens the incident log on the period's incidents.
    incidents->click();
    QCoreApplication::processEvents();
    CHECK(f.window->currentModuleId() == QStringLiteral("incidents"));
    CHECK(f.find<QTableView>(QStringLiteral("incidentTable"))->model()->rowCount() == 2);

    // A manual KPI's tile asks for the period's value; undo takes it away.
    f.window->showModule(QStringLiteral("kpis"));
    QCoreApplication::processEvents();
    auto *patrols = f.find<FigureTile>(QStringLiteral("kpi_manual.patrols_completed"));
    CHECK(patrols->value() == QStringLiteral("–"));
    dialogs::setNextText(QStringLiteral("97.5"));
    patrols->click();
    QCoreApplication::processEvents();
    CHECK(patrols->value() == QStringLiteral("97.5%"));
    f.window->undoStack().undo();
    // The dashboard refreshes once changes settle.
    REQUIRE(QTest::qWaitFor([&] { return patrols->value() == QStringLiteral("–"); }, 5000));
}
