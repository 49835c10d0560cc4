#include "incidentlogmodel.h"

#include "widgets/chipdelegate.h"
#include "widgets/displaytext.h"


namespace vigil {

QColor severityColour(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return QColor(0x8b, 0xc3, 0x4a);
    case Severity::Medium:
        return QColor(0xf2, 0xc9, 0x4c);
    case Severity::High:
        return QColor(0xf2, 0x8c, 0x28);
    case Severity::Critical:
        return QColor(0xd3, 0x2f, 0x2f);
    }
    return {};
}

IncidentLogModel::IncidentLogModel(Database &db, QObject *parent)
    : WindowedTableModel<IncidentRow>(parent)
    , m_db(db)
{
    // Newest first, as a log is read.
    WindowedTableModel<IncidentRow>::sort(int(IncidentColumn::Occurred), Qt::DescendingOrder);
}

void IncidentLogModel::setFilter(const IncidentFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

int IncidentLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(IncidentColumn::Count);
}

int IncidentLogModel::fetchCount() const
{
    return IncidentRepository(m_db).count(m_filter);
}

QList<IncidentRow> IncidentLogModel::fetchRows(int offset, int limit) const
{
    return IncidentRepository(m_db).rows(m_filter, IncidentColumn(sortColumn()), sortOrder(), offset, limit, rowCount());
}

QVariant IncidentLogModel::data(const QModelIndex &index, int role) const
{
    const IncidentRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == IdRole)
        return row->id;
    if (role == CategoryPartsRole)
        return QStringList {row->category, row->subcategory};
    const auto column = IncidentColumn(index.column());
    if (role == Qt::ToolTipRole) {
        // What happened; over a category or location that may be cut short, that in full first.
        if (column == IncidentColumn::Category || column == IncidentColumn::Location)
            return QStringLiteral("%1\n%2").arg(data(index, Qt::DisplayRole).toString(), row->summary);
        return row->summary;
    }
    if (column == IncidentColumn::Severity && role == ChipDelegate::ChipColourRole)
        return severityColour(row->severity);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case IncidentColumn::Reference:
        return row->reference;
    case IncidentColumn::Occurred:
        return shortDateTime(row->occurredAt);
    case IncidentColumn::Category:
        return row->subcategory.isEmpty() ? row->category : tr("%1 › %2").arg(row->category, row->subcategory);
    case IncidentColumn::Location:
        return row->location;
    case IncidentColumn::Severity:
        return severityTitle(row->severity);
    case IncidentColumn::Status:
        return incidentStatusTitle(row->status);
    case IncidentColumn::Assigned:
        return row->assignedTo;
    case IncidentColumn::Count:
        break;
    }
    return {};
}

QVariant IncidentLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (IncidentColumn(section)) {
    case IncidentColumn::Reference:
        return tr("Reference");
    case IncidentColumn::Occurred:
        return tr("Occurred");
    case IncidentColumn::Category:
        return tr("Category");
    case IncidentColumn::Location:
        return tr("Location");
    case IncidentColumn::Severity:
        return tr("Severity");
    case IncidentColumn::Status:
        return tr("Status");
    case IncidentColumn::Assigned:
        return tr("Assigned to");
    case IncidentColumn::Count:
        break;
    }
    return {};
}

} // namespace vigil
