#pragma once

#include "actions/correctiveaction.h"
#include "shell/module.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace vigil {

// Closing an incident: its root cause and lessons learned (both required), and the corrective
// actions it calls for, created with the close in one step.
class CloseDialog : public QDialog
{
    Q_OBJECT

public:
    CloseDialog(const ModuleContext &context, qint64 incidentId, QWidget *parent = nullptr);
    void accept() override;

private:
    void addActionRow();
    QList<CorrectiveAction> actions(QString *problem) const;

    ModuleContext m_context;
    qint64 m_id;
    QPlainTextEdit *m_rootCause;
    QPlainTextEdit *m_lessons;
    QTableWidget *m_actions;
    QLabel *m_problem;
};

} // namespace vigil
