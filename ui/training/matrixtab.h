#pragma once

#include "training/trainingtab.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace vigil {

class ComplianceMatrixModel;

// The compliance matrix: people x the courses their posts need, filtered by post, employer and
// standing; a cell records or opens training, a name opens the person, a heading the course.
class MatrixTab : public TrainingTab
{
    Q_OBJECT

public:
    MatrixTab(const ModuleContext &context, QWidget *parent);

    ComplianceMatrixModel *model() const { return m_model; }
    // The person and course of the selected cell (0 when none).
    qint64 currentPersonId() const;
    qint64 currentCourseId() const;
    // Shows everyone, or only who is not cleared, with no other filter.
    void showOnly(bool notCleared);

    void refresh(const QDate &asOf) override;
    void fillChoices() override;
    void openCurrent() override;
    void deleteCurrent() override;
    RegisterExport registerExport() override;
    QLineEdit *searchBox() const override { return m_search; }

private:
    void reload();
    void activate(const QModelIndex &index);

    ComplianceMatrixModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_post;
    QComboBox *m_employer;
    QComboBox *m_show;
    QLabel *m_count;
};

} // namespace vigil
