#pragma once

#include "risks/riskcriteria.h"
#include "risks/riskrepository.h"

#include <QWidget>

namespace vigil {

// The risk matrix as a widget: counts per cell (Full style) or a rating to pick (Compact style).
// Click a cell, or move with the arrow keys and press Enter or Space.
class HeatMapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit HeatMapWidget(bool compact, QWidget *parent = nullptr);

    void setCriteria(const RiskCriteria &criteria);
    void setCounts(const HeatMapCounts &counts);
    void setTitle(const QString &title);
    // The highlighted cell (0, 0: none).
    void setSelectedCell(int likelihood, int impact);
    int selectedLikelihood() const { return m_likelihood; }
    int selectedImpact() const { return m_impact; }
    const RiskCriteria &criteria() const { return m_criteria; }
    // Where a cell is drawn (1-based scores), in widget coordinates.
    QRect cellRect(int likelihood, int impact) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellActivated(int likelihood, int impact);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    class HeatMapPainter painter() const;
    QString cellDescription(int likelihood, int impact) const;

    bool m_compact;
    RiskCriteria m_criteria;
    HeatMapCounts m_counts;
    QString m_title;
    int m_likelihood = 0;
    int m_impact = 0;
};

} // namespace vigil
