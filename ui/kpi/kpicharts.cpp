#include "kpicharts.h"

#include "kpi/dashboard.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vigil {
namespace {

// Bars in the category chart before the rest are summed as "Other".
constexpr int topCategories = 8;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// From faint to strong against the background, so the order reads without colour.
QList<QColor> ramp(const QPalette &palette)
{
    if (isDark(palette))
        return {QColor(0x2b, 0x4a, 0x66), QColor(0x4f, 0x86, 0xb8), QColor(0x8f, 0xc0, 0xe8), QColor(0xe3, 0xf0, 0xfb)};
    return {QColor(0xbd, 0xd7, 0xee), QColor(0x6b, 0xae, 0xd6), QColor(0x21, 0x71, 0xb5), QColor(0x08, 0x30, 0x6b)};
}

QColor strong(const QPalette &palette)
{
    return ramp(palette).at(2);
}

QColor accent(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xb3, 0x47) : QColor(0xc0, 0x50, 0x00);
}

QChart *newChart(const QString &title, const QPalette &palette)
{
    auto *chart = new QChart;
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setBackgroundRoundness(2);
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// A colour between two: t = 0 is a, 1 is b.
QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void styleAxis(QAbstractAxis *axis, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    axis->setLabelsColor(text);
    QFont font = axis->labelsFont();
    font.setPointSizeF(std::max(7.0, QFont().pointSizeF() - 1));
    axis->setLabelsFont(font);
    axis->setLinePenColor(blend(base, text, 0.45));
    axis->setGridLineColor(blend(base, text, 0.15));
}

QBarCategoryAxis *categoryAxis(QChart *chart, const QStringList &names, Qt::Alignment side, const QPalette &palette)
{
    auto *axis = new QBarCategoryAxis(chart);
    axis->append(names);
    styleAxis(axis, palette);
    chart->addAxis(axis, side);
    return axis;
}

// A count axis from zero, in whole numbers.
QValueAxis *countAxis(QChart *chart, int largest, Qt::Alignment side, const QPalette &palette)
{
    auto *axis = new QValueAxis(chart);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, std::max(largest + 1, 4)); // room above the tallest bar
    axis->applyNiceNumbers();
    axis->setMinorTickCount(0);
    styleAxis(axis, palette);
    chart->addAxis(axis, side);
    return axis;
}

void attach(QAbstractSeries *series, const QList<QAbstractAxis *> &axes)
{
    for (QAbstractAxis *axis : axes)
        series->attachAxis(axis);
}

QBarSet *barSet(const QString &label, const QColor &fill, const QPalette &palette, Qt::BrushStyle style = Qt::SolidPattern)
{
    auto *set = new QBarSet(label);
    set->setBrush(QBrush(fill, style));
    set->setBorderColor(palette.color(QPalette::Text));
    return set;
}

// Short month names ("Mar"); the months' span goes in the chart's title.
QStringList monthNames(const KpiDashboard &d)
{
    const QLocale locale;
    QStringList names;
    for (const Period &month : d.months)
        names.append(locale.standaloneMonthName(month.first().month(), QLocale::ShortFormat));
    return names;
}

QString monthSpan(const KpiDashboard &d)
{
    if (d.months.isEmpty())
        return {};
    const QLocale locale;
    return QStringLiteral("%1 – %2").arg(locale.toString(d.months.first().first(), QStringLiteral("MMM yyyy")),
        locale.toString(d.months.last().first(), QStringLiteral("MMM yyyy")));
}

QVariantMap incidentsIn(const Period &period)
{
    return {{QStringLiteral("from"), period.first()}, {QStringLiteral("to"), period.last()}};
}

} // namespace

KpiCharts::KpiCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    const QStringList names {QStringLiteral("kpiIncidentChart"), QStringLiteral("kpiCategoryChart"),
        QStringLiteral("kpiRiskChart"), QStringLiteral("kpiComplianceChart"), QStringLiteral("kpiActionChart")};
    for (int i = 0; i < names.size(); ++i) {
        auto *view = new QChartView(this);
        view->setObjectName(names.at(i));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(250);
        view->setCursor(Qt::PointingHandCursor);
        view->setToolTip(tr("Click a bar or a point to see the records it counts."));
        grid->addWidget(view, i / 2, i % 2, 1, i == names.size() - 1 ? 2 : 1);
        m_views.append(view);
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
}

KpiCharts::~KpiCharts() = default;

void KpiCharts::setDashboard(const KpiDashboard &dashboard)
{
    m_data = std::make_unique<KpiDashboard>(dashboard);
    redraw();
}

// A palette change (light to dark) redraws in the new colours.
void KpiCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_data)
        redraw();
}

