// The report's sections, each written into the document with the layout's building blocks.
#include "report/reportlayout.h"

#include "kpi/kpiengine.h"
#include "risks/heatmappainter.h"

#include <QTextTable>

#include <cmath>

namespace vigil {

using report::allZero;
using report::objectIndex;
using report::objectType;
using report::statusWord;
using report::Text;

void ReportDocument::Private::summary()
{
    heading(reportSectionTitle(ReportSection::Summary), 1);
    const Period previous = data.period.previous();
    const int change = data.incidents - data.previousIncidents;
    paragraph(Text::tr("%n incidents occurred in the period", nullptr, data.incidents)
        + (change == 0 ? Text::tr(", as many as in the period before.")
                       : change > 0 ? Text::tr(", %n more than in the period before.", nullptr, change)
                                    : Text::tr(", %n fewer than in the period before.", nullptr, -change)));
    paragraph(Text::tr("Training compliance stood at %1 at the period's end; %n corrective actions were overdue; "
                       "%2 risks are open.", nullptr, data.actionsOverdue)
                  .arg(kpiValueText(data.compliance, QStringLiteral("%")))
                  .arg(data.openRisks));
    int red = 0;
    int green = 0;
    for (const KpiResult &r : std::as_const(data.dashboard.results)) {
        red += r.status == KpiStatus::Red;
        green += r.status == KpiStatus::Green;
    }
    paragraph(Text::tr("Of %1 KPIs, %2 met their target and %3 were red.").arg(data.dashboard.results.size()).arg(green).arg(red));
    ReportTable headline;
    headline.headers = {Text::tr("Headline"), Text::tr("This period"), Text::tr("Period before"), Text::tr("Target"),
        Text::tr("Status")};
    headline.stretch = {6, 3, 3, 3, 3};
    for (const char *key : {KpiKey::IncidentsTotal, KpiKey::IncidentsSerious, KpiKey::ClosedWithinTarget, KpiKey::RisksOpenHigh,
             KpiKey::TrainingCompliance, KpiKey::ActionsOverdue, KpiKey::ActionsClosedOnTime}) {
        for (const KpiResult &r : std::as_const(data.dashboard.results)) {
            if (r.kpi.key == QLatin1String(key))
                headline.rows.append({r.kpi.name, kpiValueText(r.value, r.kpi.unit), kpiValueText(r.previous, r.kpi.unit),
                    kpiValueText(r.target, r.kpi.unit), statusWord(r.status)});
        }
    }
    heading(Text::tr("Headline figures"), 2);
    table(headline, Text::tr("No KPIs are active."));
    paragraph(Text::tr("The period before is %1 to %2.")
                  .arg(QLocale().toString(previous.first(), QLocale::ShortFormat), QLocale().toString(previous.last(), QLocale::ShortFormat)),
        true);
}

void ReportDocument::Private::kpis()
{
    heading(reportSectionTitle(ReportSection::Kpis), 1);
    const QList<KpiResult> &results = data.dashboard.results;
    if (results.isEmpty()) {
        paragraph(Text::tr("No KPIs are active: there is nothing to report."), true);
        return;
    }
    paragraph(Text::tr("Each KPI against its target for the period, with the period before and the last twelve months "
                       "(the dashed line is the target). Status is given in words: it does not rely on colour."));
    QList<QTextLength> widths;
    for (double percent : {35.0, 11.0, 11.0, 10.0, 12.0, 21.0})
        widths.append(QTextLength(QTextLength::PercentageLength, percent));
    QTextTable *t = gridTable({Text::tr("KPI"), Text::tr("Value"), Text::tr("Target"), Text::tr("Status"),
                                  Text::tr("Period before"), Text::tr("Last 12 months")},
        int(results.size()), widths);
    const QTextCharFormat body = cellFormat(false);
    const QStringList months = [this] {
        QStringList names;
        for (const Period &m : std::as_const(data.dashboard.months))
            names.append(m.key());
        return names;
    }();
    for (int r = 0; r < results.size(); ++r) {
        const KpiResult &k = results.at(r);
        const QStringList texts {k.kpi.name, kpiValueText(k.value, k.kpi.unit), kpiValueText(k.target, k.kpi.unit),
            statusWord(k.status), kpiValueText(k.previous, k.kpi.unit)};
        for (int c = 0; c < texts.size(); ++c)
            t->cellAt(r + 1, c).firstCursorPosition().insertText(texts.at(c), body);
        ReportChart spark;
        spark.kind = ReportChart::Kind::Sparkline;
        spark.categories = months;
        spark.series = {{k.kpi.name, data.kpiTrend.value(r)}};
        spark.target = KpiEngine::scaledToPeriod(k.kpi, data.dashboard.months.value(0)).target;
        QTextCharFormat chars;
        chars.setObjectType(objectType);
        const QFont small = sized(7);
        chars.setProperty(objectIndex, objects->add(QSizeF(width * 0.19, pt(16)), [spark, small](QPainter &p, const QRectF &rect) {
            paintReportChart(p, rect, spark, small);
        }));
        t->cellAt(r + 1, 5).firstCursorPosition().insertText(QString(QChar::ObjectReplacementCharacter), chars);
    }
    cursor.movePosition(QTextCursor::End);
    spacer();
}

void ReportDocument::Private::risks()
{
    heading(reportSectionTitle(ReportSection::Risks), 1);
    paragraph(Text::tr("%n risks are open in the register. The heat maps count them by likelihood and impact before "
                       "controls (inherent) and with them (residual); each cell's letter names its level.",
        nullptr, data.openRisks));
    if (data.openRisks > 0) {
        const RiskCriteria criteria = data.criteria;
        const HeatMapCounts inherent = data.inherentMap;
        const HeatMapCounts residual = data.residualMap;
        // The heat map measures its labels without the device: a font sized in the device's pixels
        // measures the same on screen and on paper.
        QFont small = font;
        small.setPixelSize(int(pt(7.5)));
        object(0.5, [criteria, inherent, residual, small](QPainter &p, const QRectF &rect) {
            const double gap = rect.width() * 0.04;
            const QRectF left(rect.left(), rect.top(), (rect.width() - gap) / 2, rect.height());
            const QRectF right(left.right() + gap, rect.top(), left.width(), rect.height());
            HeatMapPainter before(criteria, inherent);
            before.setTitle(Text::tr("Inherent"));
            before.setFont(small);
            before.paint(p, left);
            HeatMapPainter after(criteria, residual);
            after.setTitle(Text::tr("Residual"));
            after.setFont(small);
            after.paint(p, right);
        });
    }
    heading(Text::tr("Top ten residual risks"), 2);
    table(data.topRisks, Text::tr("No risks are open."));
    heading(Text::tr("New risks"), 2);
    table(data.newRisks, Text::tr("No risks were added in the period."));
    heading(Text::tr("Closed and retired risks"), 2);
    table(data.closedRisks, Text::tr("No risks were closed or retired in the period."));
    heading(Text::tr("Changed ratings"), 2);
    table(data.changedRisks, Text::tr("No risk was re-rated in the period."));
    heading(Text::tr("Overdue reviews"), 2);
    table(data.overdueReviews, Text::tr("No open risk is past its review date."));
}

void ReportDocument::Private::incidents()
{
    heading(reportSectionTitle(ReportSection::Incidents), 1);
    const KpiDashboard &kpis = data.dashboard;
    bool anyInTrend = false;
    for (const QList<KpiCount> &month : kpis.incidentsBySeverity)
        anyInTrend |= !allZero(month);
    if (data.incidents == 0)
        paragraph(Text::tr("No incidents occurred in the period: there is nothing to report."), true);
    else
        paragraph(Text::tr("%n incidents occurred in the period (%1 in the period before).", nullptr, data.incidents)
                      .arg(data.previousIncidents));
    if (anyInTrend) {
        heading(Text::tr("By month and severity, last twelve months"), 2);
        ReportChart trend;
        trend.kind = ReportChart::Kind::StackedBars;
        for (const Period &m : kpis.months)
            trend.categories.append(QLocale().toString(m.first(), QStringLiteral("MMM yy")));
        for (qsizetype s = 0; s < kpis.incidentsBySeverity.value(0).size(); ++s) {
            ReportChart::Series series {kpis.incidentsBySeverity.first().at(s).label, {}};
            for (const QList<KpiCount> &month : kpis.incidentsBySeverity)
                series.values.append(month.at(s).count);
            trend.series.append(series);
        }
        chart(trend);
    }
    if (!kpis.incidentsByCategory.isEmpty()) {
        heading(Text::tr("By category"), 2);
        ReportChart categories;
        categories.kind = ReportChart::Kind::HorizontalBars;
        ReportChart::Series series {Text::tr("Incidents"), {}};
        for (const KpiCount &c : kpis.incidentsByCategory.mid(0, 12)) {
            categories.categories.append(c.label);
            series.values.append(c.count);
        }
        categories.series = {series};
        chart(categories, 0.05 + 0.035 * double(categories.categories.size()));
    }
    heading(Text::tr("Notable incidents"), 2);
    if (data.notable.isEmpty())
        paragraph(Text::tr("No high or critical incident occurred in the period."), true);
    else if (data.seriousIncidents > data.notable.size())
        paragraph(Text::tr("The first %1 of the %2 high and critical incidents, critical first:").arg(data.notable.size()).arg(data.seriousIncidents), true);
    for (const NotableIncident &n : std::as_const(data.notable)) {
        QTextBlockFormat block;
        block.setTopMargin(len(4));
        QTextCharFormat bold;
        bold.setFont(sized(font.pointSizeF(), true));
        cursor.insertBlock(block, bold);
        cursor.insertText(Text::tr("%1 · %2 · %3 · %4").arg(n.reference, n.when, n.severity, n.status), bold);
        if (!n.title.isEmpty())
            paragraph(n.title);
        paragraph(n.description.left(600) + (n.description.size() > 600 ? QStringLiteral("…") : QString()), true);
    }
    heading(Text::tr("Lessons learned"), 2);
    if (data.lessons.isEmpty())
        paragraph(Text::tr("No incident was closed with lessons learned in the period."), true);
    else if (data.lessonsTotal > data.lessons.size())
        paragraph(Text::tr("The first %1 of the %2 incidents closed in the period:").arg(data.lessons.size()).arg(data.lessonsTotal), true);
    for (const LessonLearned &l : std::as_const(data.lessons))
        bullet(Text::tr("%1 %2: %3").arg(l.reference, l.title, l.lesson));
}

void ReportDocument::Private::training()
{
    heading(reportSectionTitle(ReportSection::Training), 1);
    paragraph(Text::tr("Compliance at the period's end: %1 of the training that people's posts need was held and in date.")
                  .arg(kpiValueText(data.compliance, QStringLiteral("%"))));
    if (!data.dashboard.compliance.isEmpty()) {
        ReportChart trend;
        trend.kind = ReportChart::Kind::Line;
        trend.unit = QStringLiteral("%");
        ReportChart::Series series {Text::tr("Compliance at month's end"), {}};
        for (qsizetype i = 0; i < data.dashboard.months.size(); ++i) {
            trend.categories.append(QLocale().toString(data.dashboard.months.at(i).first(), QStringLiteral("MMM yy")));
            series.values.append(std::round(data.dashboard.compliance.value(i) * 10) / 10);
        }
        trend.series = {series};
        for (const KpiResult &r : std::as_const(data.dashboard.results)) {
            if (r.kpi.key == QLatin1String(KpiKey::TrainingCompliance))
                trend.target = r.target;
        }
        chart(trend, 0.36);
    }
    heading(Text::tr("By post"), 2);
    table(data.complianceByPost, Text::tr("Nobody was on the site's records at the period's end."));
    heading(Text::tr("Expiring within 30 days"), 2);
    table(data.expiring, Text::tr("No certification a post needs runs out within 30 days of the period's end."));
    heading(Text::tr("Not cleared for their post"), 2);
    table(data.notCleared, Text::tr("Everyone held what their post needs."));
}

void ReportDocument::Private::actions()
{
    heading(reportSectionTitle(ReportSection::Actions), 1);
    paragraph(Text::tr("At the period's end %1 actions were open, %2 of them overdue. %3 were completed in the period; "
                       "%4 were verified effective and %5 found not effective.")
                  .arg(data.actionsOpen)
                  .arg(data.actionsOverdue)
                  .arg(data.actionsCompleted)
                  .arg(data.verifiedEffective)
                  .arg(data.notEffective));
    const KpiDashboard &kpis = data.dashboard;
    const bool any = std::any_of(kpis.actions.begin(), kpis.actions.end(),
        [](const ActionMonth &m) { return m.raised || m.completed; });
    if (any) {
        ReportChart chartData;
        chartData.kind = ReportChart::Kind::GroupedBars;
        ReportChart::Series raised {Text::tr("Raised"), {}};
        ReportChart::Series completed {Text::tr("Completed"), {}};
        for (qsizetype i = 0; i < kpis.months.size(); ++i) {
            chartData.categories.append(QLocale().toString(kpis.months.at(i).first(), QStringLiteral("MMM yy")));
            raised.values.append(kpis.actions.value(i).raised);
            completed.values.append(kpis.actions.value(i).completed);
        }
        chartData.series = {raised, completed};
        chart(chartData, 0.34);
    }
    heading(Text::tr("Overdue"), 2);
    table(data.overdueActions, Text::tr("No action was overdue at the period's end."));
    heading(Text::tr("Completed in the period"), 2);
    table(data.completedActions, Text::tr("No action was completed in the period."));
}

void ReportDocument::Private::openPoints()
{
    heading(reportSectionTitle(ReportSection::OpenPoints), 1);
    if (data.openPoints.isEmpty())
        paragraph(Text::tr("Nothing is left open: every KPI is on target and nothing is overdue."), true);
    for (const QString &point : std::as_const(data.openPoints))
        bullet(point);
}

} // namespace vigil
