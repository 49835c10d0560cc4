#include "kpipage.h"

#include "base/clock.h"
#include "base/error.h"
#include "commands/kpicommands.h"
#include "kpi/kpiengine.h"
#include "shell/dialogs.h"
#include "storage/database.h"
#include "widgets/figuretile.h"
#include "widgets/registerwidgets.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace vigil {
namespace {

enum class Choice { ThisMonth, LastMonth, ThisQuarter, LastQuarter, ThisYear, LastYear };

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
    , m_heading(new QLabel(this))
    , m_tiles(new QGridLayout)
    , m_chart(new QWidget(this))
{
    setObjectName(QStringLiteral("kpiPage"));
    m_period->addItem(tr("This month"), int(Choice::ThisMonth));
    m_period->addItem(tr("Last month"), int(Choice::LastMonth));
    m_period->addItem(tr("This quarter"), int(Choice::ThisQuarter));
    m_period->addItem(tr("Last quarter"), int(Choice::LastQuarter));
    m_period->addItem(tr("This year"), int(Choice::ThisYear));
    m_period->addItem(tr("Last year"), int(Choice::LastYear));
    m_period->setCurrentIndex(1); // the last whole month, as management reviews it
    m_heading->setObjectName(QStringLiteral("kpiHeading"));
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    auto *top = new QHBoxLayout;
    top->addWidget(periodLabel);
    top->addWidget(m_period);
    top->addSpacing(12);
    top->addWidget(m_heading, 1);

    auto *tilesHost = new QWidget(this);
    tilesHost->setLayout(m_tiles);
    m_tiles->setSpacing(10);
    auto *chartLayout = new QVBoxLayout(m_chart);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chart->setMinimumHeight(280);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(tilesHost);
    contentLayout->addWidget(m_chart, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (m_shown)
            refresh();
    });
    // Any record can move a figure: refresh once per change, and only while on screen.
    refreshOnChanges(this, context.db, {}, [this] { refresh(); });
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
    const QDate today = Clock::current().today();
    switch (Choice(m_period->currentData().toInt())) {
    case Choice::ThisMonth:
        return Period::containing(Period::Kind::Month, today);
    case Choice::LastMonth:
        return Period::containing(Period::Kind::Month, today).previous();
    case Choice::ThisQuarter:
        return Period::containing(Period::Kind::Quarter, today);
    case Choice::LastQuarter:
        return Period::containing(Period::Kind::Quarter, today).previous();
    case Choice::ThisYear:
        return Period::containing(Period::Kind::Year, today);
    case Choice::LastYear:
        break;
    }
    return Period::containing(Period::Kind::Year, today).previous();
}

void KpiPage::refresh()
{
    const Period p = period();
    const QLocale locale;
    m_heading->setText(tr("%1 to %2, compared with the period before")
                           .arg(locale.toString(p.first(), QLocale::ShortFormat), locale.toString(p.last(), QLocale::ShortFormat)));
    QList<KpiResult> results;
    QList<QList<KpiCount>> months;
    QStringList monthNames;
    try {
        KpiEngine engine(m_context.db);
        results = engine.results(p);
        m_results = results;
        Period month = Period::containing(Period::Kind::Month, p.last());
        for (int i = 0; i < 12; ++i, month = month.previous()) {
            months.prepend(engine.incidentsBySeverity(month));
            monthNames.prepend(locale.toString(month.first(), QStringLiteral("MMM yy")));
        }
    } catch (const Error &e) {
        m_context.host.showStatus(e.message());
    }

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
                    activate(m_results.at(index));
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

    // Incidents per month by severity, stacked: light to dark, so it reads in black and white.
    QLayoutItem *old = m_chart->layout()->takeAt(0);
    if (old) {
        delete old->widget();
        delete old;
    }
    auto *chart = new QChart;
    chart->setTitle(tr("Incidents per month by severity"));
    auto *series = new QStackedBarSeries(chart);
    const QColor shades[] = {QColor(0xbd, 0xd7, 0xee), QColor(0x6b, 0xae, 0xd6), QColor(0x21, 0x71, 0xb5), QColor(0x08, 0x30, 0x6b)};
    for (int s = 0; s < 4; ++s) {
        auto *set = new QBarSet(s < (months.isEmpty() ? 0 : months.first().size()) ? months.first().at(s).label : QString());
        for (const QList<KpiCount> &month : std::as_const(months))
            *set << (s < month.size() ? month.at(s).count : 0);
        set->setColor(shades[s]);
        set->setBorderColor(Qt::black);
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis(chart);
    x->append(monthNames);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *view = new QChartView(chart, m_chart);
    view->setObjectName(QStringLiteral("kpiIncidentChart"));
    view->setRenderHint(QPainter::Antialiasing);
    m_chart->layout()->addWidget(view);
}

// A computed KPI leads to its records; a manual one asks for the period's value.
void KpiPage::activate(const KpiResult &r)
{
    if (r.kpi.source == KpiSource::Manual) {
        enterValue(r);
        return;
    }
    const Period p = period();
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
    const Period p = period();
    bool ok = false;
    const QString text = dialogs::askText(this, tr("Enter KPI Value"),
        tr("%1 for %2 (%3):").arg(r.kpi.name, p.key(), r.kpi.unit), r.value ? QLocale().toString(*r.value) : QString(), &ok);
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

void KpiPage::showTarget(const QVariant &target)
{
    Q_UNUSED(target);
    refresh();
}

QVariant KpiPage::saveState() const
{
    return QVariantMap {{QStringLiteral("period"), m_period->currentIndex()}};
}

void KpiPage::restoreState(const QVariant &state)
{
    const QVariantMap map = state.toMap();
    if (map.contains(QStringLiteral("period")))
        m_period->setCurrentIndex(qBound(0, map.value(QStringLiteral("period")).toInt(), m_period->count() - 1));
}

} // namespace vigil
