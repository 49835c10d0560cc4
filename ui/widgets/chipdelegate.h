#pragma once

#include <QStyledItemDelegate>

namespace vigil {

// Paints a cell as a rounded chip in the colour the model gives for ChipColourRole, with the
// display text on it (so the level reads without colour too, and in print).
class ChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int ChipColourRole = Qt::UserRole + 100;
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace vigil
