#include "exporttable.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/timeformat.h"
#include "base/version.h"
#include "io/csv.h"
#include "io/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Export)
};

// Excel's limits: a sheet of 1,048,576 rows (the header is one), a cell of 32,767 characters.
constexpr int maxXlsxRows = LXW_ROW_MAX;
constexpr qsizetype maxCellText = 32767;
constexpr int sheetNameMax = LXW_SHEETNAME_MAX;
// Column widths in characters, from the longest text in the column.
constexpr double minColumnWidth = 8;
constexpr double maxColumnWidth = 60;

// A sheet name Excel accepts, from the table's title: none of []:*?/\ (a date's slashes become
// dashes), no apostrophe at either end, at most 31 characters cut at a word where there is one.
QString sheetName(const QString &title)
{
    QString name;
    for (const QChar c : title) {
        if (QStringView(u"[]:*?/\\").contains(c))
            name.append(u'-');
        else if (c.isPrint() || c.isSurrogate())
            name.append(c);
    }
    name = name.trimmed();
    if (name.size() > sheetNameMax) {
        const qsizetype space = name.lastIndexOf(u' ', sheetNameMax);
        name.truncate(space > sheetNameMax / 2 ? space : sheetNameMax);
        if (!name.isEmpty() && name.back().isHighSurrogate())
            name.chop(1);
    }
    while (name.startsWith(u'\'') || name.startsWith(u' '))
        name.remove(0, 1);
    while (name.endsWith(u'\'') || name.endsWith(u' '))
        name.chop(1);
    return name.isEmpty() ? Text::tr("Export") : name;
}

// Text Excel takes as a cell's text: at most 32,767 characters (a longer note is cut and says so).
QByteArray cellText(const QString &text)
{
    if (text.size() <= maxCellText)
        return text.toUtf8();
    const QString mark = Text::tr(" [cut: Excel holds 32,767 characters in a cell]");
    QString cut = text.left(maxCellText - mark.size());
    if (!cut.isEmpty() && cut.back().isHighSurrogate())
        cut.chop(1);
    return (cut + mark).toUtf8();
}

// How many characters a value takes on screen: its longest line.
qsizetype displayWidth(const QString &text)
{
    qsizetype widest = 0;
    for (const QStringView line : QStringView(text).split(u'\n'))
        widest = std::max(widest, line.size());
    return widest;
}

bool isDateTime(const QVariant &value)
{
    return value.typeId() == QMetaType::QDateTime && value.toDateTime().isValid();
}

// Excel's dates run from 1900 to 9999; others are written as text.
bool inExcelRange(const QDate &date)
{
    return date.isValid() && date.year() >= 1900 && date.year() <= 9999;
}

struct WorkbookDeleter
{
    void operator()(lxw_workbook *workbook) const { lxw_workbook_free(workbook); }
};

class XlsxWriter
{
public:
    XlsxWriter(const ExportTable &table, const QString &shown)
        : m_table(table)
        , m_shown(shown)
    {
    }

    // Writes the workbook to file (a new file in a temporary folder).
    void write(const QString &file, const QString &tmpdir)
    {
        const QByteArray fileName = QFile::encodeName(file);
        QByteArray tmp = QFile::encodeName(tmpdir);
        lxw_workbook_options options {};
        options.constant_memory = LXW_FALSE;
        options.tmpdir = tmp.data();
        m_workbook.reset(workbook_new_opt(fileName.constData(), &options));
        if (!m_workbook)
            fail(LXW_ERROR_MEMORY_MALLOC_FAILED);
        setProperties();
        const QByteArray name = sheetName(m_table.sheet.isEmpty() ? m_table.title : m_table.sheet).toUtf8();
        lxw_worksheet *sheet = workbook_add_worksheet(m_workbook.get(), name.constData());
        if (!sheet)
            fail(LXW_ERROR_PARAMETER_VALIDATION);
        addFormats();
        writeHeader(sheet);
        writeRows(sheet);
        setColumns(sheet);
        const lxw_error closed = workbook_close(m_workbook.release()); // frees the workbook in every case
        if (closed != LXW_NO_ERROR)
            fail(closed);
    }

    // The cells whose text was longer than Excel holds ("row 12, Description"), cut and marked.
    const QStringList &cutCells() const { return m_cut; }

private:
    [[noreturn]] void fail(lxw_error error) const
    {
        throw Error(Text::tr("'%1' could not be written (%2); nothing was saved.")
                        .arg(m_shown, QString::fromUtf8(lxw_strerror(error))));
    }

    void check(lxw_error error) const
    {
        if (error != LXW_NO_ERROR)
            fail(error);
    }

