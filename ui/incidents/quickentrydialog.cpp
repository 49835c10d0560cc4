#include "quickentrydialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/incidentcommands.h"
#include "incidents/categorypicker.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentrepository.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace vigil {

QuickEntryDialog::QuickEntryDialog(const ModuleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_occurred(new QDateTimeEdit(this))
    , m_category(new CategoryPicker(context.db, this))
    , m_area(new QComboBox(this))
    , m_location(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_reportedBy(new QLineEdit(this))
    , m_problem(problemLabel(QStringLiteral("quickProblem"), this))
{
    setObjectName(QStringLiteral("quickEntryDialog"));
    setWindowTitle(tr("Log Incident"));
    m_occurred->setObjectName(QStringLiteral("quickOccurred"));
    m_occurred->setCalendarPopup(true);
    m_occurred->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_category->setObjectName(QStringLiteral("quickCategory"));
    m_area->setObjectName(QStringLiteral("quickArea"));
    m_location->setObjectName(QStringLiteral("quickLocation"));
    m_location->setPlaceholderText(tr("Exactly where (dock 14, north fence by the rail siding ...)"));
    m_severity->setObjectName(QStringLiteral("quickSeverity"));
    for (Severity s : allSeverities)
        m_severity->addItem(severityTitle(s), int(s));
    m_description->setObjectName(QStringLiteral("quickDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What happened, who was there, what was done"));
    m_description->setMinimumHeight(m_description->fontMetrics().lineSpacing() * 6);
    m_reportedBy->setObjectName(QStringLiteral("quickReportedBy"));
    m_reportedBy->setPlaceholderText(tr("Optional"));
    m_problem->hide();

    m_area->addItem(tr("(no area)"), 0);
    for (const SiteArea &area : AreaRepository(context.db).list())
        m_area->addItem(area.name, area.id);

    auto *form = new QFormLayout;
    form->addRow(tr("&When:"), m_occurred);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Area:"), m_area);
    form->addRow(tr("&Location:"), m_location);
    form->addRow(tr("Se&verity:"), m_severity);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Reported by:"), m_reportedBy);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("quickSave"));
    save->setDefault(true);
    save->setToolTip(tr("Save (Ctrl+Enter)"));
    QPushButton *saveNext = buttons->addButton(tr("Save and &Next"), QDialogButtonBox::ApplyRole);
    saveNext->setObjectName(QStringLiteral("quickSaveNext"));
    saveNext->setToolTip(tr("Save and log another (Ctrl+Shift+Enter)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto saveAndClose = [this] {
        if (saveIncident())
            accept();
    };
    auto saveAndNext = [this] {
        if (saveIncident())
            resetForNext();
    };
    connect(save, &QPushButton::clicked, this, saveAndClose);
    connect(saveNext, &QPushButton::clicked, this, saveAndNext);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this), &QShortcut::activated, this, saveAndClose);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this), &QShortcut::activated, this,
        saveAndNext);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(m_category, &CategoryPicker::choiceChanged, this, &QuickEntryDialog::showProblems);
    connect(m_description, &QPlainTextEdit::textChanged, this, &QuickEntryDialog::showProblems);
    resetForNext();
    m_reportedBy->clear();
    // Where the last incident happened is the best guess for this one.
    try {
        const auto [areaId, location] = IncidentRepository(context.db).lastLocation();
        m_area->setCurrentIndex(qMax(0, m_area->findData(areaId)));
        m_location->setText(location);
    } catch (const Error &e) {
        context.host.showStatus(e.message());
    }
    m_category->setFocus();
}

void QuickEntryDialog::resetForNext()
{
    m_occurred->setDateTime(Clock::current().nowUtc().toLocalTime());
    m_occurred->setMaximumDateTime(Clock::current().nowUtc().toLocalTime().addSecs(300));
    m_category->setCurrentIndex(-1);
    m_category->clearEditText();
    m_severity->setCurrentIndex(m_severity->findData(int(Severity::Medium)));
    m_description->clear();
    m_tried = false;
    m_problem->hide();
    // When is already now; most entries start at what happened.
    m_category->setFocus();
}

void QuickEntryDialog::showProblems()
{
    if (!m_tried)
        return;
    QStringList problems;
    if (!m_category->hasChoice())
        problems.append(tr("Choose a category from the list."));
    if (m_description->toPlainText().trimmed().isEmpty())
        problems.append(tr("Say what happened."));
    m_problem->setText(problems.join(u' '));
    m_problem->setVisible(!problems.isEmpty());
}

bool QuickEntryDialog::saveIncident()
{
    m_tried = true;
    showProblems();
    if (m_problem->isVisible()) {
        (m_category->hasChoice() ? static_cast<QWidget *>(m_description) : m_category)->setFocus();
        return false;
    }
    Incident incident;
    incident.occurredAt = m_occurred->dateTime().toUTC();
    incident.reportedAt = Clock::current().nowUtc();
    if (incident.reportedAt < incident.occurredAt)
        incident.reportedAt = incident.occurredAt;
    incident.categoryId = m_category->categoryId();
    incident.subcategoryId = m_category->subcategoryId();
    incident.areaId = m_area->currentData().toLongLong();
    incident.location = m_location->text();
    incident.severity = Severity(m_severity->currentData().toInt());
    incident.description = m_description->toPlainText();
    incident.reportedBy = m_reportedBy->text();
    const std::optional<qint64> id = commands::createIncident(m_context, incident);
    if (!id)
        return false;
    m_saved.append(*id);
    m_context.host.showStatus(tr("Logged %1.").arg(IncidentRepository(m_context.db).load(*id).reference));
    return true;
}

} // namespace vigil
