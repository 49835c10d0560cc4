#pragma once

#include "shell/module.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace vigil {

class AuditTrailModel;

// View > Audit Trail: every entry of the audit trail, newest first: when, who, what was done to
// which record, and each field's old and new value; filtered by record, person, record type,
// action and dates. Filtering happens in SQL and pages load as the list scrolls, so a decade of
// entries opens at once.
class AuditTrailDialog : public QDialog
{
    Q_OBJECT

public:
    AuditTrailDialog(const ModuleContext &context, QWidget *parent = nullptr);

    AuditTrailModel *model() const { return m_model; }

private:
    void applyFilter();
    void clearFilter();
    void updateCount();

    ModuleContext m_context;
    AuditTrailModel *m_model;
    QLineEdit *m_record;
    QComboBox *m_person;
    QComboBox *m_type;
    QComboBox *m_action;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_table;
    QLabel *m_count;
    QTimer *m_typing;
};

} // namespace vigil
