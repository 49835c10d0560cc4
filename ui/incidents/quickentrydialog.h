#pragma once

#include "shell/module.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vigil {

class CategoryPicker;

// Logging an incident with the keyboard alone, in well under a minute: when (now), what
// (type part of a category), where (the last place used), how bad, and what happened.
// Everything else can follow in the incident view.
class QuickEntryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit QuickEntryDialog(const ModuleContext &context, QWidget *parent = nullptr);

    // The incidents saved from this dialog, in order.
    const QList<qint64> &savedIds() const { return m_saved; }

private:
    bool saveIncident();
    void resetForNext();
    void showProblems();

    ModuleContext m_context;
    QDateTimeEdit *m_occurred;
    CategoryPicker *m_category;
    QComboBox *m_area;
    QLineEdit *m_location;
    QComboBox *m_severity;
    QPlainTextEdit *m_description;
    QLineEdit *m_reportedBy;
    QLabel *m_problem;
    QList<qint64> m_saved;
    bool m_tried = false;
};

} // namespace vigil
