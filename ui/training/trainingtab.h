#pragma once

#include "shell/module.h"
#include "widgets/registerwidgets.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace vigil {

// One tab of the training page. The page tells it the day to show things as of, and passes on
// the toolbar's Open, Delete and Export for what the tab shows.
class TrainingTab : public QWidget
{
    Q_OBJECT

public:
    TrainingTab(const ModuleContext &context, QWidget *parent)
        : QWidget(parent)
        , m_context(context)
    {
    }

    // Reads what the tab shows again, as it stands on the day.
    virtual void refresh(const QDate &asOf) = 0;
    // Refills the post, employer and course choices after a set-up change, keeping what is chosen.
    virtual void fillChoices() {}
    virtual void openCurrent() = 0;
    virtual void deleteCurrent() {}
    virtual RegisterExport registerExport() = 0;
    // The tab's search box, if it has one (Ctrl+F).
    virtual QLineEdit *searchBox() const { return nullptr; }

protected:
    ModuleContext m_context;
    QDate m_asOf;
    bool m_filling = false; // while choices are refilled: no refresh per combo box change
};

// The choices of the filters, keeping what is chosen: posts ("All posts" first with allItem),
// employers (all, own staff, each company), courses (all first).
void fillPostChoices(QComboBox *combo, Database &db, bool allItem);
void fillEmployerChoices(QComboBox *combo, Database &db);
void fillCourseChoices(QComboBox *combo, Database &db);

// Asks before deleting a training record entered by mistake; deletes it undoably.
void deleteTrainingRecord(const ModuleContext &context, QWidget *parent, qint64 recordId);

} // namespace vigil
