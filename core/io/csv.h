#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

// RFC 4180 CSV: fields with the delimiter, a quote or a line break are quoted, quotes doubled,
// rows end with CRLF. Written as UTF-8 with a byte-order mark, which spreadsheet programs need
// to read non-Latin text correctly.
QByteArray csvRow(const QStringList &fields, QChar delimiter = u',');
QByteArray csvDocument(const QList<QStringList> &rows, QChar delimiter = u',');

// Parses CSV text (a byte-order mark is skipped; quoted fields may hold line breaks). Returns
// false with *error set (and the row where it happened) for an unterminated quote.
bool parseCsv(const QString &text, QList<QStringList> *rows, QString *error = nullptr, QChar delimiter = u',');

} // namespace vigil
