#include "incidentspage.h"

#include "base/clock.h"
#include "base/error.h"
#include "catalogues/cataloguedialog.h"
#include "commands/incidentcommands.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentdialog.h"
#include "incidents/incidentlogmodel.h"
#include "incidents/quickentrydialog.h"
#include "io/exporttable.h"
#include "people/person.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "shell/settings.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/chipdelegate.h"
#include "widgets/displaytext.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

const QDate anyDate(2000, 1, 1);
const QStringList watchedEntities {QStringLiteral("incidents"), QStringLiteral("incident_timeline"),
    QStringLiteral("incident_categories"), QStringLiteral("site_areas"), QStringLiteral("people")};
const QString savedFiltersKey = QStringLiteral("incidents.savedFilters");

QDateEdit *dateFilter(const QString &objectName, const QString &none, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(anyDate);
    edit->setSpecialValueText(none);
    edit->setDate(anyDate);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

// Paints "Category › Subcategory", shortening the category first when the column is narrow:
// the subcategory says what happened ("Suspicious person / veh… › Suspicious package").
class CategoryDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QStringList parts = index.data(IncidentLogModel::CategoryPartsRole).toStringList();
        if (parts.size() == 2 && !parts.at(1).isEmpty() && opt.text.startsWith(parts.at(0))) {
            const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
            const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
            const int available = textRect.width() - 2 * margin;
            const QFontMetrics fm(opt.font);
            if (fm.horizontalAdvance(opt.text) > available) {
                const QString rest = opt.text.mid(parts.at(0).size()); // " › Subcategory"
                const int room = available - fm.horizontalAdvance(rest);
                // Even the subcategory is long: it still comes first, cut at its end by the style.
                opt.text = room >= fm.horizontalAdvance(QStringLiteral("Mmm…"))
                    ? fm.elidedText(parts.at(0), Qt::ElideRight, room) + rest
                    : QStringLiteral("…") + rest;
            }
        }
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }
};

// Reference, time, severity, status and assignee as wide as what they show; category and
// location share the rest of the width, so they read in full on a wide screen.
void sizeColumns(QTableView *table)
{
    const QFontMetrics fm = table->fontMetrics();
    const int pad = fm.averageCharWidth() * 3;
    QHeaderView *header = table->horizontalHeader();
    const auto width = [&](IncidentColumn column, const QStringList &texts, int extra) {
        // The header's title and sort arrow must fit too.
        int widest = header->fontMetrics().horizontalAdvance(
                         table->model()->headerData(int(column), Qt::Horizontal).toString())
            + pad;
        for (const QString &text : texts)
            widest = qMax(widest, fm.horizontalAdvance(text) + extra + pad);
        table->setColumnWidth(int(column), widest);
    };
    QStringList severities;
    for (Severity s : allSeverities)
        severities.append(severityTitle(s));
    QStringList statuses;
    for (IncidentStatus s : allIncidentStatuses)
        statuses.append(incidentStatusTitle(s));
    width(IncidentColumn::Reference, {QStringLiteral("INC-2026-0000")}, 0);
    width(IncidentColumn::Occurred, {shortDateTime(QDateTime(QDate(2026, 9, 30), QTime(23, 59)))}, 0);
    width(IncidentColumn::Severity, severities, 16); // the chip's rounded ends
    width(IncidentColumn::Status, statuses, 0);
    width(IncidentColumn::Assigned, {QString(16, u'n')}, 0);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(int(IncidentColumn::Category), QHeaderView::Stretch);
    header->setSectionResizeMode(int(IncidentColumn::Location), QHeaderView::Stretch);
}

} // namespace

