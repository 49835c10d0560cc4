#include "report/reportlayout.h"

#include "base/clock.h"
#include "base/enumnames.h"
#include "base/error.h"
#include "base/version.h"
#include "storage/database.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>
#include <QUrl>

namespace vigil {

using report::objectIndex;
using report::objectType;
using report::ObjectHandler;
using report::periodText;
using report::Text;

namespace {

constexpr EnumName<ReportSection> sectionNames[] = {
    {ReportSection::Summary, "summary", QT_TRANSLATE_NOOP("vigil::Report", "Executive summary")},
    {ReportSection::Kpis, "kpis", QT_TRANSLATE_NOOP("vigil::Report", "KPI results")},
    {ReportSection::Risks, "risks", QT_TRANSLATE_NOOP("vigil::Report", "Risks")},
    {ReportSection::Incidents, "incidents", QT_TRANSLATE_NOOP("vigil::Report", "Incidents")},
    {ReportSection::Training, "training", QT_TRANSLATE_NOOP("vigil::Report", "Training compliance")},
    {ReportSection::Actions, "actions", QT_TRANSLATE_NOOP("vigil::Report", "Corrective actions")},
    {ReportSection::OpenPoints, "openpoints", QT_TRANSLATE_NOOP("vigil::Report", "Open points for the next review")},
};

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

void ReportDocument::Private::paint(QPagedPaintDevice *target, const QRectF &body, double band)
{
    const QLocale locale;
    const double pageHeight = doc->pageSize().height();
    QPainter painter(target);
    if (!painter.isActive())
        throw Error(Text::tr("The report could not be drawn on the output device."));
    const QFont small = sized(8);
    const QString header = Text::tr("%1 · Management review · %2").arg(siteName(), periodText(data.period));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            target->newPage();
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

void writeReportPdf(Database &db, const ReportOptions &options, const QString &path, const OutputOptions &output)
{
    OutputOptions where = output;
    where.databasePath = db.path();
    checkOutputPath(path, where); // before the pages are laid out: a refusal comes at once
    ReportDocument report(db, options);
    writeOutputFile(path, where, [&](QSaveFile &file, const QString &) {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPdfVersion(options.archival ? QPagedPaintDevice::PdfVersion_A1b : QPagedPaintDevice::PdfVersion_1_6);
        writer.setTitle(report.title());
        writer.setCreator(QStringLiteral("Vigil %1").arg(QStringLiteral(VIGIL_VERSION)));
        writer.setDocumentXmpMetadata(xmp(report, options.archival));
        writer.setPageLayout(QPageLayout(QPageSize(report.letterPaper() ? QPageSize::Letter : QPageSize::A4),
            QPageLayout::Portrait, QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter));
        report.print(&writer);
    });
}

} // namespace vigil

