#include "riskspage.h"

#include "base/clock.h"
#include "base/error.h"
#include "catalogues/cataloguedialog.h"
#include "commands/riskcommands.h"
#include "io/exporttable.h"
#include "people/person.h"
#include "risks/criteriadialog.h"
#include "risks/heatmapwidget.h"
#include "risks/riskeditor.h"
#include "risks/riskregistermodel.h"
#include "risks/riskrepository.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "widgets/chipdelegate.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

// The level filter's entries for an inherent level: this plus the level's index.
constexpr int inherentLevelData = 1000;

const QStringList watchedEntities {QStringLiteral("risks"), QStringLiteral("risk_criteria"), QStringLiteral("people"),
    QStringLiteral("threats"), QStringLiteral("controls"), QStringLiteral("assets")};

} // namespace

RisksPage::RisksPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new RiskRegisterModel(context.db, this))
    , m_search(new QLineEdit(this))
    , m_level(filterCombo(QStringLiteral("filterLevel"), this))
    , m_owner(filterCombo(QStringLiteral("filterOwner"), this))
    , m_status(filterCombo(QStringLiteral("filterStatus"), this))
    , m_category(filterCombo(QStringLiteral("filterCategory"), this))
    , m_overdue(new QCheckBox(tr("O&verdue reviews"), this))
    , m_retired(new QCheckBox(tr("Show re&tired"), this))
    , m_cellFilter(new QPushButton(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_inherentMap(new HeatMapWidget(false, this))
    , m_residualMap(new HeatMapWidget(false, this))
{
    setObjectName(QStringLiteral("risksPage"));
    m_model->setErrorHandler([this](const QString &message) { m_context.host.showStatus(message); });

    m_search->setObjectName(QStringLiteral("searchRisks"));
    m_search->setPlaceholderText(tr("Search risks (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_overdue->setObjectName(QStringLiteral("filterOverdue"));
    m_retired->setObjectName(QStringLiteral("filterRetired"));
    m_cellFilter->setObjectName(QStringLiteral("cellFilter"));
    m_cellFilter->setIcon(themedIcon(QStringLiteral("remove")));
    m_cellFilter->setToolTip(tr("Show every cell again"));
    m_cellFilter->hide();
    m_count->setObjectName(QStringLiteral("riskCount"));
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear Filters"));
    clear->setAutoRaise(true);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_level);
    filters->addWidget(m_owner);
    filters->addWidget(m_status);
    filters->addWidget(m_category);
    filters->addWidget(m_overdue);
    filters->addWidget(m_retired);
    filters->addWidget(m_cellFilter);
    filters->addWidget(clear);
    filters->addStretch();
    filters->addWidget(m_count);

    setupRegisterTable(m_table, QStringLiteral("riskTable"));
    m_table->setModel(m_model);
    m_table->sortByColumn(int(RiskColumn::Reference), Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(int(RiskColumn::Title), QHeaderView::Stretch);
    auto *chips = new ChipDelegate(m_table);
    m_table->setItemDelegateForColumn(int(RiskColumn::Inherent), chips);
    m_table->setItemDelegateForColumn(int(RiskColumn::Residual), chips);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(int(RiskColumn::Reference), fm.horizontalAdvance(QStringLiteral("RSK-00000 (retired)")));
    m_table->setColumnWidth(int(RiskColumn::Owner), fm.horizontalAdvance(QStringLiteral("Martin Lisowski__")));
    for (RiskColumn c : {RiskColumn::Inherent, RiskColumn::Residual, RiskColumn::Treatment, RiskColumn::Status})
        m_table->setColumnWidth(int(c), fm.horizontalAdvance(QStringLiteral("In treatment____")));
    m_table->setColumnWidth(int(RiskColumn::ReviewDate), fm.horizontalAdvance(QStringLiteral("30 Sept 2026__")));

    m_inherentMap->setObjectName(QStringLiteral("inherentHeatMap"));
    m_inherentMap->setTitle(tr("Inherent risk (no controls)"));
    m_residualMap->setObjectName(QStringLiteral("residualHeatMap"));
    m_residualMap->setTitle(tr("Residual risk (controls in place)"));
    auto *maps = new QWidget(this);
    auto *mapsLayout = new QHBoxLayout(maps);
    mapsLayout->setContentsMargins(0, 4, 0, 0);
    mapsLayout->addWidget(m_inherentMap, 1);
    mapsLayout->addSpacing(12);
    mapsLayout->addWidget(m_residualMap, 1);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(maps);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    createActions();
    refillFilterChoices();
    refreshHeatMaps();
    applyFilter();

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150); // results as you type, without a query per keystroke
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &RisksPage::applyFilter);
    for (QComboBox *combo : {m_level, m_owner, m_status, m_category})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                applyFilter();
        });
    for (QCheckBox *box : {m_overdue, m_retired})
        connect(box, &QCheckBox::toggled, this, &RisksPage::applyFilter);
    connect(clear, &QToolButton::clicked, this, &RisksPage::clearFilter);
    connect(m_cellFilter, &QPushButton::clicked, this, [this] {
        m_cell = RiskFilter();
        applyFilter();
    });
    connect(m_inherentMap, &HeatMapWidget::cellActivated, this,
        [this](int l, int i) { setCellFilter(RatingKind::Inherent, l, i); });
    connect(m_residualMap, &HeatMapWidget::cellActivated, this,
        [this](int l, int i) { setCellFilter(RatingKind::Residual, l, i); });
    connect(m_table, &QTableView::activated, this, &RisksPage::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RisksPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RisksPage::updateActions);
    refreshOnChanges(this, context.db, watchedEntities, [this] { refresh(); });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *remove = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &RisksPage::retireSelected);
}

