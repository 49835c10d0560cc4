#include "report.h"

#include "base/clock.h"
#include "base/enumnames.h"
#include "base/error.h"
#include "base/version.h"
#include "kpi/kpiengine.h"
#include "report/reportcharts.h"
#include "report/reportdata.h"
#include "risks/heatmappainter.h"
#include "storage/database.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextObjectInterface>
#include <QTextTable>
#include <QUrl>

#include <functional>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Report)
};

constexpr EnumName<ReportSection> sectionNames[] = {
    {ReportSection::Summary, "summary", QT_TRANSLATE_NOOP("vigil::Report", "Executive summary")},
    {ReportSection::Kpis, "kpis", QT_TRANSLATE_NOOP("vigil::Report", "KPI results")},
    {ReportSection::Risks, "risks", QT_TRANSLATE_NOOP("vigil::Report", "Risks")},
    {ReportSection::Incidents, "incidents", QT_TRANSLATE_NOOP("vigil::Report", "Incidents")},
    {ReportSection::Training, "training", QT_TRANSLATE_NOOP("vigil::Report", "Training compliance")},
    {ReportSection::Actions, "actions", QT_TRANSLATE_NOOP("vigil::Report", "Corrective actions")},
    {ReportSection::OpenPoints, "openpoints", QT_TRANSLATE_NOOP("vigil::Report", "Open points for the next review")},
};

constexpr int objectType = QTextFormat::UserObject + 1;
constexpr int objectIndex = QTextFormat::UserProperty + 1;

// Draws the report's charts where the text layout puts them: each object is a painting function
// and a size, looked up by the index its character carries.
class ObjectHandler : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    using Paint = std::function<void(QPainter &, const QRectF &)>;

    int add(const QSizeF &size, Paint paint)
    {
        m_objects.append({size, std::move(paint)});
        return int(m_objects.size() - 1);
    }
    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        return m_objects.value(format.property(objectIndex).toInt()).size;
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const int index = format.property(objectIndex).toInt();
        if (index >= 0 && index < m_objects.size() && m_objects.at(index).paint)
            m_objects.at(index).paint(*painter, rect);
    }

private:
    struct Object
    {
        QSizeF size;
        Paint paint;
    };
    QList<Object> m_objects;
};

QString statusWord(KpiStatus status)
{
    return status == KpiStatus::Unknown ? Text::tr("No value") : kpiStatusTitle(status);
}

QString periodText(const Period &p)
{
    const QLocale locale;
    switch (p.kind()) {
    case Period::Kind::Month:
        return locale.toString(p.first(), QStringLiteral("MMMM yyyy"));
    case Period::Kind::Quarter:
        return Text::tr("Q%1 %2").arg((p.first().month() - 1) / 3 + 1).arg(p.first().year());
    case Period::Kind::Year:
        return QString::number(p.first().year());
    case Period::Kind::Custom:
        break;
    }
    return Text::tr("%1 to %2").arg(locale.toString(p.first(), QLocale::LongFormat), locale.toString(p.last(), QLocale::LongFormat));
}

bool allZero(const QList<KpiCount> &counts)
{
    return std::all_of(counts.begin(), counts.end(), [](const KpiCount &c) { return c.count == 0; });
}

} // namespace

QString reportSectionKey(ReportSection section)
{
    return enumKey(sectionNames, section);
}

bool reportSectionFromKey(const QString &key, ReportSection *section)
{
    return enumFromKey(sectionNames, key, section);
}

QString reportSectionTitle(ReportSection section)
{
    return Text::tr(enumName(sectionNames, section).title);
}

struct ReportDocument::Private
{
    ReportOptions options;
    ReportData data;
    int pages = 0;

    // Built per print(): the device decides the resolution and the page.
    double dpi = 72;
    QTextDocument *doc = nullptr;
    ObjectHandler *objects = nullptr;
    QTextCursor cursor;
    double width = 0; // of the text area, device pixels
    QFont font;
    QList<std::pair<QString, QTextBlock>> contents; // section headings, for the table of contents
    QTextTable *contentsTable = nullptr;
    QPaintDevice *device = nullptr;

