#include "csv.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Csv)
};

// A cell a spreadsheet reads as a formula starts with one of these (OWASP, "CSV Injection").
bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// A number (-1e-05 too), a phone number or a placeholder: signs, digits, spaces, dots, commas,
// parentheses and slashes only. Nothing in it can call a function or open a link, so it is
// written as it is.
bool harmless(QStringView field)
{
    bool number = false;
    [[maybe_unused]] const double value = field.toDouble(&number);
    if (number)
        return true;
    for (const QChar c : field) {
        if (!(c.isDigit() || QStringView(u"+- .,()/").contains(c)))
            return false;
    }
    return true;
}

// A formula, or a text that already starts with apostrophes (so "'=x" stays "'=x" both ways).
bool needsApostrophe(QStringView field)
{
    while (!field.isEmpty() && field.front() == u'\'')
        field = field.mid(1);
    return !field.isEmpty() && startsFormula(field.front()) && !harmless(field);
}

} // namespace

QString csvSafeText(const QString &field)
{
    return needsApostrophe(field) ? u'\'' + field : field;
}

QByteArray csvRow(const QStringList &fields, QChar delimiter)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += delimiter;
        const QString field = csvSafeText(fields.at(i));
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
    const qsizetype skip = input.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const QChar *text = input.constData() + skip;
    const qsizetype size = input.size() - skip;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int rowStartLine = 1;
    // Runs of ordinary characters are copied whole, not a character at a time.
    const auto special = [delimiter](QChar c) { return c == delimiter || c == u'"' || c == u'\n' || c == u'\r'; };
    // A field written by csvSafeText reads back as it was.
    const auto take = [&row, &field] {
        if (field.startsWith(u'\'') && needsApostrophe(QStringView(field).mid(1)))
            field.remove(0, 1);
        row.append(field);
    };
    qsizetype i = 0;
    while (i < size) {
        if (quoted) {
            qsizetype end = i;
            while (end < size && text[end] != u'"') {
                if (text[end] == u'\n')
                    ++line;
                ++end;
            }
            field.append(text + i, end - i);
            if (end == size)
                break;
            if (end + 1 < size && text[end + 1] == u'"') { // a doubled quote is one quote
                field += u'"';
                i = end + 2;
            } else {
                quoted = false;
                i = end + 1;
            }
            continue;
        }
        qsizetype end = i;
        while (end < size && !special(text[end]))
            ++end;
        if (end > i) {
            field.append(text + i, end - i);
            fieldStarted = true;
            i = end;
            if (i == size)
                break;
        }
        const QChar c = text[i];
        if (c == u'"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            take();
            field.clear();
            fieldStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < size && text[i + 1] == u'\n')
                ++i;
            take();
            const qsizetype width = row.size();
            rows->append(std::move(row));
            row = QStringList();
            row.reserve(width);
            field.clear();
            fieldStarted = false;
            rowStartLine = ++line;
        } else { // a quote inside an unquoted field is an ordinary character
            field += c;
            fieldStarted = true;
        }
        ++i;
    }
    if (quoted) {
        if (error)
            *error = Text::tr("A quoted field that starts on line %1 never ends.").arg(rowStartLine);
        return false;
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        take();
        rows->append(row);
    }
    return true;
}

} // namespace vigil
