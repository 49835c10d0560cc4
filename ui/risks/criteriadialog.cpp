#include "criteriadialog.h"

#include "base/error.h"
#include "commands/riskcommands.h"
#include "risks/criteriarepository.h"
#include "risks/heatmapwidget.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

QTableWidget *table(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QString cell(const QTableWidget *t, int row, int column)
{
    const QTableWidgetItem *item = t->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

CriteriaDialog::CriteriaDialog(const ModuleContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("criteriaDialog"));
    setWindowTitle(tr("Risk Criteria"));
    m_pages->addWidget(buildEditPage());
    m_pages->addWidget(buildPreviewPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    try {
        m_current = RiskCriteriaRepository(context.db).current();
    } catch (const Error &e) {
        context.host.showError(e.message());
        m_current = RiskCriteria::defaults();
    }
    setCriteria(m_current);
    QDialog::resize(980, 640);
}

QWidget *CriteriaDialog::buildEditPage()
{
    auto *page = new QWidget(this);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("criteriaName"));
    m_likelihoodCount = new QSpinBox(page);
    m_likelihoodCount->setObjectName(QStringLiteral("likelihoodCount"));
    m_impactCount = new QSpinBox(page);
    m_impactCount->setObjectName(QStringLiteral("impactCount"));
    for (QSpinBox *spin : {m_likelihoodCount, m_impactCount}) {
        spin->setRange(RiskCriteria::minSize, RiskCriteria::maxSize);
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            if (!m_filling)
                resize(m_likelihoodCount->value(), m_impactCount->value());
        });
    }
    auto *sizes = new QHBoxLayout;
    sizes->addWidget(new QLabel(tr("Likelihood steps:"), page));
    sizes->addWidget(m_likelihoodCount);
    sizes->addSpacing(16);
    sizes->addWidget(new QLabel(tr("Impact steps:"), page));
    sizes->addWidget(m_impactCount);
    sizes->addStretch();
    auto *top = new QFormLayout;
    top->addRow(tr("&Name:"), m_name);
    top->addRow(tr("Size:"), sizes);

    m_likelihood = table({tr("Label"), tr("Description")}, QStringLiteral("likelihoodSteps"), page);
    m_impact = table({tr("Label"), tr("Description")}, QStringLiteral("impactSteps"), page);
    m_levels = table({tr("Level"), tr("Colour"), tr("Treatment deadline (days)"), tr("Required response")},
        QStringLiteral("riskLevels"), page);
    auto *addLevelButton = new QPushButton(tr("Add Level"), page);
    auto *removeLevelButton = new QPushButton(tr("Remove Level"), page);
    connect(addLevelButton, &QPushButton::clicked, this, &CriteriaDialog::addLevel);
    connect(removeLevelButton, &QPushButton::clicked, this, &CriteriaDialog::removeLevel);
    connect(m_levels, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column != 1)
            return;
        const QColor colour = QColorDialog::getColor(m_levels->item(row, 1)->background().color(), this,
            tr("Colour of %1").arg(cell(m_levels, row, 0)));
        if (colour.isValid())
            m_levels->item(row, 1)->setBackground(colour);
    });
    for (QTableWidget *t : {m_likelihood, m_impact, m_levels})
        connect(t, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling) {
                readTables();
                updateMatrix();
            }
        });

    m_matrix = new HeatMapWidget(false, page);
    m_matrix->setObjectName(QStringLiteral("criteriaMatrix"));
    m_matrix->setToolTip(tr("Click a cell to give it the next level; Shift+click for the previous one."));
    connect(m_matrix, &HeatMapWidget::cellActivated, this, [this](int l, int i) {
        const int levels = int(m_edited.levels.size());
        const bool back = QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier);
        m_edited.setLevelAt(l, i, (m_edited.levelAt(l, i) + (back ? levels - 1 : 1)) % levels);
        updateMatrix();
    });
    auto *fromScores = new QPushButton(tr("Levels from &Scores"), page);
    fromScores->setToolTip(tr("Set every cell from likelihood x impact, as the default matrix does"));
    connect(fromScores, &QPushButton::clicked, this, [this] {
        const RiskCriteria sized = RiskCriteria::sized(m_edited.likelihoodCount(), m_edited.impactCount(), m_edited.levels);
        m_edited.grid = sized.grid;
        updateMatrix();
    });

    auto *tabs = new QTabWidget(page);
    auto *scales = new QWidget(tabs);
    auto *scalesLayout = new QHBoxLayout(scales);
    auto *likelihoodBox = new QVBoxLayout;
    likelihoodBox->addWidget(new QLabel(tr("<b>Likelihood</b> (1 is the least likely)"), scales));
    likelihoodBox->addWidget(m_likelihood);
    auto *impactBox = new QVBoxLayout;
    impactBox->addWidget(new QLabel(tr("<b>Impact</b> (1 is the least severe)"), scales));
    impactBox->addWidget(m_impact);
    scalesLayout->addLayout(likelihoodBox);
    scalesLayout->addLayout(impactBox);
    auto *levelsPage = new QWidget(tabs);
    auto *levelsLayout = new QVBoxLayout(levelsPage);
    levelsLayout->addWidget(new QLabel(tr("From the lowest level to the highest. Double-click a colour to change it."),
        levelsPage));
    levelsLayout->addWidget(m_levels);
    auto *levelButtons = new QHBoxLayout;
    levelButtons->addWidget(addLevelButton);
    levelButtons->addWidget(removeLevelButton);
    levelButtons->addStretch();
    levelsLayout->addLayout(levelButtons);
    auto *matrixPage = new QWidget(tabs);
    auto *matrixLayout = new QVBoxLayout(matrixPage);
    matrixLayout->addWidget(new QLabel(tr("Each cell's level. Click a cell to change it: the grid need not follow "
                                          "likelihood x impact."),
        matrixPage));
    matrixLayout->addWidget(m_matrix, 1);
    matrixLayout->addWidget(fromScores, 0, Qt::AlignLeft);
    tabs->addTab(scales, tr("&Scales"));
    tabs->addTab(levelsPage, tr("&Levels"));
    tabs->addTab(matrixPage, tr("&Matrix"));

    m_problem = new QLabel(page);
    m_problem->setObjectName(QStringLiteral("criteriaProblem"));
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_problem->setPalette(palette);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_preview = buttons->addButton(tr("&Preview Changes…"), QDialogButtonBox::AcceptRole);
    m_preview->setObjectName(QStringLiteral("previewCriteria"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &CriteriaDialog::showPreview);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_edited.name = m_name->text();
        updateMatrix();
    });
    return page;
}