void KpiCharts::redraw()
{
    place(m_views.at(0), incidentsBySeverity());
    place(m_views.at(1), incidentsByCategory());
    place(m_views.at(2), risksByLevel());
    place(m_views.at(3), compliance());
    place(m_views.at(4), actions());
}

void KpiCharts::place(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart); // the view does not delete the chart it had
    delete old;
}

QChart *KpiCharts::incidentsBySeverity()
{
    const QPalette pal = palette();
    const KpiDashboard &d = *m_data;
    QChart *chart = newChart(tr("Incidents per month by severity, %1").arg(monthSpan(d)), pal);
    auto *series = new QStackedBarSeries(chart);
    const QList<QColor> shades = ramp(pal);
    const qsizetype severities = d.incidentsBySeverity.isEmpty() ? 0 : d.incidentsBySeverity.first().size();
    int largest = 0;
    for (qsizetype s = 0; s < severities; ++s) {
        QBarSet *set = barSet(d.incidentsBySeverity.first().at(s).label, shades.at(std::min<qsizetype>(s, 3)), pal);
        for (const QList<KpiCount> &month : d.incidentsBySeverity)
            *set << month.at(s).count;
        series->append(set);
    }
    for (const QList<KpiCount> &month : d.incidentsBySeverity) {
        int total = 0;
        for (const KpiCount &c : month)
            total += c.count;
        largest = std::max(largest, total);
    }
    chart->addSeries(series);
    attach(series, {categoryAxis(chart, monthNames(d), Qt::AlignBottom, pal), countAxis(chart, largest, Qt::AlignLeft, pal)});
    connect(series, &QStackedBarSeries::clicked, this, [this, series](int index, QBarSet *set) {
        const qsizetype s = series->barSets().indexOf(set);
        if (!m_data || index < 0 || index >= m_data->months.size() || s < 0)
            return;
        QVariantMap target = incidentsIn(m_data->months.at(index));
        target.insert(QStringLiteral("severity"), m_data->incidentsBySeverity.at(index).at(s).key);
        emit drillDown(QStringLiteral("incidents"), target);
    });
    return chart;
}

QChart *KpiCharts::incidentsByCategory()
{
    const QPalette pal = palette();
    const KpiDashboard &d = *m_data;
    // The biggest first, at the top; the rest together as "Other".
    QList<KpiCount> shown = d.incidentsByCategory.mid(0, topCategories);
    if (d.incidentsByCategory.size() > topCategories) {
        KpiCount other {QString(), tr("Other"), 0};
        for (qsizetype i = topCategories; i < d.incidentsByCategory.size(); ++i)
            other.count += d.incidentsByCategory.at(i).count;
        shown.append(other);
    }
    std::reverse(shown.begin(), shown.end()); // a vertical axis runs upwards
    QChart *chart = newChart(shown.isEmpty() ? tr("Incidents by category: none in the period") : tr("Incidents by category in the period"), pal);
    auto *series = new QHorizontalBarSeries(chart);
    QBarSet *set = barSet(tr("Incidents"), strong(pal), pal);
    QStringList names;
    int largest = 0;
    for (const KpiCount &c : std::as_const(shown)) {
        *set << c.count;
        names.append(c.label);
        largest = std::max(largest, c.count);
    }
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    set->setLabelColor(isDark(pal) ? Qt::black : Qt::white);
    chart->addSeries(series);
    chart->legend()->hide();
    attach(series, {countAxis(chart, largest, Qt::AlignBottom, pal), categoryAxis(chart, names, Qt::AlignLeft, pal)});
    connect(series, &QHorizontalBarSeries::clicked, this, [this, shown](int index, QBarSet *) {
        if (!m_data || index < 0 || index >= shown.size())
            return;
        QVariantMap target = incidentsIn(m_data->period);
        if (!shown.at(index).key.isEmpty())
            target.insert(QStringLiteral("category"), shown.at(index).key.toLongLong());
        emit drillDown(QStringLiteral("incidents"), target);
    });
    return chart;
}

QChart *KpiCharts::risksByLevel()
{
    const QPalette pal = palette();
    const KpiDashboard &d = *m_data;
    QChart *chart = newChart(tr("Open risks by level at the period's end"), pal);
    auto *series = new QBarSeries(chart);
    // Inherent hatched, residual solid: apart in black and white too.
    QBarSet *inherent = barSet(tr("Inherent"), strong(pal), pal, Qt::BDiagPattern);
    QBarSet *residual = barSet(tr("Residual"), strong(pal), pal);
    QStringList names;
    int largest = 0;
    for (qsizetype level = 0; level < d.risksResidual.size(); ++level) {
        const int before = level < d.risksInherent.size() ? d.risksInherent.at(level).count : 0;
        *inherent << before;
        *residual << d.risksResidual.at(level).count;
        names.append(d.risksResidual.at(level).label);
        largest = std::max({largest, before, d.risksResidual.at(level).count});
    }
    series->append(inherent);
    series->append(residual);
    chart->addSeries(series);
    attach(series, {categoryAxis(chart, names, Qt::AlignBottom, pal), countAxis(chart, largest, Qt::AlignLeft, pal)});
    connect(series, &QBarSeries::clicked, this, [this, inherent](int index, QBarSet *set) {
        const QString key = set == inherent ? QStringLiteral("inherentLevel") : QStringLiteral("level");
        emit drillDown(QStringLiteral("risks"), QVariantMap {{key, index}});
    });
    return chart;
}

