#pragma once

#include "incidents/incidentrepository.h"
#include "shell/module.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QToolButton;

namespace vigil {

class IncidentLogModel;

// The incident log: quick entry, filters, full-text search as you type, saved filters, and a
// table that reads from SQL a page at a time (smooth with 100,000 incidents).
class IncidentsPage : public QWidget
{
    Q_OBJECT

public:
    IncidentsPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return m_toolbar; }
    IncidentLogModel *model() const { return m_model; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    void logIncident();
    void openIncident(qint64 id);
    void openSelected();
    void deleteSelected();
    void exportRegister();

private:
    void createActions();
    void refillChoices();
    void applyFilter();
    void clearFilter();
    void refresh();
    qint64 selectedId() const;
    void selectId(qint64 id);
    QVariantMap filterState() const;
    void setFilterState(const QVariantMap &state);
    void rebuildSavedFilters();

    ModuleContext m_context;
    IncidentLogModel *m_model;
    QLineEdit *m_search;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_category;
    QComboBox *m_severity;
    QComboBox *m_status;
    QComboBox *m_area;
    QComboBox *m_assigned;
    QPushButton *m_saved;
    QMenu *m_savedMenu;
    QLabel *m_count;
    QToolButton *m_recent; // shown while the overview's "reported in the last 24 hours" applies
    QDateTime m_reportedSince;
    QTableView *m_table;
    QList<QAction *> m_toolbar;
    QAction *m_open = nullptr;
    QAction *m_delete = nullptr;
    bool m_filling = false;
};

} // namespace vigil