    // Points in the device's pixels (drawing, object sizes) ...
    double pt(double points) const { return points * dpi / 72.0; }
    QString siteName() const { return data.site.name.isEmpty() ? Text::tr("Unnamed site") : data.site.name; }
    // ... and in the text layout's units for its margins, padding and fixed widths, which it
    // scales to the device itself (from 96 per inch).
    static double len(double points) { return points * 96.0 / 72.0; }
    QFont sized(double points, bool bold = false) const
    {
        QFont f = font;
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    void build();
    void cover();
    void heading(const QString &text, int level);
    void paragraph(const QString &text, bool quiet = false);
    void bullet(const QString &text);
    void spacer();
    QTextCharFormat cellFormat(bool bold) const;
    QTextTable *gridTable(const QStringList &headers, int bodyRows, const QList<QTextLength> &widths);
    void table(const ReportTable &table, const QString &emptyText);
    void object(double heightRatio, ObjectHandler::Paint paint);
    void chart(const ReportChart &chart, double heightRatio = 0.42);

    void summary();
    void kpis();
    void risks();
    void incidents();
    void training();
    void actions();
    void openPoints();
    void paint(QPagedPaintDevice *device, const QRectF &body, double band);
};

void ReportDocument::Private::heading(const QString &text, int level)
{
    QTextBlockFormat block;
    block.setTopMargin(len(level == 1 ? 0 : 12));
    block.setBottomMargin(len(level == 1 ? 10 : 4));
    if (level == 1)
        block.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    block.setHeadingLevel(level);
    QTextCharFormat chars;
    chars.setFont(sized(level == 1 ? 17 : 12, true));
    chars.setForeground(QColor(0x10, 0x2a, 0x43));
    cursor.insertBlock(block, chars);
    cursor.insertText(text, chars);
    if (level == 1)
        contents.append({text, cursor.block()});
}

void ReportDocument::Private::paragraph(const QString &text, bool quiet)
{
    QTextBlockFormat block;
    block.setBottomMargin(len(5));
    QTextCharFormat chars;
    chars.setFont(font);
    if (quiet) {
        chars.setFontItalic(true);
        chars.setForeground(QColor(0x40, 0x40, 0x40));
    }
    cursor.insertBlock(block, chars);
    cursor.insertText(text, chars);
}

void ReportDocument::Private::bullet(const QString &text)
{
    QTextBlockFormat block;
    block.setBottomMargin(len(3));
    block.setLeftMargin(len(14));
    block.setTextIndent(-len(10));
    QTextCharFormat chars;
    chars.setFont(font);
    cursor.insertBlock(block, chars);
    cursor.insertText(QStringLiteral("•  ") + text, chars);
}

// A table that breaks across pages repeats its header row; long text wraps in its cell.
void ReportDocument::Private::table(const ReportTable &t, const QString &emptyText)
{
    if (t.rows.isEmpty()) {
        paragraph(emptyText, true);
        return;
    }
    if (t.total > t.rows.size())
        paragraph(Text::tr("The first %1 of %2; the register in Vigil lists them all.").arg(t.rows.size()).arg(t.total), true);
    // Short columns (references, dates, levels) as wide as their widest text; the rest of the
    // width to the long ones (titles, descriptions) by their stretch.
    const QFontMetricsF bodyMetrics(sized(font.pointSizeF() - 0.5, true), device);
    const double padding = pt(2.5) * 2 + pt(4); // both sides, borders and a little slack
    QList<double> natural;
    for (qsizetype c = 0; c < t.headers.size(); ++c) {
        double widest = 0;
        for (const QString &word : t.headers.at(c).split(u' '))
            widest = std::max(widest, bodyMetrics.horizontalAdvance(word));
        for (const QStringList &row : t.rows)
            widest = std::max(widest, bodyMetrics.horizontalAdvance(row.value(c)));
        natural.append(widest + padding);
    }
    QList<QTextLength> widths;
    double fixed = 0;
    int total = 0;
    for (qsizetype c = 0; c < t.headers.size(); ++c) {
        if (natural.at(c) <= width * 0.16)
            fixed += natural.at(c);
        else
            total += t.stretch.value(c, 1);
    }
    for (qsizetype c = 0; c < t.headers.size(); ++c) {
        if (natural.at(c) <= width * 0.16 || total == 0)
            widths.append(QTextLength(QTextLength::PercentageLength, 100.0 * natural.at(c) / width));
        else
            widths.append(QTextLength(QTextLength::PercentageLength, 100.0 * (width - fixed) * t.stretch.value(c, 1) / total / width));
    }
    QTextTable *table = gridTable(t.headers, int(t.rows.size()), widths);
    const QTextCharFormat body = cellFormat(false);
    for (int r = 0; r < t.rows.size(); ++r) {
        for (int c = 0; c < t.headers.size(); ++c)
            table->cellAt(r + 1, c).firstCursorPosition().insertText(t.rows.at(r).value(c), body);
    }
    cursor.movePosition(QTextCursor::End);
    spacer();
}

QTextCharFormat ReportDocument::Private::cellFormat(bool bold) const
{
    QTextCharFormat chars;
    chars.setFont(sized(font.pointSizeF() - 0.5, bold));
    return chars;
}

// A ruled table with a shaded header row that is repeated on every page it runs onto.
QTextTable *ReportDocument::Private::gridTable(const QStringList &headers, int bodyRows, const QList<QTextLength> &widths)
{
    QTextTableFormat format;
    format.setHeaderRowCount(1);
    format.setCellPadding(len(2.5));
    format.setCellSpacing(0);
    format.setBorder(len(0.75));
    format.setBorderBrush(QColor(0x80, 0x80, 0x80));
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setTopMargin(len(2));
    format.setColumnWidthConstraints(widths);
    QTextTable *table = cursor.insertTable(bodyRows + 1, int(headers.size()), format);
    const QTextCharFormat head = cellFormat(true);
    for (int c = 0; c < headers.size(); ++c) {
        QTextTableCell cell = table->cellAt(0, c);
        QTextCharFormat shaded = cell.format();
        shaded.setBackground(QColor(0xe4, 0xe8, 0xee));
        cell.setFormat(shaded);
        cell.firstCursorPosition().insertText(headers.at(c), head);
    }
    return table;
}

// Room after a table (a table's own bottom margin can leave a lone header row on the next page).
void ReportDocument::Private::spacer()
{
    QTextBlockFormat block;
    block.setLineHeight(len(6), QTextBlockFormat::FixedHeight);
    cursor.insertBlock(block);
}

void ReportDocument::Private::object(double heightRatio, ObjectHandler::Paint paint)
{
    QTextBlockFormat block;
    block.setBottomMargin(len(8));
    block.setAlignment(Qt::AlignHCenter);
    cursor.insertBlock(block);
    QTextCharFormat chars;
    chars.setObjectType(objectType);
    chars.setProperty(objectIndex, objects->add(QSizeF(width * 0.98, width * heightRatio), std::move(paint)));
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), chars);
}

