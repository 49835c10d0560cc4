#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

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

// Writes the table as CSV to path, atomically: a failure leaves no file and no partial file.
// Throws Error with a message naming the path.
void writeCsvFile(const ExportTable &table, const QString &path);

// Writes the table as an Excel workbook (.xlsx) of one sheet, atomically as writeCsvFile: a bold
// header row that stays in view, an autofilter over every column, columns as wide as their
// contents, and typed cells: numbers as numbers, dates as dates (yyyy-mm-dd), date-times as
// date-times in UTC as in the CSV (their headers say "(UTC)"), yes/no as booleans, text as text
// (never read as a formula). Throws Error with a message naming the path.
void writeXlsxFile(const ExportTable &table, const QString &path);

// Either of the above.
void writeExportFile(const ExportTable &table, const QString &path, ExportFormat format);

} // namespace vigil