void RisksPage::createActions()
{
    auto action = [this](const QString &icon, const QString &text, const QString &name, auto slot) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : themedIcon(icon), text, this);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction *create = action(QStringLiteral("file-new"), tr("&New Risk"), QStringLiteral("actionNewRisk"), &RisksPage::newRisk);
    create->setShortcut(QKeySequence::New);
    create->setToolTip(tr("Add a risk to the register (Ctrl+N)"));
    m_open = action(QStringLiteral("file-open"), tr("&Open"), QStringLiteral("actionOpenRisk"), &RisksPage::openSelected);
    m_open->setToolTip(tr("Open the selected risk (Enter)"));
    m_retire = action(QStringLiteral("history"), tr("&Retire…"), QStringLiteral("actionRetireRisk"), &RisksPage::retireSelected);
    m_retire->setToolTip(tr("Take the risk off the register; it stays in history and reports (Delete)"));
    m_reinstate = action(QString(), tr("Rein&state"), QStringLiteral("actionReinstateRisk"), &RisksPage::reinstateSelected);
    m_delete = action(QStringLiteral("remove"), tr("&Delete…"), QStringLiteral("actionDeleteRisk"), &RisksPage::deleteSelected);
    m_delete->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_delete->setToolTip(tr("Delete a risk created by mistake (Shift+Delete)"));
    QAction *exportAction = action(QStringLiteral("save"), tr("&Export…"), QStringLiteral("actionExportRisks"), &RisksPage::exportRegister);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Export the register as shown to CSV or Excel (Ctrl+E)"));
    QAction *criteria = action(QStringLiteral("overview"), tr("Risk &Criteria…"), QStringLiteral("actionRiskCriteria"),
        &RisksPage::editCriteria);

    QMenu *catalogues = catalogueMenu(m_context, tr("Catalogues"),
        {{tr("&People…"), QStringLiteral("actionPeople"), CatalogueDialog::Kind::People},
            {tr("&Threats…"), QStringLiteral("actionThreats"), CatalogueDialog::Kind::Threats},
            {tr("&Controls…"), QStringLiteral("actionControls"), CatalogueDialog::Kind::Controls},
            {tr("&Assets…"), QStringLiteral("actionAssets"), CatalogueDialog::Kind::Assets}},
        this);
    QAction *catalogueAction = catalogues->menuAction();
    catalogueAction->setObjectName(QStringLiteral("actionCatalogues"));
    catalogueAction->setIcon(themedIcon(QStringLiteral("site")));

    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_toolbar = {create, m_open, m_retire, m_reinstate, m_delete, separator, exportAction, criteria, catalogueAction};
    updateActions();
}