void ReportDocument::Private::chart(const ReportChart &c, double heightRatio)
{
    const QFont small = sized(7.5);
    object(heightRatio, [c, small](QPainter &p, const QRectF &rect) { paintReportChart(p, rect, c, small); });
}

void ReportDocument::Private::cover()
{
    const QLocale locale;
    QTextBlockFormat block;
    block.setAlignment(Qt::AlignLeft);
    block.setTopMargin(len(60));
    cursor.setBlockFormat(block);
    if (!data.site.logoPng.isEmpty()) {
        QImage logo;
        if (logo.loadFromData(data.site.logoPng)) {
            doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("vigil://logo")), logo);
            QTextImageFormat image;
            image.setName(QStringLiteral("vigil://logo"));
            // 80 points high, or narrower when a wide banner would not fit across the page.
            double height = len(80);
            const double maxWidth = width * 96.0 / dpi;
            if (height * logo.width() / std::max(1, logo.height()) > maxWidth)
                height = maxWidth * logo.height() / std::max(1, logo.width());
            image.setHeight(height);
            image.setWidth(height * logo.width() / std::max(1, logo.height()));
            cursor.insertImage(image);
        }
    }
    QTextCharFormat big;
    big.setFont(sized(26, true));
    big.setForeground(QColor(0x10, 0x2a, 0x43));
    QTextBlockFormat spaced;
    spaced.setTopMargin(len(30));
    cursor.insertBlock(spaced, big);
    cursor.insertText(siteName(), big);
    QTextCharFormat title;
    title.setFont(sized(18));
    QTextBlockFormat next;
    next.setTopMargin(len(8));
    cursor.insertBlock(next, title);
    cursor.insertText(Text::tr("Management review report"), title);
    cursor.insertBlock(next, title);
    cursor.insertText(periodText(data.period), title);
    QTextCharFormat facts;
    facts.setFont(sized(11));
    QTextBlockFormat far;
    far.setTopMargin(len(40));
    cursor.insertBlock(far, facts);
    const QDate prepared = options.preparedOn.isValid() ? options.preparedOn : Clock::current().today();
    cursor.insertText(Text::tr("Period: %1 to %2")
                          .arg(locale.toString(data.period.first(), QLocale::LongFormat),
                              locale.toString(data.period.last(), QLocale::LongFormat)),
        facts);
    cursor.insertBlock(next, facts);
    cursor.insertText(options.preparedBy.isEmpty() ? Text::tr("Prepared on %1").arg(locale.toString(prepared, QLocale::LongFormat))
                                                   : Text::tr("Prepared by %1 on %2").arg(options.preparedBy, locale.toString(prepared, QLocale::LongFormat)),
        facts);
    if (!data.site.address.isEmpty()) {
        cursor.insertBlock(next, facts);
        cursor.insertText(QString(data.site.address).replace(u'\n', QStringLiteral(", ")), facts);
    }
}

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
    const KpiDashboard &d = data.dashboard;
    bool anyInTrend = false;
    for (const QList<KpiCount> &month : d.incidentsBySeverity)
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
        for (const Period &m : d.months)
            trend.categories.append(QLocale().toString(m.first(), QStringLiteral("MMM yy")));
        for (qsizetype s = 0; s < d.incidentsBySeverity.value(0).size(); ++s) {
            ReportChart::Series series {d.incidentsBySeverity.first().at(s).label, {}};
            for (const QList<KpiCount> &month : d.incidentsBySeverity)
                series.values.append(month.at(s).count);
            trend.series.append(series);
        }
        chart(trend);
    }
    if (!d.incidentsByCategory.isEmpty()) {
        heading(Text::tr("By category"), 2);
        ReportChart categories;
        categories.kind = ReportChart::Kind::HorizontalBars;
        ReportChart::Series series {Text::tr("Incidents"), {}};
        for (const KpiCount &c : d.incidentsByCategory.mid(0, 12)) {
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
    const KpiDashboard &d = data.dashboard;
    const bool any = std::any_of(d.actions.begin(), d.actions.end(),
        [](const ActionMonth &m) { return m.raised || m.completed; });
    if (any) {
        ReportChart chartData;
        chartData.kind = ReportChart::Kind::GroupedBars;
        ReportChart::Series raised {Text::tr("Raised"), {}};
        ReportChart::Series completed {Text::tr("Completed"), {}};
        for (qsizetype i = 0; i < d.months.size(); ++i) {
            chartData.categories.append(QLocale().toString(d.months.at(i).first(), QStringLiteral("MMM yy")));
            raised.values.append(d.actions.value(i).raised);
            completed.values.append(d.actions.value(i).completed);
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

void ReportDocument::Private::build()
{
    contents.clear();
    cover();
    // Contents: filled with page numbers once the layout knows them.
    QTextBlockFormat contentsBlock;
    contentsBlock.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    contentsBlock.setBottomMargin(len(10));
    QTextCharFormat contentsTitle;
    contentsTitle.setFont(sized(17, true));
    contentsTitle.setForeground(QColor(0x10, 0x2a, 0x43));
    cursor.insertBlock(contentsBlock, contentsTitle);
    cursor.insertText(Text::tr("Contents"), contentsTitle);
    int listed = 0;
    for (ReportSection section : allReportSections)
        listed += options.sections.contains(section) ? 1 : 0;
    QTextTableFormat toc;
    toc.setBorder(0);
    toc.setCellPadding(len(3));
    toc.setCellSpacing(0);
    toc.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    toc.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 88), QTextLength(QTextLength::PercentageLength, 12)});
    contentsTable = cursor.insertTable(listed, 2, toc);
    QTextCharFormat entry;
    entry.setFont(sized(11));
    int row = 0;
    for (ReportSection section : allReportSections) {
        if (!options.sections.contains(section))
            continue;
        contentsTable->cellAt(row, 0).firstCursorPosition().insertText(reportSectionTitle(section), entry);
        QTextCursor number = contentsTable->cellAt(row, 1).firstCursorPosition();
        QTextBlockFormat right;
        right.setAlignment(Qt::AlignRight);
        number.setBlockFormat(right);
        number.insertText(QStringLiteral("–"), entry);
        ++row;
    }
    cursor.movePosition(QTextCursor::End);
    for (ReportSection section : allReportSections) {
        if (!options.sections.contains(section))
            continue;
        switch (section) {
        case ReportSection::Summary:
            summary();
            break;
        case ReportSection::Kpis:
            kpis();
            break;
        case ReportSection::Risks:
            risks();
            break;
        case ReportSection::Incidents:
            incidents();
            break;
        case ReportSection::Training:
            training();
            break;
        case ReportSection::Actions:
            actions();
            break;
        case ReportSection::OpenPoints:
            openPoints();
            break;
        }
    }
}

void ReportDocument::Private::paint(QPagedPaintDevice *device, const QRectF &body, double band)
{
    const QLocale locale;
    const double pageHeight = doc->pageSize().height();
    QPainter painter(device);
    if (!painter.isActive())
        throw Error(Text::tr("The report could not be drawn on the output device."));
    const QFont small = sized(8);
    const QString header = Text::tr("%1 · Management review · %2").arg(siteName(), periodText(data.period));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device->newPage();
        painter.save();
        painter.translate(body.left(), body.top() - page * pageHeight);
        QAbstractTextDocumentLayout::PaintContext context;
        // A pixel inside the page: a line laid out exactly on the boundary belongs to the next.
        context.clip = QRectF(0, page * pageHeight, body.width(), pageHeight - 1);
        painter.setClipRect(context.clip);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();
        if (page == 0)
            continue; // the cover has no running header
        painter.setFont(small);
        painter.setPen(QColor(0x30, 0x30, 0x30));
        const QRectF top(body.left(), body.top() - band, body.width(), band * 0.7);
        painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, header);
        painter.setPen(QPen(QColor(0x80, 0x80, 0x80), pt(0.5)));
        painter.drawLine(QPointF(body.left(), top.bottom()), QPointF(body.right(), top.bottom()));
        painter.setPen(QColor(0x30, 0x30, 0x30));
        const QRectF bottom(body.left(), body.bottom() + band * 0.3, body.width(), band * 0.7);
        painter.drawText(bottom, Qt::AlignRight | Qt::AlignVCenter, Text::tr("Page %1 of %2").arg(page + 1).arg(pages));
        painter.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, Text::tr("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)));
    }
    painter.end();
}

