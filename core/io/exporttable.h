#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

#include "io/outputfile.h"

namespace vigil {

class Database;

// A register as rows of typed values (text, whole and decimal numbers, dates, date-times), the
// common form every export format is written from.
struct ExportTable
{
    QString title; // e.g. "Risk register"
    QString sheet; // a spreadsheet tab's name if the title is longer than Excel's 31 characters
    QStringList headers;
    QList<QVariantList> rows;
};

// The file formats a register is written in.
enum class ExportFormat { Csv, Xlsx };

// "csv", "xlsx": the command line's --format and the file name's extension.
QString exportFormatKey(ExportFormat format);
bool exportFormatFromKey(const QString &key, ExportFormat *format);
// The format a file name's extension names (.csv, .xlsx, in any case); nothing for another.
std::optional<ExportFormat> exportFormatOfPath(const QString &path);

// The text form of a value in a CSV file: ISO dates, times in UTC, numbers in C locale.
QString exportText(const QVariant &value);

// What a written export could not hold as it was.
struct ExportWritten
{
    // Cells of a workbook whose text was longer than Excel's 32,767 characters: cut, and marked
    // as cut in the cell ("row 12, Description"). A CSV keeps every text whole.
    QStringList cutCells;
};

// One sentence for the user about cutCells (the first few named), for the window and the command line.
QString cutCellsNote(const QStringList &cutCells);

// Writes the table as CSV to path through writeOutputFile (io/outputfile.h): atomically, owner-only,
// never over the site file, another site file, a backup or a non-file, and over an existing file
// only with output.replace. A failure leaves no file and no partial file. Throws Error with a
// message naming the path.
ExportWritten writeCsvFile(const ExportTable &table, const QString &path, const OutputOptions &output = {});

// Writes the table as an Excel workbook (.xlsx) of one sheet, atomically as writeCsvFile: a bold
// header row that stays in view, an autofilter over every column, columns as wide as their
// contents, and typed cells: numbers as numbers, dates as dates (yyyy-mm-dd), date-times as
// date-times in UTC as in the CSV (their headers say "(UTC)"), yes/no as booleans, text as text
// (never read as a formula). Throws Error with a message naming the path.
ExportWritten writeXlsxFile(const ExportTable &table, const QString &path, const OutputOptions &output = {});

// Either of the above.
ExportWritten writeExportFile(const ExportTable &table, const QString &path, ExportFormat format, const OutputOptions &output = {});

} // namespace vigil
