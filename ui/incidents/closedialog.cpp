#include "closedialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/incidentrepository.h"
#include "people/person.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {

CloseDialog::CloseDialog(const ModuleContext &context, qint64 incidentId, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_id(incidentId)
    , m_rootCause(new QPlainTextEdit(this))
    , m_lessons(new QPlainTextEdit(this))
    , m_actions(new QTableWidget(0, 3, this))
    , m_problem(problemLabel(QStringLiteral("closeProblem"), this))
{
    setObjectName(QStringLiteral("closeDialog"));
    const Incident incident = IncidentRepository(context.db).load(incidentId);
    setWindowTitle(tr("Close %1").arg(incident.reference));
    m_rootCause->setObjectName(QStringLiteral("closeRootCause"));
    m_rootCause->setPlainText(incident.rootCause);
    m_rootCause->setTabChangesFocus(true);
    m_rootCause->setPlaceholderText(tr("Why did it happen? (the underlying cause, not the symptom)"));
    m_lessons->setObjectName(QStringLiteral("closeLessons"));
    m_lessons->setPlainText(incident.lessonsLearned);
    m_lessons->setTabChangesFocus(true);
    m_lessons->setPlaceholderText(tr("What does the site do differently now?"));
    for (QPlainTextEdit *edit : {m_rootCause, m_lessons})
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    m_actions->setObjectName(QStringLiteral("closeActions"));
    m_actions->setHorizontalHeaderLabels({tr("Corrective action"), tr("Owner"), tr("Due")});
    m_actions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_actions->verticalHeader()->hide();
    auto *addAction = new QPushButton(tr("Add &Corrective Action"), this);
    addAction->setObjectName(QStringLiteral("closeAddAction"));
    connect(addAction, &QPushButton::clicked, this, &CloseDialog::addActionRow);

    auto *form = new QFormLayout;
    form->addRow(tr("&Root cause:"), m_rootCause);
    form->addRow(tr("&Lessons learned:"), m_lessons);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *close = buttons->addButton(tr("Close &Incident"), QDialogButtonBox::AcceptRole);
    close->setObjectName(QStringLiteral("confirmClose"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Corrective actions (optional): each gets an owner and a due date, and is "
                                    "tracked in Actions until verified."),
        this));
    layout->addWidget(m_actions, 1);
    layout->addWidget(addAction, 0, Qt::AlignLeft);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(720, 560);
}

void CloseDialog::addActionRow()
{
    const int row = m_actions->rowCount();
    m_actions->insertRow(row);
    m_actions->setItem(row, 0, new QTableWidgetItem);
    auto *owner = new QComboBox(m_actions);
    owner->addItem(tr("(nobody yet)"), 0);
    for (const Person &person : PeopleRepository(m_context.db).list())
        owner->addItem(person.name, person.id);
    m_actions->setCellWidget(row, 1, owner);
    auto *due = new QDateEdit(Clock::current().today().addDays(30), m_actions);
    due->setCalendarPopup(true);
    m_actions->setCellWidget(row, 2, due);
    m_actions->setColumnWidth(1, qMax(m_actions->columnWidth(1), owner->sizeHint().width()));
    m_actions->setColumnWidth(2, qMax(m_actions->columnWidth(2), due->sizeHint().width()));
    m_actions->setRowHeight(row, qMax(owner->sizeHint().height(), due->sizeHint().height()));
    m_actions->setCurrentCell(row, 0);
    m_actions->editItem(m_actions->item(row, 0));
}

QList<CorrectiveAction> CloseDialog::actions(QString *problem) const
{
    QList<CorrectiveAction> list;
    for (int row = 0; row < m_actions->rowCount(); ++row) {
        const QString text = m_actions->item(row, 0) ? m_actions->item(row, 0)->text().trimmed() : QString();
        if (text.isEmpty())
            continue;
        CorrectiveAction a;
        a.description = text;
        a.source = ActionSource::Incident;
        a.incidentId = m_id;
        if (auto *owner = qobject_cast<QComboBox *>(m_actions->cellWidget(row, 1)))
            a.ownerId = owner->currentData().toLongLong();
        if (auto *due = qobject_cast<QDateEdit *>(m_actions->cellWidget(row, 2))) {
            a.dueDate = due->date();
            if (a.dueDate < Clock::current().today())
                *problem = tr("The due date of \"%1\" is in the past.").arg(text);
        }
        list.append(a);
    }
    return list;
}

void CloseDialog::accept()
{
    QString problem;
    if (m_rootCause->toPlainText().trimmed().isEmpty())
        problem = tr("Closing an incident needs its root cause.");
    else if (m_lessons->toPlainText().trimmed().isEmpty())
        problem = tr("Closing an incident needs the lessons learned.");
    QString actionProblem;
    const QList<CorrectiveAction> list = actions(&actionProblem);
    if (problem.isEmpty())
        problem = actionProblem;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    if (commands::closeIncident(m_context, m_id, m_rootCause->toPlainText(), m_lessons->toPlainText(), list))
        QDialog::accept();
}

} // namespace vigil
