#pragma once

#include "shell/module.h"

#include <QDate>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace vigil {

class ComplianceMatrixModel;
class TrainingRecordModel;

// Training and competence: the compliance matrix, the records, what is expiring, who is ready
// for a post on a day, and planned sessions; everything as of a chosen date (today by default).
class TrainingPage : public QWidget
{
    Q_OBJECT

public:
    TrainingPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return m_toolbar; }
    ComplianceMatrixModel *matrixModel() const { return m_matrixModel; }
    TrainingRecordModel *recordModel() const { return m_recordModel; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    QDate asOf() const;
    void setAsOf(const QDate &day);
    void recordTraining();
    void newSession();
    void openCurrent();
    void deleteCurrent();
    void exportCsv();

private:
    QWidget *buildMatrixTab();
    QWidget *buildRecordsTab();
    QWidget *buildExpiringTab();
    QWidget *buildReadinessTab();
    QWidget *buildSessionsTab();
    void fillChoices();
    void refresh();
    void refreshMatrix();
    void refreshRecords();
    void refreshExpiring();
    void refreshReadiness();
    void refreshSessions();
    void updateSummary();
    void activateMatrixCell(const QModelIndex &index);
    void openSession(qint64 id);

    ModuleContext m_context;
    QDateEdit *m_asOf;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    // Matrix
    ComplianceMatrixModel *m_matrixModel;
    QSortFilterProxyModel *m_matrixProxy;
    QTableView *m_matrix;
    QLineEdit *m_matrixSearch;
    QComboBox *m_matrixPost;
    QComboBox *m_matrixEmployer;
    QComboBox *m_matrixShow;
    QLabel *m_matrixCount;
    // Records
    TrainingRecordModel *m_recordModel;
    QTableView *m_records;
    QLineEdit *m_recordSearch;
    QComboBox *m_recordCourse;
    QComboBox *m_recordPost;
    QComboBox *m_recordEmployer;
    QCheckBox *m_recordLeavers;
    QLabel *m_recordCount;
    // Expiring
    QComboBox *m_expiringDays;
    QCheckBox *m_expiringRequired;
    QTreeWidget *m_expiring;
    QLabel *m_expiringCount;
    // Readiness
    QComboBox *m_readinessPost;
    QDateEdit *m_readinessDate;
    QCheckBox *m_readinessEveryone;
    QTreeWidget *m_readiness;
    QLabel *m_readinessCount;
    // Sessions
    QCheckBox *m_sessionsPast;
    QTreeWidget *m_sessions;

    QList<QAction *> m_toolbar;
    bool m_filling = false;
    bool m_refreshPending = false;
};

} // namespace vigil
