#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil::test {

// An .xlsx file read back the way a spreadsheet program reads it: its parts unzipped (with the
// unzip program) and parsed as XML, independently of the library that wrote it.
struct XlsxCell
{
    enum class Kind { Empty, Text, Number, Boolean, Other };
    Kind kind = Kind::Empty;
    QString text;    // a text cell's text (shared or inline), or the raw value of any other
    double number = 0;
    QString format;  // the cell's number format code ("General" without one)
    bool bold = false;

    // A number shown as a date or a date-time (the format has y, m, d or h in it).
    bool isDate() const;
    // The Excel serial number as a day and a time (1900 date system).
    QDate date() const;
    QDateTime dateTime() const; // in UTC, to the second
};

struct XlsxSheet
{
    QString sheetName;       // the tab's name (xl/workbook.xml)
    QString title;           // the document title (docProps/core.xml)
    QList<QList<XlsxCell>> rows; // every row up to the last one used, each as wide as the sheet
    bool frozenHeader = false;   // <pane ySplit="1" ... state="frozen">
    QString autoFilter;      // the autofilter's range ("A1:U301"), empty without one
    QList<double> widths;    // column widths in characters, by column (0 when not set)

    int rowCount() const { return int(rows.size()); }
    // The header row's texts.
    QStringList headers() const;
    // The cell in row r (0 is the header) under the header named header; fails the test without one.
    const XlsxCell &cell(int r, const QString &header) const;
};

// Reads the first sheet of the workbook at path; fails the test if it cannot be read.
XlsxSheet readXlsx(const QString &path);

} // namespace vigil::test
