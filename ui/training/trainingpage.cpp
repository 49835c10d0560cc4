#include "trainingpage.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "base/clock.h"
#include "base/error.h"
#include "catalogues/cataloguedialog.h"
#include "shell/icons.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/matrixtab.h"
#include "training/sessiondialog.h"
#include "training/trainingtabs.h"
#include "training/trainingviews.h"

namespace vigil {
namespace {

enum Tab { MatrixIndex, RecordsIndex, ExpiringIndex };

} // namespace

TrainingPage::TrainingPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_asOf(new QDateEdit(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_matrix(new MatrixTab(context, this))
    , m_records(new RecordsTab(context, this))
    , m_expiring(new ExpiringTab(context, this))
{
    setObjectName(QStringLiteral("trainingPage"));
    m_asOf->setObjectName(QStringLiteral("trainingAsOf"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDate(Clock::current().today());
    m_asOf->setToolTip(
        tr("Every view shows compliance as it stands on this day: pick a past day to see how it was, "
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
    m_tabs->addTab(m_matrix, tr("&Matrix"));
    m_tabs->addTab(m_records, tr("&Records"));
    m_tabs->addTab(m_expiring, tr("E&xpiring"));
    m_tabs->addTab(new ReadinessTab(context, this), tr("Rea&diness"));
    m_tabs->addTab(new SessionsTab(context, this), tr("&Sessions"));

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
    QAction *record = action(QStringLiteral("file-new"), tr("&Record Training…"),
        QStringLiteral("actionRecordTraining"), &TrainingPage::recordTraining);
    record->setShortcut(QKeySequence::New);
    record->setToolTip(tr("Record a course someone has completed (Ctrl+N)"));
    QAction *session = action(QStringLiteral("actions"), tr("New &Session…"),
        QStringLiteral("actionNewSession"), &TrainingPage::newSession);
    session->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    session->setToolTip(tr("Plan a session, or record one course for many people at once (Ctrl+Alt+N)"));
    QAction *open = action(QStringLiteral("file-open"), tr("&Open"), QStringLiteral("actionOpenTraining"),
        [this] { currentTab()->openCurrent(); });
    open->setToolTip(tr("Open what is selected (Enter)"));
    QAction *remove = action(QStringLiteral("remove"), tr("&Delete…"), QStringLiteral("actionDeleteTraining"),
        [this] { currentTab()->deleteCurrent(); });
    remove->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    remove->setToolTip(tr("Delete a record or session entered by mistake (Shift+Delete)"));
    QAction *exportAction
        = action(QStringLiteral("save"), tr("&Export…"), QStringLiteral("actionExportTraining"),
            [this] { exportRegister(m_context, this, currentTab()->registerExport()); });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Export the current view, as filtered, to CSV or Excel (Ctrl+E)"));

    QMenu *catalogues = catalogueMenu(m_context, tr("Set-up"),
        {{tr("&People…"), QStringLiteral("actionTrainingPeople"), CatalogueDialog::Kind::People},
            {tr("P&osts…"), QStringLiteral("actionPosts"), CatalogueDialog::Kind::Posts},
            {tr("&Courses…"), QStringLiteral("actionCourses"), CatalogueDialog::Kind::Courses},
            {tr("Contractor Co&mpanies…"), QStringLiteral("actionEmployers"),
                CatalogueDialog::Kind::Employers}},
        this);
    catalogues->addSeparator();
    QAction *requirements = catalogues->addAction(tr("&Requirements…"));
    requirements->setObjectName(QStringLiteral("actionRequirements"));
    connect(requirements, &QAction::triggered, this,
        [this] { openDialog(new RequirementsDialog(m_context, this)); });
    QAction *setup = catalogues->menuAction();
    setup->setObjectName(QStringLiteral("actionTrainingSetup"));
    setup->setIcon(themedIcon(QStringLiteral("site")));
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_toolbar = {record, session, open, remove, separator, exportAction, setup};

    connect(today, &QPushButton::clicked, this, [this] { setAsOf(Clock::current().today()); });
    connect(m_asOf, &QDateEdit::dateChanged, this, &TrainingPage::refresh);
    // Another tab shows what it shows as of the same day; the summary above has not changed.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { currentTab()->refresh(asOf()); });
    refreshOnChanges(this, context.db,
        {QStringLiteral("training_records"),
            QStringLiteral("training_sessions"), QStringLiteral("people"), QStringLiteral("posts"),
            QStringLiteral("courses"), QStringLiteral("employers")},
        [this] {
            for (int i = 0; i < m_tabs->count(); ++i)
                static_cast<TrainingTab *>(m_tabs->widget(i))->fillChoices();
            refresh();
        });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        if (!currentTab()->searchBox())
            m_tabs->setCurrentIndex(MatrixIndex);
        QLineEdit *search = currentTab()->searchBox();
        search->setFocus();
        search->selectAll();
    });
    refresh();
}

ComplianceMatrixModel *TrainingPage::matrixModel() const
{
    return m_matrix->model();
}

TrainingRecordModel *TrainingPage::recordModel() const
{
    return m_records->model();
}

TrainingTab *TrainingPage::currentTab() const
{
    return static_cast<TrainingTab *>(m_tabs->currentWidget());
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
    currentTab()->refresh(asOf());
}

void TrainingPage::updateSummary()
{
    try {
        const ComplianceSummary s = Compliance(m_context.db).summary(asOf());
        m_summary->setText(tr("%1% compliant · %2 · %3 · %4")
                               .arg(QLocale().toString(s.percent, 'f', 0), tr("%n people", nullptr, s.people),
                                   tr("%n expiring within 30 days", nullptr, s.expiring),
                                   tr("%n not cleared for their post", nullptr, s.notCleared)));
    } catch (const Error &e) {
        m_summary->setText(e.message());
    }
}

// From the matrix, for the person and course of the selected cell.
void TrainingPage::recordTraining()
{
    const bool matrix = m_tabs->currentIndex() == MatrixIndex;
    openTrainingRecord(m_context, this, 0, matrix ? m_matrix->currentPersonId() : 0,
        matrix ? m_matrix->currentCourseId() : 0);
}

void TrainingPage::newSession()
{
    TrainingSession session;
    if (m_tabs->currentIndex() == MatrixIndex)
        session.courseId = m_matrix->currentCourseId();
    session.heldOn = Clock::current().today().addDays(14);
    openDialog(new SessionDialog(m_context, session, this));
}

void TrainingPage::showTarget(const QVariant &target)
{
    const QVariantMap map = target.toMap();
    const QString show = map.value(QStringLiteral("show")).toString();
    {
        // Tab, filter and day set quietly, then one refresh.
        const QSignalBlocker tabs(m_tabs);
        const QSignalBlocker day(m_asOf);
        if (show == QLatin1String("expiring")) {
            m_expiring->setDays(map.value(QStringLiteral("days"), 30).toInt());
            m_tabs->setCurrentIndex(ExpiringIndex);
        } else {
            m_matrix->showOnly(show == QLatin1String("notCleared"));
            m_tabs->setCurrentIndex(MatrixIndex);
        }
        setAsOf(Clock::current().today());
    }
    refresh();
}

QVariant TrainingPage::saveState() const
{
    return QVariantMap {{QStringLiteral("tab"), m_tabs->currentIndex()},
        {QStringLiteral("records"), m_records->table()->horizontalHeader()->saveState()}};
}

void TrainingPage::restoreState(const QVariant &state)
{
    const QVariantMap map = state.toMap();
    m_records->table()->horizontalHeader()->restoreState(map.value(QStringLiteral("records")).toByteArray());
    if (map.contains(QStringLiteral("tab")))
        m_tabs->setCurrentIndex(qBound(0, map.value(QStringLiteral("tab")).toInt(), m_tabs->count() - 1));
}

} // namespace vigil