QWidget *CriteriaDialog::buildPreviewPage()
{
    auto *page = new QWidget(this);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("criteriaSummary"));
    m_summary->setWordWrap(true);
    m_mappings = new QTreeWidget(page);
    m_mappings->setObjectName(QStringLiteral("criteriaMappings"));
    m_mappings->setHeaderLabels({tr("Rating"), tr("Old level"), tr("New level"), tr("Ratings")});
    m_mappings->setRootIsDecorated(false);
    m_changes = new QTreeWidget(page);
    m_changes->setObjectName(QStringLiteral("criteriaChanges"));
    m_changes->setHeaderLabels({tr("Risk"), tr("Rating"), tr("Old"), tr("New")});
    m_changes->setRootIsDecorated(false);
    for (QTreeWidget *tree : {m_mappings, m_changes})
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(page);
    auto *back = buttons->addButton(tr("&Back"), QDialogButtonBox::ResetRole);
    auto *applyButton = buttons->addButton(tr("&Apply New Criteria"), QDialogButtonBox::AcceptRole);
    applyButton->setObjectName(QStringLiteral("applyCriteria"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    connect(applyButton, &QPushButton::clicked, this, &CriteriaDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("<b>How the levels map</b>"), page));
    layout->addWidget(m_mappings, 1);
    layout->addWidget(new QLabel(tr("<b>Ratings whose level changes</b>"), page));
    layout->addWidget(m_changes, 2);
    layout->addWidget(buttons);
    return page;
}

RiskCriteria CriteriaDialog::criteria() const
{
    return m_edited;
}

void CriteriaDialog::setCriteria(const RiskCriteria &criteria)
{
    m_edited = criteria;
    m_edited.id = 0;
    m_filling = true;
    m_name->setText(criteria.name);
    m_likelihoodCount->setValue(criteria.likelihoodCount());
    m_impactCount->setValue(criteria.impactCount());
    m_filling = false;
    fillTables();
    updateMatrix();
}

void CriteriaDialog::resize(int likelihood, int impact)
{
    readTables();
    const RiskCriteria sized = RiskCriteria::sized(likelihood, impact, m_edited.levels);
    // Keep the labels the user wrote for the steps that remain.
    RiskCriteria next = sized;
    next.name = m_edited.name;
    for (int l = 0; l < qMin(likelihood, m_edited.likelihoodCount()); ++l)
        next.likelihood[l] = m_edited.likelihood.at(l);
    for (int i = 0; i < qMin(impact, m_edited.impactCount()); ++i)
        next.impact[i] = m_edited.impact.at(i);
    m_edited = next;
    fillTables();
    updateMatrix();
}

void CriteriaDialog::fillTables()
{
    m_filling = true;
    auto fillSteps = [](QTableWidget *t, const QList<ScaleStep> &steps) {
        t->setRowCount(int(steps.size()));
        for (int r = 0; r < steps.size(); ++r) {
            t->setVerticalHeaderItem(r, new QTableWidgetItem(QString::number(r + 1)));
            t->setItem(r, 0, new QTableWidgetItem(steps.at(r).label));
            t->setItem(r, 1, new QTableWidgetItem(steps.at(r).description));
        }
    };
    fillSteps(m_likelihood, m_edited.likelihood);
    fillSteps(m_impact, m_edited.impact);
    m_levels->setRowCount(int(m_edited.levels.size()));
    for (int r = 0; r < m_edited.levels.size(); ++r) {
        const RiskLevel &level = m_edited.levels.at(r);
        m_levels->setItem(r, 0, new QTableWidgetItem(level.name));
        auto *colour = new QTableWidgetItem(level.colour.name());
        colour->setBackground(level.colour);
        colour->setFlags(colour->flags() & ~Qt::ItemIsEditable);
        m_levels->setItem(r, 1, colour);
        m_levels->setItem(r, 2, new QTableWidgetItem(QString::number(level.deadlineDays)));
        m_levels->setItem(r, 3, new QTableWidgetItem(level.response));
    }
    m_filling = false;
}

