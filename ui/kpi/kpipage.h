#pragma once

#include "kpi/kpiengine.h"
#include "shell/module.h"

#include <QWidget>

class QAction;
class QComboBox;
class QGridLayout;
class QLabel;

namespace vigil {

class FigureTile;
class Period;

// The KPI dashboard: a tile per KPI for the chosen period (value, target, status in colour and
// in words, the change from the previous period as an arrow), and incidents per month by
// severity over the twelve months to the period's end. A tile leads to the records it counts;
// a manual KPI's tile asks for the period's value.
class KpiPage : public QWidget
{
    Q_OBJECT

public:
    KpiPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return {}; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    Period period() const;
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void activate(const KpiResult &result);
    void enterValue(const KpiResult &result);

    ModuleContext m_context;
    QComboBox *m_period;
    QLabel *m_heading;
    QGridLayout *m_tiles;
    QWidget *m_chart;
    QList<FigureTile *> m_tileList;
    QList<KpiResult> m_results; // what the tiles show, in their order
    bool m_shown = false;
};

} // namespace vigil
