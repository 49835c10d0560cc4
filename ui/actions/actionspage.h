#pragma once

#include "shell/module.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace vigil {

class ActionRegisterModel;

// Every corrective action, whatever its source, tracked to verified closure.
class ActionsPage : public QWidget
{
    Q_OBJECT

public:
    ActionsPage(const ModuleContext &context, QWidget *parent = nullptr);

    QList<QAction *> toolbarActions() const { return m_toolbar; }
    ActionRegisterModel *model() const { return m_model; }
    void showTarget(const QVariant &target);
    QVariant saveState() const;
    void restoreState(const QVariant &state);

    void newAction();
    void openSelected();
    void deleteSelected();
    void exportRegister();

private:
    void refillOwners();
    void applyFilter();
    void refresh();

    ModuleContext m_context;
    ActionRegisterModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_owner;
    QComboBox *m_status;
    QCheckBox *m_overdue;
    QLabel *m_count;
    QTableView *m_table;
    QList<QAction *> m_toolbar;
    QAction *m_open = nullptr;
    QAction *m_delete = nullptr;
    bool m_filling = false;
};

} // namespace vigil
