#pragma once

#include "training/compliance.h"
#include "training/trainingrepository.h"
#include "widgets/windowedtablemodel.h"

#include <QAbstractTableModel>
#include <QColor>

namespace vigil {

class Database;

// How a compliance cell looks everywhere (matrix, person view, legend): a colour and a symbol,
// so that it still reads when printed in black and white.
QColor cellColour(CellStatus status);
QString cellSymbol(CellStatus status);

// The compliance matrix: people (rows) x the courses required of anyone (columns), after the
// person's name, post and employer, and a last column "held / required".
class ComplianceMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { PersonIdRole = Qt::UserRole + 1, CourseIdRole, RecordIdRole, StatusRole, SortRole };
    static constexpr int firstCourseColumn = 3;

    using QAbstractTableModel::QAbstractTableModel;
    void setMatrix(ComplianceMatrix matrix);
    const ComplianceMatrix &matrix() const { return m_matrix; }
    // The course of a column, or nullptr for the person columns.
    const Course *courseAt(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ComplianceMatrix m_matrix;
};

// Training records, read from SQL a page at a time.
class TrainingRecordModel : public WindowedTableModel<TrainingRecordRow>
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit TrainingRecordModel(Database &db, QObject *parent = nullptr);
    void setFilter(const TrainingRecordFilter &filter);
    const TrainingRecordFilter &filter() const { return m_filter; }
    void setAsOf(const QDate &day);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    int fetchCount() const override;
    QList<TrainingRecordRow> fetchRows(int offset, int limit) const override;

private:
    Database &m_db;
    TrainingRecordFilter m_filter;
    QDate m_asOf;
};

} // namespace vigil