    void setProperties()
    {
        m_title = m_table.title.toUtf8();
        m_comments = Text::tr("Written by Vigil %1. Dates and times are in UTC.").arg(QStringLiteral(VIGIL_VERSION)).toUtf8();
        m_creator = QByteArrayLiteral("Vigil");
        lxw_doc_properties properties {};
        properties.title = m_title.data();
        properties.comments = m_comments.data();
        properties.author = m_creator.data();
        properties.created = time_t(Clock::current().nowUtc().toSecsSinceEpoch());
        check(workbook_set_properties(m_workbook.get(), &properties));
    }

    void addFormats()
    {
        m_header = workbook_add_format(m_workbook.get());
        format_set_bold(m_header);
        format_set_bottom(m_header, LXW_BORDER_THIN);
        m_date = workbook_add_format(m_workbook.get());
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_dateTime = workbook_add_format(m_workbook.get());
        format_set_num_format(m_dateTime, "yyyy-mm-dd hh:mm:ss");
    }

    void writeHeader(lxw_worksheet *sheet)
    {
        const qsizetype columns = m_table.headers.size();
        if (columns > LXW_COL_MAX)
            throw Error(Text::tr("'%1' cannot hold %2 columns: an Excel sheet has at most %3. Export as CSV instead.")
                            .arg(m_shown).arg(columns).arg(LXW_COL_MAX));
        if (m_table.rows.size() >= maxXlsxRows)
            throw Error(Text::tr("'%1' cannot hold %2 rows: an Excel sheet has at most %3 below its header. "
                                 "Export as CSV instead, or narrow the filter.")
                            .arg(m_shown).arg(m_table.rows.size()).arg(maxXlsxRows - 1));
        // A column of date-times says its time zone in its header (Excel's cells have none).
        QList<bool> dateTimes(columns, false);
        for (const QVariantList &row : m_table.rows) {
            for (qsizetype c = 0; c < std::min(columns, row.size()); ++c)
                dateTimes[c] = dateTimes[c] || isDateTime(row.at(c));
        }
        m_widths.fill(0, columns);
        for (qsizetype c = 0; c < columns; ++c) {
            const QString header = dateTimes.at(c) ? Text::tr("%1 (UTC)").arg(m_table.headers.at(c)) : m_table.headers.at(c);
            check(worksheet_write_string(sheet, 0, lxw_col_t(c), cellText(header).constData(), m_header));
            // The autofilter's button takes about two characters beside the name.
            m_widths[c] = displayWidth(header) + 2;
        }
    }

    void writeRows(lxw_worksheet *sheet)
    {
        const qsizetype columns = m_table.headers.size();
        lxw_row_t r = 1;
        for (const QVariantList &row : m_table.rows) {
            for (qsizetype c = 0; c < std::min(columns, row.size()); ++c)
                m_widths[c] = std::max(m_widths[c], writeCell(sheet, r, lxw_col_t(c), row.at(c)));
            ++r;
        }
    }

    // Writes one value as a typed cell; returns how many characters it shows.
    qsizetype writeCell(lxw_worksheet *sheet, lxw_row_t r, lxw_col_t c, const QVariant &value)
    {
        if (!value.isValid() || value.isNull())
            return 0;
        switch (value.typeId()) {
        case QMetaType::QDate: {
            const QDate date = value.toDate();
            if (!date.isValid())
                return 0;
            if (!inExcelRange(date))
                break;
            lxw_datetime when {date.year(), date.month(), date.day(), 0, 0, 0};
            check(worksheet_write_datetime(sheet, r, c, &when, m_date));
            return 10;
        }
        case QMetaType::QDateTime: {
            const QDateTime utc = value.toDateTime().toUTC();
            if (!utc.isValid())
                return 0;
            if (!inExcelRange(utc.date()))
                break;
            const QTime t = utc.time();
            lxw_datetime when {utc.date().year(), utc.date().month(), utc.date().day(), t.hour(), t.minute(),
                t.second() + t.msec() / 1000.0};
            check(worksheet_write_datetime(sheet, r, c, &when, m_dateTime));
            return 19;
        }
        case QMetaType::Bool:
            check(worksheet_write_boolean(sheet, r, c, value.toBool() ? 1 : 0, nullptr));
            return 5;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Float:
        case QMetaType::Double: {
            const double number = value.toDouble();
            if (!std::isfinite(number))
                break;
            check(worksheet_write_number(sheet, r, c, number, nullptr));
            return exportText(value).size();
        }
        default:
            break;
        }
        const QString text = exportText(value);
        if (text.isEmpty())
            return 0;
        if (text.size() > maxCellText)
            m_cut.append(Text::tr("row %1, %2").arg(r + 1).arg(m_table.headers.value(c)));
        check(worksheet_write_string(sheet, r, c, cellText(text).constData(), nullptr));
        return displayWidth(text);
    }

