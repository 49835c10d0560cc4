#include "actioneditor.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/incidentrepository.h"
#include "people/person.h"
#include "storage/database.h"
#include "widgets/historyview.h"
#include "widgets/optionaldate.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {


} // namespace

ActionEditor::ActionEditor(const ModuleContext &context, const CorrectiveAction &action, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_original(action)
    , m_description(new QPlainTextEdit(this))
    , m_source(new QComboBox(this))
    , m_incident(new QLineEdit(this))
    , m_owner(new QComboBox(this))
    , m_due(new QDateEdit(this))
    , m_status(new QComboBox(this))
    , m_verification(new QPlainTextEdit(this))
    , m_problem(problemLabel(QStringLiteral("actionProblem"), this))
    , m_history(new HistoryView(context.db, this))
{
    setObjectName(QStringLiteral("actionEditor"));
    setWindowTitle(action.id ? tr("Corrective Action %1").arg(action.reference) : tr("New Corrective Action"));
    m_description->setObjectName(QStringLiteral("actionDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_source->setObjectName(QStringLiteral("actionSource"));
    for (ActionSource s : {ActionSource::Incident, ActionSource::Audit, ActionSource::Review, ActionSource::Other})
        m_source->addItem(actionSourceTitle(s), int(s));
    m_incident->setObjectName(QStringLiteral("actionIncident"));
    m_incident->setPlaceholderText(tr("INC-2026-0042"));
    m_owner->setObjectName(QStringLiteral("actionOwner"));
    m_owner->addItem(tr("(nobody yet)"), 0);
    for (const Person &person : PeopleRepository(context.db).list(true))
        m_owner->addItem(person.active ? person.name : tr("%1 (inactive)").arg(person.name), person.id);
    m_due->setObjectName(QStringLiteral("actionDue"));
    makeDateOptional(m_due, tr("No due date"));
    m_status->setObjectName(QStringLiteral("actionStatus"));
    for (ActionStatus s : allActionStatuses)
        m_status->addItem(actionStatusTitle(s), int(s));
    m_verification->setObjectName(QStringLiteral("actionVerification"));
    m_verification->setTabChangesFocus(true);
    m_verification->setPlaceholderText(tr("How was the effect checked, and what was found?"));
    m_verification->setFixedHeight(m_verification->fontMetrics().lineSpacing() * 3 + 12);

    auto *formPage = new QWidget(this);
    auto *form = new QFormLayout(formPage);
    form->addRow(tr("&What is to be done:"), m_description);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Incident:"), m_incident);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("D&ue:"), m_due);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Verification:"), m_verification);
    form->addRow(QString(), m_problem);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(formPage, tr("&Action"));
    tabs->addTab(m_history, tr("&History"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveAction"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveKeys(this, [this] { accept(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);

    m_description->setPlainText(action.description);
    m_source->setCurrentIndex(m_source->findData(int(action.source)));
    if (action.incidentId > 0)
        m_incident->setText(IncidentRepository(context.db).referenceOf(action.incidentId));
    m_owner->setCurrentIndex(qMax(0, m_owner->findData(action.ownerId)));
    setOptionalDate(m_due, action.dueDate.isValid() || action.id ? action.dueDate : Clock::current().today().addDays(30));
    m_status->setCurrentIndex(m_status->findData(int(action.status)));
    m_verification->setPlainText(action.verificationNote);
    // The history names people, statuses and incidents as the form does, not by stored key.
    m_history->showRecord(action.uuid, actionFieldTitle, [this](const QString &field, const QVariant &value) -> QString {
        const QString key = value.toString();
        if (field == QLatin1String("owner_id")) {
            const int index = m_owner->findData(value.toLongLong());
            return index > 0 ? m_owner->itemText(index) : QString();
        }
        if (field == QLatin1String("status")) {
            ActionStatus status;
            return actionStatusFromKey(key, &status) ? actionStatusTitle(status) : QString();
        }
        if (field == QLatin1String("source_kind")) {
            ActionSource source;
            return actionSourceFromKey(key, &source) ? actionSourceTitle(source) : QString();
        }
        if (field == QLatin1String("incident_id")) {
            try {
                return IncidentRepository(m_context.db).load(value.toLongLong()).reference;
            } catch (const Error &) {
                return {};
            }
        }
        return {};
    });
    // An action opened from its incident stays with it.
    if (action.id == 0 && action.incidentId > 0) {
        m_source->setEnabled(false);
        m_incident->setReadOnly(true);
    }
    connect(m_source, &QComboBox::currentIndexChanged, this, &ActionEditor::updateFields);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ActionEditor::updateFields);
    updateFields();
    m_problem->hide();
    resize(600, 520);
}

void ActionEditor::updateFields()
{
    m_incident->setEnabled(ActionSource(m_source->currentData().toInt()) == ActionSource::Incident);
    const auto status = ActionStatus(m_status->currentData().toInt());
    m_verification->setEnabled(status == ActionStatus::VerifiedEffective || status == ActionStatus::NotEffective
        || !m_verification->toPlainText().isEmpty());
}

CorrectiveAction ActionEditor::action() const
{
    CorrectiveAction a = m_original;
    a.description = m_description->toPlainText().trimmed();
    a.source = ActionSource(m_source->currentData().toInt());
    a.incidentId = 0;
    const QString reference = m_incident->text().trimmed();
    if (a.source == ActionSource::Incident && !reference.isEmpty())
        a.incidentId = IncidentRepository(m_context.db).idOfReference(reference);
    a.ownerId = m_owner->currentData().toLongLong();
    a.dueDate = optionalDate(m_due);
    a.status = ActionStatus(m_status->currentData().toInt());
    a.verificationNote = m_verification->toPlainText().trimmed();
    return a;
}

void ActionEditor::accept()
{
    const CorrectiveAction edited = action();
    QStringList problems;
    if (edited.source == ActionSource::Incident && edited.incidentId == 0 && !m_incident->text().trimmed().isEmpty())
        problems.append(tr("No incident has the reference '%1'.").arg(m_incident->text().trimmed()));
    for (const FieldProblem &p : ActionRepository(m_context.db).problems(edited))
        problems.append(p.message);
    if (!problems.isEmpty()) {
        m_problem->setText(problems.join(u' '));
        m_problem->show();
        return;
    }
    if (edited.id == 0) {
        const std::optional<qint64> id = commands::createAction(m_context, edited);
        if (!id)
            return;
        m_savedId = *id;
    } else {
        if (!commands::editAction(m_context, m_original, edited))
            return;
        m_savedId = edited.id;
    }
    QDialog::accept();
}

} // namespace vigil