ReportDocument::ReportDocument(Database &db, const ReportOptions &options)
    : d(std::make_unique<Private>())
{
    d->options = options;
    d->data = readReportData(db, options.period);
}

ReportDocument::~ReportDocument() = default;

void ReportDocument::print(QPagedPaintDevice *device)
{
    Private &p = *d;
    p.dpi = device->logicalDpiY();
    p.device = device;
    // The painter's origin is already the corner of the printable area, inside the margins.
    const QRectF page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const double band = p.pt(22);
    const QRectF body(0, band, page.width(), page.height() - 2 * band);
    QTextDocument doc;
    ObjectHandler objects;
    p.doc = &doc;
    p.objects = &objects;
    doc.documentLayout()->setPaintDevice(device);
    doc.documentLayout()->registerHandler(objectType, &objects);
    doc.setDocumentMargin(0);
    doc.setPageSize(body.size());
    p.font = QFont(QStringLiteral("DejaVu Sans"));
    p.font.setPointSizeF(9.5);
    doc.setDefaultFont(p.font);
    p.width = body.width();
    p.cursor = QTextCursor(&doc);
    // One layout at the end, not one per insertion (quadratic on a year of a busy site).
    p.cursor.beginEditBlock();
    p.build();
    p.cursor.endEditBlock();

    // Page numbers in the contents, now that the layout has placed every section.
    const double pageHeight = doc.pageSize().height();
    for (int row = 0; row < p.contents.size() && p.contentsTable && row < p.contentsTable->rows(); ++row) {
        // Where the heading's text is, after the page break before it.
        const QTextLayout *layout = p.contents.at(row).second.layout();
        const double y = layout->position().y() + (layout->lineCount() > 0 ? layout->lineAt(0).y() : 0);
        const int number = int((y + 1) / pageHeight) + 1;
        QTextCursor edit = p.contentsTable->cellAt(row, 1).firstCursorPosition();
        edit.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        edit.insertText(QString::number(number), edit.charFormat());
    }
    p.pages = doc.pageCount();
    p.paint(device, body, band);
    p.doc = nullptr;
    p.objects = nullptr;
}

