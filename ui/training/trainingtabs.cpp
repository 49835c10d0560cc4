#include "trainingtabs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "base/error.h"
#include "commands/trainingcommands.h"
#include "io/exporttable.h"
#include "shell/dialogs.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/sessiondialog.h"
#include "training/trainingmodels.h"
#include "training/trainingrepository.h"
#include "training/trainingviews.h"
#include "widgets/displaytext.h"

namespace vigil {
namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int SecondIdRole = Qt::UserRole + 2;
constexpr int DateRole = Qt::UserRole + 3;

// A list as an export table: what the user sees, column by column.
ExportTable tableOf(const QTreeWidget *list, const QString &title)
{
    ExportTable table;
    table.title = title;
    for (int c = 0; c < list->columnCount(); ++c)
        table.headers.append(list->headerItem()->text(c));
    for (int r = 0; r < list->topLevelItemCount(); ++r) {
        QVariantList row;
        for (int c = 0; c < list->columnCount(); ++c)
            row.append(list->topLevelItem(r)->text(c));
        table.rows.append(row);
    }
    return table;
}

// Sorts a list's date column by the date, not the text.
class DateItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, DateRole);
        const QVariant b = other.data(column, DateRole);
        if (a.isValid() || b.isValid())
            return a.toDate() < b.toDate();
        return QTreeWidgetItem::operator<(other);
    }
};

void setDate(QTreeWidgetItem *item, int column, const QDate &date)
{
    item->setText(column, shortDate(date));
    item->setData(column, DateRole, date);
}

void openSession(const ModuleContext &context, QWidget *parent, qint64 id)
{
    try {
        openDialog(new SessionDialog(context, TrainingRepository(context.db).loadSession(id), parent));
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
}

// The usual frame of a tab: a filter row, the list, and a line of help under it.
void layOut(QWidget *tab, QLayout *filters, QWidget *list, const QString &hint = {})
{
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(list, 1);
    if (!hint.isEmpty())
        layout->addWidget(new QLabel(hint, tab));
}

} // namespace

// Shared by the tabs.

void fillPostChoices(QComboBox *combo, Database &db, bool allItem)
{
    const QVariant chosen = combo->currentData();
    combo->clear();
    if (allItem)
        combo->addItem(TrainingTab::tr("All posts"), 0);
    try {
        for (const Post &p : PostRepository(db).list())
            combo->addItem(p.name, p.id);
    } catch (const Error &) {
        // Left with what could be read; the page reports read errors when it refreshes.
    }
    selectData(combo, chosen.isValid() ? chosen : QVariant(qint64(0)));
}

void fillEmployerChoices(QComboBox *combo, Database &db)
{
    const QVariant chosen = combo->currentData();
    combo->clear();
    combo->addItem(TrainingTab::tr("All employers"), 0);
    combo->addItem(TrainingTab::tr("Own staff"), -1);
    try {
        for (const Employer &e : EmployerRepository(db).list())
            combo->addItem(e.name, e.id);
    } catch (const Error &) {
    }
    selectData(combo, chosen.isValid() ? chosen : QVariant(0));
}

void fillCourseChoices(QComboBox *combo, Database &db)
{
    const QVariant chosen = combo->currentData();
    combo->clear();
    combo->addItem(TrainingTab::tr("All courses"), 0);
    try {
        for (const Course &c : CourseRepository(db).list())
            combo->addItem(c.name, c.id);
    } catch (const Error &) {
    }
    selectData(combo, chosen.isValid() ? chosen : QVariant(0));
}