void RisksPage::refillFilterChoices()
{
    m_filling = true;
    const QVariant level = m_level->currentData();
    const QVariant owner = m_owner->currentData();
    const QVariant status = m_status->currentData();
    const QVariant category = m_category->currentData();
    m_level->clear();
    m_level->addItem(tr("All levels"), -1);
    const RiskCriteria &criteria = m_model->criteria();
    for (int i = int(criteria.levels.size()) - 1; i >= 0; --i)
        m_level->addItem(tr("Residual %1").arg(criteria.levels.at(i).name), i);
    if (criteria.levels.size() > 2)
        m_level->addItem(tr("Residual %1 and %2")
                             .arg(criteria.levels.at(criteria.levels.size() - 1).name,
                                 criteria.levels.at(criteria.levels.size() - 2).name),
            -2);
    for (int i = int(criteria.levels.size()) - 1; i >= 0; --i)
        m_level->addItem(tr("Inherent %1").arg(criteria.levels.at(i).name), inherentLevelData + i);
    m_owner->clear();
    m_owner->addItem(tr("All owners"), 0);
    try {
        for (const Person &person : PeopleRepository(m_context.db).list(true))
            m_owner->addItem(person.name, person.id);
        m_category->clear();
        m_category->addItem(tr("All categories"), QString());
        for (const QString &c : RiskRepository(m_context.db).categories())
            m_category->addItem(c, c);
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_status->clear();
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Open and in treatment"), QStringLiteral("active"));
    for (RiskStatus s : {RiskStatus::Open, RiskStatus::InTreatment, RiskStatus::Accepted, RiskStatus::Closed})
        m_status->addItem(riskStatusTitle(s), riskStatusKey(s));
    selectData(m_level, level.isValid() ? level : QVariant(-1));
    selectData(m_owner, owner.isValid() ? owner : QVariant(0));
    selectData(m_status, status.isValid() ? status : QVariant(QString()));
    selectData(m_category, category.isValid() ? category : QVariant(QString()));
    m_filling = false;
}

void RisksPage::applyFilter()
{
    RiskFilter f = m_cell;
    f.text = m_search->text();
    const int level = m_level->currentData().toInt();
    const int levelCount = int(m_model->criteria().levels.size());
    if (level >= inherentLevelData)
        f.inherentLevels = {level - inherentLevelData};
    else if (level >= 0)
        f.residualLevels = {level};
    else if (level == -2 && levelCount >= 2)
        f.residualLevels = {levelCount - 1, levelCount - 2};
    f.ownerId = m_owner->currentData().toLongLong();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("active")) {
        f.statuses = {RiskStatus::Open, RiskStatus::InTreatment};
    } else if (!status.isEmpty()) {
        RiskStatus s;
        if (riskStatusFromKey(status, &s))
            f.statuses = {s};
    }
    f.category = m_category->currentData().toString();
    f.overdueOnly = m_overdue->isChecked();
    f.includeRetired = m_retired->isChecked();

    const qint64 selected = selectedId();
    m_model->setFilter(f);
    m_count->setText(tr("%n risks", nullptr, m_model->rowCount()));
    if (m_cell.cellSet) {
        const RiskCriteria &c = m_model->criteria();
        m_cellFilter->setText(tr("%1: %2 x %3")
                                  .arg(ratingKindTitle(m_cell.cellKind), c.likelihood.value(m_cell.cellLikelihood - 1).label,
                                      c.impact.value(m_cell.cellImpact - 1).label));
    }
    m_cellFilter->setVisible(m_cell.cellSet);
    (m_cell.cellKind == RatingKind::Inherent ? m_inherentMap : m_residualMap)
        ->setSelectedCell(m_cell.cellSet ? m_cell.cellLikelihood : 0, m_cell.cellSet ? m_cell.cellImpact : 0);
    (m_cell.cellKind == RatingKind::Inherent ? m_residualMap : m_inherentMap)->setSelectedCell(0, 0);
    refreshHeatMaps();
    selectId(selected);
}

void RisksPage::clearFilter()
{
    m_filling = true;
    m_search->clear();
    for (QComboBox *combo : {m_level, m_owner, m_status, m_category})
        combo->setCurrentIndex(0);
    m_overdue->setChecked(false);
    m_retired->setChecked(false);
    m_filling = false;
    m_cell = RiskFilter();
    applyFilter();
}

void RisksPage::setCellFilter(RatingKind kind, int likelihood, int impact)
{
    if (m_cell.cellSet && m_cell.cellKind == kind && m_cell.cellLikelihood == likelihood && m_cell.cellImpact == impact) {
        m_cell = RiskFilter(); // a second click on the same cell shows everything again
    } else {
        m_cell.cellSet = true;
        m_cell.cellKind = kind;
        m_cell.cellLikelihood = likelihood;
        m_cell.cellImpact = impact;
    }
    applyFilter();
}

