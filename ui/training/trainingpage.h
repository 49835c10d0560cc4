#pragma once

#include "shell/module.h"

#include <QDate>
#include <QWidget>

class QAction;
class QDateEdit;
class QLabel;
class QTabWidget;

namespace vigil {

class ComplianceMatrixModel;
class MatrixTab;
class RecordsTab;
class ExpiringTab;
class TrainingRecordModel;
class TrainingTab;

// Training and competence: the compliance matrix, the records, what is expiring, who is ready
// for a post on a day, and planned sessions (one tab each, see matrixtab.h and trainingtabs.h);
// everything as of a chosen date (today by default).
class TrainingPage : public QWidget
{
    Q_OBJECT

public:
    TrainingPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return m_toolbar; }
    ComplianceMatrixModel *matrixModel() const;
    TrainingRecordModel *recordModel() const;
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    QDate asOf() const;
    void setAsOf(const QDate &day);
    void recordTraining();
    void newSession();

private:
    TrainingTab *currentTab() const;
    void refresh();
    void updateSummary();

    ModuleContext m_context;
    QDateEdit *m_asOf;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    MatrixTab *m_matrix;
    RecordsTab *m_records;
    ExpiringTab *m_expiring;
    QList<QAction *> m_toolbar;
};

} // namespace vigil
