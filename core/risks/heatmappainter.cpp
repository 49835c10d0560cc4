#include "heatmappainter.h"

#include <QFontMetricsF>

#include <algorithm>
#include <QCoreApplication>
#include <QPainter>

namespace vigil {
namespace {

// The font at factor times its size, whether its size is in points or in pixels (the report
// gives one in the device's pixels).
QFont scaledFont(QFont font, double factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * factor)));
    return font;
}

constexpr qreal gap = 4;

} // namespace

HeatMapPainter::HeatMapPainter(const RiskCriteria &criteria, const HeatMapCounts &counts, Style style)
    : m_criteria(criteria)
    , m_counts(counts)
    , m_style(style)
{
}

void HeatMapPainter::setSelectedCell(int likelihood, int impact)
{
    m_selectedLikelihood = likelihood;
    m_selectedImpact = impact;
}

void HeatMapPainter::setInk(const QColor &text, const QColor &grid)
{
    m_text = text;
    m_grid = grid;
}

QColor HeatMapPainter::textOn(const QColor &background)
{
    // Relative luminance (sRGB weights); a threshold that keeps yellow and orange dark-on-light.
    const qreal luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? Qt::black : Qt::white;
}

QString HeatMapPainter::levelMark(const RiskCriteria &criteria, int level)
{
    if (level < 0 || level >= criteria.levels.size())
        return {};
    const QString name = criteria.levels.at(level).name.trimmed();
    // The shortest prefix no other level shares: L, M, H, E; or Ve/Vh for "Very ..." pairs.
    for (int length = 1; length <= name.size(); ++length) {
        const QString prefix = name.left(length);
        bool unique = true;
        for (int other = 0; other < criteria.levels.size(); ++other) {
            if (other != level && criteria.levels.at(other).name.trimmed().startsWith(prefix, Qt::CaseInsensitive))
                unique = false;
        }
        if (unique)
            return prefix;
    }
    return QString::number(level + 1);
}

qreal HeatMapPainter::labelWidth() const
{
    const QFontMetricsF fm(m_font);
    if (m_style == Style::Compact)
        return fm.horizontalAdvance(QStringLiteral("6")) + gap;
    qreal widest = 0;
    for (int l = 0; l < m_criteria.likelihoodCount(); ++l)
        widest = qMax(widest, fm.horizontalAdvance(m_criteria.likelihood.at(l).label));
    return qMin(widest, fm.averageCharWidth() * 16) + fm.height() + 2 * gap; // + the rotated axis title
}

qreal HeatMapPainter::titleHeight() const
{
    if (m_title.isEmpty())
        return 0;
    QFont bold = m_font;
    bold.setBold(true);
    return QFontMetricsF(bold).height() + gap;
}

qreal HeatMapPainter::bottomHeight() const
{
    const QFontMetricsF fm(m_font);
    if (m_style == Style::Compact)
        return fm.height() + gap;
    return 2 * fm.height() + 2 * gap; // impact step labels (wrapped to two lines) and the axis title
}

qreal HeatMapPainter::legendHeight(qreal width) const
{
    if (m_style == Style::Compact)
        return 0;
    const QFontMetricsF fm(m_font);
    qreal x = 0;
    int lines = 1;
    for (int i = 0; i < m_criteria.levels.size(); ++i) {
        const qreal item = fm.height() + gap + fm.horizontalAdvance(m_criteria.levels.at(i).name) + 3 * gap;
        if (x + item > width && x > 0) {
            ++lines;
            x = 0;
        }
        x += item;
    }
    return lines * (fm.height() + gap) + gap;
}

