#include "heatmapwidget.h"

#include "risks/heatmappainter.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace vigil {

HeatMapWidget::HeatMapWidget(bool compact, QWidget *parent)
    : QWidget(parent)
    , m_compact(compact)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setCursor(Qt::PointingHandCursor);
}

void HeatMapWidget::setCriteria(const RiskCriteria &criteria)
{
    m_criteria = criteria;
    if (m_likelihood > criteria.likelihoodCount() || m_impact > criteria.impactCount())
        m_likelihood = m_impact = 0;
    updateGeometry();
    update();
}

void HeatMapWidget::setCounts(const HeatMapCounts &counts)
{
    m_counts = counts;
    update();
}

void HeatMapWidget::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void HeatMapWidget::setSelectedCell(int likelihood, int impact)
{
    m_likelihood = likelihood;
    m_impact = impact;
    update();
}

HeatMapPainter HeatMapWidget::painter() const
{
    HeatMapPainter p(m_criteria, m_counts, m_compact ? HeatMapPainter::Style::Compact : HeatMapPainter::Style::Full);
    p.setTitle(m_title);
    p.setFont(font());
    p.setInk(palette().color(QPalette::WindowText), palette().color(QPalette::Mid));
    p.setSelectedCell(m_likelihood, m_impact);
    return p;
}

QSize HeatMapWidget::sizeHint() const
{
    const QSizeF minimum = painter().minimumSize();
    return m_compact ? minimum.toSize() + QSize(4, 4) : (minimum * 1.3).toSize();
}

QSize HeatMapWidget::minimumSizeHint() const
{
    return painter().minimumSize().toSize() + QSize(4, 4);
}

QRect HeatMapWidget::cellRect(int likelihood, int impact) const
{
    return painter().cellRect(QRectF(rect()).adjusted(2, 2, -2, -2), likelihood, impact).toRect();
}

void HeatMapWidget::paintEvent(QPaintEvent *)
{
    if (m_criteria.likelihoodCount() == 0)
        return;
    QPainter p(this);
    painter().paint(p, QRectF(rect()).adjusted(2, 2, -2, -2));
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void HeatMapWidget::mousePressEvent(QMouseEvent *event)
{
    int likelihood = 0;
    int impact = 0;
    if (event->button() == Qt::LeftButton
        && painter().cellAt(QRectF(rect()).adjusted(2, 2, -2, -2), event->position(), &likelihood, &impact)) {
        setSelectedCell(likelihood, impact);
        emit cellActivated(likelihood, impact);
    }
}

void HeatMapWidget::keyPressEvent(QKeyEvent *event)
{
    if (m_criteria.likelihoodCount() == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    int l = m_likelihood > 0 ? m_likelihood : 1;
    int i = m_impact > 0 ? m_impact : 1;
    switch (event->key()) {
    case Qt::Key_Up:
        l = qMin(l + 1, m_criteria.likelihoodCount());
        break;
    case Qt::Key_Down:
        l = qMax(l - 1, 1);
        break;
    case Qt::Key_Left:
        i = qMax(i - 1, 1);
        break;
    case Qt::Key_Right:
        i = qMin(i + 1, m_criteria.impactCount());
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        setSelectedCell(l, i);
        emit cellActivated(l, i);
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setSelectedCell(l, i);
    // The picker takes the cell as the user moves; the overview map waits for Enter.
    if (m_compact)
        emit cellActivated(l, i);
}

bool HeatMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int likelihood = 0;
        int impact = 0;
        if (painter().cellAt(QRectF(rect()).adjusted(2, 2, -2, -2), help->pos(), &likelihood, &impact))
            QToolTip::showText(help->globalPos(), cellDescription(likelihood, impact), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString HeatMapWidget::cellDescription(int likelihood, int impact) const
{
    const int level = m_criteria.levelAt(likelihood, impact);
    QString text = tr("Likelihood %1 (%2) x impact %3 (%4): %5")
                       .arg(likelihood)
                       .arg(m_criteria.likelihood.value(likelihood - 1).label)
                       .arg(impact)
                       .arg(m_criteria.impact.value(impact - 1).label)
                       .arg(level >= 0 ? m_criteria.levels.at(level).name : QString());
    if (!m_compact)
        text += u'\n' + tr("%n risks; click to list them", nullptr, m_counts.counts.isEmpty() ? 0 : m_counts.at(likelihood, impact));
    return text;
}

} // namespace vigil
