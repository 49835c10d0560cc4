#pragma once

#include "actions/correctiveaction.h"
#include "widgets/windowedtablemodel.h"

namespace vigil {

class Database;

class ActionRegisterModel : public WindowedTableModel<ActionRow>
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ActionRegisterModel(Database &db, QObject *parent = nullptr);
    void setFilter(const ActionFilter &filter);
    const ActionFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    int fetchCount() const override;
    QList<ActionRow> fetchRows(int offset, int limit) const override;

private:
    Database &m_db;
    ActionFilter m_filter;
};

} // namespace vigil