void CriteriaDialog::readTables()
{
    auto readSteps = [](const QTableWidget *t, QList<ScaleStep> &steps) {
        for (int r = 0; r < t->rowCount() && r < steps.size(); ++r)
            steps[r] = {cell(t, r, 0), cell(t, r, 1)};
    };
    readSteps(m_likelihood, m_edited.likelihood);
    readSteps(m_impact, m_edited.impact);
    for (int r = 0; r < m_levels->rowCount() && r < m_edited.levels.size(); ++r) {
        RiskLevel &level = m_edited.levels[r];
        level.name = cell(m_levels, r, 0);
        if (const QTableWidgetItem *colour = m_levels->item(r, 1))
            level.colour = colour->background().color();
        bool ok = false;
        const int days = cell(m_levels, r, 2).toInt(&ok);
        level.deadlineDays = ok ? days : -1;
        level.response = cell(m_levels, r, 3);
    }
}

void CriteriaDialog::addLevel()
{
    readTables();
    if (m_edited.levels.size() >= 8)
        return;
    m_edited.levels.append({tr("Level %1").arg(m_edited.levels.size() + 1), QColor(0x8e, 0x24, 0xaa), QString(), 0});
    fillTables();
    updateMatrix();
}

void CriteriaDialog::removeLevel()
{
    readTables();
    if (m_edited.levels.size() <= 2)
        return;
    const int removed = m_levels->currentRow() >= 0 ? m_levels->currentRow() : int(m_edited.levels.size()) - 1;
    m_edited.levels.removeAt(removed);
    // Cells of the removed level move down a level (or up, for the lowest).
    for (int &level : m_edited.grid) {
        if (level > removed || (level == removed && removed > 0))
            --level;
    }
    fillTables();
    updateMatrix();
}

void CriteriaDialog::updateMatrix()
{
    m_matrix->setCriteria(m_edited);
    const QString problem = m_edited.problem();
    const bool unchanged = m_edited.sameMatrix(m_current) && m_edited.name.trimmed() == m_current.name;
    // A problem in red; the note that nothing has changed yet in the ordinary colour.
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, problem.isEmpty() ? this->palette().color(QPalette::WindowText)
                                                             : QColor(0xc0, 0x1c, 0x28));
    m_problem->setPalette(palette);
    m_problem->setText(!problem.isEmpty() ? problem
                                          : unchanged ? tr("These are the current criteria (version %1); change them "
                                                           "to preview how the register would map.")
                                                            .arg(m_current.version)
                                                      : QString());
    m_preview->setEnabled(problem.isEmpty() && !unchanged);
}

void CriteriaDialog::showPreview()
{
    readTables();
    updateMatrix();
    if (!m_preview->isEnabled())
        return;
    CriteriaPreview preview;
    try {
        preview = RiskCriteriaRepository(m_context.db).preview(m_edited);
    } catch (const Error &e) {
        m_context.host.showError(e.message());
        return;
    }
    m_summary->setText(tr("Adopting these criteria as version %1 maps all %2 ratings of the register onto them; "
                          "%3 change level. Each rating keeps its history under the version it was made under. "
                          "You can undo this in one step.")
                           .arg(m_current.version + 1)
                           .arg(preview.moves.size())
                           .arg(preview.changedLevels()));
    m_mappings->clear();
    for (const LevelMapping &m : preview.mappings) {
        auto *item = new QTreeWidgetItem(m_mappings,
            {ratingKindTitle(m.kind), m.fromLevel, m.toLevel, QString::number(m.count)});
        if (m.fromIndex != m.toIndex) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int c = 0; c < 4; ++c)
                item->setFont(c, bold);
        }
    }
    m_changes->clear();
    for (const RatingMove &move : preview.moves) {
        if (!move.levelChanges())
            continue;
        const auto levelName = [](const RiskCriteria &c, int level) {
            return level >= 0 && level < c.levels.size() ? c.levels.at(level).name : QString();
        };
        new QTreeWidgetItem(m_changes, {QStringLiteral("%1 %2").arg(move.reference, move.title), ratingKindTitle(move.kind),
                                           levelName(preview.from, move.from.level), levelName(m_edited, move.to.level)});
    }
    if (m_changes->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_changes, {tr("No rating changes level.")});
    m_pages->setCurrentIndex(1);
}

void CriteriaDialog::apply()
{
    if (commands::changeRiskCriteria(m_context, m_edited)) {
        m_applied = true;
        accept();
    }
}

} // namespace vigil
