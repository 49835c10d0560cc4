#include "actionspage.h"

#include "actions/actioneditor.h"
#include "actions/actionregistermodel.h"
#include "base/clock.h"
#include "base/error.h"
#include "commands/incidentcommands.h"
#include "io/exporttable.h"
#include "people/person.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

ActionsPage::ActionsPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new ActionRegisterModel(context.db, this))
    , m_search(new QLineEdit(this))
    , m_owner(filterCombo(QStringLiteral("filterOwner"), this))
    , m_status(filterCombo(QStringLiteral("filterStatus"), this))
    , m_overdue(new QCheckBox(tr("Overd&ue only"), this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("actionsPage"));
    m_model->setErrorHandler([this](const QString &message) { m_context.host.showStatus(message); });
    m_search->setObjectName(QStringLiteral("searchActions"));
    m_search->setPlaceholderText(tr("Search actions (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_overdue->setObjectName(QStringLiteral("filterOverdue"));
    m_count->setObjectName(QStringLiteral("actionCount"));
    m_status->addItem(tr("Outstanding"), QStringLiteral("outstanding"));
    m_status->addItem(tr("All statuses"), QString());
    for (ActionStatus s : allActionStatuses)
        m_status->addItem(actionStatusTitle(s), actionStatusKey(s));
    refillOwners();

    setupRegisterTable(m_table, QStringLiteral("actionTable"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSortIndicator(int(ActionColumn::Due), Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(int(ActionColumn::Description), QHeaderView::Stretch);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(int(ActionColumn::Reference), fm.horizontalAdvance(QStringLiteral("ACT-00000__")));
    m_table->setColumnWidth(int(ActionColumn::Source), fm.horizontalAdvance(QStringLiteral("INC-2026-00000__")));
    m_table->setColumnWidth(int(ActionColumn::Owner), fm.horizontalAdvance(QStringLiteral("Martin Lisowski__")));
    m_table->setColumnWidth(int(ActionColumn::Due), fm.horizontalAdvance(QStringLiteral("30 Sept 2026__")));
    m_table->setColumnWidth(int(ActionColumn::Status), fm.horizontalAdvance(QStringLiteral("Verified effective__")));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_owner);
    filters->addWidget(m_status);
    filters->addWidget(m_overdue);
    filters->addStretch();
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    auto *create = new QAction(themedIcon(QStringLiteral("file-new")), tr("&New Action"), this);
    create->setObjectName(QStringLiteral("actionNewAction"));
    create->setShortcut(QKeySequence::New);
    connect(create, &QAction::triggered, this, &ActionsPage::newAction);
    m_open = new QAction(themedIcon(QStringLiteral("file-open")), tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("actionOpenAction"));
    m_open->setToolTip(tr("Open the selected action (Enter)"));
    m_open->setEnabled(false);
    connect(m_open, &QAction::triggered, this, &ActionsPage::openSelected);
    m_delete = new QAction(themedIcon(QStringLiteral("remove")), tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("actionDeleteAction"));
    m_delete->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_delete->setToolTip(tr("Delete an action created by mistake (Shift+Delete)"));
    m_delete->setEnabled(false);
    connect(m_delete, &QAction::triggered, this, &ActionsPage::deleteSelected);
    auto *exportAction = new QAction(themedIcon(QStringLiteral("save")), tr("&Export…"), this);
    exportAction->setObjectName(QStringLiteral("actionExportActions"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Export the actions as shown to CSV or Excel (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &ActionsPage::exportRegister);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_toolbar = {create, m_open, m_delete, separator, exportAction};

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &ActionsPage::applyFilter);
    for (QComboBox *combo : {m_owner, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    connect(m_overdue, &QCheckBox::toggled, this, &ActionsPage::applyFilter);
    connect(m_table, &QTableView::activated, this, &ActionsPage::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_open->setEnabled(current.isValid());
        m_delete->setEnabled(current.isValid());
    });
    refreshOnChanges(this, context.db, {QStringLiteral("corrective_actions"), QStringLiteral("people")}, [this] { refresh(); });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    applyFilter();
}

void ActionsPage::refillOwners()
{
    m_filling = true;
    const QVariant owner = m_owner->currentData();
    m_owner->clear();
    m_owner->addItem(tr("All owners"), 0);
    try {
        for (const Person &p : PeopleRepository(m_context.db).list(true))
            m_owner->addItem(p.name, p.id);
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    selectData(m_owner, owner.isValid() ? owner : QVariant(0));
    m_filling = false;
}

void ActionsPage::applyFilter()
{
    ActionFilter f;
    f.text = m_search->text();
    f.ownerId = m_owner->currentData().toLongLong();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("outstanding"))
        f.statuses = {ActionStatus::Open, ActionStatus::InProgress};
    else if (ActionStatus s; actionStatusFromKey(status, &s))
        f.statuses = {s};
    f.overdueOnly = m_overdue->isChecked();
    m_model->setFilter(f);
    m_count->setText(tr("%n actions", nullptr, m_model->rowCount()));
}

void ActionsPage::refresh()
{
    refillOwners();
    m_model->reload();
    m_count->setText(tr("%n actions", nullptr, m_model->rowCount()));
}

void ActionsPage::newAction()
{
    CorrectiveAction action;
    action.source = ActionSource::Other;
    auto *editor = new ActionEditor(m_context, action, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void ActionsPage::openSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    try {
        const CorrectiveAction action = ActionRepository(m_context.db).load(current.data(ActionRegisterModel::IdRole).toLongLong());
        auto *editor = new ActionEditor(m_context, action, this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->open();
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
}

void ActionsPage::deleteSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const ActionRow *row = m_model->rowAt(current.row());
    const auto answer = dialogs::question(this, tr("Delete Corrective Action"),
        tr("Delete %1 for good? Do this only for an action created by mistake; an action that turned out not to work "
           "is marked not effective instead. You can undo the delete with Ctrl+Z.")
            .arg(row ? row->reference : QString()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteAction(m_context, current.data(ActionRegisterModel::IdRole).toLongLong());
}

void ActionsPage::exportRegister()
{
    vigil::exportRegister(m_context, this,
        {tr("Export Corrective Actions"), tr("corrective-actions"),
            [this] {
                return ActionRepository(m_context.db)
                    .exportTable(m_model->filter(), ActionColumn(m_model->sortColumn()), m_model->sortOrder());
            },
            [](int rows) { return tr("Exported %n actions to %1.", nullptr, rows); }});
}

void ActionsPage::showTarget(const QVariant &target)
{
    const QVariantMap map = target.toMap();
    m_filling = true;
    m_search->clear();
    m_owner->setCurrentIndex(0);
    selectData(m_status, map.value(QStringLiteral("status"), QStringLiteral("outstanding")));
    m_filling = false;
    m_overdue->setChecked(map.value(QStringLiteral("overdue")).toBool());
    applyFilter();
}

QVariant ActionsPage::saveState() const
{
    return QVariantMap {{QStringLiteral("header"), m_table->horizontalHeader()->saveState()}};
}

void ActionsPage::restoreState(const QVariant &state)
{
    m_table->horizontalHeader()->restoreState(state.toMap().value(QStringLiteral("header")).toByteArray());
}

} // namespace vigil
