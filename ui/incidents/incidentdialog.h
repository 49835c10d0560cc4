#pragma once

#include "incidents/incident.h"
#include "shell/module.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace vigil {

class AttachmentsView;
class CategoryPicker;
class HistoryView;
class PersonsEditor;
class TimelineView;

// One incident: every field, the status buttons legal from where it stands, its timeline,
// attachments, people involved, linked risks and corrective actions.
class IncidentDialog : public QDialog
{
    Q_OBJECT

public:
    IncidentDialog(const ModuleContext &context, qint64 id, QWidget *parent = nullptr);

    qint64 incidentId() const { return m_id; }
    Incident edited() const;
    bool hasUnsavedChanges() const;
    void save();
    void done(int result) override;

private:
    QWidget *buildDetails();
    QWidget *buildLinks();
    void reload();
    void fillForm(const Incident &incident);
    void rebuildStatusButtons();
    void moveTo(IncidentStatus to);
    void showProblems();
    QString readableValue(const QString &field, const QVariant &value) const;
    void newAction();
    void linkRisk();

    ModuleContext m_context;
    qint64 m_id;
    Incident m_saved;
    bool m_filling = false;
    QLabel *m_heading;
    QHBoxLayout *m_statusButtons;
    QTabWidget *m_tabs;
    QLineEdit *m_title;
    QDateTimeEdit *m_occurred;
    QDateTimeEdit *m_reported;
    CategoryPicker *m_category;
    QComboBox *m_area;
    QLineEdit *m_location;
    QComboBox *m_severity;
    QLineEdit *m_reportedBy;
    QComboBox *m_assigned;
    QPlainTextEdit *m_description;
    QPlainTextEdit *m_immediate;
    QLineEdit *m_police;
    QDoubleSpinBox *m_loss;
    QPlainTextEdit *m_rootCause;
    QPlainTextEdit *m_lessons;
    PersonsEditor *m_persons;
    QListWidget *m_risks;
    QLineEdit *m_riskToLink;
    QTreeWidget *m_actions;
    TimelineView *m_timeline;
    AttachmentsView *m_attachments;
    HistoryView *m_history;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace vigil
