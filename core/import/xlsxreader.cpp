#include "sourcetable.h"

#include "base/error.h"

#include <zip.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <cmath>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Import)
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A workbook's package, open for reading; closed when it goes.
class Package
{
public:
    explicit Package(const QString &path)
        : m_path(path)
    {
        int error = 0;
        m_zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    }
    ~Package()
    {
        if (m_zip)
            zip_discard(m_zip);
    }
    Package(const Package &) = delete;
    Package &operator=(const Package &) = delete;
    bool isOpen() const { return m_zip != nullptr; }

    // One part, or an empty array when it is not there.
    QByteArray part(const QString &name) const
    {
        if (!m_zip)
            return {};
        const QByteArray utf8 = name.toUtf8();
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(m_zip, utf8.constData(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            return {};
        // Checked before anything is unpacked: a zip bomb never reaches memory.
        if (stat.size > quint64(maxWorkbookPartBytes))
            throw Error(Text::tr("'%1' unpacks to more than %2 in its part %3, far more than a real workbook; "
                                 "nothing was imported.")
                            .arg(shown(m_path), QLocale().formattedDataSize(maxWorkbookPartBytes), name));
        // A part that is there but cannot be read whole (a CRC error, cut short) is damage, not
        // an absent part: read as empty, a missing styles part turned dates into numbers.
        const auto damaged = [&] {
            return Error(Text::tr("'%1' is damaged: its part %2 cannot be read; nothing was imported.").arg(shown(m_path), name));
        };
        zip_file_t *file = zip_fopen(m_zip, utf8.constData(), 0);
        if (!file)
            throw damaged();
        QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t read = zip_fread(file, bytes.data(), stat.size);
        const int closed = zip_fclose(file);
        if (read != zip_int64_t(stat.size) || closed != 0)
            throw damaged();
        return bytes;
    }

private:
    QString m_path;
    zip_t *m_zip = nullptr;
};

// "AB12" -> column 27 (0-based: 27).
// Excel's own limits: a cell reference beyond them is a damaged (or hostile) sheet, which would
// otherwise have the reader fill in millions of empty rows or cells.
constexpr int maxSheetRows = 1'048'576;
constexpr int maxSheetColumns = 16'384;

// "AB12" -> column 27 (0-based: 27); -1 for a column beyond Excel's last (XFD) or no letters.
int columnOf(const QString &reference)
{
    int column = 0;
    for (const QChar c : reference) {
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            break;
        column = column * 26 + (u - u'A' + 1);
        if (column > maxSheetColumns)
            return -1;
    }
    return column - 1;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30).
bool builtInDateFormat(int id)
{
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom format code that shows a date or time: y, m, d, h or s outside quotes and brackets
// ("[Red]" and "\"kg\"" are not dates).
bool customDateFormat(QString code)
{
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\."));
    code.remove(quoted);
    return code.contains(QRegularExpression(QStringLiteral("[ymdhsYMDHS]")));
}

QString fromSerial(double serial)
{
    const auto days = qint64(std::floor(serial));
    const auto seconds = qint64(std::llround((serial - double(days)) * 86400.0));
    const QDateTime at = QDateTime(QDate(1899, 12, 30).addDays(days), QTime(0, 0)).addSecs(seconds);
    return seconds == 0 ? at.date().toString(Qt::ISODate) : at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// A workbook part whose XML is broken (cut short, a bad character, an entity bomb) is a damaged
// file: refused whole, never read as far as it goes. An optional part that is absent reads empty.
void requireWellFormed(const QXmlStreamReader &x, const QByteArray &xml, const QString &path, const QString &part)
{
    if (!xml.isEmpty() && x.hasError())
        throw Error(Text::tr("'%1' is damaged: its part %2 is not well-formed (%3, line %4); nothing was imported.")
                        .arg(shown(path), part, x.errorString())
                        .arg(x.lineNumber()));
}

} // namespace

QStringList xlsxSheetNames(const QString &path)
{
    const Package zip(path);
    if (!zip.isOpen())
        throw Error(Text::tr("'%1' is not an Excel workbook (it could not be opened as one).").arg(shown(path)));
    const QByteArray workbookXml = zip.part(QStringLiteral("xl/workbook.xml"));
    QXmlStreamReader workbook(workbookXml);
    QStringList names;
    while (!workbook.atEnd()) {
        workbook.readNext();
        if (workbook.isStartElement() && workbook.name() == QLatin1String("sheet"))
            names.append(workbook.attributes().value(QLatin1String("name")).toString());
    }
    requireWellFormed(workbook, workbookXml, path, QStringLiteral("xl/workbook.xml"));
    if (names.isEmpty())
        throw Error(Text::tr("'%1' is not an Excel workbook (it has no sheets).").arg(shown(path)));
    return names;
}

SourceTable readXlsxFile(const QString &path, const QString &sheetName)
{
    if (!QFileInfo(path).isFile())
        throw Error(Text::tr("'%1' does not exist or is not a file.").arg(shown(path)));
    requireImportSize(path, QFileInfo(path).size());
    const Package zip(path);
    if (!zip.isOpen())
        throw Error(Text::tr("'%1' is not an Excel workbook (it could not be opened as one).").arg(shown(path)));

    // Which part holds the sheet: workbook.xml names it, its relationships say where it is.
    QString relationId;
    QString chosen;
    {
        const QByteArray xml = zip.part(QStringLiteral("xl/workbook.xml"));
        QXmlStreamReader x(xml);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("sheet")) {
                const QString name = x.attributes().value(QLatin1String("name")).toString();
                if (chosen.isEmpty() && (sheetName.isEmpty() || name == sheetName)) {
                    chosen = name;
                    for (const QXmlStreamAttribute &a : x.attributes()) {
                        if (a.name() == QLatin1String("id"))
                            relationId = a.value().toString();
                    }
                }
            }
        }
        requireWellFormed(x, xml, path, QStringLiteral("xl/workbook.xml"));
    }
    if (chosen.isEmpty())
        throw Error(sheetName.isEmpty() ? Text::tr("'%1' is not an Excel workbook (it has no sheets).").arg(shown(path))
                                        : Text::tr("'%1' has no sheet named '%2'.").arg(shown(path), sheetName));
    QString target;
    {
        const QByteArray xml = zip.part(QStringLiteral("xl/_rels/workbook.xml.rels"));
        QXmlStreamReader x(xml);
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("Relationship")
                && x.attributes().value(QLatin1String("Id")) == relationId)
                target = x.attributes().value(QLatin1String("Target")).toString();
        }
        requireWellFormed(x, xml, path, QStringLiteral("xl/_rels/workbook.xml.rels"));
    }
    if (target.startsWith(u'/'))
        target = target.mid(1);
    else if (!target.isEmpty())
        target = QStringLiteral("xl/") + target;
    const QByteArray sheetXml = zip.part(target);
    if (sheetXml.isEmpty())
        throw Error(Text::tr("'%1' is damaged: its sheet '%2' could not be read.").arg(shown(path), chosen));

    // Shared strings, and which cell styles show dates.
    QStringList shared;
    {
        const QByteArray xml = zip.part(QStringLiteral("xl/sharedStrings.xml"));
        QXmlStreamReader x(xml);
        QString current;
        bool inItem = false;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("si")) {
                inItem = true;
                current.clear();
            } else if (x.isStartElement() && x.name() == QLatin1String("t") && inItem) {
                current += x.readElementText();
            } else if (x.isStartElement() && x.name() == QLatin1String("rPh")) {
                x.skipCurrentElement(); // phonetic hints are not the text
            } else if (x.isEndElement() && x.name() == QLatin1String("si")) {
                shared.append(current);
                inItem = false;
            }
        }
        requireWellFormed(x, xml, path, QStringLiteral("xl/sharedStrings.xml"));
    }
    QList<bool> dateStyles;
    {
        const QByteArray xml = zip.part(QStringLiteral("xl/styles.xml"));
        QXmlStreamReader x(xml);
        QSet<int> customDates;
        bool inCellXfs = false;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("numFmt")) {
                if (customDateFormat(x.attributes().value(QLatin1String("formatCode")).toString()))
                    customDates.insert(x.attributes().value(QLatin1String("numFmtId")).toInt());
            } else if (x.isStartElement() && x.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (x.isEndElement() && x.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            } else if (inCellXfs && x.isStartElement() && x.name() == QLatin1String("xf")) {
                const int id = x.attributes().value(QLatin1String("numFmtId")).toInt();
                dateStyles.append(builtInDateFormat(id) || customDates.contains(id));
            }
        }
        requireWellFormed(x, xml, path, QStringLiteral("xl/styles.xml"));
    }

    QList<QStringList> rows;
    QXmlStreamReader x(sheetXml);
    QStringList row;
    int rowNumber = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && x.name() == QLatin1String("row")) {
            row.clear();
            const int number = x.attributes().value(QLatin1String("r")).toInt();
            if (number > maxSheetRows || rowNumber >= maxSheetRows)
                throw Error(Text::tr("'%1' is damaged: its sheet names row %2, beyond the %3 rows a sheet can have; "
                                     "nothing was imported.")
                                .arg(shown(path), x.attributes().value(QLatin1String("r")).toString())
                                .arg(maxSheetRows));
            // Rows left out of the part are empty rows.
            while (number > 0 && rowNumber + 1 < number) {
                rows.append(QStringList());
                ++rowNumber;
            }
            rowNumber = number > 0 ? number : rowNumber + 1;
        } else if (x.isEndElement() && x.name() == QLatin1String("row")) {
            rows.append(row);
        } else if (x.isStartElement() && x.name() == QLatin1String("c")) {
            const QXmlStreamAttributes a = x.attributes();
            const int column = a.hasAttribute(QLatin1String("r")) ? columnOf(a.value(QLatin1String("r")).toString())
                                                                  : int(row.size());
            if (column < 0 || column >= maxSheetColumns)
                throw Error(Text::tr("'%1' is damaged: a cell of row %2 lies beyond the %3 columns a sheet can have; "
                                     "nothing was imported.")
                                .arg(shown(path))
                                .arg(rowNumber)
                                .arg(maxSheetColumns));
            const QString type = a.value(QLatin1String("t")).toString();
            const int style = a.value(QLatin1String("s")).toInt();
            QString value;
            while (x.readNextStartElement()) {
                if (x.name() == QLatin1String("v")) {
                    value = x.readElementText();
                } else if (x.name() == QLatin1String("is")) {
                    while (x.readNextStartElement()) {
                        if (x.name() == QLatin1String("t"))
                            value += x.readElementText();
                        else
                            x.skipCurrentElement();
                    }
                } else {
                    x.skipCurrentElement();
                }
            }
            if (type == QLatin1String("s")) {
                bool isIndex = false;
                const int index = value.toInt(&isIndex);
                if (!isIndex || index < 0 || index >= shared.size())
                    throw Error(Text::tr("'%1' is damaged: a cell of row %2 refers to text the workbook does not hold "
                                         "(shared string %3 of %4); nothing was imported.")
                                    .arg(shown(path))
                                    .arg(rowNumber)
                                    .arg(value)
                                    .arg(shared.size()));
                value = shared.at(index);
            }
            else if (type == QLatin1String("b"))
                value = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            else if ((type.isEmpty() || type == QLatin1String("n")) && !value.isEmpty() && style < dateStyles.size()
                && dateStyles.at(style))
                value = fromSerial(value.toDouble());
            while (row.size() < column)
                row.append(QString());
            if (column >= 0 && column < row.size())
                row[column] = value;
            else
                row.append(value);
        }
    }
    requireWellFormed(x, sheetXml, path, target);
    SourceTable table;
    table.fileName = QFileInfo(path).fileName();
    table.encoding = QStringLiteral("Excel workbook, sheet %1").arg(chosen);
    if (!takeRows(table, std::move(rows)))
        throw Error(Text::tr("The sheet '%1' of '%2' is empty: there is nothing to import.").arg(chosen, shown(path)));
    return table;
}

SourceTable readSourceFile(const QString &path, const QString &sheet)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.peek(4) == QByteArray("PK\x03\x04", 4))
        return readXlsxFile(path, sheet);
    return readCsvFile(path);
}

} // namespace vigil