QRectF HeatMapPainter::gridRect(const QRectF &rect) const
{
    const qreal left = rect.left() + labelWidth();
    const qreal top = rect.top() + titleHeight();
    const qreal width = rect.right() - left;
    const qreal height = rect.bottom() - top - bottomHeight() - legendHeight(rect.width());
    // Cells as tall as the space allows and up to twice as wide, so impact labels fit under them.
    const qreal cellHeight = qMax<qreal>(4, qMin(height / qMax(1, m_criteria.likelihoodCount()),
                                                width / qMax(1, m_criteria.impactCount())));
    const qreal cellWidth = qMax(cellHeight, qMin(width / qMax(1, m_criteria.impactCount()), cellHeight * 2));
    const QSizeF size(cellWidth * m_criteria.impactCount(), cellHeight * m_criteria.likelihoodCount());
    return QRectF(QPointF(left + (width - size.width()) / 2, top), size);
}

QRectF HeatMapPainter::cellRect(const QRectF &rect, int likelihood, int impact) const
{
    const QRectF grid = gridRect(rect);
    const qreal w = grid.width() / m_criteria.impactCount();
    const qreal h = grid.height() / m_criteria.likelihoodCount();
    return QRectF(grid.left() + (impact - 1) * w, grid.top() + (m_criteria.likelihoodCount() - likelihood) * h, w, h);
}

bool HeatMapPainter::cellAt(const QRectF &rect, const QPointF &pos, int *likelihood, int *impact) const
{
    const QRectF grid = gridRect(rect);
    if (!grid.contains(pos))
        return false;
    const int column = int((pos.x() - grid.left()) / (grid.width() / m_criteria.impactCount()));
    const int row = int((pos.y() - grid.top()) / (grid.height() / m_criteria.likelihoodCount()));
    *impact = qBound(1, column + 1, m_criteria.impactCount());
    *likelihood = qBound(1, m_criteria.likelihoodCount() - row, m_criteria.likelihoodCount());
    return true;
}

QSizeF HeatMapPainter::minimumSize() const
{
    const QFontMetricsF fm(m_font);
    const qreal cell = m_style == Style::Compact ? fm.height() * 1.4 : fm.height() * 2.2;
    const qreal width = labelWidth() + cell * m_criteria.impactCount();
    return {width, titleHeight() + cell * m_criteria.likelihoodCount() + bottomHeight() + legendHeight(width)};
}

