#include "csv.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Csv)
};

} // namespace

QByteArray csvRow(const QStringList &fields, QChar delimiter)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += delimiter;
        const QString &field = fields.at(i);
        const bool quote = field.contains(delimiter) || field.contains(u'"') || field.contains(u'\n')
            || field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
        if (quote) {
            line += u'"';
            line += QString(field).replace(u'"', QStringLiteral("\"\""));
            line += u'"';
        } else {
            line += field;
        }
    }
    line += QStringLiteral("\r\n");
    return line.toUtf8();
}

QByteArray csvDocument(const QList<QStringList> &rows, QChar delimiter)
{
    QByteArray out("\xEF\xBB\xBF");
    for (const QStringList &row : rows)
        out += csvRow(row, delimiter);
    return out;
}

bool parseCsv(const QString &input, QList<QStringList> *rows, QString *error, QChar delimiter)
{
    rows->clear();
    const QString text = input.startsWith(QChar(0xFEFF)) ? input.mid(1) : input;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int rowStartLine = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            row.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row.append(field);
            rows->append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            rowStartLine = ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        if (error)
            *error = Text::tr("A quoted field that starts on line %1 never ends.").arg(rowStartLine);
        return false;
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows->append(row);
    }
    return true;
}

} // namespace vigil