IncidentsPage::IncidentsPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new IncidentLogModel(context.db, this))
    , m_search(new QLineEdit(this))
    , m_from(dateFilter(QStringLiteral("filterFrom"), tr("From any date"), this))
    , m_to(dateFilter(QStringLiteral("filterTo"), tr("To any date"), this))
    , m_category(filterCombo(QStringLiteral("filterCategory"), this))
    , m_severity(filterCombo(QStringLiteral("filterSeverity"), this))
    , m_status(filterCombo(QStringLiteral("filterStatus"), this))
    , m_area(filterCombo(QStringLiteral("filterArea"), this))
    , m_assigned(filterCombo(QStringLiteral("filterAssigned"), this))
    , m_saved(new QPushButton(this))
    , m_savedMenu(new QMenu(this))
    , m_count(new QLabel(this))
    , m_recent(new QToolButton(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("incidentsPage"));
    m_model->setErrorHandler([this](const QString &message) { m_context.host.showStatus(message); });
    m_search->setObjectName(QStringLiteral("searchIncidents"));
    m_search->setPlaceholderText(tr("Search descriptions, notes, people … (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setText(tr("Saved Filters"));
    m_saved->setMenu(m_savedMenu); // a push button leaves room for its menu arrow
    m_saved->setAutoDefault(false);
    m_count->setObjectName(QStringLiteral("incidentCount"));
    m_recent->setObjectName(QStringLiteral("filterReportedRecently"));
    m_recent->setText(tr("Reported in the last 24 hours ✕"));
    m_recent->setToolTip(tr("Show incidents reported at any time"));
    m_recent->hide();
    connect(m_recent, &QToolButton::clicked, this, [this] {
        m_reportedSince = {};
        applyFilter();
    });
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear Filters"));
    clear->setObjectName(QStringLiteral("clearFilters"));
    clear->setAutoRaise(true);

    auto *row1 = new QHBoxLayout;
    row1->addWidget(m_search, 2);
    row1->addWidget(m_from);
    row1->addWidget(m_to);
    row1->addWidget(m_saved);
    row1->addWidget(clear);
    row1->addStretch();
    row1->addWidget(m_count);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_category);
    row2->addWidget(m_severity);
    row2->addWidget(m_status);
    row2->addWidget(m_area);
    row2->addWidget(m_assigned);
    row2->addWidget(m_recent);
    row2->addStretch();

    setupRegisterTable(m_table, QStringLiteral("incidentTable"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSortIndicator(int(IncidentColumn::Occurred), Qt::DescendingOrder);
    m_table->setItemDelegateForColumn(int(IncidentColumn::Severity), new ChipDelegate(m_table));
    m_table->setItemDelegateForColumn(int(IncidentColumn::Category), new CategoryDelegate(m_table));
    sizeColumns(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addWidget(m_table, 1);

    createActions();
    refillChoices();
    rebuildSavedFilters();
    applyFilter();

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &IncidentsPage::applyFilter);
    for (QComboBox *combo : {m_category, m_severity, m_status, m_area, m_assigned})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    connect(clear, &QToolButton::clicked, this, &IncidentsPage::clearFilter);
    connect(m_table, &QTableView::activated, this, &IncidentsPage::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] {
            m_open->setEnabled(selectedId() != 0);
            m_delete->setEnabled(selectedId() != 0);
        });
    refreshOnChanges(this, context.db, watchedEntities, [this] { refresh(); });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
}

void IncidentsPage::createActions()
{
    auto *log = new QAction(themedIcon(QStringLiteral("file-new")), tr("&Log Incident"), this);
    log->setObjectName(QStringLiteral("actionLogIncident"));
    log->setShortcut(QKeySequence::New);
    log->setToolTip(tr("Log an incident with the keyboard (Ctrl+N)"));
    connect(log, &QAction::triggered, this, &IncidentsPage::logIncident);
    m_open = new QAction(themedIcon(QStringLiteral("file-open")), tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("actionOpenIncident"));
    m_open->setToolTip(tr("Open the selected incident (Enter)"));
    m_open->setEnabled(false);
    connect(m_open, &QAction::triggered, this, &IncidentsPage::openSelected);
    m_delete = new QAction(themedIcon(QStringLiteral("remove")), tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("actionDeleteIncident"));
    m_delete->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_delete->setToolTip(tr("Delete an incident logged by mistake (Shift+Delete)"));
    m_delete->setEnabled(false);
    connect(m_delete, &QAction::triggered, this, &IncidentsPage::deleteSelected);
    auto *exportAction = new QAction(themedIcon(QStringLiteral("save")), tr("&Export…"), this);
    exportAction->setObjectName(QStringLiteral("actionExportIncidents"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Export the log as shown to CSV or Excel (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &IncidentsPage::exportRegister);
    QMenu *catalogues = catalogueMenu(m_context, tr("Lists"),
        {{tr("Site &Areas…"), QStringLiteral("actionSiteAreas"), CatalogueDialog::Kind::SiteAreas},
            {tr("Incident &Categories…"), QStringLiteral("actionIncidentCategories"), CatalogueDialog::Kind::IncidentCategories},
            {tr("&People…"), QStringLiteral("actionIncidentPeople"), CatalogueDialog::Kind::People}},
        this);
    QAction *lists = catalogues->menuAction();
    lists->setObjectName(QStringLiteral("actionIncidentLists"));
    lists->setIcon(themedIcon(QStringLiteral("site")));
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_toolbar = {log, m_open, m_delete, separator, exportAction, lists};
}

void IncidentsPage::refillChoices()
{
    m_filling = true;
    const QVariant category = m_category->currentData();
    const QVariant area = m_area->currentData();
    const QVariant assigned = m_assigned->currentData();
    const QVariant severity = m_severity->currentData();
    const QVariant status = m_status->currentData();
    m_category->clear();
    m_category->addItem(tr("All categories"), 0);
    m_area->clear();
    m_area->addItem(tr("All areas"), 0);
    m_assigned->clear();
    m_assigned->addItem(tr("Anyone"), 0);
    m_assigned->addItem(tr("Nobody"), -1);
    try {
        const QList<IncidentCategory> all = CategoryRepository(m_context.db).list();
        for (const IncidentCategory &parent : all) {
            if (parent.parentId != 0)
                continue;
            m_category->addItem(parent.name, parent.id);
            for (const IncidentCategory &sub : all) {
                if (sub.parentId == parent.id)
                    m_category->addItem(QStringLiteral("    ") + sub.name, sub.id);
            }
        }
        for (const SiteArea &a : AreaRepository(m_context.db).list())
            m_area->addItem(a.name, a.id);
        for (const Person &p : PeopleRepository(m_context.db).list())
            m_assigned->addItem(p.name, p.id);
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_severity->clear();
    m_severity->addItem(tr("All severities"), QString());
    m_severity->addItem(tr("High and critical"), QStringLiteral("high+"));
    for (Severity s : allSeverities)
        m_severity->addItem(severityTitle(s), severityKey(s));
    m_status->clear();
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Open (not resolved)"), QStringLiteral("open"));
    for (IncidentStatus s : allIncidentStatuses)
        m_status->addItem(incidentStatusTitle(s), incidentStatusKey(s));
    selectData(m_category, category.isValid() ? category : QVariant(0));
    selectData(m_area, area.isValid() ? area : QVariant(0));
    selectData(m_assigned, assigned.isValid() ? assigned : QVariant(0));
    selectData(m_severity, severity.isValid() ? severity : QVariant(QString()));
    selectData(m_status, status.isValid() ? status : QVariant(QString()));
    m_filling = false;
}

void IncidentsPage::applyFilter()
{
    IncidentFilter f;
    f.text = m_search->text();
    if (m_from->date() != anyDate)
        f.from = m_from->date();
    if (m_to->date() != anyDate)
        f.to = m_to->date();
    if (const qint64 category = m_category->currentData().toLongLong())
        f.categoryIds = {category};
    const QString severity = m_severity->currentData().toString();
    if (severity == QLatin1String("high+")) {
        f.severities = {Severity::High, Severity::Critical};
    } else if (Severity s; severityFromKey(severity, &s)) {
        f.severities = {s};
    }
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("open")) {
        f.statuses = {IncidentStatus::Reported, IncidentStatus::Investigating, IncidentStatus::Contained};
    } else if (IncidentStatus s; incidentStatusFromKey(status, &s)) {
        f.statuses = {s};
    }
    f.areaId = m_area->currentData().toLongLong();
    f.assignedToId = m_assigned->currentData().toLongLong();
    f.reportedSince = m_reportedSince;
    m_recent->setVisible(m_reportedSince.isValid());
    const qint64 selected = selectedId();
    m_model->setFilter(f);
    m_count->setText(tr("%n incidents", nullptr, m_model->rowCount()));
    selectId(selected);
}

void IncidentsPage::clearFilter()
{
    m_filling = true;
    m_search->clear();
    m_from->setDate(anyDate);
    m_to->setDate(anyDate);
    m_reportedSince = {};
    for (QComboBox *combo : {m_category, m_severity, m_status, m_area, m_assigned})
        combo->setCurrentIndex(0);
    m_filling = false;
    applyFilter();
}

void IncidentsPage::refresh()
{
    const qint64 selected = selectedId();
    refillChoices();
    m_model->reload();
    m_count->setText(tr("%n incidents", nullptr, m_model->rowCount()));
    selectId(selected);
}

qint64 IncidentsPage::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(IncidentLogModel::IdRole).toLongLong() : 0;
}

void IncidentsPage::selectId(qint64 id)
{
    if (id == 0)
        return;
    // The cached pages first (the usual case: the row is on screen), then the full list.
    for (int row = 0; row < qMin(m_model->rowCount(), 512); ++row) {
        const IncidentRow *r = m_model->rowAt(row);
        if (r && r->id == id) {
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(m_model->index(row, 0));
            return;
        }
    }
}

void IncidentsPage::logIncident()
{
    auto *dialog = new QuickEntryDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (!dialog->savedIds().isEmpty()) {
            refresh();
            selectId(dialog->savedIds().last());
        }
    });
    dialog->open();
}

void IncidentsPage::openIncident(qint64 id)
{
    auto *dialog = new IncidentDialog(m_context, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentsPage::openSelected()
{
    if (const qint64 id = selectedId())
        openIncident(id);
}

void IncidentsPage::deleteSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    const IncidentRow *row = m_model->rowAt(m_table->selectionModel()->currentIndex().row());
    const auto answer = dialogs::question(this, tr("Delete Incident"),
        tr("Delete %1 for good? Do this only for an incident logged by mistake (a duplicate, a test); a real incident "
           "is closed, never deleted. Its corrective actions stay. You can undo the delete with Ctrl+Z.")
            .arg(row ? row->reference : QString()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteIncident(m_context, id);
}

void IncidentsPage::exportRegister()
{
    vigil::exportRegister(m_context, this,
        {tr("Export Incident Log"), tr("incident-log"),
            [this] {
                return IncidentRepository(m_context.db)
                    .exportTable(m_model->filter(), IncidentColumn(m_model->sortColumn()), m_model->sortOrder());
            },
            [](int rows) { return tr("Exported %n incidents to %1.", nullptr, rows); }});
}

QVariantMap IncidentsPage::filterState() const
{
    return {{QStringLiteral("text"), m_search->text()}, {QStringLiteral("from"), m_from->date()},
        {QStringLiteral("to"), m_to->date()}, {QStringLiteral("category"), m_category->currentData()},
        {QStringLiteral("severity"), m_severity->currentData()}, {QStringLiteral("status"), m_status->currentData()},
        {QStringLiteral("area"), m_area->currentData()}, {QStringLiteral("assigned"), m_assigned->currentData()}};
}

void IncidentsPage::setFilterState(const QVariantMap &state)
{
    m_filling = true;
    m_reportedSince = {};
    m_search->setText(state.value(QStringLiteral("text")).toString());
    m_from->setDate(state.value(QStringLiteral("from"), anyDate).toDate());
    m_to->setDate(state.value(QStringLiteral("to"), anyDate).toDate());
    selectData(m_category, state.value(QStringLiteral("category"), 0));
    selectData(m_severity, state.value(QStringLiteral("severity"), QString()));
    selectData(m_status, state.value(QStringLiteral("status"), QString()));
    selectData(m_area, state.value(QStringLiteral("area"), 0));
    selectData(m_assigned, state.value(QStringLiteral("assigned"), 0));
    m_filling = false;
    applyFilter();
}

void IncidentsPage::rebuildSavedFilters()
{
    m_savedMenu->clear();
    const QVariantMap saved = Settings::instance().moduleState(savedFiltersKey).toMap();
    for (auto it = saved.begin(); it != saved.end(); ++it) {
        const QVariantMap state = it.value().toMap();
        QAction *apply = m_savedMenu->addAction(it.key());
        connect(apply, &QAction::triggered, this, [this, state] { setFilterState(state); });
    }
    if (!saved.isEmpty())
        m_savedMenu->addSeparator();
    QAction *save = m_savedMenu->addAction(tr("&Save Current Filter…"));
    save->setObjectName(QStringLiteral("actionSaveFilter"));
    connect(save, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = dialogs::askText(this, tr("Save Filter"), tr("Name for this filter:"), QString(), &ok).trimmed();
        if (!ok || name.isEmpty())
            return;
        QVariantMap all = Settings::instance().moduleState(savedFiltersKey).toMap();
        all.insert(name, filterState());
        Settings::instance().setModuleState(savedFiltersKey, all);
        rebuildSavedFilters();
    });
    if (!saved.isEmpty()) {
        QMenu *remove = m_savedMenu->addMenu(tr("&Delete"));
        for (const QString &name : saved.keys()) {
            connect(remove->addAction(name), &QAction::triggered, this, [this, name] {
                QVariantMap all = Settings::instance().moduleState(savedFiltersKey).toMap();
                all.remove(name);
                Settings::instance().setModuleState(savedFiltersKey, all);
                rebuildSavedFilters();
            });
        }
    }
}

void IncidentsPage::showTarget(const QVariant &target)
{
    const QVariantMap map = target.toMap();
    if (map.contains(QStringLiteral("incident"))) {
        openIncident(map.value(QStringLiteral("incident")).toLongLong());
        return;
    }
    QVariantMap state;
    if (map.contains(QStringLiteral("status")))
        state.insert(QStringLiteral("status"), map.value(QStringLiteral("status")));
    if (map.contains(QStringLiteral("severity")))
        state.insert(QStringLiteral("severity"), map.value(QStringLiteral("severity")));
    if (map.contains(QStringLiteral("from")))
        state.insert(QStringLiteral("from"), map.value(QStringLiteral("from")));
    if (map.contains(QStringLiteral("to")))
        state.insert(QStringLiteral("to"), map.value(QStringLiteral("to")));
    if (map.contains(QStringLiteral("category")))
        state.insert(QStringLiteral("category"), map.value(QStringLiteral("category")));
    setFilterState(state);
    if (map.contains(QStringLiteral("reportedWithinHours"))) {
        m_reportedSince = Clock::current().nowUtc().addSecs(-3600 * map.value(QStringLiteral("reportedWithinHours")).toInt());
        applyFilter();
    }
}

QVariant IncidentsPage::saveState() const
{
    return QVariantMap {{QStringLiteral("header"), m_table->horizontalHeader()->saveState()}};
}

void IncidentsPage::restoreState(const QVariant &state)
{
    m_table->horizontalHeader()->restoreState(state.toMap().value(QStringLiteral("header")).toByteArray());
}

} // namespace vigil
