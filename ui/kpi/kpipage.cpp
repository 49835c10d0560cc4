#include "kpipage.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/kpicommands.h"
#include "dashboardloader.h"
#include "kpi/dashboard.h"
#include "kpicharts.h"
#include "kpivaluesdialog.h"
#include "shell/dialogs.h"
#include "storage/database.h"
#include "widgets/figuretile.h"
#include "widgets/periodchoice.h"
#include "widgets/registerwidgets.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace vigil {
namespace {

QColor statusColour(KpiStatus status)
{
    switch (status) {
    case KpiStatus::Green:
        return QColor(0x2e, 0x7d, 0x32);
    case KpiStatus::Amber:
        return QColor(0xe0, 0x8e, 0x00);
    case KpiStatus::Red:
        return QColor(0xc0, 0x1c, 0x28);
    case KpiStatus::Unknown:
        break;
    }
    return QColor(0x90, 0x90, 0x90);
}

} // namespace

KpiPage::KpiPage(const ModuleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_period(filterCombo(QStringLiteral("kpiPeriod"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_heading(new QLabel(this))
    , m_tiles(new QGridLayout)
    , m_charts(new KpiCharts(this))
    , m_enterValues(new QAction(tr("Enter &Values…"), this))
    , m_exportValues(new QAction(tr("E&xport Values…"), this))
    , m_loader(new DashboardLoader(
          context.db, [this](const KpiDashboard &d) { display(d); },
          [this](const QString &message) {
              m_heading->setText(message);
              m_context.host.showStatus(message);
          },
          this))
{
    setObjectName(QStringLiteral("kpiPage"));
    fillPeriodChoices(m_period);
    // A custom range: from the first of last month to today, until the user picks other days.
    const QDate today = Clock::current().today();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setMaximumDate(today.addYears(1));
        edit->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("kpiFrom"));
    m_to->setObjectName(QStringLiteral("kpiTo"));
    m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-1));
    m_to->setDate(today);
    m_heading->setObjectName(QStringLiteral("kpiHeading"));
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    auto *top = new QHBoxLayout;
    top->addWidget(periodLabel);
    top->addWidget(m_period);
    top->addWidget(m_from);
    top->addWidget(m_to);
    top->addSpacing(12);
    top->addWidget(m_heading, 1);

    m_enterValues->setObjectName(QStringLiteral("actionEnterKpiValues"));
    m_enterValues->setShortcut(QKeySequence::New);
    m_enterValues->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_enterValues->setToolTip(tr("Enter the manual KPIs' figures month by month (%1)")
                                  .arg(m_enterValues->shortcut().toString(QKeySequence::NativeText)));
    addAction(m_enterValues);
    connect(m_enterValues, &QAction::triggered, this, &KpiPage::enterValues);
    m_exportValues->setObjectName(QStringLiteral("actionExportKpiValues"));
    m_exportValues->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportValues->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportValues->setToolTip(tr("Export every value entered for the manual KPIs to CSV or Excel (Ctrl+E)"));
    addAction(m_exportValues);
    connect(m_exportValues, &QAction::triggered, this, [this] {
        exportRegister(m_context, this,
            {tr("Export KPI Values"), tr("kpi-values"), [this] { return kpiValuesExportTable(m_context.db); },
                [](int rows) { return tr("Exported %n KPI values to %1.", nullptr, rows); }});
    });

    auto *tilesHost = new QWidget(this);
    tilesHost->setLayout(m_tiles);
    m_tiles->setSpacing(10);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(tilesHost);
    contentLayout->addWidget(m_charts, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &KpiPage::periodChosen);
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_shown && m_from->isVisible())
                refresh();
        });
    }
    connect(m_charts, &KpiCharts::drillDown, this,
        [this](const QString &module, const QVariantMap &target) { m_context.host.showModule(module, target); });
    // Any record can move a figure: refresh once per change, and only while on screen.
    refreshOnChanges(this, context.db, {}, [this] { refresh(); });
}

void KpiPage::periodChosen()
{
    const bool custom = isCustomPeriod(m_period);
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (m_shown)
        refresh();
}

// The figures are computed when the page is first shown, with its restored period.
void KpiPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        refresh();
    }
}

Period KpiPage::period() const
{
    return chosenPeriod(m_period, m_from->date(), m_to->date(), Clock::current().today());
}

// "1 Mar 2026 to 31 Mar 2026, compared with the 28 days before".
QString KpiPage::periodHeading(const Period &p)
{
    const QLocale locale;
    const Period before = p.previous();
    return tr("%1 to %2, compared with the %n days before", nullptr, int(before.first().daysTo(before.last()) + 1))
        .arg(locale.toString(p.first(), QLocale::ShortFormat), locale.toString(p.last(), QLocale::ShortFormat));
}

void KpiPage::refresh()
{
    const Period p = period();
    m_heading->setText(tr("%1: updating…").arg(periodHeading(p)));
    m_loader->request(p);
}

bool KpiPage::isUpdating() const
{
    return m_loader->busy();
}

void KpiPage::display(const KpiDashboard &d)
{
    m_heading->setText(periodHeading(d.period));
    m_results = d.results;
    showTiles(d.results);
    m_charts->setDashboard(d);
}

