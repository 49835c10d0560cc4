#include "trainingmodels.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace vigil {

QColor cellColour(CellStatus status)
{
    switch (status) {
    case CellStatus::Valid:
        return QColor(0xc6, 0xe9, 0xc8);
    case CellStatus::Expiring:
        return QColor(0xff, 0xdf, 0x99);
    case CellStatus::Expired:
        return QColor(0xf2, 0xa7, 0xa7);
    case CellStatus::Missing:
        return QColor(0xe4, 0xe4, 0xe4);
    case CellStatus::NotRequired:
        break;
    }
    return {};
}

QString cellSymbol(CellStatus status)
{
    switch (status) {
    case CellStatus::Valid:
        return QStringLiteral("✓");
    case CellStatus::Expiring:
        return QStringLiteral("!");
    case CellStatus::Expired:
        return QStringLiteral("✗");
    case CellStatus::Missing:
        return QStringLiteral("—");
    case CellStatus::NotRequired:
        break;
    }
    return {};
}

namespace {

// Worst first when sorting a course column: missing, expired, expiring, valid, not required.
int sortRank(CellStatus status)
{
    switch (status) {
    case CellStatus::Missing:
        return 0;
    case CellStatus::Expired:
        return 1;
    case CellStatus::Expiring:
        return 2;
    case CellStatus::Valid:
        return 3;
    case CellStatus::NotRequired:
        break;
    }
    return 4;
}

} // namespace

void ComplianceMatrixModel::setMatrix(ComplianceMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

const Course *ComplianceMatrixModel::courseAt(int column) const
{
    const int i = column - firstCourseColumn;
    return i >= 0 && i < m_matrix.courses.size() ? &m_matrix.courses.at(i) : nullptr;
}

int ComplianceMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows.size());
}

int ComplianceMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : firstCourseColumn + int(m_matrix.courses.size()) + 1;
}

QVariant ComplianceMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComplianceRow &row = m_matrix.rows.at(index.row());
    if (role == PersonIdRole)
        return row.personId;
    const int column = index.column();
    const QLocale locale;
    if (const Course *course = courseAt(column)) {
        const ComplianceCell &cell = row.cells.at(column - firstCourseColumn);
        switch (role) {
        case Qt::DisplayRole: {
            if (cell.status == CellStatus::NotRequired && cell.recordId == 0)
                return {};
            QString text = cellSymbol(cell.status);
            if (cell.expiresOn.isValid() && cell.status != CellStatus::Missing)
                text += u' ' + locale.toString(cell.expiresOn, QStringLiteral("MMM yyyy"));
            else if (cell.status == CellStatus::NotRequired && cell.recordId)
                text = tr("held");
            return text;
        }
        case Qt::BackgroundRole: {
            const QColor colour = cellColour(cell.status);
            return colour.isValid() ? QVariant(QBrush(colour)) : QVariant();
        }
        case Qt::ForegroundRole:
            return cell.status == CellStatus::NotRequired ? QVariant() : QVariant(QBrush(Qt::black));
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case Qt::ToolTipRole: {
            QString tip = tr("%1 – %2: %3").arg(row.name, course->name, cellStatusTitle(cell.status));
            if (cell.completedOn.isValid())
                tip += u'\n' + tr("Completed %1").arg(locale.toString(cell.completedOn, QLocale::ShortFormat));
            if (cell.expiresOn.isValid())
                tip += u'\n' + tr("Expires %1").arg(locale.toString(cell.expiresOn, QLocale::ShortFormat));
            else if (cell.recordId)
                tip += u'\n' + tr("Never expires");
            tip += u'\n' + (cell.recordId ? tr("Double-click or Enter to view the record")
                                          : tr("Double-click or Enter to record the training"));
            return tip;
        }
        case CourseIdRole:
            return course->id;
        case RecordIdRole:
            return cell.recordId;
        case StatusRole:
            return int(cell.status);
        case SortRole:
            return sortRank(cell.status) * 100000 + (cell.expiresOn.isValid() ? int(m_matrix.asOf.daysTo(cell.expiresOn)) + 50000 : 99999);
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case 0:
            return row.name;
        case 1:
            return row.post;
        case 2:
            return row.employer.isEmpty() ? tr("Own staff") : row.employer;
        default:
            if (role == SortRole)
                return row.required ? double(row.held) / row.required : 2.0;
            return tr("%1/%2").arg(row.held).arg(row.required);
        }
    }
    if (role == Qt::ToolTipRole && column == 0)
        return row.staffNumber.isEmpty() ? tr("Double-click to see everything %1 holds").arg(row.name)
                                         : tr("Staff number %1. Double-click to see everything they hold").arg(row.staffNumber);
    if (role == Qt::TextAlignmentRole && column > 2)
        return int(Qt::AlignCenter);
    if (role == Qt::FontRole && column == 0 && !row.cleared()) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant ComplianceMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (const Course *course = courseAt(section)) {
        if (role == Qt::DisplayRole)
            return course->name;
        if (role == Qt::ToolTipRole) {
            QString tip = course->name;
            if (!course->provider.isEmpty())
                tip += u'\n' + course->provider;
            tip += u'\n'
                + (course->validityMonths ? tr("Valid for %n months", nullptr, *course->validityMonths) : tr("Never expires"));
            if (course->mandatory)
                tip += u'\n' + tr("Mandatory for everyone");
            return tip + u'\n' + tr("Double-click for who holds it and who is due");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Person");
    case 1:
        return tr("Post");
    case 2:
        return tr("Employer");
    default:
        return section == columnCount() - 1 ? tr("Held") : QVariant();
    }
}

