#include "matrixtab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "base/clock.h"
#include "base/error.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/trainingmodels.h"
#include "training/trainingviews.h"

namespace vigil {

MatrixTab::MatrixTab(const ModuleContext &context, QWidget *parent)
    : TrainingTab(context, parent)
    , m_model(new ComplianceMatrixModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_post(filterCombo(QStringLiteral("matrixPost"), this))
    , m_employer(filterCombo(QStringLiteral("matrixEmployer"), this))
    , m_show(filterCombo(QStringLiteral("matrixShow"), this))
    , m_count(new QLabel(this))
{
    m_search->setObjectName(QStringLiteral("matrixSearch"));
    m_search->setPlaceholderText(tr("Name or staff number (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    m_show->addItem(tr("Everyone"), int(ComplianceFilter::Show::Everyone));
    m_show->addItem(tr("Not cleared"), int(ComplianceFilter::Show::NotCleared));
    m_show->addItem(tr("Expiring within 30 days"), int(ComplianceFilter::Show::Expiring));
    m_count->setObjectName(QStringLiteral("matrixCount"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComplianceMatrixModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    setupRegisterTable(m_table, QStringLiteral("matrixTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setModel(m_proxy);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicator(0, Qt::AscendingOrder);
    header->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    header->setDefaultSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("✓ Sept 2027__")));
    // Course names wrap over up to four lines in a fixed-height header.
    header->setFixedHeight(fontMetrics().lineSpacing() * 4 + 10);

    auto *legend = new QLabel(this);
    legend->setObjectName(QStringLiteral("matrixLegend"));
    legend->setTextFormat(Qt::RichText);
    QStringList keys;
    for (CellStatus s : {CellStatus::Valid, CellStatus::Expiring, CellStatus::Expired, CellStatus::Missing}) {
        keys.append(
            QStringLiteral("<span style=\"background-color:%1; color:black\">&nbsp;%2&nbsp;</span>&nbsp;%3")
                .arg(cellColour(s).name(), cellSymbol(s), cellStatusTitle(s).toHtmlEscaped()));
    }
    legend->setText(keys.join(QStringLiteral(" &nbsp; ")) + QStringLiteral(" &nbsp; ")
        + tr("Blank: not required. Dates are expiry dates. Double-click or Enter on a cell to record or view "
             "training; "
             "on a name for the person; on a course heading for the course.")
              .toHtmlEscaped());
    legend->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_post);
    filters->addWidget(m_employer);
    filters->addWidget(m_show);
    filters->addStretch();
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(legend);

    connectFilters(this, m_search, {m_post, m_employer, m_show}, &m_filling, [this] { reload(); });
    connect(m_table, &QTableView::activated, this, &MatrixTab::activate);
    connect(header, &QHeaderView::sectionDoubleClicked, this, [this](int section) {
        if (const Course *course = m_model->courseAt(section))
            openDialog(new CourseTrainingDialog(m_context, course->id, m_asOf, this));
    });
    fillChoices();
}

qint64 MatrixTab::currentPersonId() const
{
    return m_table->currentIndex().data(ComplianceMatrixModel::PersonIdRole).toLongLong();
}

qint64 MatrixTab::currentCourseId() const
{
    return m_table->currentIndex().data(ComplianceMatrixModel::CourseIdRole).toLongLong();
}

void MatrixTab::showOnly(bool notCleared)
{
    m_filling = true;
    {
        const QSignalBlocker quiet(m_search); // no search 150 ms later
        m_search->clear();
    }
    m_post->setCurrentIndex(0);
    m_employer->setCurrentIndex(0);
    selectData(
        m_show, int(notCleared ? ComplianceFilter::Show::NotCleared : ComplianceFilter::Show::Everyone));
    m_filling = false;
}

void MatrixTab::fillChoices()
{
    m_filling = true;
    fillPostChoices(m_post, m_context.db, true);
    fillEmployerChoices(m_employer, m_context.db);
    m_filling = false;
}

void MatrixTab::refresh(const QDate &asOf)
{
    m_asOf = asOf;
    reload();
}

void MatrixTab::reload()
{
    ComplianceFilter filter;
    filter.postId = m_post->currentData().toLongLong();
    filter.employerId = m_employer->currentData().toLongLong();
    filter.show = ComplianceFilter::Show(m_show->currentData().toInt());
    filter.text = m_search->text();
    try {
        m_model->setMatrix(Compliance(m_context.db).matrix(m_asOf, filter));
    } catch (const Error &e) {
        m_model->setMatrix({});
        m_context.host.showStatus(e.message());
    }
    // Name, post and employer as wide as their contents, up to about 24 characters (then elided,
    // the whole name in the tooltip of the list's person view): the courses need the room.
    for (int column = 0; column < ComplianceMatrixModel::firstCourseColumn; ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(
            column, qMin(m_table->columnWidth(column), fontMetrics().averageCharWidth() * 24));
    }
    // A course column is as wide as a cell's date or the longest word of its name, which wraps.
    const QFontMetrics fm = m_table->horizontalHeader()->fontMetrics();
    const int cellWidth = m_table->horizontalHeader()->defaultSectionSize();
    for (int column = ComplianceMatrixModel::firstCourseColumn; column < m_model->columnCount() - 1;
         ++column) {
        int widest = cellWidth;
        for (const QString &word : m_model->courseAt(column)->name.split(u' ', Qt::SkipEmptyParts))
            widest = qMax(widest, fm.horizontalAdvance(word) + fm.averageCharWidth() * 2);
        m_table->setColumnWidth(column, qMin(widest, cellWidth * 2));
    }
    const ComplianceMatrix &m = m_model->matrix();
    m_count->setText(tr("%n people", nullptr, int(m.rows.size())));
    m_count->setToolTip(tr("%1% of what they need is held").arg(QLocale().toString(m.percent(), 'f', 0)));
}

void MatrixTab::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 personId = index.data(ComplianceMatrixModel::PersonIdRole).toLongLong();
    const qint64 courseId = index.data(ComplianceMatrixModel::CourseIdRole).toLongLong();
    if (courseId == 0) {
        openDialog(new PersonTrainingDialog(m_context, personId, m_asOf, this));
        return;
    }
    const auto status = CellStatus(index.data(ComplianceMatrixModel::StatusRole).toInt());
    const qint64 recordId = index.data(ComplianceMatrixModel::RecordIdRole).toLongLong();
    // A valid record opens; a gap (or one about to run out) starts the new record.
    if (recordId && (status == CellStatus::Valid || status == CellStatus::NotRequired))
        openTrainingRecord(m_context, this, recordId, 0, 0);
    else
        openTrainingRecord(m_context, this, 0, personId, courseId, qMin(m_asOf, Clock::current().today()));
}

void MatrixTab::openCurrent()
{
    activate(m_table->currentIndex());
}

void MatrixTab::deleteCurrent()
{
    deleteTrainingRecord(
        m_context, this, m_table->currentIndex().data(ComplianceMatrixModel::RecordIdRole).toLongLong());
}

RegisterExport MatrixTab::registerExport()
{
    return {tr("Export Compliance Matrix"), tr("training-matrix"),
        [this] { return Compliance(m_context.db).exportTable(m_model->matrix()); },
        [](int rows) { return tr("Exported the matrix of %n people to %1.", nullptr, rows); }};
}

} // namespace vigil