void HeatMapPainter::paint(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(m_font);
    const QFontMetricsF fm(m_font);
    const QRectF grid = gridRect(rect);

    if (!m_title.isEmpty()) {
        QFont bold = m_font;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(m_text);
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), titleHeight()), Qt::AlignLeft | Qt::AlignTop, m_title);
        p.setFont(m_font);
    }

    QFont countFont = scaledFont(m_font, m_style == Style::Compact ? 1.0 : 1.25);
    countFont.setBold(true);
    const QFont markFont = scaledFont(m_font, 0.8);
    for (int l = 1; l <= m_criteria.likelihoodCount(); ++l) {
        for (int i = 1; i <= m_criteria.impactCount(); ++i) {
            const QRectF cell = cellRect(rect, l, i);
            const int level = m_criteria.levelAt(l, i);
            const int count = m_counts.counts.isEmpty() ? 0 : m_counts.at(l, i);
            QColor fill = level >= 0 ? m_criteria.levels.at(level).colour : QColor(Qt::lightGray);
            // Empty cells are paler, so the eye goes to where the risks are.
            if (m_style == Style::Full && count == 0)
                fill = QColor::fromRgbF(0.55 * fill.redF() + 0.45, 0.55 * fill.greenF() + 0.45, 0.55 * fill.blueF() + 0.45);
            p.fillRect(cell, fill);
            p.setPen(QPen(m_grid, 0.5));
            p.drawRect(cell);
            const QColor ink = textOn(fill);
            p.setPen(ink);
            if (m_style == Style::Full) {
                p.setFont(markFont);
                p.drawText(cell.adjusted(3, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop, levelMark(m_criteria, level));
                if (count > 0) {
                    p.setFont(countFont);
                    p.drawText(cell, Qt::AlignCenter, QString::number(count));
                }
            } else {
                p.setFont(markFont);
                p.drawText(cell, Qt::AlignCenter, levelMark(m_criteria, level));
            }
        }
    }
    p.setFont(m_font);
    if (m_selectedLikelihood > 0 && m_selectedImpact > 0) {
        const QRectF cell = cellRect(rect, m_selectedLikelihood, m_selectedImpact);
        p.setPen(QPen(m_text, 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5));
    }

    // Likelihood steps to the left of their rows, impact steps under their columns.
    p.setPen(m_text);
    for (int l = 1; l <= m_criteria.likelihoodCount(); ++l) {
        const QRectF row = cellRect(rect, l, 1);
        const QString label = m_style == Style::Compact ? QString::number(l)
                                                        : fm.elidedText(m_criteria.likelihood.at(l - 1).label,
                                                            Qt::ElideRight, labelWidth() - fm.height() - 2 * gap);
        p.drawText(QRectF(rect.left(), row.top(), grid.left() - rect.left() - gap, row.height()),
            Qt::AlignRight | Qt::AlignVCenter, label);
    }
    const QFont small = m_style == Style::Full ? scaledFont(m_font, 0.9) : m_font;
    p.setFont(small);
    const QFontMetricsF sfm(small);
    for (int i = 1; i <= m_criteria.impactCount(); ++i) {
        const QRectF column = cellRect(rect, 1, i);
        const QRectF box(column.left() + 1, grid.bottom() + gap / 2, column.width() - 2,
            m_style == Style::Compact ? fm.height() : 2 * fm.height());
        if (m_style == Style::Compact) {
            p.drawText(box, Qt::AlignHCenter | Qt::AlignTop, QString::number(i));
            continue;
        }
        // Two lines at most; a word too long for the column is shortened, never cut mid-letter.
        const QString label = m_criteria.impact.at(i - 1).label;
        const QRectF needed = sfm.boundingRect(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, label);
        const bool fits = needed.width() <= box.width() + 0.5 && needed.height() <= box.height() + 0.5;
        p.drawText(box, Qt::AlignHCenter | Qt::AlignTop | (fits ? Qt::TextWordWrap : 0),
            fits ? label : sfm.elidedText(label, Qt::ElideRight, box.width()));
    }
    p.setFont(m_font);
    if (m_style == Style::Full) {
        QFont italic = m_font;
        italic.setItalic(true);
        p.setFont(italic);
        p.save();
        p.translate(rect.left() + fm.height() * 0.8, grid.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-grid.height() / 2, -fm.height(), grid.height(), fm.height() * 1.2), Qt::AlignCenter,
            QCoreApplication::translate("vigil::HeatMapPainter", "Likelihood"));
        p.restore();
        const qreal axisTop = grid.bottom() + gap + 2 * fm.height();
        p.drawText(QRectF(grid.left(), axisTop - fm.height() * 0.1, grid.width(), fm.height()), Qt::AlignCenter,
            QCoreApplication::translate("vigil::HeatMapPainter", "Impact"));
        p.setFont(m_font);

        // Legend: the level's colour with its mark, and its name.
        qreal x = rect.left();
        qreal y = rect.bottom() - legendHeight(rect.width()) + gap;
        for (int level = 0; level < m_criteria.levels.size(); ++level) {
            const QString name = m_criteria.levels.at(level).name;
            const qreal item = fm.height() + gap + fm.horizontalAdvance(name) + 3 * gap;
            if (x + item > rect.right() && x > rect.left()) {
                x = rect.left();
                y += fm.height() + gap;
            }
            const QRectF swatch(x, y, fm.height(), fm.height());
            p.fillRect(swatch, m_criteria.levels.at(level).colour);
            p.setPen(QPen(m_grid, 0.5));
            p.drawRect(swatch);
            p.setPen(textOn(m_criteria.levels.at(level).colour));
            p.setFont(markFont);
            p.drawText(swatch, Qt::AlignCenter, levelMark(m_criteria, level));
            p.setFont(m_font);
            p.setPen(m_text);
            p.drawText(QRectF(x + fm.height() + gap, y, fm.horizontalAdvance(name) + gap, fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, name);
            x += item;
        }
    }
    p.restore();
}

} // namespace vigil
