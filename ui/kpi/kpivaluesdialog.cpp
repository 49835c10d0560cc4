#include "kpivaluesdialog.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/kpicommands.h"
#include "kpi/kpiengine.h"
#include "storage/database.h"
#include "widgets/registerwidgets.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

constexpr int kpiRole = Qt::UserRole;
constexpr int startRole = Qt::UserRole + 1;

} // namespace

KpiValuesDialog::KpiValuesDialog(const ModuleContext &context, int year, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_year(new QSpinBox(this))
    , m_table(new QTableWidget(this))
    , m_problem(problemLabel(QStringLiteral("kpiValuesProblem"), this))
{
    setObjectName(QStringLiteral("kpiValuesDialog"));
    setWindowTitle(tr("Enter KPI Values"));
    try {
        for (const Kpi &kpi : activeKpis(context.db)) {
            if (kpi.source == KpiSource::Manual)
                m_kpis.append(kpi);
        }
    } catch (const Error &e) {
        context.host.showStatus(e.message());
    }
    const int thisYear = Clock::current().today().year();
    m_year->setObjectName(QStringLiteral("kpiValuesYear"));
    m_year->setRange(thisYear - 30, thisYear);
    m_year->setValue(qBound(thisYear - 30, year, thisYear));
    auto *yearLabel = new QLabel(tr("&Year:"), this);
    yearLabel->setBuddy(m_year);
    auto *top = new QHBoxLayout;
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addStretch(1);

    m_table->setObjectName(QStringLiteral("kpiValuesTable"));
    m_table->setColumnCount(12);
    QStringList months;
    const QLocale locale;
    for (int m = 1; m <= 12; ++m)
        months.append(locale.standaloneMonthName(m, QLocale::ShortFormat));
    m_table->setHorizontalHeaderLabels(months);
    m_table->setRowCount(int(m_kpis.size()));
    QStringList names;
    for (const Kpi &kpi : std::as_const(m_kpis))
        names.append(kpi.unit.isEmpty() ? kpi.name : tr("%1 (%2)").arg(kpi.name, kpi.unit));
    m_table->setVerticalHeaderLabels(names);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(56);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);

    auto *hint = new QLabel(tr("Type a figure in a cell; empty a cell to take its value away. Quarterly and yearly "
                               "KPIs span their months."),
        this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveKpiValues"));
    connect(buttons, &QDialogButtonBox::accepted, this, &KpiValuesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    addSaveKeys(this, [this] { accept(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(980, 160 + 32 * int(m_kpis.size()));

    connect(m_year, &QSpinBox::valueChanged, this, &KpiValuesDialog::fill);
    connect(m_table, &QTableWidget::cellChanged, this, &KpiValuesDialog::cellEdited);
    fill();
}

void KpiValuesDialog::fill()
{
    m_filling = true;
    m_table->clearSpans();
    const int year = m_year->value();
    const QDate today = Clock::current().today();
    const QLocale locale;
    const KpiValueRepository values(m_context.db);
    for (int row = 0; row < m_kpis.size(); ++row) {
        const Kpi &kpi = m_kpis.at(row);
        const int span = kpiFrequencyMonths(kpi.frequency);
        for (int column = 0; column < 12; ++column) {
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            const QDate start(year, column + 1, 1);
            if (column % span != 0) {
                item->setFlags(Qt::NoItemFlags);
                m_table->setItem(row, column, item);
                continue;
            }
            if (span > 1)
                m_table->setSpan(row, column, 1, span);
            item->setData(kpiRole, kpi.id);
            item->setData(startRole, start);
            const auto edited = m_edits.constFind({kpi.id, start});
            if (edited != m_edits.cend()) {
                item->setText(*edited);
            } else {
                try {
                    const std::optional<double> value = values.value(kpi.id, start);
                    item->setText(value ? locale.toString(*value, 'g', QLocale::FloatingPointShortest) : QString());
                } catch (const Error &e) {
                    m_problem->setText(e.message());
                    m_problem->show();
                }
            }
            if (start > today) {
                item->setFlags(Qt::ItemIsEnabled);
                item->setToolTip(tr("Not yet: this period has not begun."));
            } else {
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
                item->setToolTip(tr("%1 from %2").arg(kpi.name, locale.toString(start, QLocale::ShortFormat)));
            }
            m_table->setItem(row, column, item);
        }
    }
    m_filling = false;
}

void KpiValuesDialog::cellEdited(int row, int column)
{
    if (m_filling)
        return;
    QTableWidgetItem *item = m_table->item(row, column);
    if (!item || !item->data(kpiRole).isValid())
        return;
    m_edits.insert({item->data(kpiRole).toLongLong(), item->data(startRole).toDate()}, item->text().trimmed());
    std::optional<double> value;
    const bool ok = parse(item->text(), &value);
    item->setForeground(ok ? palette().color(QPalette::Text) : QColor(0xc0, 0x1c, 0x28));
    m_problem->setVisible(!ok);
    if (!ok)
        m_problem->setText(tr("'%1' is not a number.").arg(item->text().trimmed()));
}

bool KpiValuesDialog::parse(const QString &text, std::optional<double> *value)
{
    const QString trimmed = text.trimmed();
    value->reset();
    if (trimmed.isEmpty())
        return true;
    bool ok = false;
    double number = QLocale().toDouble(trimmed, &ok);
    if (!ok)
        number = trimmed.toDouble(&ok);
    if (ok)
        *value = number;
    return ok;
}

void KpiValuesDialog::accept()
{
    QList<commands::KpiValueChange> changes;
    const KpiValueRepository values(m_context.db);
    const QLocale locale;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        std::optional<double> value;
        if (!parse(it.value(), &value)) {
            QString kpiName;
            for (const Kpi &kpi : std::as_const(m_kpis)) {
                if (kpi.id == it.key().first)
                    kpiName = kpi.name;
            }
            m_problem->setText(tr("'%1' is not a number (%2, %3): correct it or empty the cell.")
                                   .arg(it.value(), kpiName, locale.toString(it.key().second, QStringLiteral("MMMM yyyy"))));
            m_problem->show();
            return;
        }
        try {
            if (values.value(it.key().first, it.key().second) != value)
                changes.append({it.key().first, it.key().second, value});
        } catch (const Error &e) {
            m_context.host.showError(e.message());
            return;
        }
    }
    // In a steady order: the undo step reads the same each time.
    std::sort(changes.begin(), changes.end(), [](const commands::KpiValueChange &a, const commands::KpiValueChange &b) {
        return std::tie(a.periodStart, a.kpiId) < std::tie(b.periodStart, b.kpiId);
    });
    if (!changes.isEmpty()
        && !commands::setKpiValues(m_context, changes, tr("Enter %n KPI values", nullptr, int(changes.size()))))
        return;
    QDialog::accept();
}

} // namespace vigil