QChart *KpiCharts::compliance()
{
    const QPalette pal = palette();
    const KpiDashboard &d = *m_data;
    QChart *chart = newChart(tr("Training compliance at each month's end, %1").arg(monthSpan(d)), pal);
    auto *line = new QLineSeries(chart);
    line->setName(tr("Compliance %"));
    line->setPen(QPen(strong(pal), 2.5));
    line->setPointsVisible(true);
    line->setPointLabelsVisible(true);
    line->setPointLabelsFormat(QStringLiteral("@yPoint"));
    line->setPointLabelsColor(pal.color(QPalette::Text));
    line->setPointLabelsClipping(false);
    double lowest = 100;
    for (qsizetype i = 0; i < d.compliance.size(); ++i) {
        const double percent = std::round(d.compliance.at(i) * 10) / 10;
        line->append(double(i), percent);
        lowest = std::min(lowest, percent);
    }
    chart->addSeries(line);
    QList<QAbstractSeries *> all {line};
    for (const KpiResult &r : d.results) {
        if (r.kpi.key != QLatin1String(KpiKey::TrainingCompliance) || !r.target)
            continue;
        auto *target = new QLineSeries(chart);
        target->setName(tr("Target %1%").arg(QLocale().toString(*r.target)));
        target->setPen(QPen(accent(pal), 1.5, Qt::DashLine));
        target->append(-0.5, *r.target);
        target->append(double(std::max<qsizetype>(d.compliance.size(), 1)) - 0.5, *r.target);
        chart->addSeries(target);
        all.append(target);
        lowest = std::min(lowest, *r.target);
    }
    QBarCategoryAxis *x = categoryAxis(chart, monthNames(d), Qt::AlignBottom, pal);
    auto *y = new QValueAxis(chart);
    y->setRange(std::max(0.0, std::floor((lowest - 5) / 10) * 10), 100);
    y->setLabelFormat(QStringLiteral("%d%"));
    styleAxis(y, pal);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : all)
        attach(series, {x, y});
    connect(line, &QLineSeries::clicked, this, [this] {
        emit drillDown(QStringLiteral("training"), QVariantMap {{QStringLiteral("show"), QStringLiteral("notCleared")}});
    });
    return chart;
}

QChart *KpiCharts::actions()
{
    const QPalette pal = palette();
    const KpiDashboard &d = *m_data;
    QChart *chart = newChart(tr("Corrective actions per month, %1").arg(monthSpan(d)), pal);
    const QList<QColor> shades = ramp(pal);
    auto *bars = new QBarSeries(chart);
    QBarSet *raised = barSet(tr("Raised"), shades.at(0), pal);
    QBarSet *completed = barSet(tr("Completed"), shades.at(2), pal);
    auto *open = new QLineSeries(chart);
    open->setName(tr("Open at month's end"));
    open->setPen(QPen(accent(pal), 2.5));
    open->setPointsVisible(true);
    int largest = 0;
    for (qsizetype i = 0; i < d.actions.size(); ++i) {
        const ActionMonth &m = d.actions.at(i);
        *raised << m.raised;
        *completed << m.completed;
        open->append(double(i), m.openAtEnd);
        largest = std::max({largest, m.raised, m.completed, m.openAtEnd});
    }
    bars->append(raised);
    bars->append(completed);
    chart->addSeries(bars);
    chart->addSeries(open);
    QBarCategoryAxis *x = categoryAxis(chart, monthNames(d), Qt::AlignBottom, pal);
    QValueAxis *y = countAxis(chart, largest, Qt::AlignLeft, pal);
    attach(bars, {x, y});
    attach(open, {x, y});
    connect(bars, &QBarSeries::clicked, this, [this, completed](int, QBarSet *set) {
        emit drillDown(QStringLiteral("actions"),
            QVariantMap {{QStringLiteral("status"), set == completed ? QStringLiteral("done") : QString()}});
    });
    connect(open, &QLineSeries::clicked, this, [this] {
        emit drillDown(QStringLiteral("actions"), QVariantMap {{QStringLiteral("status"), QStringLiteral("outstanding")}});
    });
    return chart;
}

} // namespace vigil
