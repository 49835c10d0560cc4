#include "support/testsupport.h"

#include "core/risktestsupport.h"
#include "io/csv.h"
#include "io/exporttable.h"

#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

TEST_CASE("CSV quotes what needs quoting and reads it back", "[csv]")
{
    const QList<QStringList> rows {
        {QStringLiteral("plain"), QStringLiteral("with, comma"), QStringLiteral("with \"quotes\"")},
        {QStringLiteral("line one\nline two"), QStringLiteral("crlf\r\ninside"), QString()},
        {QStringLiteral(" padded "), QStringLiteral("نقطة التفتيش الشمالية"), QStringLiteral("日本語, \"混在\"")},
    };
    const QByteArray bytes = csvDocument(rows);
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // spreadsheets need the mark to read UTF-8
    CHECK(bytes.contains("\"with, comma\""));
    CHECK(bytes.contains("\"with \"\"quotes\"\"\""));
    QList<QStringList> back;
    QString error;
    REQUIRE(parseCsv(QString::fromUtf8(bytes), &back, &error));
    CHECK(back == rows);
}

TEST_CASE("CSV parsing reports an unterminated quote with its line", "[csv]")
{
    QList<QStringList> rows;
    QString error;
    CHECK_FALSE(parseCsv(QStringLiteral("a,b\nc,\"never\nends"), &rows, &error));
    CHECK(error.contains(QStringLiteral("line 2")));
    REQUIRE(parseCsv(QStringLiteral("a;b\r\n1;2"), &rows, &error, u';'));
    CHECK(rows == (QList<QStringList> {{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), QStringLiteral("2")}}));
}

TEST_CASE("The risk register exports to CSV and its values survive the round trip", "[csv][risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Risk risk = test::makeRisk(QStringLiteral("Theft, \"organised\", from bay 4"), 4, 4, 3, 3);
    risk.description = QStringLiteral("First seen 2026-03-01.\nSecond line with ; and ,");
    risk.vulnerability = QStringLiteral("البوابة الشمالية بلا إضاءة");
    risk.reviewDate = QDate(2026, 12, 31);
    risk.reviewMonths = 6;
    risk.ownerId = test::addPerson(*db, QStringLiteral("Okafor, Dana"));
    risks.create(risk);

    const QString path = dir.path(QStringLiteral("risks.csv"));
    writeCsvFile(risks.exportTable({}), path);
    QList<QStringList> rows;
    REQUIRE(parseCsv(QString::fromUtf8(test::readFile(path)), &rows));
    REQUIRE(rows.size() == 2);
    const QStringList header = rows.at(0);
    const QStringList row = rows.at(1);
    REQUIRE(row.size() == header.size());
    auto column = [&](const char *name) { return row.at(header.indexOf(QLatin1String(name))); };
    CHECK(column("Reference") == QStringLiteral("RSK-0001"));
    CHECK(column("Title") == risk.title);
    CHECK(column("Description") == risk.description);
    CHECK(column("Vulnerability") == risk.vulnerability);
    CHECK(column("Owner") == QStringLiteral("Okafor, Dana"));
    CHECK(column("Review date") == QStringLiteral("2026-12-31"));
    CHECK(column("Review every (months)") == QStringLiteral("6"));
    CHECK(column("Inherent level") == QStringLiteral("High"));
    CHECK(column("Residual likelihood") == QStringLiteral("3"));
    CHECK(column("Target level").isEmpty());
}

TEST_CASE("An export to a place that cannot be written fails cleanly", "[csv]")
{
    TempDir dir;
    ExportTable table;
    table.headers = {QStringLiteral("a")};
    table.rows = {{QStringLiteral("1")}};
    test::writeFile(dir.path(QStringLiteral("file")), "x");
    CHECK_THROWS_AS(writeCsvFile(table, dir.path(QStringLiteral("file/inside.csv"))), Error);
    // An existing export is replaced only by a complete one.
    writeCsvFile(table, dir.path(QStringLiteral("out.csv")));
    CHECK(QFileInfo(dir.path(QStringLiteral("out.csv"))).size() > 0);
    CHECK(test::listDir(dir.root()) == (QStringList {QStringLiteral("file"), QStringLiteral("out.csv")}));
}

namespace {

// The CSV rules a character at a time, as the parser first read them: the parser must split
// every input exactly as this does.
QList<QStringList> referenceParse(const QString &text, QChar delimiter, bool *ok)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
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
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    *ok = !quoted;
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace

TEST_CASE("CSV parsing splits any mix of quotes, delimiters and line breaks as the rules say", "[csv]")
{
    // Random text over the characters that matter, and a few that do not.
    const QString alphabet = QStringLiteral("ab;,\"\"\r\n\n é");
    quint32 seed = 20261124;
    const auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int length = int(next() % 40);
        for (int i = 0; i < length; ++i)
            text += alphabet.at(int(next() % alphabet.size()));
        for (const QChar delimiter : {QChar(u';'), QChar(u',')}) {
            bool expectedOk = false;
            const QList<QStringList> expected = referenceParse(text, delimiter, &expectedOk);
            QList<QStringList> rows;
            QString error;
            INFO(text.toStdString());
            CHECK(parseCsv(text, &rows, &error, delimiter) == expectedOk);
            if (expectedOk)
                CHECK(rows == expected);
        }
    }
}

TEST_CASE("CSV exports neutralise what a spreadsheet would run as a formula, and read back as they were", "[csv]")
{
    const QStringList dangerous {QStringLiteral("=cmd|' /C calc'!A1"), QStringLiteral("=HYPERLINK(\"http://x\",\"Open\")"),
        QStringLiteral("+SUM(A1:A9)"), QStringLiteral("-2+3+cmd|' /C calc'!A0"), QStringLiteral("@SUM(1+1)"),
        QStringLiteral("\t=1+1"), QStringLiteral("\r=1+1")};
    const QStringList harmless {QStringLiteral("+44 7700 900000"), QStringLiteral("-"), QStringLiteral("-5.25"),
        QStringLiteral("+1 (555) 010-0199"), QStringLiteral("Gate 3 = open"), QStringLiteral("'quoted'")};
    // Typed with an apostrophe of its own: written with a second one, read back as typed.
    const QString typed = QStringLiteral("'=typed with its apostrophe");
    ExportTable table;
    table.title = QStringLiteral("People");
    table.headers = {QStringLiteral("Name")};
    for (const QString &value : dangerous + harmless + QStringList {typed})
        table.rows.append({value});
    TempDir dir;
    const QString path = dir.path(QStringLiteral("people.csv"));
    writeCsvFile(table, path);
    const QString text = QString::fromUtf8(test::readFile(path));
    for (const QString &value : dangerous) {
        INFO(value.toStdString());
        CHECK(csvSafeText(value) == u'\'' + value);
        // No line of the file starts a cell with the formula's first character.
        CHECK_FALSE(text.contains(QStringLiteral("\r\n") + value));
        CHECK_FALSE(text.contains(QStringLiteral("\r\n\"") + value));
    }
    for (const QString &value : harmless) {
        INFO(value.toStdString());
        CHECK(csvSafeText(value) == value);
    }
    QList<QStringList> rows;
    REQUIRE(parseCsv(text, &rows));
    CHECK(csvSafeText(typed) == u'\'' + typed);
    REQUIRE(rows.size() == 2 + dangerous.size() + harmless.size());
    for (qsizetype i = 0; i < table.rows.size(); ++i)
        CHECK(rows.at(i + 1).value(0) == table.rows.at(i).at(0).toString());
}
