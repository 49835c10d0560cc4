#pragma once

#include "actions/correctiveaction.h"
#include "shell/module.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vigil {

class HistoryView;

// Creates or edits a corrective action: what, who, by when, and how its effect was verified.
class ActionEditor : public QDialog
{
    Q_OBJECT

public:
    ActionEditor(const ModuleContext &context, const CorrectiveAction &action, QWidget *parent = nullptr);
    CorrectiveAction action() const;
    qint64 savedId() const { return m_savedId; }
    void accept() override;

private:
    void updateFields();

    ModuleContext m_context;
    CorrectiveAction m_original;
    qint64 m_savedId = 0;
    QPlainTextEdit *m_description;
    QComboBox *m_source;
    QLineEdit *m_incident;
    QComboBox *m_owner;
    QDateEdit *m_due;
    QComboBox *m_status;
    QPlainTextEdit *m_verification;
    QLabel *m_problem;
    HistoryView *m_history;
};

} // namespace vigil
