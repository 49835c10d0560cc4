#pragma once

#include "risks/risk.h"
#include "risks/riskcriteria.h"
#include "widgets/windowedtablemodel.h"

namespace vigil {

class Database;

// The register's rows, read from core a page at a time with the filter and sort order in SQL.
class RiskRegisterModel : public WindowedTableModel<RiskRow>
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit RiskRegisterModel(Database &db, QObject *parent = nullptr);

    void setFilter(const RiskFilter &filter);
    const RiskFilter &filter() const { return m_filter; }
    // Reads the criteria again (level names and colours) and the rows.
    void refresh();
    const RiskCriteria &criteria() const { return m_criteria; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    int fetchCount() const override;
    QList<RiskRow> fetchRows(int offset, int limit) const override;

private:
    QVariant levelData(int level, int role) const;

    Database &m_db;
    RiskFilter m_filter;
    RiskCriteria m_criteria;
};

} // namespace vigil