void KpiPage::showTiles(const QList<KpiResult> &results)
{
    const Period p = results.isEmpty() ? period() : results.first().period;
    // Tiles, four to a row (room for the detail line at 1366x768), reused from the last refresh.
    while (m_tileList.size() > results.size())
        delete m_tileList.takeLast();
    for (int i = 0; i < results.size(); ++i) {
        const KpiResult &r = results.at(i);
        if (i >= m_tileList.size()) {
            auto *tile = new FigureTile(this);
            m_tiles->addWidget(tile, i / 4, i % 4);
            connect(tile, &FigureTile::clicked, this, [this, tile] {
                const int index = int(m_tileList.indexOf(tile));
                if (index >= 0 && index < m_results.size())
                    activate(KpiResult(m_results.at(index))); // a copy: a refresh may replace the list meanwhile
            });
            m_tileList.append(tile);
        }
        FigureTile *tile = m_tileList.at(i);
        tile->setObjectName(QStringLiteral("kpi_%1").arg(r.kpi.key.isEmpty() ? QString::number(r.kpi.id) : r.kpi.key));
        tile->setValue(kpiValueText(r.value, r.kpi.unit));
        tile->setLabel(r.kpi.name);
        // The status in words and the move from the previous period as an arrow: colour is never
        // the only signal.
        QString arrow;
        if (r.value && r.previous)
            arrow = *r.value > *r.previous ? QStringLiteral("▲") : *r.value < *r.previous ? QStringLiteral("▼") : QStringLiteral("=");
        tile->setDetail(tr("%1 · target %2 · %3 %4")
                            .arg(kpiStatusTitle(r.status), kpiValueText(r.target, r.kpi.unit), arrow.isEmpty() ? tr("–") : arrow,
                                kpiValueText(r.previous, r.kpi.unit)));
        tile->setAccent(statusColour(r.status));
        tile->setToolTip(r.kpi.source == KpiSource::Manual
                ? tr("%1\nClick to enter the value for %2.").arg(r.kpi.description, p.key())
                : tr("%1\nClick to see the records.").arg(r.kpi.description));
    }
}

// A computed KPI leads to its records; a manual one asks for the period's value.
void KpiPage::activate(const KpiResult &r)
{
    if (r.kpi.source == KpiSource::Manual) {
        enterValue(r);
        return;
    }
    const Period p = r.period; // what the tile shows, whatever the selector says by now
    const QString key = r.kpi.key;
    if (key.startsWith(QLatin1String("incidents.")))
        m_context.host.showModule(QStringLiteral("incidents"), QVariantMap {{QStringLiteral("from"), p.first()}, {QStringLiteral("to"), p.last()}});
    else if (key == QLatin1String(KpiKey::RisksPastReview))
        m_context.host.showModule(QStringLiteral("risks"), QVariantMap {{QStringLiteral("overdue"), true}});
    else if (key.startsWith(QLatin1String("risks.")))
        m_context.host.showModule(QStringLiteral("risks"), QVariantMap {});
    else if (key == QLatin1String(KpiKey::CertificationsExpiring))
        m_context.host.showModule(QStringLiteral("training"), QVariantMap {{QStringLiteral("show"), QStringLiteral("expiring")}, {QStringLiteral("days"), 30}});
    else if (key.startsWith(QLatin1String("training.")))
        m_context.host.showModule(QStringLiteral("training"), QVariantMap {{QStringLiteral("show"), QStringLiteral("notCleared")}});
    else if (key == QLatin1String(KpiKey::ActionsOverdue))
        m_context.host.showModule(QStringLiteral("actions"), QVariantMap {{QStringLiteral("overdue"), true}});
    else if (key.startsWith(QLatin1String("actions.")))
        m_context.host.showModule(QStringLiteral("actions"), QVariantMap {});
}

void KpiPage::enterValue(const KpiResult &r)
{
    const Period p = r.period;
    // Named for the period the value is kept for: a quarterly score viewed for February is Q1's.
    const std::optional<Period> entered = entryPeriod(r.kpi, p);
    bool ok = false;
    const QString text = dialogs::askText(this, tr("Enter KPI Value"),
        tr("%1 for %2 (%3):").arg(r.kpi.name, entered ? entered->key() : p.key(), r.kpi.unit),
        r.value ? QLocale().toString(*r.value, 'g', QLocale::FloatingPointShortest) : QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    bool number = false;
    double value = QLocale().toDouble(text.trimmed(), &number);
    if (!number)
        value = text.trimmed().toDouble(&number);
    if (!number) {
        m_context.host.showError(tr("'%1' is not a number.").arg(text.trimmed()));
        return;
    }
    commands::setKpiValue(m_context, r.kpi, p, value);
}

void KpiPage::enterValues()
{
    openDialog(new KpiValuesDialog(m_context, period().last().year(), this));
}

void KpiPage::showTarget(const QVariant &target)
{
    Q_UNUSED(target);
    refresh();
}

QVariant KpiPage::saveState() const
{
    return QVariantMap {{QStringLiteral("period"), m_period->currentIndex()}, {QStringLiteral("from"), m_from->date()},
        {QStringLiteral("to"), m_to->date()}};
}

void KpiPage::restoreState(const QVariant &state)
{
    const QVariantMap map = state.toMap();
    for (QDateEdit *edit : {m_from, m_to}) {
        const QDate day = map.value(edit == m_from ? QStringLiteral("from") : QStringLiteral("to")).toDate();
        if (day.isValid())
            edit->setDate(day);
    }
    if (map.contains(QStringLiteral("period")))
        m_period->setCurrentIndex(qBound(0, map.value(QStringLiteral("period")).toInt(), m_period->count() - 1));
}

} // namespace vigil