int ReportDocument::pageCount() const
{
    return d->pages;
}

QString ReportDocument::title() const
{
    return Text::tr("%1: management review report, %2").arg(d->siteName(), periodText(d->data.period));
}

QString ReportDocument::subject() const
{
    QStringList names;
    for (ReportSection section : allReportSections) {
        if (d->options.sections.contains(section))
            names.append(reportSectionTitle(section));
    }
    return Text::tr("Security management review for %1: %2").arg(periodText(d->data.period), names.join(QStringLiteral(", ")));
}

QString ReportDocument::author() const
{
    return d->options.preparedBy.isEmpty() ? d->siteName() : d->options.preparedBy;
}

bool ReportDocument::letterPaper() const
{
    return d->data.site.paperSize == PaperSize::Letter;
}

namespace {

QByteArray escapeXml(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// Title, author and subject in the XMP packet (Qt 6.4's document information has only title
// and creator), with the PDF/A identification when archival.
QByteArray xmp(const ReportDocument &report, bool archival)
{
    QByteArray x = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                   "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
                   "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>\n"
                   "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>"
        + escapeXml(report.title())
        + "</rdf:li></rdf:Alt></dc:title>\n<dc:creator><rdf:Seq><rdf:li>" + escapeXml(report.author())
        + "</rdf:li></rdf:Seq></dc:creator>\n<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>"
        + escapeXml(report.subject()) + "</rdf:li></rdf:Alt></dc:description>\n</rdf:Description>\n"
        + "<rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/'>\n<xmp:CreatorTool>Vigil " VIGIL_VERSION
          "</xmp:CreatorTool>\n</rdf:Description>\n"
        // The producer Qt writes in the document information, mirrored as PDF/A asks.
        + "<rdf:Description rdf:about='' xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>\n<pdf:Producer>Qt "
        + QByteArray(qVersion()) + "</pdf:Producer>\n</rdf:Description>\n";
    if (archival)
        x += "<rdf:Description rdf:about='' xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'>\n"
             "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n";
    x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>";
    return x;
}

} // namespace

void writeReportPdf(Database &db, const ReportOptions &options, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    ReportDocument report(db, options);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(Text::tr("The report could not be written to '%1': %2.").arg(shown, file.errorString()));
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPdfVersion(options.archival ? QPagedPaintDevice::PdfVersion_A1b : QPagedPaintDevice::PdfVersion_1_6);
        writer.setTitle(report.title());
        writer.setCreator(QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)));
        writer.setDocumentXmpMetadata(xmp(report, options.archival));
        writer.setPageLayout(QPageLayout(QPageSize(report.letterPaper() ? QPageSize::Letter : QPageSize::A4),
            QPageLayout::Portrait, QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter));
        report.print(&writer);
    }
    if (!file.commit())
        throw Error(Text::tr("The report could not be written to '%1': %2.").arg(shown, file.errorString()));
}

} // namespace vigil

#include "reportdocument.moc"
