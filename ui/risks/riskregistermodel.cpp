#include "riskregistermodel.h"

#include "base/clock.h"
#include "risks/criteriarepository.h"
#include "risks/riskrepository.h"
#include "widgets/chipdelegate.h"

#include <QBrush>
#include <QLocale>

namespace vigil {

RiskRegisterModel::RiskRegisterModel(Database &db, QObject *parent)
    : WindowedTableModel<RiskRow>(parent)
    , m_db(db)
{
    refresh();
}

void RiskRegisterModel::setFilter(const RiskFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void RiskRegisterModel::refresh()
{
    try {
        m_criteria = RiskCriteriaRepository(m_db).current();
    } catch (const Error &) {
        m_criteria = RiskCriteria();
    }
    reload();
}

int RiskRegisterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(RiskColumn::Count);
}

int RiskRegisterModel::fetchCount() const
{
    return RiskRepository(m_db).count(m_filter);
}

QList<RiskRow> RiskRegisterModel::fetchRows(int offset, int limit) const
{
    return RiskRepository(m_db).rows(m_filter, RiskColumn(sortColumn()), sortOrder(), offset, limit);
}

QVariant RiskRegisterModel::levelData(int level, int role) const
{
    if (level < 0 || level >= m_criteria.levels.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_criteria.levels.at(level).name;
    case ChipDelegate::ChipColourRole:
        return m_criteria.levels.at(level).colour;
    case Qt::ToolTipRole:
        return m_criteria.levels.at(level).response;
    default:
        return {};
    }
}

QVariant RiskRegisterModel::data(const QModelIndex &index, int role) const
{
    const RiskRow *row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= int(RiskColumn::Count))
        return {};
    if (role == IdRole)
        return row->id;
    const auto column = RiskColumn(index.column());
    const bool overdue = row->reviewDate.isValid() && row->reviewDate < Clock::current().today()
        && row->status != RiskStatus::Closed && !row->retired;
    switch (column) {
    case RiskColumn::Inherent:
        return levelData(row->inherentLevel, role);
    case RiskColumn::Residual:
        if (role == Qt::ToolTipRole)
            return tr("Likelihood %1 x impact %2: %3")
                .arg(row->residual.likelihood)
                .arg(row->residual.impact)
                .arg(levelData(row->residualLevel, Qt::ToolTipRole).toString());
        return levelData(row->residualLevel, role);
    default:
        break;
    }
    if (role == Qt::ForegroundRole) {
        if (column == RiskColumn::ReviewDate && overdue)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (row->retired)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    }
    if (role == Qt::FontRole && column == RiskColumn::ReviewDate && overdue) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && column == RiskColumn::ReviewDate && overdue)
        return tr("Review overdue by %n days", nullptr, int(row->reviewDate.daysTo(Clock::current().today())));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case RiskColumn::Reference:
        return row->retired ? tr("%1 (retired)").arg(row->reference) : row->reference;
    case RiskColumn::Title:
        return row->title;
    case RiskColumn::Owner:
        return row->ownerName;
    case RiskColumn::Treatment:
        return treatmentTitle(row->treatment);
    case RiskColumn::Status:
        return riskStatusTitle(row->status);
    case RiskColumn::ReviewDate:
        return row->reviewDate.isValid() ? QLocale().toString(row->reviewDate, QLocale::ShortFormat) : QString();
    default:
        return {};
    }
}

QVariant RiskRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (RiskColumn(section)) {
    case RiskColumn::Reference:
        return tr("Reference");
    case RiskColumn::Title:
        return tr("Title");
    case RiskColumn::Owner:
        return tr("Owner");
    case RiskColumn::Inherent:
        return tr("Inherent");
    case RiskColumn::Residual:
        return tr("Residual");
    case RiskColumn::Treatment:
        return tr("Treatment");
    case RiskColumn::Status:
        return tr("Status");
    case RiskColumn::ReviewDate:
        return tr("Review date");
    case RiskColumn::Count:
        break;
    }
    return {};
}

} // namespace vigil