TrainingRecordModel::TrainingRecordModel(Database &db, QObject *parent)
    : WindowedTableModel<TrainingRecordRow>(parent)
    , m_db(db)
{
    WindowedTableModel<TrainingRecordRow>::sort(int(TrainingRecordColumn::Completed), Qt::DescendingOrder);
}

void TrainingRecordModel::setFilter(const TrainingRecordFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TrainingRecordModel::setAsOf(const QDate &day)
{
    m_asOf = day;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int TrainingRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(TrainingRecordColumn::Count);
}

int TrainingRecordModel::fetchCount() const
{
    return TrainingRepository(m_db).count(m_filter);
}

QList<TrainingRecordRow> TrainingRecordModel::fetchRows(int offset, int limit) const
{
    return TrainingRepository(m_db).rows(m_filter, TrainingRecordColumn(sortColumn()), sortOrder(), offset, limit);
}

QVariant TrainingRecordModel::data(const QModelIndex &index, int role) const
{
    const TrainingRecordRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == IdRole)
        return row->id;
    const auto column = TrainingRecordColumn(index.column());
    const QLocale locale;
    if (column == TrainingRecordColumn::Expires && row->expiresOn.isValid() && m_asOf.isValid()
        && row->expiresOn < m_asOf && row->result != TrainingResult::Failed) {
        if (role == Qt::ForegroundRole)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (role == Qt::ToolTipRole)
            return tr("Expired");
    }
    if (column == TrainingRecordColumn::Result && row->result == TrainingResult::Failed && role == Qt::ForegroundRole)
        return QBrush(QColor(0xc0, 0x1c, 0x28));
    if (role == Qt::ToolTipRole && column == TrainingRecordColumn::Person && !row->staffNumber.isEmpty())
        return tr("Staff number %1").arg(row->staffNumber);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TrainingRecordColumn::Person:
        return row->person;
    case TrainingRecordColumn::Course:
        return row->hasCertificate ? tr("%1 📎").arg(row->course) : row->course;
    case TrainingRecordColumn::Completed:
        return locale.toString(row->completedOn, QLocale::ShortFormat);
    case TrainingRecordColumn::Result:
        return row->score ? tr("%1 (%2%)").arg(trainingResultTitle(row->result), locale.toString(*row->score, 'f', 0))
                          : trainingResultTitle(row->result);
    case TrainingRecordColumn::Expires:
        return row->expiresOn.isValid() ? locale.toString(row->expiresOn, QLocale::ShortFormat) : tr("Never");
    case TrainingRecordColumn::Trainer:
        return row->trainer;
    case TrainingRecordColumn::Count:
        break;
    }
    return {};
}

QVariant TrainingRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (TrainingRecordColumn(section)) {
    case TrainingRecordColumn::Person:
        return tr("Person");
    case TrainingRecordColumn::Course:
        return tr("Course");
    case TrainingRecordColumn::Completed:
        return tr("Completed");
    case TrainingRecordColumn::Result:
        return tr("Result");
    case TrainingRecordColumn::Expires:
        return tr("Expires");
    case TrainingRecordColumn::Trainer:
        return tr("Trainer");
    case TrainingRecordColumn::Count:
        break;
    }
    return {};
}

} // namespace vigil
