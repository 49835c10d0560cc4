#pragma once

#include "incidents/incidentrepository.h"
#include "widgets/windowedtablemodel.h"

#include <QColor>

namespace vigil {

class Database;

// Colours for severities, chosen to read on light and dark backgrounds; the chip also says the
// name, so colour is never the only signal.
QColor severityColour(Severity severity);

// The log's rows, read a page at a time with filters, search and order in SQL.
class IncidentLogModel : public WindowedTableModel<IncidentRow>
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;
    // The category column's two names, {category, subcategory}, for a view that shortens the
    // category first so that the subcategory stays readable.
    static constexpr int CategoryPartsRole = Qt::UserRole + 2;

    explicit IncidentLogModel(Database &db, QObject *parent = nullptr);

    void setFilter(const IncidentFilter &filter);
    const IncidentFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    int fetchCount() const override;
    QList<IncidentRow> fetchRows(int offset, int limit) const override;

private:
    Database &m_db;
    IncidentFilter m_filter;
};

} // namespace vigil
