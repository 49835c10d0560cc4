#pragma once

#include <QVariantMap>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QGridLayout;

namespace vigil {

struct KpiDashboard;

// The dashboard's five charts, drawn from one KpiDashboard: incidents per month by severity,
// incidents by category, open risks by level inherent and residual, training compliance over
// twelve months, actions raised, completed and open. Colours follow the window's palette (light
// or dark), and each series is told apart by shade, pattern or line as well, so the charts read
// in black and white. Clicking a bar or a point asks for the records it counts (drillDown).
class KpiCharts : public QWidget
{
    Q_OBJECT

public:
    explicit KpiCharts(QWidget *parent = nullptr);
    ~KpiCharts() override;

    void setDashboard(const KpiDashboard &dashboard);

signals:
    void drillDown(const QString &module, const QVariantMap &target);

protected:
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void place(QChartView *view, QChart *chart);
    QChart *incidentsBySeverity();
    QChart *incidentsByCategory();
    QChart *risksByLevel();
    QChart *compliance();
    QChart *actions();

    std::unique_ptr<KpiDashboard> m_data;
    QList<QChartView *> m_views;
};

} // namespace vigil
