#include "actionregistermodel.h"

#include "base/clock.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace vigil {

ActionRegisterModel::ActionRegisterModel(Database &db, QObject *parent)
    : WindowedTableModel<ActionRow>(parent)
    , m_db(db)
{
    WindowedTableModel<ActionRow>::sort(int(ActionColumn::Due), Qt::AscendingOrder);
}

void ActionRegisterModel::setFilter(const ActionFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

int ActionRegisterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ActionColumn::Count);
}

int ActionRegisterModel::fetchCount() const
{
    return ActionRepository(m_db).count(m_filter);
}

QList<ActionRow> ActionRegisterModel::fetchRows(int offset, int limit) const
{
    return ActionRepository(m_db).rows(m_filter, ActionColumn(sortColumn()), sortOrder(), offset, limit);
}

QVariant ActionRegisterModel::data(const QModelIndex &index, int role) const
{
    const ActionRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == IdRole)
        return row->id;
    const auto column = ActionColumn(index.column());
    const bool overdue = isOutstanding(row->status) && row->dueDate.isValid() && row->dueDate < Clock::current().today();
    if (column == ActionColumn::Due && overdue) {
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return tr("Overdue by %n days", nullptr, int(row->dueDate.daysTo(Clock::current().today())));
    }
    if (role == Qt::ToolTipRole && column == ActionColumn::Description)
        return row->description;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case ActionColumn::Reference:
        return row->reference;
    case ActionColumn::Description:
        return row->description.simplified();
    case ActionColumn::Source:
        return row->incidentReference.isEmpty() ? actionSourceTitle(row->source) : row->incidentReference;
    case ActionColumn::Owner:
        return row->ownerName;
    case ActionColumn::Due:
        return row->dueDate.isValid() ? QLocale().toString(row->dueDate, QLocale::ShortFormat) : QString();
    case ActionColumn::Status:
        return actionStatusTitle(row->status);
    case ActionColumn::Count:
        break;
    }
    return {};
}

QVariant ActionRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (ActionColumn(section)) {
    case ActionColumn::Reference:
        return tr("Reference");
    case ActionColumn::Description:
        return tr("Corrective action");
    case ActionColumn::Source:
        return tr("Source");
    case ActionColumn::Owner:
        return tr("Owner");
    case ActionColumn::Due:
        return tr("Due");
    case ActionColumn::Status:
        return tr("Status");
    case ActionColumn::Count:
        break;
    }
    return {};
}

} // namespace vigil
