#include "chipdelegate.h"

#include "risks/heatmappainter.h"

#include <QApplication>
#include <QPainter>

namespace vigil {

void ChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant colour = index.data(ChipColourRole);
    if (!colour.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's selection background first, then the chip on it.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics fm(option.font);
    const int width = qMin(option.rect.width() - 8, fm.horizontalAdvance(text) + 16);
    const int height = qMin(option.rect.height() - 4, fm.height() + 4);
    const QRect chip(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);
    const QColor fill = colour.value<QColor>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
    painter->setPen(HeatMapPainter::textOn(fill));
    painter->drawText(chip, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, chip.width() - 8));
    painter->restore();
}

QSize ChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(ChipColourRole).isValid())
        size.setWidth(QFontMetrics(option.font).horizontalAdvance(index.data().toString()) + 28);
    return size;
}

} // namespace vigil