void deleteTrainingRecord(const ModuleContext &context, QWidget *parent, qint64 recordId)
{
    if (recordId == 0)
        return;
    const auto answer = dialogs::question(parent, TrainingTab::tr("Delete Training Record"),
        TrainingTab::tr(
            "Delete this record for good? Do this only for a record entered by mistake; a failed attempt is "
            "kept with the result Failed. You can undo the delete with Ctrl+Z."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteTrainingRecord(context, recordId);
}

// Records.

RecordsTab::RecordsTab(const ModuleContext &context, QWidget *parent)
    : TrainingTab(context, parent)
    , m_model(new TrainingRecordModel(context.db, this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_course(filterCombo(QStringLiteral("recordCourseFilter"), this))
    , m_post(filterCombo(QStringLiteral("recordPostFilter"), this))
    , m_employer(filterCombo(QStringLiteral("recordEmployerFilter"), this))
    , m_leavers(new QCheckBox(tr("Include &leavers"), this))
    , m_count(new QLabel(this))
{
    m_search->setObjectName(QStringLiteral("recordSearch"));
    m_search->setPlaceholderText(tr("Person, staff number, course or trainer (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_leavers->setObjectName(QStringLiteral("recordLeavers"));
    m_count->setObjectName(QStringLiteral("recordCount"));
    m_model->setErrorHandler([this](const QString &message) { m_context.host.showStatus(message); });
    setupRegisterTable(m_table, QStringLiteral("recordTable"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSortIndicator(int(TrainingRecordColumn::Completed), Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(
        int(TrainingRecordColumn::Course), QHeaderView::Stretch);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(
        int(TrainingRecordColumn::Person), fm.horizontalAdvance(QStringLiteral("Marta Kowalczyk-Ruiz__")));
    m_table->setColumnWidth(
        int(TrainingRecordColumn::Completed), fm.horizontalAdvance(QStringLiteral("30/09/2026___")));
    m_table->setColumnWidth(
        int(TrainingRecordColumn::Result), fm.horizontalAdvance(QStringLiteral("Attended (100%)__")));
    m_table->setColumnWidth(
        int(TrainingRecordColumn::Expires), fm.horizontalAdvance(QStringLiteral("30/09/2026___")));
    m_table->setColumnWidth(
        int(TrainingRecordColumn::Trainer), fm.horizontalAdvance(QStringLiteral("Northgate Training Ltd__")));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_course);
    filters->addWidget(m_post);
    filters->addWidget(m_employer);
    filters->addWidget(m_leavers);
    filters->addStretch();
    filters->addWidget(m_count);
    layOut(this, filters, m_table);

    connectFilters(this, m_search, {m_course, m_post, m_employer}, &m_filling, [this] { reload(); });
    connect(m_leavers, &QCheckBox::toggled, this, &RecordsTab::reload);
    connect(m_table, &QTableView::activated, this, &RecordsTab::openCurrent);
    fillChoices();
}

void RecordsTab::fillChoices()
{
    m_filling = true;
    fillCourseChoices(m_course, m_context.db);
    fillPostChoices(m_post, m_context.db, true);
    fillEmployerChoices(m_employer, m_context.db);
    m_filling = false;
}

void RecordsTab::refresh(const QDate &asOf)
{
    m_asOf = asOf;
    m_model->setAsOf(asOf);
    m_model->reload(); // a record may have been added or changed since
    reload();
}

void RecordsTab::reload()
{
    TrainingRecordFilter filter;
    filter.text = m_search->text();
    filter.courseId = m_course->currentData().toLongLong();
    filter.postId = m_post->currentData().toLongLong();
    filter.employerId = m_employer->currentData().toLongLong();
    filter.activePeopleOnly = !m_leavers->isChecked();
    m_model->setFilter(filter);
    m_count->setText(tr("%n records", nullptr, m_model->rowCount()));
}

void RecordsTab::openCurrent()
{
    if (const QModelIndex current = m_table->currentIndex(); current.isValid())
        openTrainingRecord(m_context, this, current.data(TrainingRecordModel::IdRole).toLongLong(), 0, 0);
}

void RecordsTab::deleteCurrent()
{
    deleteTrainingRecord(
        m_context, this, m_table->currentIndex().data(TrainingRecordModel::IdRole).toLongLong());
}

RegisterExport RecordsTab::registerExport()
{
    return {tr("Export Training Records"), tr("training-records"),
        [this] {
            return TrainingRepository(m_context.db)
                .exportTable(
                    m_model->filter(), TrainingRecordColumn(m_model->sortColumn()), m_model->sortOrder());
        },
        [](int rows) { return tr("Exported %n training records to %1.", nullptr, rows); }};
}

// Expiring.

ExpiringTab::ExpiringTab(const ModuleContext &context, QWidget *parent)
    : TrainingTab(context, parent)
    , m_days(filterCombo(QStringLiteral("expiringDays"), this))
    , m_requiredOnly(new QCheckBox(tr("Only what their post &needs"), this))
    , m_list(trainingList(QStringLiteral("expiringList"),
          {tr("Expires"), tr("Days left"), tr("Person"), tr("Post"), tr("Course"), tr("Booked on")}, this))
    , m_count(new QLabel(this))
{
    for (int days : {30, 60, 90})
        m_days->addItem(tr("Within %n days", nullptr, days), days);
    m_requiredOnly->setObjectName(QStringLiteral("expiringRequired"));
    m_requiredOnly->setChecked(true);
    m_count->setObjectName(QStringLiteral("expiringCount"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_days);
    filters->addWidget(m_requiredOnly);
    filters->addStretch();
    filters->addWidget(m_count);
    layOut(this, filters, m_list,
        tr("Double-click a line to record the renewal. Plan a session for several people with New Session."));
    connectFilters(this, nullptr, {m_days}, &m_filling, [this] { reload(); });
    connect(m_requiredOnly, &QCheckBox::toggled, this, &ExpiringTab::reload);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { open(item); });
}

void ExpiringTab::setDays(int days)
{
    m_filling = true;
    selectData(m_days, days);
    m_filling = false;
}

void ExpiringTab::refresh(const QDate &asOf)
{
    m_asOf = asOf;
    reload();
}

void ExpiringTab::reload()
{
    m_list->setSortingEnabled(false);
    m_list->clear();
    try {
        for (const ExpiringRow &row :
            Compliance(m_context.db)
                .expiring(m_asOf, m_days->currentData().toInt(), m_requiredOnly->isChecked())) {
            auto *item = new DateItem(m_list);
            setDate(item, 0, row.expiresOn);
            item->setData(0, IdRole, row.personId);
            item->setData(0, SecondIdRole, row.courseId);
            const int left = int(m_asOf.daysTo(row.expiresOn));
            item->setData(1, Qt::DisplayRole, left);
            item->setText(2, row.person);
            item->setText(3, row.post);
            item->setText(4, row.required ? row.course : tr("%1 (not needed by their post)").arg(row.course));
            if (row.booking.sessionId)
                setDate(item, 5, row.booking.heldOn);
            if (left <= 30 && !row.booking.sessionId) {
                for (int c = 0; c < 2; ++c) {
                    item->setBackground(c, cellColour(CellStatus::Expiring));
                    item->setForeground(c, QBrush(Qt::black));
                }
            }
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_list->setSortingEnabled(true);
    m_list->sortItems(0, Qt::AscendingOrder);
    m_count->setText(tr("%n certifications run out", nullptr, m_list->topLevelItemCount()));
}

void ExpiringTab::openCurrent()
{
    open(m_list->currentItem());
}

void ExpiringTab::open(const QTreeWidgetItem *item)
{
    if (item)
        openTrainingRecord(
            m_context, this, 0, item->data(0, IdRole).toLongLong(), item->data(0, SecondIdRole).toLongLong());
}

RegisterExport ExpiringTab::registerExport()
{
    return {tr("Export Expiring Certifications"), tr("training-expiring"),
        [this] { return tableOf(m_list, tr("Expiring after %1").arg(shortDate(m_asOf))); },
        [](int rows) { return tr("Exported %n certifications to %1.", nullptr, rows); }};
}

// Readiness.

ReadinessTab::ReadinessTab(const ModuleContext &context, QWidget *parent)
    : TrainingTab(context, parent)
    , m_post(filterCombo(QStringLiteral("readinessPost"), this))
    , m_date(new QDateEdit(this))
    , m_everyone(new QCheckBox(tr("Also people from other &posts who could cover"), this))
    , m_list(trainingList(QStringLiteral("readinessList"),
          {tr("Person"), tr("Post"), tr("Employer"), tr("Cleared"), tr("Why not")}, this))
    , m_count(new QLabel(this))
{
    m_date->setObjectName(QStringLiteral("readinessDate"));
    m_date->setCalendarPopup(true);
    m_everyone->setObjectName(QStringLiteral("readinessEveryone"));
    m_count->setObjectName(QStringLiteral("readinessCount"));
    auto *question = new QHBoxLayout;
    auto *postLabel = new QLabel(tr("Who is cleared to work as"), this);
    postLabel->setBuddy(m_post);
    question->addWidget(postLabel);
    question->addWidget(m_post);
    question->addWidget(new QLabel(tr("on"), this));
    question->addWidget(m_date);
    question->addWidget(m_everyone);
    question->addStretch();
    question->addWidget(m_count);
    layOut(this, question, m_list);
    connectFilters(this, nullptr, {m_post}, &m_filling, [this] { reload(); });
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        if (!m_filling)
            reload();
    });
    connect(m_everyone, &QCheckBox::toggled, this, &ReadinessTab::reload);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { open(item); });
    fillChoices();
}

void ReadinessTab::fillChoices()
{
    m_filling = true;
    fillPostChoices(m_post, m_context.db, false);
    m_filling = false;
}

void ReadinessTab::refresh(const QDate &asOf)
{
    if (asOf != m_asOf) { // the question's day follows the page's as-of date
        m_asOf = asOf;
        m_filling = true;
        m_date->setDate(asOf);
        m_filling = false;
    }
    reload();
}

void ReadinessTab::reload()
{
    m_list->setSortingEnabled(false);
    m_list->clear();
    const qint64 postId = m_post->currentData().toLongLong();
    const QDate day = m_date->date();
    int cleared = 0;
    try {
        if (postId > 0) {
            for (const ReadinessRow &row :
                Compliance(m_context.db).readiness(postId, day, m_everyone->isChecked())) {
                auto *item = new QTreeWidgetItem(m_list);
                item->setText(0, row.name);
                item->setData(0, IdRole, row.personId);
                item->setText(1, row.holdsPost ? row.post : tr("%1 (other post)").arg(row.post));
                item->setText(2, row.employer.isEmpty() ? tr("Own staff") : row.employer);
                const CellStatus status = row.cleared() ? CellStatus::Valid : CellStatus::Expired;
                item->setText(3,
                    row.cleared() ? tr("%1 Yes").arg(cellSymbol(status))
                                  : tr("%1 No").arg(cellSymbol(status)));
                item->setBackground(3, cellColour(status));
                item->setForeground(3, QBrush(Qt::black));
                QStringList why;
                for (const ReadinessGap &gap : row.gaps)
                    why.append(describeGap(gap, day));
                item->setText(4, why.join(QStringLiteral("; ")));
                item->setToolTip(4, why.join(u'\n'));
                cleared += row.cleared();
            }
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_list->setSortingEnabled(true);
    m_list->sortItems(3, Qt::AscendingOrder);
    m_count->setText(postId > 0 ? tr("%1 of %n cleared", nullptr, m_list->topLevelItemCount()).arg(cleared)
                                : tr("Set up posts first"));
}

void ReadinessTab::openCurrent()
{
    open(m_list->currentItem());
}

void ReadinessTab::open(const QTreeWidgetItem *item)
{
    if (item)
        openDialog(
            new PersonTrainingDialog(m_context, item->data(0, IdRole).toLongLong(), m_date->date(), this));
}

RegisterExport ReadinessTab::registerExport()
{
    return {tr("Export Readiness"), tr("training-readiness"),
        [this] {
            return tableOf(
                m_list, tr("Readiness for %1 on %2").arg(m_post->currentText(), shortDate(m_date->date())));
        },
        [](int rows) { return tr("Exported %n people to %1.", nullptr, rows); }};
}

// Sessions.

SessionsTab::SessionsTab(const ModuleContext &context, QWidget *parent)
    : TrainingTab(context, parent)
    , m_past(new QCheckBox(tr("Show held and &cancelled sessions"), this))
    , m_list(trainingList(QStringLiteral("sessionList"),
          {tr("Date"), tr("Course"), tr("Trainer"), tr("Location"), tr("People"), tr("Status")}, this))
{
    m_past->setObjectName(QStringLiteral("sessionsPast"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_past);
    layOut(this, filters, m_list, tr("Double-click a planned session to change it or record it as done."));
    connect(m_past, &QCheckBox::toggled, this, &SessionsTab::reload);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { open(item); });
}

void SessionsTab::refresh(const QDate &asOf)
{
    m_asOf = asOf;
    reload();
}

void SessionsTab::reload()
{
    m_list->setSortingEnabled(false);
    m_list->clear();
    try {
        QHash<qint64, QString> courses;
        for (const Course &c : CourseRepository(m_context.db).list(true))
            courses.insert(c.id, c.name);
        for (const TrainingSession &s : TrainingRepository(m_context.db).sessions(m_past->isChecked())) {
            auto *item = new DateItem(m_list);
            setDate(item, 0, s.heldOn);
            item->setData(0, IdRole, s.id);
            item->setText(1, courses.value(s.courseId));
            item->setText(2, s.trainer);
            item->setText(3, s.location);
            item->setData(4, Qt::DisplayRole, int(s.attendeeIds.size()));
            item->setText(5,
                s.status == SessionStatus::Planned && s.heldOn < m_asOf ? tr("Planned – held yet?")
                                                                        : sessionStatusTitle(s.status));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_list->setSortingEnabled(true);
    m_list->sortItems(0, Qt::AscendingOrder);
}

void SessionsTab::openCurrent()
{
    open(m_list->currentItem());
}

void SessionsTab::open(const QTreeWidgetItem *item)
{
    if (item)
        openSession(m_context, this, item->data(0, IdRole).toLongLong());
}

void SessionsTab::deleteCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const auto answer = dialogs::question(this, tr("Delete Training Session"),
        tr("Delete the %1 session of %2? Cancel a session that will not take place by deleting it; a session "
           "already "
           "recorded as done keeps its records. You can undo the delete with Ctrl+Z.")
            .arg(item->text(1), item->text(0)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteSession(m_context, item->data(0, IdRole).toLongLong());
}

RegisterExport SessionsTab::registerExport()
{
    return {tr("Export Training Sessions"), tr("training-sessions"),
        [this] { return tableOf(m_list, tr("Training sessions")); },
        [](int rows) { return tr("Exported %n sessions to %1.", nullptr, rows); }};
}

} // namespace vigil
