#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

// A field as written to a CSV file: one that a spreadsheet would run as a formula (it starts
// with =, +, -, @, a tab or a carriage return and is not just a number or a phone number such as
// +44 7700 900000) gets a leading apostrophe, so Excel and LibreOffice show it as text.
// parseCsv takes that apostrophe off again, so Vigil reads its own exports as they were.
QString csvSafeText(const QString &field);

// RFC 4180 CSV, every field through csvSafeText: fields with the delimiter, a quote or a line break are quoted, quotes doubled,
// rows end with CRLF. Written as UTF-8 with a byte-order mark, which spreadsheet programs need
// to read non-Latin text correctly.
QByteArray csvRow(const QStringList &fields, QChar delimiter = u',');
QByteArray csvDocument(const QList<QStringList> &rows, QChar delimiter = u',');

// Parses CSV text (a byte-order mark is skipped; quoted fields may hold line breaks). Returns
// false with *error set (and the row where it happened) for an unterminated quote.
bool parseCsv(const QString &text, QList<QStringList> *rows, QString *error = nullptr, QChar delimiter = u',');

} // namespace vigil
