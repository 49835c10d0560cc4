#include "trainingviews.h"

#include "base/clock.h"
#include "base/error.h"
#include "people/person.h"
#include "storage/attachments.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/recorddialog.h"
#include "training/trainingmodels.h"
#include "training/trainingrepository.h"
#include "widgets/registerwidgets.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

constexpr int RecordIdRole = Qt::UserRole + 1;
constexpr int CourseIdRole = Qt::UserRole + 2;

// A cell status as a list shows it: symbol and words on the status colour.
void paintStatus(QTreeWidgetItem *item, int column, CellStatus status)
{
    item->setText(column, QStringLiteral("%1 %2").arg(cellSymbol(status), cellStatusTitle(status)).trimmed());
    const QColor colour = cellColour(status);
    if (colour.isValid()) {
        item->setBackground(column, colour);
        item->setForeground(column, QBrush(Qt::black));
    }
}

QString dateText(const QDate &date, const QString &none = {})
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : none;
}

// What the views show comes from these tables.
const QStringList trainingEntities {QStringLiteral("training_records"), QStringLiteral("people"), QStringLiteral("posts"),
    QStringLiteral("courses")};

} // namespace

QTreeWidget *trainingList(const QString &objectName, const QStringList &headers, QWidget *parent, bool sortable)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSortingEnabled(sortable);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (!sortable) {
        list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        list->header()->setStretchLastSection(false);
    }
    return list;
}

