#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

// A file to import, read as a table: its header row and the rows under it, as text. CSV files
// come in any of UTF-8 (with or without a byte-order mark), UTF-16 (with one) or Windows-1252,
// and with commas, semicolons or tabs between fields; both are found from the file itself.
struct SourceTable
{
    QString fileName;
    QString encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"
    QChar delimiter;
    QStringList headers;
    QList<QStringList> rows; // each as wide as the header (short rows padded, long ones kept)
};

// The text of the bytes and the encoding it was read as. Throws Error, naming the file, for a
// binary file (NUL bytes outside UTF-16).
QString decodeText(const QByteArray &bytes, const QString &fileName, QString *encoding);
// The delimiter of CSV text: the one of , ; and tab that splits the first lines most evenly.
QChar sniffDelimiter(const QString &text);
// Reads a CSV file. Throws Error with one sentence for a missing, empty, binary or malformed file.
SourceTable readCsvFile(const QString &path);
// The same from the file's bytes (fileName names it in messages): empty, binary or malformed
// text throws Error.
SourceTable readCsvBytes(const QByteArray &bytes, const QString &fileName);

// Reads a sheet of an Excel workbook (.xlsx): the first, or the one named. Text (shared or
// inline), numbers and booleans as written; numbers in a date or time style as ISO dates
// ("2026-02-18", "2026-02-18 13:05:00"). Throws Error for a file that is not a workbook, a
// missing sheet, an empty one.
SourceTable readXlsxFile(const QString &path, const QString &sheet = {});
QStringList xlsxSheetNames(const QString &path);

// What an import reads at most, so that a hostile or broken file is refused in one sentence
// instead of taking the computer's memory: the file itself, any one part of a workbook once
// unpacked (a zip bomb of 2 MB unpacks to gigabytes), and any one field (a quote that never
// closes, a file of one endless line). A real decade of one site's incidents is about 50 MB of CSV;
// a field as long as anything Vigil stores and exports (a pasted statement of megabytes) is taken.
inline constexpr qint64 maxImportFileBytes = 128LL * 1024 * 1024;
inline constexpr qint64 maxWorkbookPartBytes = 256LL * 1024 * 1024;
inline constexpr qsizetype maxImportFieldChars = 16 * 1024 * 1024;

// Fills the table from rows read from a file: the first non-empty row is the header, blank rows
// are dropped, short rows are padded to the header's width. False when there is no row at all.
// Throws Error naming the row and column of a field longer than maxImportFieldChars.
bool takeRows(SourceTable &table, QList<QStringList> rows);
// Throws Error when a file to import is larger than maxImportFileBytes.
void requireImportSize(const QString &path, qint64 bytes);

// A workbook (by its zip signature, whatever its name) or else a CSV file.
SourceTable readSourceFile(const QString &path, const QString &sheet = {});

} // namespace vigil