    void setColumns(lxw_worksheet *sheet)
    {
        const qsizetype columns = m_table.headers.size();
        for (qsizetype c = 0; c < columns; ++c) {
            const double width = std::clamp(double(m_widths.at(c)) + 1, minColumnWidth, maxColumnWidth);
            check(worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nullptr));
        }
        if (columns == 0)
            return;
        // The header stays in view, and every column filters.
        worksheet_freeze_panes(sheet, 1, 0);
        check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(m_table.rows.size()), lxw_col_t(columns - 1)));
    }

    const ExportTable &m_table;
    QString m_shown;
    std::unique_ptr<lxw_workbook, WorkbookDeleter> m_workbook;
    lxw_format *m_header = nullptr;
    lxw_format *m_date = nullptr;
    lxw_format *m_dateTime = nullptr;
    QList<qsizetype> m_widths;
    QStringList m_cut;
    // Kept alive until the workbook is closed: libxlsxwriter copies them only then.
    QByteArray m_title;
    QByteArray m_comments;
    QByteArray m_creator;
};

} // namespace

QString exportFormatKey(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ExportFormat::Csv:
        break;
    }
    return QStringLiteral("csv");
}

bool exportFormatFromKey(const QString &key, ExportFormat *format)
{
    for (const ExportFormat f : {ExportFormat::Csv, ExportFormat::Xlsx}) {
        if (key == exportFormatKey(f)) {
            *format = f;
            return true;
        }
    }
    return false;
}

std::optional<ExportFormat> exportFormatOfPath(const QString &path)
{
    ExportFormat format;
    if (exportFormatFromKey(QFileInfo(path).suffix().toLower(), &format))
        return format;
    return std::nullopt;
}

QString exportText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QDate:
        return toStoredDate(value.toDate());
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    default:
        return value.toString();
    }
}

QString cutCellsNote(const QStringList &cutCells)
{
    constexpr qsizetype named = 5;
    QString where = cutCells.mid(0, named).join(QStringLiteral("; "));
    if (cutCells.size() > named)
        where += QStringLiteral("; …");
    return Text::tr("%n cells held more than the 32,767 characters Excel allows in a cell and were cut, "
                    "marked as cut (%1); a CSV export keeps them whole.", nullptr, int(cutCells.size()))
        .arg(where);
}

ExportWritten writeCsvFile(const ExportTable &table, const QString &path, const OutputOptions &output)
{
    QList<QStringList> rows;
    rows.reserve(table.rows.size() + 1);
    rows.append(table.headers);
    for (const QVariantList &row : table.rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QVariant &value : row)
            fields.append(exportText(value));
        rows.append(fields);
    }
    writeOutputFile(path, output, [&](QSaveFile &file, const QString &shown) {
        const QByteArray bytes = csvDocument(rows);
        if (file.write(bytes) != bytes.size())
            throw Error(Text::tr("'%1' could not be written completely (%2); nothing was saved.").arg(shown, file.errorString()));
    });
    return {};
}

ExportWritten writeXlsxFile(const ExportTable &table, const QString &path, const OutputOptions &output)
{
    ExportWritten written;
    writeOutputFile(path, output, [&](QSaveFile &file, const QString &shown) {
        // libxlsxwriter writes a whole file of its own at the end: it makes it in a private
        // folder, and the bytes go to the destination through the QSaveFile.
        const QTemporaryDir work;
        if (!work.isValid())
            throw Error(Text::tr("'%1' cannot be written: no temporary folder (%2).").arg(shown, work.errorString()));
        const QString made = work.filePath(QStringLiteral("export.xlsx"));
        XlsxWriter writer(table, shown);
        writer.write(made, work.path());
        written.cutCells = writer.cutCells();
        QFile in(made);
        if (!in.open(QIODevice::ReadOnly))
            throw Error(Text::tr("'%1' could not be written (%2); nothing was saved.").arg(shown, in.errorString()));
        QByteArray chunk;
        while (!(chunk = in.read(1 << 20)).isEmpty()) {
            if (file.write(chunk) != chunk.size())
                throw Error(Text::tr("'%1' could not be written completely (%2); nothing was saved.").arg(shown, file.errorString()));
        }
        if (in.error() != QFileDevice::NoError)
            throw Error(Text::tr("'%1' could not be written (%2); nothing was saved.").arg(shown, in.errorString()));
    });
    return written;
}

ExportWritten writeExportFile(const ExportTable &table, const QString &path, ExportFormat format, const OutputOptions &output)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return writeXlsxFile(table, path, output);
    case ExportFormat::Csv:
        break;
    }
    return writeCsvFile(table, path, output);
}

} // namespace vigil
