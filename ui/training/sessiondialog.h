#pragma once

#include "shell/module.h"
#include "training/training.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vigil {

// Bulk entry: one course for many people. Plan a session (course, date, trainer, who attends)
// or record one already given: every ticked person gets their record, with their own result,
// in one step. A planned session opens here again to change it or mark it done.
class SessionDialog : public QDialog
{
    Q_OBJECT

public:
    SessionDialog(const ModuleContext &context, const TrainingSession &session, QWidget *parent = nullptr);

    TrainingSession session() const; // as the form shows it
    void setAttendees(const QList<qint64> &personIds);
    void savePlan();
    void recordDone();

private:
    void fillPeople();
    void updateStanding();
    void addEveryoneDue();
    void setAttending(int row, bool on, TrainingResult result = TrainingResult::Passed);
    void updateCount();
    bool check();

    ModuleContext m_context;
    TrainingSession m_original;
    QComboBox *m_course;
    QDateEdit *m_date;
    QLineEdit *m_trainer;
    QLineEdit *m_location;
    QPlainTextEdit *m_notes;
    QLineEdit *m_filter;
    QTableWidget *m_people;
    QLabel *m_count;
    QLabel *m_problem;
    QPushButton *m_plan;
    QPushButton *m_done;
    bool m_filling = false;
};

// Which posts need which courses: a grid of tick boxes, saved as one undoable step.
class RequirementsDialog : public QDialog
{
    Q_OBJECT

public:
    RequirementsDialog(const ModuleContext &context, QWidget *parent = nullptr);
    void accept() override;

private:
    ModuleContext m_context;
    QTableWidget *m_grid;
};

} // namespace vigil
