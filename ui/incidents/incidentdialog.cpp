#include "incidentdialog.h"

#include "actions/actioneditor.h"
#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/attachmentsview.h"
#include "incidents/categorypicker.h"
#include "incidents/closedialog.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentlogmodel.h"
#include "incidents/incidentrepository.h"
#include "incidents/personseditor.h"
#include "incidents/timelineview.h"
#include "incidents/workflow.h"
#include "people/person.h"
#include "risks/riskrepository.h"
#include "shell/dialogs.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/historyview.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

// The edit shows minutes: an unchanged edit keeps the stored time to the millisecond.
QDateTime timeFrom(const QDateTimeEdit *edit, const QDateTime &saved)
{
    const QDateTime shown = edit->dateTime().toUTC();
    const auto minutes = [](const QDateTime &t) { return t.toSecsSinceEpoch() / 60; };
    return saved.isValid() && minutes(shown) == minutes(saved) ? saved : shown;
}

QPlainTextEdit *textBox(const QString &objectName, int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

} // namespace

IncidentDialog::IncidentDialog(const ModuleContext &context, qint64 id, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_id(id)
    , m_heading(new QLabel(this))
    , m_statusButtons(new QHBoxLayout)
    , m_tabs(new QTabWidget(this))
    , m_problem(problemLabel(QStringLiteral("incidentProblem"), this))
{
    setObjectName(QStringLiteral("incidentDialog"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setObjectName(QStringLiteral("incidentHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_timeline = new TimelineView(context, m_tabs);
    m_attachments = new AttachmentsView(context, m_tabs);
    m_history = new HistoryView(context.db, m_tabs);
    m_tabs->addTab(buildDetails(), tr("&Details"));
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_tabs->addTab(m_attachments, tr("Atta&chments"));
    m_tabs->addTab(buildLinks(), tr("Ris&ks and Actions"));
    m_tabs->addTab(m_history, tr("Histor&y"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save Changes"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveIncident"));
    m_save->setToolTip(tr("Save (Ctrl+S)"));
    connect(m_save, &QPushButton::clicked, this, &IncidentDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, &IncidentDialog::save);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addLayout(m_statusButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(&context.db.notifier(), &ChangeNotifier::changed, this, [this](const QString &entity, const QList<qint64> &ids) {
        const bool mine = ids.contains(m_id) || ids.contains(0);
        if ((entity == QLatin1String("incidents") || entity == QLatin1String("incident_timeline")) && mine)
            QTimer::singleShot(0, this, &IncidentDialog::reload);
        else if (entity == QLatin1String("corrective_actions"))
            QTimer::singleShot(0, this, &IncidentDialog::reload);
    });
    reload();
    resize(QSize(1000, 720).boundedTo(parent ? parent->window()->size() * 0.95 : QSize(1000, 720)));
}

QWidget *IncidentDialog::buildDetails()
{
    auto *page = new QWidget;
    m_title = new QLineEdit(page);
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    m_title->setPlaceholderText(tr("A short summary for the log (optional)"));
    m_occurred = new QDateTimeEdit(page);
    m_occurred->setObjectName(QStringLiteral("incidentOccurred"));
    m_reported = new QDateTimeEdit(page);
    m_reported->setObjectName(QStringLiteral("incidentReported"));
    for (QDateTimeEdit *edit : {m_occurred, m_reported}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_category = new CategoryPicker(m_context.db, page);
    m_category->setObjectName(QStringLiteral("incidentCategory"));
    m_area = new QComboBox(page);
    m_area->setObjectName(QStringLiteral("incidentArea"));
    m_area->addItem(tr("(no area)"), 0);
    for (const SiteArea &area : AreaRepository(m_context.db).list(true))
        m_area->addItem(area.active ? area.name : tr("%1 (inactive)").arg(area.name), area.id);
    m_location = new QLineEdit(page);
    m_location->setObjectName(QStringLiteral("incidentLocation"));
    m_severity = new QComboBox(page);
    m_severity->setObjectName(QStringLiteral("incidentSeverity"));
    for (Severity s : allSeverities)
        m_severity->addItem(severityTitle(s), int(s));
    m_reportedBy = new QLineEdit(page);
    m_reportedBy->setObjectName(QStringLiteral("incidentReportedBy"));
    m_assigned = new QComboBox(page);
    m_assigned->setObjectName(QStringLiteral("incidentAssigned"));
    m_assigned->addItem(tr("(nobody)"), 0);
    for (const Person &person : PeopleRepository(m_context.db).list(true))
        m_assigned->addItem(person.active ? person.name : tr("%1 (inactive)").arg(person.name), person.id);
    m_description = textBox(QStringLiteral("incidentDescription"), 4, page);
    // The description is what is read most: it takes the room the window has to spare.
    m_description->setMaximumHeight(QWIDGETSIZE_MAX);
    m_description->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_immediate = textBox(QStringLiteral("incidentImmediate"), 2, page);
    m_police = new QLineEdit(page);
    m_police->setObjectName(QStringLiteral("incidentPolice"));
    m_loss = new QDoubleSpinBox(page);
    m_loss->setObjectName(QStringLiteral("incidentLoss"));
    m_loss->setRange(-1, 1e9);
    m_loss->setDecimals(2);
    m_loss->setSpecialValueText(tr("Not known"));
    m_loss->setGroupSeparatorShown(true);
    m_rootCause = textBox(QStringLiteral("incidentRootCause"), 2, page);
    m_lessons = textBox(QStringLiteral("incidentLessons"), 2, page);
    m_persons = new PersonsEditor(page);
    for (QComboBox *combo : {m_area, m_assigned}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(20);
    }

    auto *left = new QFormLayout;
    left->addRow(tr("Tit&le:"), m_title);
    left->addRow(tr("&Occurred:"), m_occurred);
    left->addRow(tr("Re&ported:"), m_reported);
    left->addRow(tr("Cate&gory:"), m_category);
    left->addRow(tr("&Area:"), m_area);
    left->addRow(tr("Locatio&n:"), m_location);
    left->addRow(tr("Se&verity:"), m_severity);
    left->addRow(tr("Reported b&y:"), m_reportedBy);
    left->addRow(tr("Assi&gned to:"), m_assigned);
    left->addRow(tr("Police/authority ref.:"), m_police);
    left->addRow(tr("Estimated loss:"), m_loss);
    auto *right = new QFormLayout;
    right->addRow(tr("D&escription:"), m_description);
    right->addRow(tr("I&mmediate action:"), m_immediate);
    right->addRow(tr("Root ca&use:"), m_rootCause);
    right->addRow(tr("Lessons learned:"), m_lessons);
    right->addRow(tr("People involved:"), m_persons);
    auto *columns = new QHBoxLayout(page);
    columns->addLayout(left, 1);
    columns->addSpacing(16);
    columns->addLayout(right, 1);

    for (QLineEdit *edit : {m_title, m_location, m_reportedBy, m_police})
        connect(edit, &QLineEdit::textEdited, this, &IncidentDialog::showProblems);
    for (QPlainTextEdit *edit : {m_description, m_immediate, m_rootCause, m_lessons})
        connect(edit, &QPlainTextEdit::textChanged, this, &IncidentDialog::showProblems);
    for (QComboBox *combo : {m_area, m_severity, m_assigned})
        connect(combo, &QComboBox::currentIndexChanged, this, &IncidentDialog::showProblems);
    connect(m_category, &CategoryPicker::choiceChanged, this, &IncidentDialog::showProblems);
    for (QDateTimeEdit *edit : {m_occurred, m_reported})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &IncidentDialog::showProblems);
    connect(m_loss, &QDoubleSpinBox::valueChanged, this, &IncidentDialog::showProblems);
    connect(m_persons, &PersonsEditor::edited, this, &IncidentDialog::showProblems);

    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QWidget *IncidentDialog::buildLinks()
{
    auto *page = new QWidget;
    m_risks = new QListWidget(page);
    m_risks->setObjectName(QStringLiteral("incidentRisks"));
    m_riskToLink = new QLineEdit(page);
    m_riskToLink->setObjectName(QStringLiteral("riskToLink"));
    m_riskToLink->setPlaceholderText(tr("Type a risk reference or words of its title"));
    QStringList risks;
    RiskFilter active;
    for (const RiskRow &row : RiskRepository(m_context.db).rows(active, RiskColumn::Reference, Qt::AscendingOrder, 0, 100000))
        risks.append(QStringLiteral("%1 %2").arg(row.reference, row.title));
    auto *completer = new QCompleter(risks, m_riskToLink);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_riskToLink->setCompleter(completer);
    auto *link = new QPushButton(tr("&Link Risk"), page);
    link->setObjectName(QStringLiteral("linkRisk"));
    auto *unlink = new QPushButton(tr("Unlink"), page);
    connect(link, &QPushButton::clicked, this, &IncidentDialog::linkRisk);
    connect(m_riskToLink, &QLineEdit::returnPressed, this, &IncidentDialog::linkRisk);
    connect(unlink, &QPushButton::clicked, this, [this] {
        delete m_risks->currentItem();
        showProblems();
    });
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_riskToLink, 1);
    linkRow->addWidget(link);
    linkRow->addWidget(unlink);

    m_actions = new QTreeWidget(page);
    m_actions->setObjectName(QStringLiteral("incidentActions"));
    m_actions->setHeaderLabels({tr("Action"), tr("Description"), tr("Due"), tr("Status")});
    m_actions->setRootIsDecorated(false);
    m_actions->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *newAction = new QPushButton(tr("New &Corrective Action…"), page);
    newAction->setObjectName(QStringLiteral("incidentNewAction"));
    connect(newAction, &QPushButton::clicked, this, &IncidentDialog::newAction);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("<b>Linked risks</b>: the risks this incident shows to be real."), page));
    layout->addWidget(m_risks, 1);
    layout->addLayout(linkRow);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("<b>Corrective actions</b>"), page));
    layout->addWidget(m_actions, 1);
    layout->addWidget(newAction, 0, Qt::AlignLeft);
    return page;
}

void IncidentDialog::reload()
{
    try {
        const Incident incident = IncidentRepository(m_context.db).load(m_id);
        const bool keepEdits = hasUnsavedChanges();
        const Incident edits = edited();
        m_saved = incident;
        fillForm(keepEdits ? edits : incident);
        m_heading->setText(tr("%1 · %2 · %3")
                               .arg(incident.reference, incidentStatusTitle(incident.status), severityTitle(incident.severity)));
        setWindowTitle(tr("Incident %1").arg(incident.reference));
        rebuildStatusButtons();
        m_timeline->showIncident(m_id);
        m_attachments->showIncident(m_id);
        m_history->showRecord(incident.uuid, incidentFieldTitle,
            [this](const QString &field, const QVariant &value) { return readableValue(field, value); });
        m_actions->clear();
        const QLocale locale;
        for (const CorrectiveAction &a : ActionRepository(m_context.db).forIncident(m_id))
            new QTreeWidgetItem(m_actions, {a.reference, a.description,
                                               a.dueDate.isValid() ? locale.toString(a.dueDate, QLocale::ShortFormat) : QString(),
                                               actionStatusTitle(a.status)});
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        QTimer::singleShot(0, this, &QDialog::reject);
    }
    showProblems();
}

void IncidentDialog::fillForm(const Incident &i)
{
    m_filling = true;
    m_title->setText(i.title);
    m_occurred->setDateTime(i.occurredAt.toLocalTime());
    m_reported->setDateTime(i.reportedAt.toLocalTime());
    m_category->select(i.categoryId, i.subcategoryId);
    m_area->setCurrentIndex(qMax(0, m_area->findData(i.areaId)));
    m_location->setText(i.location);
    m_severity->setCurrentIndex(m_severity->findData(int(i.severity)));
    m_reportedBy->setText(i.reportedBy);
    m_assigned->setCurrentIndex(qMax(0, m_assigned->findData(i.assignedToId)));
    m_description->setPlainText(i.description);
    m_immediate->setPlainText(i.immediateAction);
    m_police->setText(i.policeReference);
    m_loss->setValue(i.estimatedLoss ? *i.estimatedLoss : m_loss->minimum());
    m_rootCause->setPlainText(i.rootCause);
    m_lessons->setPlainText(i.lessonsLearned);
    m_persons->setPersons(i.persons);
    m_risks->clear();
    RiskRepository risks(m_context.db);
    for (qint64 riskId : i.riskIds) {
        try {
            const Risk risk = risks.load(riskId);
            auto *item = new QListWidgetItem(QStringLiteral("%1 %2").arg(risk.reference, risk.title), m_risks);
            item->setData(Qt::UserRole, riskId);
        } catch (const Error &) {
        }
    }
    m_filling = false;
}

QString IncidentDialog::readableValue(const QString &field, const QVariant &value) const
{
    // Names and titles as the form shows them ("Dana Okafor", "Under investigation"), not the
    // ids and keys the audit trail stores.
    const QString key = value.toString();
    if (field == QLatin1String("status")) {
        IncidentStatus status;
        return incidentStatusFromKey(key, &status) ? incidentStatusTitle(status) : QString();
    }
    if (field == QLatin1String("severity")) {
        Severity severity;
        return severityFromKey(key, &severity) ? severityTitle(severity) : QString();
    }
    const qint64 id = value.toLongLong();
    if (field == QLatin1String("assigned_to_id") || field == QLatin1String("area_id")) {
        const QComboBox *combo = field == QLatin1String("area_id") ? m_area : m_assigned;
        const int index = combo->findData(id);
        return index > 0 ? combo->itemText(index) : QString();
    }
    if (field == QLatin1String("category_id") || field == QLatin1String("subcategory_id")) {
        for (const IncidentCategory &category : CategoryRepository(m_context.db).list(true)) {
            if (category.id == id)
                return category.name;
        }
    }
    return {};
}

Incident IncidentDialog::edited() const
{
    Incident i = m_saved;
    i.title = m_title->text().trimmed();
    i.occurredAt = timeFrom(m_occurred, m_saved.occurredAt);
    i.reportedAt = timeFrom(m_reported, m_saved.reportedAt);
    i.categoryId = m_category->categoryId();
    i.subcategoryId = m_category->subcategoryId();
    i.areaId = m_area->currentData().toLongLong();
    i.location = m_location->text().trimmed();
    i.severity = Severity(m_severity->currentData().toInt());
    i.reportedBy = m_reportedBy->text().trimmed();
    i.assignedToId = m_assigned->currentData().toLongLong();
    i.description = m_description->toPlainText().trimmed();
    i.immediateAction = m_immediate->toPlainText().trimmed();
    i.policeReference = m_police->text().trimmed();
    if (m_loss->value() >= 0)
        i.estimatedLoss = m_loss->value();
    else
        i.estimatedLoss.reset();
    i.rootCause = m_rootCause->toPlainText().trimmed();
    i.lessonsLearned = m_lessons->toPlainText().trimmed();
    i.persons = m_persons->persons();
    i.riskIds.clear();
    for (int r = 0; r < m_risks->count(); ++r)
        i.riskIds.append(m_risks->item(r)->data(Qt::UserRole).toLongLong());
    std::sort(i.riskIds.begin(), i.riskIds.end());
    return i;
}

bool IncidentDialog::hasUnsavedChanges() const
{
    return m_saved.id != 0 && !m_filling && edited() != m_saved;
}

void IncidentDialog::showProblems()
{
    if (m_filling)
        return;
    const Incident i = edited();
    QList<FieldProblem> problems;
    try {
        problems = IncidentRepository(m_context.db).problems(i);
    } catch (const Error &e) {
        problems.append({QString(), e.message()});
    }
    QStringList messages;
    for (const FieldProblem &p : problems)
        messages.append(p.message);
    m_problem->setText(messages.join(u' '));
    m_problem->setVisible(!messages.isEmpty());
    m_save->setEnabled(hasUnsavedChanges() && problems.isEmpty());
}

void IncidentDialog::save()
{
    if (!hasUnsavedChanges())
        return;
    commands::editIncident(m_context, m_saved, edited());
}

void IncidentDialog::done(int result)
{
    if (hasUnsavedChanges()) {
        const auto answer = dialogs::question(this, tr("Unsaved Changes"),
            tr("%1 has changes that are not saved. Save them?").arg(m_saved.reference),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !commands::editIncident(m_context, m_saved, edited()))
            return;
    }
    QDialog::done(result);
}

void IncidentDialog::rebuildStatusButtons()
{
    while (QLayoutItem *item = m_statusButtons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (IncidentStatus to : nextStatuses(m_saved.status)) {
        auto *button = new QPushButton(transitionTitle(m_saved.status, to), this);
        button->setObjectName(QStringLiteral("moveTo_%1").arg(incidentStatusKey(to)));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, to] { moveTo(to); });
        m_statusButtons->addWidget(button);
    }
}

void IncidentDialog::moveTo(IncidentStatus to)
{
    // Unsaved field changes go first, so the move works on what the user sees.
    if (hasUnsavedChanges() && !commands::editIncident(m_context, m_saved, edited()))
        return;
    if (to == IncidentStatus::Closed) {
        auto *dialog = new CloseDialog(m_context, m_id, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return;
    }
    QString reason;
    if (isReopen(m_saved.status, to)) {
        bool ok = false;
        reason = dialogs::askText(this, tr("Reopen Incident"), tr("Why is %1 reopened?").arg(m_saved.reference), QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return;
    }
    commands::changeIncidentStatus(m_context, m_id, to, reason);
}

void IncidentDialog::newAction()
{
    CorrectiveAction action;
    action.source = ActionSource::Incident;
    action.incidentId = m_id;
    auto *editor = new ActionEditor(m_context, action, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void IncidentDialog::linkRisk()
{
    const QString reference = m_riskToLink->text().section(u' ', 0, 0).trimmed();
    const std::optional<qint64> id = RiskRepository(m_context.db).idByReference(reference);
    if (!id) {
        m_problem->setText(tr("No risk has the reference '%1'.").arg(reference));
        m_problem->show();
        return;
    }
    for (int r = 0; r < m_risks->count(); ++r) {
        if (m_risks->item(r)->data(Qt::UserRole).toLongLong() == *id)
            return;
    }
    const Risk risk = RiskRepository(m_context.db).load(*id);
    auto *item = new QListWidgetItem(QStringLiteral("%1 %2").arg(risk.reference, risk.title), m_risks);
    item->setData(Qt::UserRole, *id);
    m_riskToLink->clear();
    showProblems();
}

} // namespace vigil
