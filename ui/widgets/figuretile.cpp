#include "figuretile.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace vigil {

FigureTile::FigureTile(QWidget *parent)
    : QAbstractButton(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    // As tall as the tallest tile in its row (one with a detail line), so a row lines up.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void FigureTile::setValue(const QString &value)
{
    m_value = value;
    setAccessibleName(m_value + u' ' + m_label);
    update();
}

void FigureTile::setLabel(const QString &label)
{
    m_label = label;
    setText(label);
    setAccessibleName(m_value + u' ' + m_label);
    updateGeometry();
    update();
}

void FigureTile::setDetail(const QString &detail)
{
    m_detail = detail;
    updateGeometry();
    update();
}

void FigureTile::setAccent(const QColor &accent)
{
    m_accent = accent;
    update();
}

QSize FigureTile::sizeHint() const
{
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.9);
    big.setBold(true);
    const QFontMetrics fm(font());
    const QFontMetrics bfm(big);
    const int width = std::max({bfm.horizontalAdvance(m_value), fm.horizontalAdvance(m_label), fm.horizontalAdvance(m_detail)});
    const int height = bfm.height() + fm.height() * (m_detail.isEmpty() ? 1 : 2) + 20;
    return {qMax(150, width + 32), height};
}

void FigureTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    QPainterPath path;
    path.addRoundedRect(frame, 6, 6);
    p.fillPath(path, palette().color(QPalette::Base));
    const bool highlight = hasFocus() || m_hovered;
    p.setPen(QPen(palette().color(highlight ? QPalette::Highlight : QPalette::Mid), highlight ? 2 : 1));
    p.drawPath(path);
    if (m_accent.isValid()) {
        p.save();
        p.setClipPath(path);
        p.fillRect(QRectF(frame.left(), frame.top(), 6, frame.height()), m_accent);
        p.restore();
    }
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.9);
    big.setBold(true);
    const QFontMetrics bfm(big);
    const QFontMetrics fm(font());
    const QRect text = rect().adjusted(m_accent.isValid() ? 16 : 12, 8, -10, -6);
    p.setPen(palette().color(QPalette::Text));
    p.setFont(big);
    p.drawText(QRect(text.left(), text.top(), text.width(), bfm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_value);
    p.setFont(font());
    p.drawText(QRect(text.left(), text.top() + bfm.height(), text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(m_label, Qt::ElideRight, text.width()));
    if (!m_detail.isEmpty()) {
        // Quieter than the figure, in light and dark palettes alike.
        QColor quiet = palette().color(QPalette::Text);
        quiet.setAlphaF(0.65f);
        p.setPen(quiet);
        p.drawText(QRect(text.left(), text.top() + bfm.height() + fm.height(), text.width(), fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(m_detail, Qt::ElideRight, text.width()));
    }
}

void FigureTile::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QAbstractButton::enterEvent(event);
}

void FigureTile::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QAbstractButton::leaveEvent(event);
}

} // namespace vigil
