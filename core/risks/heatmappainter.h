#pragma once

#include "risks/riskcriteria.h"
#include "risks/riskrepository.h"

#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace vigil {

// Draws the risk matrix with counts per cell: rows are likelihood (highest at the top), columns
// impact, cells in the colour of their level with the level's initial, so the map reads in black
// and white too. Vector drawing only: the same code paints the window and the PDF report.
class HeatMapPainter
{
public:
    enum class Style {
        Full,    // axis titles, step labels and a legend (window, report)
        Compact, // step numbers only (the rating picker in the editor)
    };

    HeatMapPainter(const RiskCriteria &criteria, const HeatMapCounts &counts, Style style = Style::Full);

    void setTitle(const QString &title) { m_title = title; }
    void setSelectedCell(int likelihood, int impact);
    void setFont(const QFont &font) { m_font = font; }
    // Colours for text and lines; black on white unless told otherwise (the window's palette).
    void setInk(const QColor &text, const QColor &grid);

    void paint(QPainter &painter, const QRectF &rect) const;
    // The cell under pos (1-based scores), or false outside the grid.
    bool cellAt(const QRectF &rect, const QPointF &pos, int *likelihood, int *impact) const;
    QRectF cellRect(const QRectF &rect, int likelihood, int impact) const;
    QSizeF minimumSize() const;

    // Black or white, whichever reads better on the colour.
    static QColor textOn(const QColor &background);
    // The short mark for a level ("E" for Extreme); unique within the criteria.
    static QString levelMark(const RiskCriteria &criteria, int level);

private:
    QRectF gridRect(const QRectF &rect) const;
    qreal labelWidth() const;
    qreal titleHeight() const;
    qreal bottomHeight() const;
    qreal legendHeight(qreal width) const;

    RiskCriteria m_criteria;
    HeatMapCounts m_counts;
    Style m_style;
    QString m_title;
    QFont m_font;
    QColor m_text = Qt::black;
    QColor m_grid = QColor(0x60, 0x60, 0x60);
    int m_selectedLikelihood = 0;
    int m_selectedImpact = 0;
};

} // namespace vigil
