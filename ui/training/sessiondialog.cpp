#include "sessiondialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/trainingcommands.h"
#include "people/person.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/trainingmodels.h"
#include "training/trainingrepository.h"
#include "widgets/historyview.h"
#include "widgets/registerwidgets.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

enum Column { NameColumn, PostColumn, EmployerColumn, StandingColumn, ResultColumn, ColumnCount };
constexpr int PersonIdRole = Qt::UserRole + 1;
constexpr int NeedsRole = Qt::UserRole + 2; // required of them and not valid on the day

} // namespace

SessionDialog::SessionDialog(const ModuleContext &context, const TrainingSession &session, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_original(session)
    , m_course(new QComboBox(this))
    , m_date(new QDateEdit(this))
    , m_trainer(new QLineEdit(this))
    , m_location(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_filter(new QLineEdit(this))
    , m_people(new QTableWidget(0, ColumnCount, this))
    , m_count(new QLabel(this))
    , m_problem(problemLabel(QStringLiteral("sessionProblem"), this))
{
    setObjectName(QStringLiteral("sessionDialog"));
    setWindowTitle(session.id ? tr("Training Session") : tr("New Training Session"));
    m_course->setObjectName(QStringLiteral("sessionCourse"));
    m_date->setObjectName(QStringLiteral("sessionDate"));
    m_trainer->setObjectName(QStringLiteral("sessionTrainer"));
    m_location->setObjectName(QStringLiteral("sessionLocation"));
    m_filter->setObjectName(QStringLiteral("sessionFilter"));
    m_people->setObjectName(QStringLiteral("sessionPeople"));
    m_count->setObjectName(QStringLiteral("sessionCount"));
    m_course->addItem(tr("(choose a course)"), 0);
    try {
        for (const Course &c : CourseRepository(context.db).list(true)) {
            if (c.active || c.id == session.courseId)
                m_course->addItem(c.name, c.id);
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
    m_date->setCalendarPopup(true);
    m_trainer->setPlaceholderText(tr("Name or company"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 2 + 12);
    m_filter->setPlaceholderText(tr("Find a person"));
    m_filter->setClearButtonEnabled(true);
    m_people->setHorizontalHeaderLabels({tr("Attends"), tr("Post"), tr("Employer"), tr("On the day"), tr("Result")});
    m_people->verticalHeader()->hide();
    m_people->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_people->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_people->verticalHeader()->setDefaultSectionSize(m_people->fontMetrics().height() + 12);

    auto *due = new QPushButton(tr("Add everyone &due"), this);
    due->setObjectName(QStringLiteral("sessionAddDue"));
    due->setToolTip(tr("Tick everyone whose post needs the course and who does not hold it on the session's date"));
    auto *none = new QPushButton(tr("C&lear"), this);
    none->setObjectName(QStringLiteral("sessionClear"));

    auto *form = new QFormLayout;
    form->addRow(tr("Co&urse:"), m_course);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Trainer:"), m_trainer);
    form->addRow(tr("&Location:"), m_location);
    form->addRow(tr("&Notes:"), m_notes);
    auto *peopleBar = new QHBoxLayout;
    peopleBar->addWidget(m_filter, 1);
    peopleBar->addWidget(due);
    peopleBar->addWidget(none);
    peopleBar->addWidget(m_count);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_plan = buttons->addButton(tr("Save &Plan"), QDialogButtonBox::AcceptRole);
    m_plan->setObjectName(QStringLiteral("sessionSavePlan"));
    m_plan->setToolTip(tr("Keep the session as planned; record it as done after it has been held"));
    m_done = buttons->addButton(tr("&Record as Done"), QDialogButtonBox::ActionRole);
    m_done->setObjectName(QStringLiteral("sessionRecordDone"));
    m_done->setToolTip(tr("The session has been held: record the course for every ticked person, with their result"));
    connect(m_plan, &QPushButton::clicked, this, &SessionDialog::savePlan);
    connect(m_done, &QPushButton::clicked, this, &SessionDialog::recordDone);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveKeys(this, [this] { savePlan(); });
    if (session.status != SessionStatus::Planned && session.id) {
        m_plan->setEnabled(false);
        m_done->setEnabled(false);
        m_problem->setText(tr("This session is %1; its records are in the register.").arg(sessionStatusTitle(session.status).toLower()));
        m_problem->show();
    }

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->addLayout(form);
    pageLayout->addLayout(peopleBar);
    pageLayout->addWidget(m_people, 1);
    auto *history = new HistoryView(context.db, this);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("sessionTabs"));
    tabs->addTab(page, tr("&Session"));
    tabs->addTab(history, tr("Histor&y"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(760, 640);
    try {
        history->showRecord(session.uuid, trainingFieldTitle, [this](const QString &field, const QVariant &value) {
            const int index = field == QLatin1String("course_id") ? m_course->findData(value) : -1;
            return index >= 0 ? m_course->itemText(index) : QString();
        });
    } catch (const Error &e) {
        context.host.showError(e.message());
    }

    selectData(m_course, session.courseId);
    m_date->setDate(session.heldOn.isValid() ? session.heldOn : Clock::current().today());
    m_trainer->setText(session.trainer);
    m_location->setText(session.location);
    m_notes->setPlainText(session.notes);
    fillPeople();
    setAttendees(session.attendeeIds);

    connect(m_course, &QComboBox::currentIndexChanged, this, &SessionDialog::updateStanding);
    connect(m_date, &QDateEdit::dateChanged, this, &SessionDialog::updateStanding);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int row = 0; row < m_people->rowCount(); ++row)
            m_people->setRowHidden(row, !m_people->item(row, NameColumn)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(m_people, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling && item->column() == NameColumn)
            setAttending(item->row(), item->checkState() == Qt::Checked);
    });
    connect(due, &QPushButton::clicked, this, &SessionDialog::addEveryoneDue);
    connect(none, &QPushButton::clicked, this, [this] {
        for (int row = 0; row < m_people->rowCount(); ++row)
            setAttending(row, false);
    });
    m_course->setFocus();
}

// Everyone active, and anyone already booked.
void SessionDialog::fillPeople()
{
    m_filling = true;
    m_people->setRowCount(0);
    try {
        QHash<qint64, QString> posts;
        for (const Post &p : PostRepository(m_context.db).list(true))
            posts.insert(p.id, p.name);
        QHash<qint64, QString> employers;
        for (const Employer &e : EmployerRepository(m_context.db).list(true))
            employers.insert(e.id, e.name);
        const QSet<qint64> booked(m_original.attendeeIds.begin(), m_original.attendeeIds.end());
        for (const Person &p : PeopleRepository(m_context.db).list(true)) {
            if (!p.active && !booked.contains(p.id))
                continue;
            const int row = m_people->rowCount();
            m_people->insertRow(row);
            auto *name = new QTableWidgetItem(p.name);
            name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            name->setCheckState(Qt::Unchecked);
            name->setData(PersonIdRole, p.id);
            m_people->setItem(row, NameColumn, name);
            m_people->setItem(row, PostColumn, new QTableWidgetItem(posts.value(p.postId)));
            m_people->setItem(row, EmployerColumn, new QTableWidgetItem(p.employerId ? employers.value(p.employerId) : tr("Own staff")));
            m_people->setItem(row, StandingColumn, new QTableWidgetItem);
            m_people->setItem(row, ResultColumn, new QTableWidgetItem);
        }
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
    m_filling = false;
    m_people->resizeColumnToContents(PostColumn);
    m_people->resizeColumnToContents(EmployerColumn);
    updateStanding();
}

// Where each person stands in the course on the session's date.
void SessionDialog::updateStanding()
{
    const qint64 courseId = m_course->currentData().toLongLong();
    QHash<qint64, ComplianceCell> cells;
    try {
        const ComplianceMatrix matrix = Compliance(m_context.db).matrix(m_date->date());
        const auto column = std::find_if(matrix.courses.begin(), matrix.courses.end(),
            [courseId](const Course &c) { return c.id == courseId; });
        if (column != matrix.courses.end()) {
            const qsizetype i = column - matrix.courses.begin();
            for (const ComplianceRow &row : matrix.rows)
                cells.insert(row.personId, row.cells.at(i));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }
    const QLocale locale;
    m_filling = true;
    for (int row = 0; row < m_people->rowCount(); ++row) {
        const ComplianceCell cell = cells.value(m_people->item(row, NameColumn)->data(PersonIdRole).toLongLong());
        QTableWidgetItem *item = m_people->item(row, StandingColumn);
        QString text = courseId ? cellStatusTitle(cell.status) : QString();
        if (cell.expiresOn.isValid() && cell.status != CellStatus::Missing && cell.status != CellStatus::NotRequired)
            text = tr("%1 (%2)").arg(text, locale.toString(cell.expiresOn, QLocale::ShortFormat));
        item->setText(courseId ? cellSymbol(cell.status) + u' ' + text : QString());
        const QColor colour = cellColour(cell.status);
        item->setBackground(colour.isValid() ? QBrush(colour) : QBrush());
        item->setForeground(colour.isValid() ? QBrush(Qt::black) : QBrush());
        item->setData(NeedsRole, cell.required && cell.status != CellStatus::Valid);
    }
    m_filling = false;
    m_people->resizeColumnToContents(StandingColumn);
}

void SessionDialog::addEveryoneDue()
{
    for (int row = 0; row < m_people->rowCount(); ++row) {
        if (m_people->item(row, StandingColumn)->data(NeedsRole).toBool())
            setAttending(row, true);
    }
}

void SessionDialog::setAttendees(const QList<qint64> &personIds)
{
    const QSet<qint64> wanted(personIds.begin(), personIds.end());
    for (int row = 0; row < m_people->rowCount(); ++row)
        setAttending(row, wanted.contains(m_people->item(row, NameColumn)->data(PersonIdRole).toLongLong()));
}

// A ticked person gets a result box (passed unless changed); unticking takes it away.
void SessionDialog::setAttending(int row, bool on, TrainingResult result)
{
    m_filling = true;
    m_people->item(row, NameColumn)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    m_filling = false;
    auto *combo = qobject_cast<QComboBox *>(m_people->cellWidget(row, ResultColumn));
    if (on && !combo) {
        combo = new QComboBox(m_people);
        combo->setObjectName(QStringLiteral("sessionResult%1").arg(row));
        for (TrainingResult r : allTrainingResults)
            combo->addItem(trainingResultTitle(r), int(r));
        selectData(combo, int(result));
        m_people->setCellWidget(row, ResultColumn, combo);
    } else if (!on && combo) {
        m_people->removeCellWidget(row, ResultColumn);
    }
    updateCount();
}

void SessionDialog::updateCount()
{
    int n = 0;
    for (int row = 0; row < m_people->rowCount(); ++row)
        n += m_people->item(row, NameColumn)->checkState() == Qt::Checked;
    m_count->setText(tr("%n attending", nullptr, n));
}

TrainingSession SessionDialog::session() const
{
    TrainingSession s = m_original;
    s.courseId = m_course->currentData().toLongLong();
    s.heldOn = m_date->date();
    s.trainer = m_trainer->text().trimmed();
    s.location = m_location->text().trimmed();
    s.notes = m_notes->toPlainText().trimmed();
    s.attendeeIds.clear();
    for (int row = 0; row < m_people->rowCount(); ++row) {
        if (m_people->item(row, NameColumn)->checkState() == Qt::Checked)
            s.attendeeIds.append(m_people->item(row, NameColumn)->data(PersonIdRole).toLongLong());
    }
    std::sort(s.attendeeIds.begin(), s.attendeeIds.end());
    return s;
}

bool SessionDialog::check()
{
    const QString problem = TrainingRepository(m_context.db).problem(session());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

void SessionDialog::savePlan()
{
    if (!check())
        return;
    const TrainingSession s = session();
    const bool saved = s.id ? commands::editSession(m_context, m_original, s) : commands::createSession(m_context, s).has_value();
    if (saved)
        accept();
}

void SessionDialog::recordDone()
{
    if (!check())
        return;
    const TrainingSession s = session();
    if (s.attendeeIds.isEmpty()) {
        m_problem->setText(tr("Tick the people who attended."));
        m_problem->show();
        return;
    }
    if (s.heldOn > Clock::current().today()) {
        m_problem->setText(tr("A session in the future cannot be recorded as done; save it as a plan."));
        m_problem->show();
        return;
    }
    QHash<qint64, TrainingResult> results;
    for (int row = 0; row < m_people->rowCount(); ++row) {
        if (auto *combo = qobject_cast<QComboBox *>(m_people->cellWidget(row, ResultColumn)))
            results.insert(m_people->item(row, NameColumn)->data(PersonIdRole).toLongLong(), TrainingResult(combo->currentData().toInt()));
    }
    bool saved = false;
    if (s.id == 0) {
        saved = commands::recordSession(m_context, s, results).has_value();
    } else {
        // Changes to the plan first (who came, the trainer), then the records: one step each.
        saved = commands::editSession(m_context, m_original, s) && commands::completeSession(m_context, s.id, s.heldOn, results);
    }
    if (saved)
        accept();
}

RequirementsDialog::RequirementsDialog(const ModuleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_grid(new QTableWidget(this))
{
    setObjectName(QStringLiteral("requirementsDialog"));
    setWindowTitle(tr("Training Requirements"));
    m_grid->setObjectName(QStringLiteral("requirementsGrid"));
    auto *intro = new QLabel(tr("Tick the courses each post needs. Mandatory courses are needed by everyone, whatever "
                                "their post; change that under Courses."),
        this);
    intro->setWordWrap(true);
    try {
        const QList<Post> posts = PostRepository(context.db).list();
        const QList<Course> courses = CourseRepository(context.db).list();
        m_grid->setRowCount(int(posts.size()));
        m_grid->setColumnCount(int(courses.size()));
        QStringList columns;
        for (const Course &c : courses)
            columns.append(c.name);
        m_grid->setHorizontalHeaderLabels(columns);
        TrainingRepository training(context.db);
        for (int r = 0; r < posts.size(); ++r) {
            auto *header = new QTableWidgetItem(posts.at(r).name);
            header->setData(Qt::UserRole, posts.at(r).id);
            m_grid->setVerticalHeaderItem(r, header);
            const QList<qint64> required = training.requiredCourses(posts.at(r).id);
            for (int c = 0; c < courses.size(); ++c) {
                auto *item = new QTableWidgetItem;
                item->setData(Qt::UserRole, courses.at(c).id);
                item->setData(Qt::UserRole + 1, required.contains(courses.at(c).id)); // kept for a mandatory course
                if (courses.at(c).mandatory) {
                    item->setFlags(Qt::ItemIsEnabled);
                    item->setText(tr("everyone"));
                    item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
                } else {
                    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                    item->setCheckState(required.contains(courses.at(c).id) ? Qt::Checked : Qt::Unchecked);
                }
                m_grid->setItem(r, c, item);
            }
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
    }
    m_grid->horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    m_grid->horizontalHeader()->setDefaultSectionSize(fontMetrics().averageCharWidth() * 14);
    m_grid->horizontalHeader()->setMinimumHeight(fontMetrics().lineSpacing() * 4 + 8);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Space ticks the current cell, as in a list of check boxes.
    connect(m_grid, &QTableWidget::itemActivated, this, [](QTableWidgetItem *item) {
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveRequirements"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RequirementsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_grid, 1);
    layout->addWidget(buttons);
    resize(1000, 520);
}

void RequirementsDialog::accept()
{
    QHash<qint64, QList<qint64>> grid;
    for (int r = 0; r < m_grid->rowCount(); ++r) {
        QList<qint64> courses;
        for (int c = 0; c < m_grid->columnCount(); ++c) {
            const QTableWidgetItem *item = m_grid->item(r, c);
            const bool ticked = (item->flags() & Qt::ItemIsUserCheckable) ? item->checkState() == Qt::Checked
                                                                          : item->data(Qt::UserRole + 1).toBool();
            if (ticked)
                courses.append(item->data(Qt::UserRole).toLongLong());
        }
        grid.insert(m_grid->verticalHeaderItem(r)->data(Qt::UserRole).toLongLong(), courses);
    }
    if (commands::setRequirements(m_context, grid))
        QDialog::accept();
}

} // namespace vigil
