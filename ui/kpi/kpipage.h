#pragma once

#include "kpi/kpiengine.h"
#include "shell/module.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;

namespace vigil {

class DashboardLoader;
class FigureTile;
class KpiCharts;
struct KpiDashboard;

// The KPI dashboard: a tile per KPI for the chosen period (value, target, status in colour and
// in words, the change from the previous period as an arrow), and five charts (see KpiCharts).
// A tile or a bar leads to the records it counts; a manual KPI's tile asks for the period's
// value, and Enter Values opens the grid of them all. The figures are computed off the window's
// thread (DashboardLoader): typing elsewhere never waits for them.
class KpiPage : public QWidget
{
    Q_OBJECT

public:
    KpiPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return {m_enterValues, m_exportValues}; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    Period period() const;
    void refresh();
    // A refresh is being computed (what the page shows is the one before).
    bool isUpdating() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void display(const KpiDashboard &dashboard);
    static QString periodHeading(const Period &period);
    void showTiles(const QList<KpiResult> &results);
    void periodChosen();
    void activate(const KpiResult &result);
    void enterValue(const KpiResult &result);
    void enterValues();

    ModuleContext m_context;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_heading;
    QGridLayout *m_tiles;
    KpiCharts *m_charts;
    QAction *m_enterValues;
    QAction *m_exportValues; // every manual KPI value entered, as CSV or Excel
    DashboardLoader *m_loader;
    QList<FigureTile *> m_tileList;
    QList<KpiResult> m_results; // what the tiles show, in their order
    bool m_shown = false;
};

} // namespace vigil
