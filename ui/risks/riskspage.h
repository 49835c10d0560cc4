#pragma once

#include "risks/risk.h"
#include "shell/module.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace vigil {

class HeatMapWidget;
class RiskRegisterModel;

// The register: filters, the table of risks, and the inherent and residual heat maps side by
// side; a heat-map cell filters the table to the risks rated there.
class RisksPage : public QWidget
{
    Q_OBJECT

public:
    RisksPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return m_toolbar; }
    RiskRegisterModel *model() const { return m_model; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    void newRisk();
    void openRisk(qint64 id);
    void openSelected();
    void retireSelected();
    void reinstateSelected();
    void deleteSelected();
    void exportRegister();
    void editCriteria();

private:
    void createActions();
    void applyFilter();
    void clearFilter();
    void refresh();
    void refillFilterChoices();
    void refreshHeatMaps();
    void setCellFilter(RatingKind kind, int likelihood, int impact);
    void selectId(qint64 id);
    qint64 selectedId() const;
    void updateActions();

    ModuleContext m_context;
    RiskRegisterModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_level;
    QComboBox *m_owner;
    QComboBox *m_status;
    QComboBox *m_category;
    QCheckBox *m_overdue;
    QCheckBox *m_retired;
    QPushButton *m_cellFilter;
    QLabel *m_count;
    QTableView *m_table;
    QSplitter *m_splitter;
    HeatMapWidget *m_inherentMap;
    HeatMapWidget *m_residualMap;
    RiskFilter m_cell;
    QList<QAction *> m_toolbar;
    QAction *m_open = nullptr;
    QAction *m_retire = nullptr;
    QAction *m_reinstate = nullptr;
    QAction *m_delete = nullptr;
    bool m_filling = false;
};

} // namespace vigil
