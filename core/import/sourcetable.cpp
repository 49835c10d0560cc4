#include "sourcetable.h"

#include "base/error.h"
#include "io/csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Import)
};

// Windows-1252's characters for bytes 0x80 to 0x9F (the rest are Latin-1); 0 where undefined.
constexpr char16_t cp1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
    0x203A, 0x0153, 0, 0x017E, 0x0178};

QString fromWindows1252(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b < 0xA0 && cp1252High[b - 0x80] != 0)
            text.append(QChar(cp1252High[b - 0x80]));
        else
            text.append(QChar(char16_t(b)));
    }
    return text;
}

QString shown(const QString &fileName)
{
    return QDir::toNativeSeparators(fileName);
}

} // namespace

QString decodeText(const QByteArray &bytes, const QString &fileName, QString *encoding)
{
    // Stateless: an incomplete character at the end is an error, not silently dropped. Qt's
    // UTF-16 decoder lets a lone surrogate or an odd last byte through; both mean the same.
    const auto decode = [&](QStringConverter::Encoding e, const char *name, int skip) {
        QStringDecoder decoder(e, QStringConverter::Flag::Stateless);
        const QByteArray body = bytes.mid(skip);
        const QString text = decoder.decode(body);
        const bool wide = e != QStringConverter::Utf8;
        if (decoder.hasError() || (wide && body.size() % 2 != 0) || !text.isValidUtf16())
            throw Error(Text::tr("'%1' is not valid %2 text.").arg(shown(fileName), QLatin1String(name)));
        *encoding = QLatin1String(name);
        return text;
    };
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return decode(QStringConverter::Utf8, "UTF-8", 3);
    if (bytes.startsWith("\xFF\xFE"))
        return decode(QStringConverter::Utf16LE, "UTF-16LE", 2);
    if (bytes.startsWith("\xFE\xFF"))
        return decode(QStringConverter::Utf16BE, "UTF-16BE", 2);
    if (bytes.contains('\0'))
        throw Error(Text::tr("'%1' is not a text file (it holds binary data); save it as CSV and try again.").arg(shown(fileName)));
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        *encoding = QStringLiteral("UTF-8");
        return text;
    }
    // Not UTF-8: what Excel on Windows writes as "CSV".
    *encoding = QStringLiteral("Windows-1252");
    return fromWindows1252(bytes);
}

QChar sniffDelimiter(const QString &text)
{
    // Count each candidate per line, outside quotes, over the first lines; the best splits every
    // line into the same number of fields (and more than one).
    const QList<QChar> candidates {u',', u';', u'\t'};
    QChar best = u',';
    double bestScore = -1;
    for (QChar d : candidates) {
        QList<int> counts;
        int count = 0;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size() && counts.size() < 20; ++i) {
            const QChar c = text.at(i);
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == d)
                ++count;
            else if (!quoted && c == u'\n') {
                counts.append(count);
                count = 0;
            }
        }
        if (count > 0)
            counts.append(count);
        if (counts.isEmpty() || counts.first() == 0)
            continue;
        const int first = counts.first();
        const auto same = std::count(counts.begin(), counts.end(), first);
        const double score = double(same) / double(counts.size()) * 1000 + first;
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

bool takeRows(SourceTable &table, QList<QStringList> rows)
{
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (row.at(c).size() > maxImportFieldChars)
                throw Error(Text::tr("'%1' has a field of %2 characters (row %3, column %4); Vigil takes at most %5 in "
                                     "one field, so the file looks broken (a quote that never closes?). Nothing was "
                                     "imported.")
                                .arg(shown(table.fileName), QLocale().toString(row.at(c).size()))
                                .arg(r + 1)
                                .arg(c + 1)
                                .arg(QLocale().toString(maxImportFieldChars)));
        }
    }
    // Lines with nothing on them are no rows.
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                   [](const QStringList &row) {
                       return std::all_of(row.begin(), row.end(), [](const QString &f) { return f.trimmed().isEmpty(); });
                   }),
        rows.end());
    if (rows.isEmpty())
        return false;
    table.headers = rows.takeFirst();
    for (QString &h : table.headers)
        h = h.trimmed();
    for (QStringList &row : rows) {
        while (row.size() < table.headers.size())
            row.append(QString());
    }
    table.rows = std::move(rows);
    return true;
}

void requireImportSize(const QString &path, qint64 bytes)
{
    if (bytes > maxImportFileBytes)
        throw Error(Text::tr("'%1' is %2; Vigil imports files of at most %3. Split it into smaller files.")
                        .arg(shown(path), QLocale().formattedDataSize(bytes), QLocale().formattedDataSize(maxImportFileBytes)));
}

SourceTable readCsvFile(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throw Error(Text::tr("'%1' does not exist or is not a file.").arg(shown(path)));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Text::tr("'%1' could not be read: %2.").arg(shown(path), file.errorString()));
    requireImportSize(path, file.size());
    SourceTable table = readCsvBytes(file.readAll(), path);
    table.fileName = QFileInfo(path).fileName();
    return table;
}

SourceTable readCsvBytes(const QByteArray &bytes, const QString &path)
{
    SourceTable table;
    table.fileName = path;
    const QString text = decodeText(bytes, path, &table.encoding);
    if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); }))
        throw Error(Text::tr("'%1' is empty: there is nothing to import.").arg(shown(path)));
    table.delimiter = sniffDelimiter(text);
    QList<QStringList> rows;
    QString error;
    if (!parseCsv(text, &rows, &error, table.delimiter))
        throw Error(Text::tr("'%1' is not well-formed CSV: %2").arg(shown(path), error));
    if (!takeRows(table, std::move(rows)))
        throw Error(Text::tr("'%1' is empty: there is nothing to import.").arg(shown(path)));
    return table;
}

} // namespace vigil
