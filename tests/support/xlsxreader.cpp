#include "xlsxreader.h"

#include "testsupport.h"

#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

#include <cmath>

namespace vigil::test {
namespace {

QByteArray unzipPart(const QString &path, const QString &part, bool required = true)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, part});
    REQUIRE(unzip.waitForStarted(10000));
    REQUIRE(unzip.waitForFinished(60000));
    INFO("unzip -p " << path << " " << part << ": " << QString::fromLocal8Bit(unzip.readAllStandardError()));
    if (required)
        REQUIRE(unzip.exitCode() == 0);
    return unzip.exitCode() == 0 ? unzip.readAllStandardOutput() : QByteArray();
}

void requireWellFormed(const QXmlStreamReader &xml, const QString &part)
{
    INFO(part << ": " << xml.errorString());
    REQUIRE_FALSE(xml.hasError());
}

// "AB12" -> column 27 (0-based), row 11 (0-based).
void cellPosition(QStringView ref, int *column, int *row)
{
    int c = 0;
    qsizetype i = 0;
    for (; i < ref.size() && ref.at(i).isLetter(); ++i)
        c = c * 26 + (ref.at(i).toUpper().unicode() - 'A' + 1);
    *column = c - 1;
    *row = ref.mid(i).toInt() - 1;
}

QStringList sharedStrings(const QString &path)
{
    QStringList strings;
    QXmlStreamReader xml(unzipPart(path, QStringLiteral("xl/sharedStrings.xml"), false));
    QString current;
    bool inString = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("si")) {
            inString = true;
            current.clear();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("t") && inString) {
            current += xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("si")) {
            strings.append(current);
            inString = false;
        }
    }
    return strings;
}

struct Style
{
    QString format;
    bool bold = false;
};

// The number format and boldness of each cell style (cellXfs), in order.
QList<Style> cellStyles(const QString &path)
{
    const QString part = QStringLiteral("xl/styles.xml");
    QXmlStreamReader xml(unzipPart(path, part));
    // The built-in formats a writer may use without declaring them.
    QHash<int, QString> formats {{0, QStringLiteral("General")}, {1, QStringLiteral("0")}, {2, QStringLiteral("0.00")},
        {14, QStringLiteral("m/d/yyyy")}, {22, QStringLiteral("m/d/yy h:mm")}};
    QList<bool> bolds;
    QList<Style> styles;
    QString section;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("numFmts") || name == QLatin1String("fonts") || name == QLatin1String("cellXfs")
            || name == QLatin1String("cellStyleXfs"))
            section = name.toString();
        if (name == QLatin1String("numFmt"))
            formats.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt(),
                xml.attributes().value(QLatin1String("formatCode")).toString());
        else if (name == QLatin1String("font") && section == QLatin1String("fonts"))
            bolds.append(false);
        else if (name == QLatin1String("b") && section == QLatin1String("fonts") && !bolds.isEmpty())
            bolds.last() = xml.attributes().value(QLatin1String("val")) != QLatin1String("0");
        else if (name == QLatin1String("xf") && section == QLatin1String("cellXfs")) {
            Style style;
            style.format = formats.value(xml.attributes().value(QLatin1String("numFmtId")).toInt(), QStringLiteral("?"));
            style.bold = bolds.value(xml.attributes().value(QLatin1String("fontId")).toInt());
            styles.append(style);
        }
    }
    requireWellFormed(xml, part);
    return styles;
}

QString firstMatch(const QByteArray &xmlText, const QString &element, const QString &attribute = {})
{
    QXmlStreamReader xml(xmlText);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == element)
            return attribute.isEmpty() ? xml.readElementText() : xml.attributes().value(attribute).toString();
    }
    return {};
}

} // namespace

bool XlsxCell::isDate() const
{
    if (kind != Kind::Number)
        return false;
    QString code = format;
    code.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"|\\[[^]]*\\]"))); // quoted text, colours
    return code.contains(u'y') || code.contains(u'd') || code.contains(u'h');
}

QDate XlsxCell::date() const
{
    return QDate(1899, 12, 30).addDays(qint64(std::floor(number)));
}

