#include "trainingpage.h"

#include "base/clock.h"
#include "base/error.h"
#include "catalogues/cataloguedialog.h"
#include "commands/trainingcommands.h"
#include "io/exporttable.h"
#include "people/person.h"
#include "shell/dialogs.h"
#include "shell/icons.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/sessiondialog.h"
#include "training/trainingmodels.h"
#include "training/trainingrepository.h"
#include "training/trainingviews.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

enum Tab { MatrixTab, RecordsTab, ExpiringTab, ReadinessTab, SessionsTab };
constexpr int IdRole = Qt::UserRole + 1;
constexpr int SecondIdRole = Qt::UserRole + 2;

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

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

// Sorts a list's date column by the date, not the text.
class DateItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, SecondIdRole + 1);
        const QVariant b = other.data(column, SecondIdRole + 1);
        if (a.isValid() || b.isValid())
            return a.toDate() < b.toDate();
        return QTreeWidgetItem::operator<(other);
    }
};

void setDate(QTreeWidgetItem *item, int column, const QDate &date)
{
    item->setText(column, dateText(date));
    item->setData(column, SecondIdRole + 1, date);
}

} // namespace

TrainingPage::TrainingPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_asOf(new QDateEdit(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_matrixModel(new ComplianceMatrixModel(this))
    , m_matrixProxy(new QSortFilterProxyModel(this))
    , m_recordModel(new TrainingRecordModel(context.db, this))
{
    setObjectName(QStringLiteral("trainingPage"));
    m_asOf->setObjectName(QStringLiteral("trainingAsOf"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDate(Clock::current().today());
    m_asOf->setToolTip(tr("Every view shows compliance as it stands on this day: pick a past day to see how it was, "
                          "or a day ahead to see who will have run out by then"));
    m_summary->setObjectName(QStringLiteral("trainingSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    auto *today = new QPushButton(tr("T&oday"), this);
    today->setObjectName(QStringLiteral("trainingToday"));
    auto *asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    auto *top = new QHBoxLayout;
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    top->addWidget(today);
    top->addSpacing(16);
    top->addWidget(m_summary, 1);

    m_tabs->setObjectName(QStringLiteral("trainingTabs"));
    m_tabs->addTab(buildMatrixTab(), tr("&Matrix"));
    m_tabs->addTab(buildRecordsTab(), tr("&Records"));
    m_tabs->addTab(buildExpiringTab(), tr("E&xpiring"));
    m_tabs->addTab(buildReadinessTab(), tr("Rea&diness"));
    m_tabs->addTab(buildSessionsTab(), tr("&Sessions"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    auto action = [this](const QString &icon, const QString &text, const QString &name, auto slot) {
        auto *a = new QAction(themedIcon(icon), text, this);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction *record = action(QStringLiteral("file-new"), tr("&Record Training…"), QStringLiteral("actionRecordTraining"),
        &TrainingPage::recordTraining);
    record->setShortcut(QKeySequence::New);
    record->setToolTip(tr("Record a course someone has completed (Ctrl+N)"));
    QAction *session = action(QStringLiteral("actions"), tr("New &Session…"), QStringLiteral("actionNewSession"),
        &TrainingPage::newSession);
    session->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    session->setToolTip(tr("Plan a session, or record one course for many people at once (Ctrl+Alt+N)"));
    QAction *open = action(QStringLiteral("file-open"), tr("&Open"), QStringLiteral("actionOpenTraining"), &TrainingPage::openCurrent);
    open->setToolTip(tr("Open what is selected (Enter)"));
    QAction *remove = action(QStringLiteral("remove"), tr("&Delete…"), QStringLiteral("actionDeleteTraining"),
        &TrainingPage::deleteCurrent);
    remove->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    remove->setToolTip(tr("Delete a record or session entered by mistake (Shift+Delete)"));
    QAction *exportAction = action(QStringLiteral("save"), tr("&Export…"), QStringLiteral("actionExportTraining"),
        &TrainingPage::exportCsv);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Export the current view, as filtered, to CSV (Ctrl+E)"));

    QMenu *catalogues = catalogueMenu(m_context, tr("Set-up"),
        {{tr("&People…"), QStringLiteral("actionTrainingPeople"), CatalogueDialog::Kind::People},
            {tr("P&osts…"), QStringLiteral("actionPosts"), CatalogueDialog::Kind::Posts},
            {tr("&Courses…"), QStringLiteral("actionCourses"), CatalogueDialog::Kind::Courses},
            {tr("Contractor Co&mpanies…"), QStringLiteral("actionEmployers"), CatalogueDialog::Kind::Employers}},
        this);
    catalogues->addSeparator();
    QAction *requirements = catalogues->addAction(tr("&Requirements…"));
    requirements->setObjectName(QStringLiteral("actionRequirements"));
    connect(requirements, &QAction::triggered, this, [this] {
        auto *dialog = new RequirementsDialog(m_context, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *setup = catalogues->menuAction();
    setup->setObjectName(QStringLiteral("actionTrainingSetup"));
    setup->setIcon(themedIcon(QStringLiteral("site")));
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_toolbar = {record, session, open, remove, separator, exportAction, setup};

    connect(today, &QPushButton::clicked, this, [this] { setAsOf(Clock::current().today()); });
    connect(m_asOf, &QDateEdit::dateChanged, this, [this] {
        m_readinessDate->setDate(asOf());
        m_recordModel->setAsOf(asOf());
        refresh();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refresh(); });
    connect(&context.db.notifier(), &ChangeNotifier::changed, this, [this](const QString &entity) {
        static const QStringList watched {QStringLiteral("training_records"), QStringLiteral("training_sessions"),
            QStringLiteral("people"), QStringLiteral("posts"), QStringLiteral("courses"), QStringLiteral("employers")};
        if (watched.contains(entity) && !m_refreshPending) {
            m_refreshPending = true;
            QTimer::singleShot(0, this, [this] {
                m_refreshPending = false;
                fillChoices();
                m_recordModel->reload();
                refresh();
            });
        }
    });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        QLineEdit *search = m_tabs->currentIndex() == RecordsTab ? m_recordSearch : m_matrixSearch;
        if (m_tabs->currentIndex() != RecordsTab)
            m_tabs->setCurrentIndex(MatrixTab);
        search->setFocus();
        search->selectAll();
    });
    fillChoices();
    m_recordModel->setAsOf(asOf());
    refresh();
}

QWidget *TrainingPage::buildMatrixTab()
{
    auto *tab = new QWidget(this);
    m_matrixSearch = new QLineEdit(tab);
    m_matrixSearch->setObjectName(QStringLiteral("matrixSearch"));
    m_matrixSearch->setPlaceholderText(tr("Name or staff number (Ctrl+F)"));
    m_matrixSearch->setClearButtonEnabled(true);
    m_matrixPost = filterCombo(QStringLiteral("matrixPost"), tab);
    m_matrixEmployer = filterCombo(QStringLiteral("matrixEmployer"), tab);
    m_matrixShow = filterCombo(QStringLiteral("matrixShow"), tab);
    m_matrixShow->addItem(tr("Everyone"), int(ComplianceFilter::Show::Everyone));
    m_matrixShow->addItem(tr("Not cleared"), int(ComplianceFilter::Show::NotCleared));
    m_matrixShow->addItem(tr("Expiring within 30 days"), int(ComplianceFilter::Show::Expiring));
    m_matrixCount = new QLabel(tab);
    m_matrixCount->setObjectName(QStringLiteral("matrixCount"));

    m_matrixProxy->setSourceModel(m_matrixModel);
    m_matrixProxy->setSortRole(ComplianceMatrixModel::SortRole);
    m_matrixProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_matrix = new QTableView(tab);
    setupRegisterTable(m_matrix, QStringLiteral("matrixTable"));
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setModel(m_matrixProxy);
    m_matrix->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    QHeaderView *header = m_matrix->horizontalHeader();
    header->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    header->setDefaultSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("✓ Sept 2027__")));
    // Course names wrap over up to four lines in a fixed-height header.
    header->setFixedHeight(fontMetrics().lineSpacing() * 4 + 10);

    auto *legend = new QLabel(tab);
    legend->setObjectName(QStringLiteral("matrixLegend"));
    legend->setTextFormat(Qt::RichText);
    QStringList keys;
    for (CellStatus s : {CellStatus::Valid, CellStatus::Expiring, CellStatus::Expired, CellStatus::Missing}) {
        keys.append(QStringLiteral("<span style=\"background-color:%1; color:black\">&nbsp;%2&nbsp;</span>&nbsp;%3")
                        .arg(cellColour(s).name(), cellSymbol(s), cellStatusTitle(s).toHtmlEscaped()));
    }
    legend->setText(keys.join(QStringLiteral(" &nbsp; ")) + QStringLiteral(" &nbsp; ")
        + tr("Blank: not required. Dates are expiry dates. Double-click or Enter on a cell to record or view training; "
             "on a name for the person; on a course heading for the course.")
              .toHtmlEscaped());
    legend->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    m_matrixSearch->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    filters->addWidget(m_matrixSearch, 2);
    filters->addWidget(m_matrixPost);
    filters->addWidget(m_matrixEmployer);
    filters->addWidget(m_matrixShow);
    filters->addStretch();
    filters->addWidget(m_matrixCount);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_matrix, 1);
    layout->addWidget(legend);

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_matrixSearch, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &TrainingPage::refreshMatrix);
    for (QComboBox *combo : {m_matrixPost, m_matrixEmployer, m_matrixShow})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                refreshMatrix();
        });
    connect(m_matrix, &QTableView::activated, this, &TrainingPage::activateMatrixCell);
    connect(header, &QHeaderView::sectionDoubleClicked, this, [this](int section) {
        if (const Course *course = m_matrixModel->courseAt(section)) {
            auto *dialog = new CourseTrainingDialog(m_context, course->id, asOf(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    return tab;
}

QWidget *TrainingPage::buildRecordsTab()
{
    auto *tab = new QWidget(this);
    m_recordSearch = new QLineEdit(tab);
    m_recordSearch->setObjectName(QStringLiteral("recordSearch"));
    m_recordSearch->setPlaceholderText(tr("Person, staff number, course or trainer (Ctrl+F)"));
    m_recordSearch->setClearButtonEnabled(true);
    m_recordCourse = filterCombo(QStringLiteral("recordCourseFilter"), tab);
    m_recordPost = filterCombo(QStringLiteral("recordPostFilter"), tab);
    m_recordEmployer = filterCombo(QStringLiteral("recordEmployerFilter"), tab);
    m_recordLeavers = new QCheckBox(tr("Include &leavers"), tab);
    m_recordLeavers->setObjectName(QStringLiteral("recordLeavers"));
    m_recordCount = new QLabel(tab);
    m_recordCount->setObjectName(QStringLiteral("recordCount"));
    m_recordModel->setErrorHandler([this](const QString &message) { m_context.host.showStatus(message); });
    m_records = new QTableView(tab);
    setupRegisterTable(m_records, QStringLiteral("recordTable"));
    m_records->setModel(m_recordModel);
    m_records->horizontalHeader()->setSortIndicator(int(TrainingRecordColumn::Completed), Qt::DescendingOrder);
    m_records->horizontalHeader()->setSectionResizeMode(int(TrainingRecordColumn::Course), QHeaderView::Stretch);
    const QFontMetrics fm = m_records->fontMetrics();
    m_records->setColumnWidth(int(TrainingRecordColumn::Person), fm.horizontalAdvance(QStringLiteral("Marta Kowalczyk-Ruiz__")));
    m_records->setColumnWidth(int(TrainingRecordColumn::Completed), fm.horizontalAdvance(QStringLiteral("30/09/2026___")));
    m_records->setColumnWidth(int(TrainingRecordColumn::Result), fm.horizontalAdvance(QStringLiteral("Attended (100%)__")));
    m_records->setColumnWidth(int(TrainingRecordColumn::Expires), fm.horizontalAdvance(QStringLiteral("30/09/2026___")));
    m_records->setColumnWidth(int(TrainingRecordColumn::Trainer), fm.horizontalAdvance(QStringLiteral("Northgate Training Ltd__")));

    auto *filters = new QHBoxLayout;
    m_recordSearch->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    filters->addWidget(m_recordSearch, 2);
    filters->addWidget(m_recordCourse);
    filters->addWidget(m_recordPost);
    filters->addWidget(m_recordEmployer);
    filters->addWidget(m_recordLeavers);
    filters->addStretch();
    filters->addWidget(m_recordCount);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_records, 1);

    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_recordSearch, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, &TrainingPage::refreshRecords);
    for (QComboBox *combo : {m_recordCourse, m_recordPost, m_recordEmployer})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                refreshRecords();
        });
    connect(m_recordLeavers, &QCheckBox::toggled, this, &TrainingPage::refreshRecords);
    connect(m_records, &QTableView::activated, this, [this](const QModelIndex &index) {
        openTrainingRecord(m_context, this, index.data(TrainingRecordModel::IdRole).toLongLong(), 0, 0);
    });
    return tab;
}

QWidget *TrainingPage::buildExpiringTab()
{
    auto *tab = new QWidget(this);
    m_expiringDays = filterCombo(QStringLiteral("expiringDays"), tab);
    for (int days : {30, 60, 90})
        m_expiringDays->addItem(tr("Within %n days", nullptr, days), days);
    m_expiringRequired = new QCheckBox(tr("Only what their post &needs"), tab);
    m_expiringRequired->setObjectName(QStringLiteral("expiringRequired"));
    m_expiringRequired->setChecked(true);
    m_expiringCount = new QLabel(tab);
    m_expiringCount->setObjectName(QStringLiteral("expiringCount"));
    m_expiring = trainingList(QStringLiteral("expiringList"),
        {tr("Expires"), tr("Days left"), tr("Person"), tr("Post"), tr("Course"), tr("Booked on")}, tab);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_expiringDays);
    filters->addWidget(m_expiringRequired);
    filters->addStretch();
    filters->addWidget(m_expiringCount);
    auto *hint = new QLabel(tr("Double-click a line to record the renewal. Plan a session for several people with New Session."), tab);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_expiring, 1);
    layout->addWidget(hint);
    connect(m_expiringDays, &QComboBox::currentIndexChanged, this, &TrainingPage::refreshExpiring);
    connect(m_expiringRequired, &QCheckBox::toggled, this, &TrainingPage::refreshExpiring);
    connect(m_expiring, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openTrainingRecord(m_context, this, 0, item->data(0, IdRole).toLongLong(), item->data(0, SecondIdRole).toLongLong());
    });
    return tab;
}

QWidget *TrainingPage::buildReadinessTab()
{
    auto *tab = new QWidget(this);
    m_readinessPost = filterCombo(QStringLiteral("readinessPost"), tab);
    m_readinessDate = new QDateEdit(tab);
    m_readinessDate->setObjectName(QStringLiteral("readinessDate"));
    m_readinessDate->setCalendarPopup(true);
    m_readinessDate->setDate(asOf());
    m_readinessEveryone = new QCheckBox(tr("Also people from other &posts who could cover"), tab);
    m_readinessEveryone->setObjectName(QStringLiteral("readinessEveryone"));
    m_readinessCount = new QLabel(tab);
    m_readinessCount->setObjectName(QStringLiteral("readinessCount"));
    m_readiness = trainingList(QStringLiteral("readinessList"), {tr("Person"), tr("Post"), tr("Employer"), tr("Cleared"), tr("Why not")}, tab);
    auto *question = new QHBoxLayout;
    auto *postLabel = new QLabel(tr("Who is cleared to work as"), tab);
    postLabel->setBuddy(m_readinessPost);
    question->addWidget(postLabel);
    question->addWidget(m_readinessPost);
    question->addWidget(new QLabel(tr("on"), tab));
    question->addWidget(m_readinessDate);
    question->addWidget(m_readinessEveryone);
    question->addStretch();
    question->addWidget(m_readinessCount);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(question);
    layout->addWidget(m_readiness, 1);
    connect(m_readinessPost, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            refreshReadiness();
    });
    connect(m_readinessDate, &QDateEdit::dateChanged, this, &TrainingPage::refreshReadiness);
    connect(m_readinessEveryone, &QCheckBox::toggled, this, &TrainingPage::refreshReadiness);
    connect(m_readiness, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        auto *dialog = new PersonTrainingDialog(m_context, item->data(0, IdRole).toLongLong(), m_readinessDate->date(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return tab;
}

QWidget *TrainingPage::buildSessionsTab()
{
    auto *tab = new QWidget(this);
    m_sessionsPast = new QCheckBox(tr("Show &held and cancelled sessions"), tab);
    m_sessionsPast->setObjectName(QStringLiteral("sessionsPast"));
    m_sessions = trainingList(QStringLiteral("sessionList"),
        {tr("Date"), tr("Course"), tr("Trainer"), tr("Location"), tr("People"), tr("Status")}, tab);
    auto *hint = new QLabel(tr("Double-click a planned session to change it or record it as done."), tab);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_sessionsPast);
    layout->addWidget(m_sessions, 1);
    layout->addWidget(hint);
    connect(m_sessionsPast, &QCheckBox::toggled, this, &TrainingPage::refreshSessions);
    connect(m_sessions, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openSession(item->data(0, IdRole).toLongLong());
    });
    return tab;
}

// The post, employer and course choices of every filter, keeping what is chosen.
void TrainingPage::fillChoices()
{
    m_filling = true;
    try {
        const QList<Post> posts = PostRepository(m_context.db).list();
        const QList<Employer> employers = EmployerRepository(m_context.db).list();
        const QList<Course> courses = CourseRepository(m_context.db).list();
        for (QComboBox *combo : {m_matrixPost, m_recordPost, m_readinessPost}) {
            const QVariant chosen = combo->currentData();
            combo->clear();
            if (combo != m_readinessPost)
                combo->addItem(tr("All posts"), 0);
            for (const Post &p : posts)
                combo->addItem(p.name, p.id);
            selectData(combo, chosen.isValid() ? chosen : QVariant(qint64(0)));
        }
        for (QComboBox *combo : {m_matrixEmployer, m_recordEmployer}) {
            const QVariant chosen = combo->currentData();
            combo->clear();
            combo->addItem(tr("All employers"), 0);
            combo->addItem(tr("Own staff"), -1);
            for (const Employer &e : employers)
                combo->addItem(e.name, e.id);
            selectData(combo, chosen.isValid() ? chosen : QVariant(0));
        }
        const QVariant course = m_recordCourse->currentData();
        m_recordCourse->clear();
        m_recordCourse->addItem(tr("All courses"), 0);
        for (const Course &c : courses)
            m_recordCourse->addItem(c.name, c.id);
        selectData(m_recordCourse, course.isValid() ? course : QVariant(0));
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_filling = false;
}

QDate TrainingPage::asOf() const
{
    return m_asOf->date();
}

void TrainingPage::setAsOf(const QDate &day)
{
    m_asOf->setDate(day);
}

// Only the tab on screen is read again (the matrix of 2,000 people is not free).
void TrainingPage::refresh()
{
    updateSummary();
    switch (m_tabs->currentIndex()) {
    case MatrixTab:
        refreshMatrix();
        break;
    case RecordsTab:
        refreshRecords();
        break;
    case ExpiringTab:
        refreshExpiring();
        break;
    case ReadinessTab:
        refreshReadiness();
        break;
    case SessionsTab:
        refreshSessions();
        break;
    default:
        break;
    }
}

void TrainingPage::updateSummary()
{
    try {
        const ComplianceSummary s = Compliance(m_context.db).summary(asOf());
        m_summary->setText(tr("%1% compliant · %2 · %3 · %4")
                               .arg(QLocale().toString(s.percent, 'f', 0),
                                   tr("%n people", nullptr, s.people),
                                   tr("%n expiring within 30 days", nullptr, s.expiring),
                                   tr("%n not cleared for their post", nullptr, s.notCleared)));
    } catch (const Error &e) {
        m_summary->setText(e.message());
    }
}

void TrainingPage::refreshMatrix()
{
    ComplianceFilter filter;
    filter.postId = m_matrixPost->currentData().toLongLong();
    filter.employerId = m_matrixEmployer->currentData().toLongLong();
    filter.show = ComplianceFilter::Show(m_matrixShow->currentData().toInt());
    filter.text = m_matrixSearch->text();
    try {
        m_matrixModel->setMatrix(Compliance(m_context.db).matrix(asOf(), filter));
    } catch (const Error &e) {
        m_matrixModel->setMatrix({});
        m_context.host.showStatus(e.message());
    }
    const ComplianceMatrix &m = m_matrixModel->matrix();
    // Name, post and employer as wide as their contents, up to about 24 characters (then elided,
    // the whole name in the tooltip of the list's person view): the courses need the room.
    for (int column = 0; column < ComplianceMatrixModel::firstCourseColumn; ++column) {
        m_matrix->resizeColumnToContents(column);
        m_matrix->setColumnWidth(column, qMin(m_matrix->columnWidth(column), fontMetrics().averageCharWidth() * 24));
    }
    // A course column is as wide as a cell's date or the longest word of its name, which wraps.
    const QFontMetrics fm = m_matrix->horizontalHeader()->fontMetrics();
    const int cellWidth = m_matrix->horizontalHeader()->defaultSectionSize();
    for (int column = ComplianceMatrixModel::firstCourseColumn; column < m_matrixModel->columnCount() - 1; ++column) {
        int widest = cellWidth;
        for (const QString &word : m_matrixModel->courseAt(column)->name.split(u' ', Qt::SkipEmptyParts))
            widest = qMax(widest, fm.horizontalAdvance(word) + fm.averageCharWidth() * 2);
        m_matrix->setColumnWidth(column, qMin(widest, cellWidth * 2));
    }
    m_matrixCount->setText(tr("%n people", nullptr, int(m.rows.size())));
    m_matrixCount->setToolTip(tr("%1% of what they need is held").arg(QLocale().toString(m.percent(), 'f', 0)));
}

void TrainingPage::refreshRecords()
{
    TrainingRecordFilter filter;
    filter.text = m_recordSearch->text();
    filter.courseId = m_recordCourse->currentData().toLongLong();
    filter.postId = m_recordPost->currentData().toLongLong();
    filter.employerId = m_recordEmployer->currentData().toLongLong();
    filter.activePeopleOnly = !m_recordLeavers->isChecked();
    m_recordModel->setFilter(filter);
    m_recordCount->setText(tr("%n records", nullptr, m_recordModel->rowCount()));
}

void TrainingPage::refreshExpiring()
{
    m_expiring->setSortingEnabled(false);
    m_expiring->clear();
    const int days = m_expiringDays->currentData().toInt();
    try {
        for (const ExpiringRow &row : Compliance(m_context.db).expiring(asOf(), days, m_expiringRequired->isChecked())) {
            auto *item = new DateItem(m_expiring);
            setDate(item, 0, row.expiresOn);
            item->setData(0, IdRole, row.personId);
            item->setData(0, SecondIdRole, row.courseId);
            const int left = int(asOf().daysTo(row.expiresOn));
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
    m_expiring->setSortingEnabled(true);
    m_expiring->sortItems(0, Qt::AscendingOrder);
    m_expiringCount->setText(tr("%n certifications run out", nullptr, m_expiring->topLevelItemCount()));
}

void TrainingPage::refreshReadiness()
{
    m_readiness->setSortingEnabled(false);
    m_readiness->clear();
    const qint64 postId = m_readinessPost->currentData().toLongLong();
    const QDate day = m_readinessDate->date();
    int cleared = 0;
    int ownPost = 0;
    try {
        if (postId > 0) {
            for (const ReadinessRow &row : Compliance(m_context.db).readiness(postId, day, m_readinessEveryone->isChecked())) {
                auto *item = new QTreeWidgetItem(m_readiness);
                item->setText(0, row.name);
                item->setData(0, IdRole, row.personId);
                item->setText(1, row.holdsPost ? row.post : tr("%1 (other post)").arg(row.post));
                item->setText(2, row.employer.isEmpty() ? tr("Own staff") : row.employer);
                const CellStatus status = row.cleared() ? CellStatus::Valid : CellStatus::Expired;
                item->setText(3, row.cleared() ? tr("%1 Yes").arg(cellSymbol(status)) : tr("%1 No").arg(cellSymbol(status)));
                item->setBackground(3, cellColour(status));
                item->setForeground(3, QBrush(Qt::black));
                QStringList why;
                for (const ReadinessGap &gap : row.gaps)
                    why.append(describeGap(gap, day));
                item->setText(4, why.join(QStringLiteral("; ")));
                item->setToolTip(4, why.join(u'\n'));
                cleared += row.cleared();
                ownPost += row.holdsPost;
            }
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_readiness->setSortingEnabled(true);
    m_readiness->sortItems(3, Qt::AscendingOrder);
    m_readinessCount->setText(postId > 0 ? tr("%1 of %n cleared", nullptr, m_readiness->topLevelItemCount()).arg(cleared)
                                         : tr("Set up posts first"));
}

void TrainingPage::refreshSessions()
{
    m_sessions->setSortingEnabled(false);
    m_sessions->clear();
    try {
        QHash<qint64, QString> courses;
        for (const Course &c : CourseRepository(m_context.db).list(true))
            courses.insert(c.id, c.name);
        for (const TrainingSession &s : TrainingRepository(m_context.db).sessions(m_sessionsPast->isChecked())) {
            auto *item = new DateItem(m_sessions);
            setDate(item, 0, s.heldOn);
            item->setData(0, IdRole, s.id);
            item->setText(1, courses.value(s.courseId));
            item->setText(2, s.trainer);
            item->setText(3, s.location);
            item->setData(4, Qt::DisplayRole, int(s.attendeeIds.size()));
            item->setText(5, s.status == SessionStatus::Planned && s.heldOn < asOf() ? tr("Planned – held yet?")
                                                                                      : sessionStatusTitle(s.status));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    m_sessions->setSortingEnabled(true);
    m_sessions->sortItems(0, Qt::AscendingOrder);
}

void TrainingPage::activateMatrixCell(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 personId = index.data(ComplianceMatrixModel::PersonIdRole).toLongLong();
    const qint64 courseId = index.data(ComplianceMatrixModel::CourseIdRole).toLongLong();
    if (courseId == 0) {
        auto *dialog = new PersonTrainingDialog(m_context, personId, asOf(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return;
    }
    const auto status = CellStatus(index.data(ComplianceMatrixModel::StatusRole).toInt());
    const qint64 recordId = index.data(ComplianceMatrixModel::RecordIdRole).toLongLong();
    // A valid record opens; a gap (or one about to run out) starts the new record.
    if (recordId && (status == CellStatus::Valid || status == CellStatus::NotRequired))
        openTrainingRecord(m_context, this, recordId, 0, 0);
    else
        openTrainingRecord(m_context, this, 0, personId, courseId, qMin(asOf(), Clock::current().today()));
}

void TrainingPage::recordTraining()
{
    qint64 personId = 0;
    qint64 courseId = 0;
    if (m_tabs->currentIndex() == MatrixTab) {
        const QModelIndex current = m_matrix->currentIndex();
        personId = current.data(ComplianceMatrixModel::PersonIdRole).toLongLong();
        courseId = current.data(ComplianceMatrixModel::CourseIdRole).toLongLong();
    }
    openTrainingRecord(m_context, this, 0, personId, courseId);
}

void TrainingPage::newSession()
{
    TrainingSession session;
    if (m_tabs->currentIndex() == MatrixTab)
        session.courseId = m_matrix->currentIndex().data(ComplianceMatrixModel::CourseIdRole).toLongLong();
    session.heldOn = Clock::current().today().addDays(14);
    auto *dialog = new SessionDialog(m_context, session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TrainingPage::openSession(qint64 id)
{
    try {
        auto *dialog = new SessionDialog(m_context, TrainingRepository(m_context.db).loadSession(id), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
}

void TrainingPage::openCurrent()
{
    switch (m_tabs->currentIndex()) {
    case MatrixTab:
        activateMatrixCell(m_matrix->currentIndex());
        break;
    case RecordsTab:
        if (const QModelIndex current = m_records->currentIndex(); current.isValid())
            openTrainingRecord(m_context, this, current.data(TrainingRecordModel::IdRole).toLongLong(), 0, 0);
        break;
    case ExpiringTab:
        if (QTreeWidgetItem *item = m_expiring->currentItem())
            emit m_expiring->itemActivated(item, 0);
        break;
    case ReadinessTab:
        if (QTreeWidgetItem *item = m_readiness->currentItem())
            emit m_readiness->itemActivated(item, 0);
        break;
    case SessionsTab:
        if (QTreeWidgetItem *item = m_sessions->currentItem())
            openSession(item->data(0, IdRole).toLongLong());
        break;
    default:
        break;
    }
}

void TrainingPage::deleteCurrent()
{
    if (m_tabs->currentIndex() == SessionsTab) {
        QTreeWidgetItem *item = m_sessions->currentItem();
        if (!item)
            return;
        const auto answer = dialogs::question(this, tr("Delete Training Session"),
            tr("Delete the %1 session of %2? Cancel a session that will not take place by deleting it; a session already "
               "recorded as done keeps its records. You can undo the delete with Ctrl+Z.")
                .arg(item->text(1), item->text(0)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            commands::deleteSession(m_context, item->data(0, IdRole).toLongLong());
        return;
    }
    qint64 recordId = 0;
    if (m_tabs->currentIndex() == RecordsTab)
        recordId = m_records->currentIndex().data(TrainingRecordModel::IdRole).toLongLong();
    else if (m_tabs->currentIndex() == MatrixTab)
        recordId = m_matrix->currentIndex().data(ComplianceMatrixModel::RecordIdRole).toLongLong();
    if (recordId == 0)
        return;
    const auto answer = dialogs::question(this, tr("Delete Training Record"),
        tr("Delete this record for good? Do this only for a record entered by mistake; a failed attempt is kept with "
           "the result Failed. You can undo the delete with Ctrl+Z."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        commands::deleteTrainingRecord(m_context, recordId);
}

void TrainingPage::exportCsv()
{
    const QString day = QLocale().toString(asOf(), QLocale::ShortFormat);
    switch (m_tabs->currentIndex()) {
    case MatrixTab:
        vigil::exportCsv(m_context, this,
            {tr("Export Compliance Matrix"), tr("training-matrix"),
                [this] { return Compliance(m_context.db).exportTable(m_matrixModel->matrix()); },
                [](int rows) { return tr("Exported the matrix of %n people to %1.", nullptr, rows); }});
        break;
    case RecordsTab:
        vigil::exportCsv(m_context, this,
            {tr("Export Training Records"), tr("training-records"),
                [this] {
                    return TrainingRepository(m_context.db)
                        .exportTable(m_recordModel->filter(), TrainingRecordColumn(m_recordModel->sortColumn()),
                            m_recordModel->sortOrder());
                },
                [](int rows) { return tr("Exported %n training records to %1.", nullptr, rows); }});
        break;
    case ExpiringTab:
        vigil::exportCsv(m_context, this,
            {tr("Export Expiring Certifications"), tr("training-expiring"),
                [this, day] { return tableOf(m_expiring, tr("Expiring after %1").arg(day)); },
                [](int rows) { return tr("Exported %n certifications to %1.", nullptr, rows); }});
        break;
    case ReadinessTab:
        vigil::exportCsv(m_context, this,
            {tr("Export Readiness"), tr("training-readiness"),
                [this] {
                    return tableOf(m_readiness, tr("Readiness for %1 on %2")
                                                    .arg(m_readinessPost->currentText(),
                                                        QLocale().toString(m_readinessDate->date(), QLocale::ShortFormat)));
                },
                [](int rows) { return tr("Exported %n people to %1.", nullptr, rows); }});
        break;
    case SessionsTab:
        vigil::exportCsv(m_context, this,
            {tr("Export Training Sessions"), tr("training-sessions"), [this] { return tableOf(m_sessions, tr("Training sessions")); },
                [](int rows) { return tr("Exported %n sessions to %1.", nullptr, rows); }});
        break;
    default:
        break;
    }
}

void TrainingPage::showTarget(const QVariant &target)
{
    const QVariantMap map = target.toMap();
    const QString show = map.value(QStringLiteral("show")).toString();
    if (show == QLatin1String("expiring")) {
        selectData(m_expiringDays, map.value(QStringLiteral("days"), 30));
        m_tabs->setCurrentIndex(ExpiringTab);
    } else {
        m_filling = true;
        m_matrixSearch->clear();
        m_matrixPost->setCurrentIndex(0);
        m_matrixEmployer->setCurrentIndex(0);
        selectData(m_matrixShow, int(show == QLatin1String("notCleared") ? ComplianceFilter::Show::NotCleared
                                                                          : ComplianceFilter::Show::Everyone));
        m_filling = false;
        m_tabs->setCurrentIndex(MatrixTab);
    }
    setAsOf(Clock::current().today());
    refresh();
}

QVariant TrainingPage::saveState() const
{
    return QVariantMap {{QStringLiteral("tab"), m_tabs->currentIndex()},
        {QStringLiteral("records"), m_records->horizontalHeader()->saveState()}};
}

void TrainingPage::restoreState(const QVariant &state)
{
    const QVariantMap map = state.toMap();
    m_records->horizontalHeader()->restoreState(map.value(QStringLiteral("records")).toByteArray());
    if (map.contains(QStringLiteral("tab")))
        m_tabs->setCurrentIndex(qBound(0, map.value(QStringLiteral("tab")).toInt(), m_tabs->count() - 1));
}

} // namespace vigil
