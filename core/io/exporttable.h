#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace vigil {

class Database;

// A register as rows of typed values (text, whole and decimal numbers, dates, date-times), the
// common form every export format is written from.
struct ExportTable
{
    QString title; // e.g. "Risk register"
    QStringList headers;
    QList<QVariantList> rows;
};

// The text form of a value in a CSV file: ISO dates, times in UTC, numbers in C locale.
QString exportText(const QVariant &value);

// Writes the table as CSV to path, atomically: a failure leaves no file and no partial file.
// Throws Error with a message naming the path.
void writeCsvFile(const ExportTable &table, const QString &path);

} // namespace vigil