void openTrainingRecord(const ModuleContext &context, QWidget *parent, qint64 recordId, qint64 personId, qint64 courseId,
    const QDate &completedOn)
{
    TrainingRecord record;
    try {
        if (recordId > 0) {
            record = TrainingRepository(context.db).load(recordId);
        } else {
            record.personId = personId;
            record.courseId = courseId;
            record.completedOn = completedOn.isValid() ? completedOn : Clock::current().today();
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
        return;
    }
    auto *dialog = new TrainingRecordDialog(context, record, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

PersonTrainingDialog::PersonTrainingDialog(const ModuleContext &context, qint64 personId, const QDate &asOf, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_personId(personId)
    , m_asOf(asOf)
    , m_heading(new QLabel(this))
    , m_standing(trainingList(QStringLiteral("personStanding"), {tr("Course"), tr("Standing"), tr("Completed"), tr("Expires")}, this, false))
    , m_records(trainingList(QStringLiteral("personRecords"),
          {tr("Course"), tr("Completed"), tr("Result"), tr("Expires"), tr("Trainer"), tr("Certificate")}, this, false))
    , m_preview(new QLabel(this))
{
    setObjectName(QStringLiteral("personTrainingDialog"));
    m_heading->setObjectName(QStringLiteral("personHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setBold(true);
    m_heading->setFont(bold);
    m_preview->setObjectName(QStringLiteral("personCertificatePreview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumWidth(220);

    auto *standingLabel = new QLabel(tr("What their post needs, and anything else they hold (double-click to record or view):"), this);
    standingLabel->setWordWrap(true);
    auto *recordsLabel = new QLabel(tr("Every record, newest first:"), this);
    auto *record = new QPushButton(tr("&Record Training…"), this);
    record->setObjectName(QStringLiteral("personRecordTraining"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(record, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(record, &QPushButton::clicked, this, [this] { openRecord(0, 0); });

    auto *recordsRow = new QSplitter(this);
    recordsRow->addWidget(m_records);
    recordsRow->addWidget(m_preview);
    recordsRow->setStretchFactor(0, 3);
    recordsRow->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(standingLabel);
    layout->addWidget(m_standing, 1);
    layout->addWidget(recordsLabel);
    layout->addWidget(recordsRow, 1);
    layout->addWidget(buttons);
    resize(900, 640);

    connect(m_standing, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openRecord(item->data(0, RecordIdRole).toLongLong(), item->data(0, CourseIdRole).toLongLong());
    });
    connect(m_records, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openRecord(item->data(0, RecordIdRole).toLongLong(), 0);
    });
    connect(m_records, &QTreeWidget::currentItemChanged, this, &PersonTrainingDialog::showPreview);
    refreshOnChanges(this, context.db, trainingEntities, [this] { reload(); });
    reload();
}

void PersonTrainingDialog::reload()
{
    m_standing->clear();
    m_records->clear();
    try {
        const std::optional<Person> person = PeopleRepository(m_context.db).load(m_personId);
        if (!person) {
            m_heading->setText(tr("This person is no longer in the site file."));
            return;
        }
        setWindowTitle(tr("Training of %1").arg(person->name));
        QStringList facts {personLabel(m_context.db, *person)};
        if (!person->staffNumber.isEmpty())
            facts.append(tr("staff number %1").arg(person->staffNumber));
        if (person->employerId) {
            if (const std::optional<Employer> employer = EmployerRepository(m_context.db).load(person->employerId))
                facts.append(employer->name);
        }
        if (person->startDate.isValid())
            facts.append(tr("started %1").arg(dateText(person->startDate)));
        if (person->leftOn.isValid() || !person->active)
            facts.append(person->leftOn.isValid() ? tr("left %1").arg(dateText(person->leftOn)) : tr("left"));
        int gaps = 0;
        for (const Standing &s : Compliance(m_context.db).standing(m_personId, m_asOf)) {
            auto *item = new QTreeWidgetItem(m_standing);
            item->setText(0, s.course.name);
            item->setData(0, RecordIdRole, s.cell.recordId);
            item->setData(0, CourseIdRole, s.course.id);
            paintStatus(item, 1, s.cell.status);
            item->setText(2, dateText(s.cell.completedOn));
            item->setText(3, s.cell.recordId ? dateText(s.cell.expiresOn, tr("Never")) : QString());
            gaps += s.cell.required && s.cell.status != CellStatus::Valid && s.cell.status != CellStatus::Expiring;
        }
        facts.append(gaps ? tr("not cleared on %1: %n courses missing or expired", nullptr, gaps).arg(dateText(m_asOf))
                          : tr("cleared on %1").arg(dateText(m_asOf)));
        m_heading->setText(facts.join(QStringLiteral(" · ")));
        QHash<qint64, QString> courses;
        for (const Course &c : CourseRepository(m_context.db).list(true))
            courses.insert(c.id, c.name);
        for (const TrainingRecord &r : TrainingRepository(m_context.db).forPerson(m_personId)) {
            auto *item = new QTreeWidgetItem(m_records);
            item->setText(0, courses.value(r.courseId));
            item->setData(0, RecordIdRole, r.id);
            item->setText(1, dateText(r.completedOn));
            item->setText(2, r.score ? tr("%1 (%2%)").arg(trainingResultTitle(r.result)).arg(*r.score) : trainingResultTitle(r.result));
            item->setText(3, dateText(r.expiresOn, tr("Never")));
            item->setText(4, r.trainer);
            item->setText(5, r.certificateName);
            item->setData(5, Qt::UserRole, r.certificateId);
        }
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
    if (m_records->topLevelItemCount() > 0)
        m_records->setCurrentItem(m_records->topLevelItem(0));
    showPreview();
}

void PersonTrainingDialog::showPreview()
{
    m_preview->clear();
    const QTreeWidgetItem *item = m_records->currentItem();
    const qint64 certificate = item ? item->data(5, Qt::UserRole).toLongLong() : 0;
    if (!certificate) {
        m_preview->setText(item ? tr("No certificate stored for this record.") : QString());
        return;
    }
    try {
        const QImage thumbnail = QImage::fromData(AttachmentStore(m_context.db).thumbnail(certificate));
        if (thumbnail.isNull())
            m_preview->setText(tr("%1\n(open the record to view it)").arg(item->text(5)));
        else
            m_preview->setPixmap(QPixmap::fromImage(thumbnail));
    } catch (const Error &e) {
        m_preview->setText(e.message());
    }
}

void PersonTrainingDialog::openRecord(qint64 recordId, qint64 courseId)
{
    openTrainingRecord(m_context, this, recordId, m_personId, courseId);
}

CourseTrainingDialog::CourseTrainingDialog(const ModuleContext &context, qint64 courseId, const QDate &asOf, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_courseId(courseId)
    , m_asOf(asOf)
    , m_heading(new QLabel(this))
    , m_due(trainingList(QStringLiteral("courseDue"), {tr("Person"), tr("Post"), tr("Standing"), tr("Expires")}, this, false))
    , m_holders(trainingList(QStringLiteral("courseHolders"), {tr("Person"), tr("Post"), tr("Completed"), tr("Result"), tr("Expires")}, this, false))
{
    setObjectName(QStringLiteral("courseTrainingDialog"));
    m_heading->setObjectName(QStringLiteral("courseHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    bold.setBold(true);
    m_heading->setFont(bold);
    auto *dueLabel = new QLabel(tr("Due: needed by their post and missing, expired or expiring (double-click to record):"), this);
    dueLabel->setWordWrap(true);
    auto *holdersLabel = new QLabel(tr("Holds it on the day (double-click to view the record):"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(dueLabel);
    layout->addWidget(m_due, 1);
    layout->addWidget(holdersLabel);
    layout->addWidget(m_holders, 1);
    layout->addWidget(buttons);
    resize(820, 640);
    connect(m_due, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openTrainingRecord(m_context, this, 0, item->data(0, Qt::UserRole).toLongLong(), m_courseId);
    });
    connect(m_holders, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openTrainingRecord(m_context, this, item->data(0, RecordIdRole).toLongLong(), 0, 0);
    });
    refreshOnChanges(this, context.db, trainingEntities, [this] { reload(); });
    reload();
}

void CourseTrainingDialog::reload()
{
    m_due->clear();
    m_holders->clear();
    try {
        const std::optional<Course> course = CourseRepository(m_context.db).load(m_courseId);
        if (!course) {
            m_heading->setText(tr("This course is no longer in the site file."));
            return;
        }
        setWindowTitle(course->name);
        const ComplianceMatrix matrix = Compliance(m_context.db).matrix(m_asOf);
        const auto column = std::find_if(matrix.courses.begin(), matrix.courses.end(),
            [this](const Course &c) { return c.id == m_courseId; });
        int holders = 0;
        if (column != matrix.courses.end()) {
            const qsizetype i = column - matrix.courses.begin();
            for (const ComplianceRow &row : matrix.rows) {
                const ComplianceCell &cell = row.cells.at(i);
                const bool holds = cell.status == CellStatus::Valid || cell.status == CellStatus::Expiring
                    || (cell.status == CellStatus::NotRequired && cell.recordId
                        && (!cell.expiresOn.isValid() || cell.expiresOn >= m_asOf));
                if (cell.required && cell.status != CellStatus::Valid) {
                    auto *item = new QTreeWidgetItem(m_due);
                    item->setText(0, row.name);
                    item->setData(0, Qt::UserRole, row.personId);
                    item->setText(1, row.post);
                    paintStatus(item, 2, cell.status);
                    item->setText(3, dateText(cell.expiresOn));
                }
                if (holds && cell.recordId) {
                    ++holders;
                    auto *item = new QTreeWidgetItem(m_holders);
                    item->setText(0, row.name);
                    item->setData(0, RecordIdRole, cell.recordId);
                    item->setText(1, row.post);
                    item->setText(2, dateText(cell.completedOn));
                    item->setText(3, cell.status == CellStatus::NotRequired ? tr("Held, not required") : cellStatusTitle(cell.status));
                    item->setText(4, dateText(cell.expiresOn, tr("Never")));
                }
            }
        }
        m_due->sortItems(3, Qt::AscendingOrder);
        m_holders->sortItems(0, Qt::AscendingOrder);
        QStringList facts {course->name};
        if (!course->provider.isEmpty())
            facts.append(course->provider);
        facts.append(course->validityMonths ? tr("valid %n months", nullptr, *course->validityMonths) : tr("never expires"));
        if (course->mandatory)
            facts.append(tr("mandatory"));
        facts.append(tr("on %1: %2 hold it, %3 due").arg(dateText(m_asOf)).arg(holders).arg(m_due->topLevelItemCount()));
        m_heading->setText(facts.join(QStringLiteral(" · ")));
    } catch (const Error &e) {
        m_context.host.showError(e.message());
    }
}

} // namespace vigil