void RisksPage::refreshHeatMaps()
{
    // The maps show the register as filtered, except for the cell filter itself.
    RiskFilter f = m_model->filter();
    f.cellSet = false;
    try {
        RiskRepository risks(m_context.db);
        for (HeatMapWidget *map : {m_inherentMap, m_residualMap}) {
            map->setCriteria(m_model->criteria());
            map->setCounts(risks.heatMap(f, map == m_inherentMap ? RatingKind::Inherent : RatingKind::Residual));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
}

void RisksPage::refresh()
{
    const qint64 selected = selectedId();
    m_model->refresh();
    refillFilterChoices();
    applyFilter();
    selectId(selected);
}

qint64 RisksPage::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(RiskRegisterModel::IdRole).toLongLong() : 0;
}

void RisksPage::selectId(qint64 id)
{
    if (id == 0)
        return;
    int row = -1;
    try {
        row = int(RiskRepository(m_context.db).ids(m_model->filter(), RiskColumn(m_model->sortColumn()), m_model->sortOrder())
                      .indexOf(id));
    } catch (const Error &) {
    }
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void RisksPage::updateActions()
{
    const qint64 id = selectedId();
    bool retired = false;
    if (id) {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        retired = m_model->rowAt(current.row()) && m_model->rowAt(current.row())->retired;
    }
    m_open->setEnabled(id != 0);
    m_retire->setEnabled(id != 0 && !retired);
    m_reinstate->setEnabled(id != 0 && retired);
    m_delete->setEnabled(id != 0);
}

void RisksPage::newRisk()
{
    Risk risk;
    risk.reviewMonths = 12;
    risk.reviewDate = Clock::current().today().addMonths(12);
    auto *editor = new RiskEditor(m_context, risk, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        refresh();
        selectId(editor->savedId());
    });
    editor->open();
}

void RisksPage::openRisk(qint64 id)
{
    Risk risk;
    try {
        risk = RiskRepository(m_context.db).load(id);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return;
    }
    auto *editor = new RiskEditor(m_context, risk, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void RisksPage::openSelected()
{
    if (const qint64 id = selectedId())
        openRisk(id);
}

void RisksPage::retireSelected()
{
    const qint64 id = selectedId();
    if (!id || !m_retire->isEnabled())
        return;
    bool ok = false;
    const QString reason = dialogs::askText(this, tr("Retire Risk"),
        tr("Why is the risk no longer relevant? (It stays in history and in reports for its period.)"), QString(), &ok);
    if (ok)
        commands::retireRisk(m_context, id, reason);
}

void RisksPage::reinstateSelected()
{
    if (const qint64 id = selectedId())
        commands::reinstateRisk(m_context, id);
}

void RisksPage::deleteSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QString reference = m_model->rowAt(current.row()) ? m_model->rowAt(current.row())->reference : QString();
    const auto answer = dialogs::question(this, tr("Delete Risk"),
        tr("Delete %1 for good? Do this only for a risk created by mistake; to take a real risk off the register, "
           "retire it instead. You can undo the delete with Ctrl+Z.")
            .arg(reference),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteRisk(m_context, id);
}

void RisksPage::exportRegister()
{
    vigil::exportRegister(m_context, this,
        {tr("Export Risk Register"), tr("risk-register"),
            [this] {
                return RiskRepository(m_context.db)
                    .exportTable(m_model->filter(), RiskColumn(m_model->sortColumn()), m_model->sortOrder());
            },
            [](int rows) { return tr("Exported %n risks to %1.", nullptr, rows); }});
}

void RisksPage::editCriteria()
{
    auto *dialog = new CriteriaDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RisksPage::showTarget(const QVariant &target)
{
    const QVariantMap map = target.toMap();
    if (map.contains(QStringLiteral("risk"))) {
        openRisk(map.value(QStringLiteral("risk")).toLongLong());
        return;
    }
    clearFilter();
    m_filling = true;
    if (map.value(QStringLiteral("overdue")).toBool())
        m_overdue->setChecked(true);
    if (map.contains(QStringLiteral("level")))
        selectData(m_level, map.value(QStringLiteral("level")));
    else if (map.contains(QStringLiteral("inherentLevel")))
        selectData(m_level, inherentLevelData + map.value(QStringLiteral("inherentLevel")).toInt());
    m_filling = false;
    applyFilter();
}

QVariant RisksPage::saveState() const
{
    return QVariantMap {{QStringLiteral("header"), m_table->horizontalHeader()->saveState()},
        {QStringLiteral("splitter"), m_splitter->saveState()}};
}

void RisksPage::restoreState(const QVariant &state)
{
    const QVariantMap map = state.toMap();
    m_table->horizontalHeader()->restoreState(map.value(QStringLiteral("header")).toByteArray());
    m_splitter->restoreState(map.value(QStringLiteral("splitter")).toByteArray());
}

} // namespace vigil