QDateTime XlsxCell::dateTime() const
{
    const qint64 seconds = qint64(std::llround((number - std::floor(number)) * 86400.0));
    return QDateTime(date(), QTime(0, 0), Qt::UTC).addSecs(seconds);
}

QStringList XlsxSheet::headers() const
{
    QStringList names;
    if (!rows.isEmpty()) {
        for (const XlsxCell &c : rows.first())
            names.append(c.text);
    }
    return names;
}

const XlsxCell &XlsxSheet::cell(int r, const QString &header) const
{
    const qsizetype c = headers().indexOf(header);
    INFO("column " << header << " in " << headers());
    REQUIRE(c >= 0);
    REQUIRE(r < rows.size());
    return rows.at(r).at(c);
}

XlsxSheet readXlsx(const QString &path)
{
    XlsxSheet sheet;
    const QByteArray workbook = unzipPart(path, QStringLiteral("xl/workbook.xml"));
    sheet.sheetName = firstMatch(workbook, QStringLiteral("sheet"), QStringLiteral("name"));
    sheet.title = firstMatch(unzipPart(path, QStringLiteral("docProps/core.xml"), false), QStringLiteral("title"));
    const QStringList strings = sharedStrings(path);
    const QList<Style> styles = cellStyles(path);

    const QString part = QStringLiteral("xl/worksheets/sheet1.xml");
    QXmlStreamReader xml(unzipPart(path, part));
    int width = 0;
    XlsxCell *current = nullptr;
    QString type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("c")) {
            current = nullptr;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        const QXmlStreamAttributes a = xml.attributes();
        if (name == QLatin1String("pane")) {
            sheet.frozenHeader = a.value(QLatin1String("state")) == QLatin1String("frozen")
                && a.value(QLatin1String("ySplit")) == QLatin1String("1") && !a.hasAttribute(QLatin1String("xSplit"));
        } else if (name == QLatin1String("autoFilter")) {
            sheet.autoFilter = a.value(QLatin1String("ref")).toString();
        } else if (name == QLatin1String("col")) {
            const int last = a.value(QLatin1String("max")).toInt();
            while (sheet.widths.size() < last)
                sheet.widths.append(0);
            for (int c = a.value(QLatin1String("min")).toInt(); c <= last; ++c)
                sheet.widths[c - 1] = a.value(QLatin1String("width")).toDouble();
        } else if (name == QLatin1String("c")) {
            int c = 0;
            int r = 0;
            cellPosition(a.value(QLatin1String("r")), &c, &r);
            REQUIRE(c >= 0);
            REQUIRE(r >= 0);
            while (sheet.rows.size() <= r)
                sheet.rows.append(QList<XlsxCell>());
            QList<XlsxCell> &row = sheet.rows[r];
            while (row.size() <= c)
                row.append(XlsxCell());
            width = std::max(width, c + 1);
            current = &row[c];
            type = a.value(QLatin1String("t")).toString();
            const Style style = styles.value(a.value(QLatin1String("s")).toInt());
            current->format = style.format;
            current->bold = style.bold;
        } else if (current && name == QLatin1String("v")) {
            const QString value = xml.readElementText();
            current->text = value;
            if (type == QLatin1String("s")) {
                current->kind = XlsxCell::Kind::Text;
                REQUIRE(value.toInt() < strings.size());
                current->text = strings.at(value.toInt());
            } else if (type.isEmpty() || type == QLatin1String("n")) {
                current->kind = XlsxCell::Kind::Number;
                current->number = value.toDouble();
            } else if (type == QLatin1String("b")) {
                current->kind = XlsxCell::Kind::Boolean;
                current->number = value.toDouble();
            } else {
                current->kind = XlsxCell::Kind::Other;
            }
        } else if (current && name == QLatin1String("t") && type == QLatin1String("inlineStr")) {
            current->kind = XlsxCell::Kind::Text;
            current->text += xml.readElementText();
        }
    }
    requireWellFormed(xml, part);
    for (QList<XlsxCell> &row : sheet.rows) {
        while (row.size() < width)
            row.append(XlsxCell());
    }
    return sheet;
}

} // namespace vigil::test
