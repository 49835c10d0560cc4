// Damaged and hostile Excel workbooks: refused whole with one sentence, never read as far as
// they go (which stored rows with the wrong text).
#include "support/testsupport.h"

#include "base/error.h"
#include "import/sourcetable.h"
#include "testconfig.h"

#include <QFile>
#include <QHash>
#include <QProcess>

#include <catch2/catch.hpp>

#include <array>

using namespace vigil;
using vigil::test::TempDir;

namespace {

const QString libreOfficeWorkbook = QStringLiteral(VIGIL_TEST_DATA_DIR "/libreoffice-incidents.xlsx");
const QStringList partNames {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
    QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"), QStringLiteral("xl/styles.xml"),
    QStringLiteral("xl/sharedStrings.xml"), QStringLiteral("xl/worksheets/sheet1.xml")};

QByteArray partOf(const QString &workbook, const QString &part)
{
    QProcess unzip;
    // unzip reads a name as a pattern: [Content_Types].xml's brackets are escaped.
    QString pattern = part;
    pattern.replace(u'[', QStringLiteral("\\[")).replace(u']', QStringLiteral("\\]"));
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), workbook, pattern});
    REQUIRE(unzip.waitForFinished(20000));
    REQUIRE(unzip.exitCode() == 0);
    return unzip.readAllStandardOutput();
}

quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char b : bytes)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(QByteArray &out, quint32 v)
{
    out.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

// A zip of stored (uncompressed) parts, as an .xlsx is one. declared: sizes the central directory
// claims for some parts once unpacked (what a zip bomb says of itself).
QByteArray storedZip(const QList<std::pair<QString, QByteArray>> &parts, const QHash<QString, quint32> &declared = {})
{
    QByteArray out;
    QByteArray central;
    for (const auto &[name, data] : parts) {
        const QByteArray n = name.toUtf8();
        const quint32 offset = quint32(out.size());
        const quint32 crc = crc32(data);
        put32(out, 0x04034b50);
        put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0x21);
        put32(out, crc); put32(out, quint32(data.size())); put32(out, quint32(data.size()));
        put16(out, quint32(n.size())); put16(out, 0);
        out += n + data;
        put32(central, 0x02014b50);
        put16(central, 20); put16(central, 20); put16(central, 0); put16(central, 0); put16(central, 0);
        put16(central, 0x21);
        put32(central, crc); put32(central, quint32(data.size())); put32(central, declared.value(name, quint32(data.size())));
        put16(central, quint32(n.size())); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0);
        put32(central, 0); put32(central, offset);
        central += n;
    }
    const quint32 centralOffset = quint32(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0); put16(out, 0); put16(out, quint32(parts.size())); put16(out, quint32(parts.size()));
    put32(out, quint32(central.size())); put32(out, centralOffset); put16(out, 0);
    return out;
}

// The LibreOffice workbook with one part replaced.
QString workbookWith(const TempDir &dir, const QString &part, const QByteArray &replacement,
    const QHash<QString, quint32> &declared = {})
{
    QList<std::pair<QString, QByteArray>> parts;
    for (const QString &name : partNames)
        parts.append({name, name == part ? replacement : partOf(libreOfficeWorkbook, name)});
    const QString path = dir.path(QStringLiteral("damaged.xlsx"));
    test::writeFile(path, storedZip(parts, declared));
    return path;
}

QString errorReading(const QString &path)
{
    try {
        readSourceFile(path);
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

TEST_CASE("A workbook rebuilt from its own parts reads as the original", "[import][xlsx]")
{
    // The test's zip writer is sound: the same parts give the same rows.
    TempDir dir;
    const QString same = workbookWith(dir, QString(), {});
    CHECK(readSourceFile(same).rows == readSourceFile(libreOfficeWorkbook).rows);
}

TEST_CASE("A workbook with a damaged part is refused whole, naming the part", "[import][xlsx]")
{
    TempDir dir;
    const QByteArray strings = partOf(libreOfficeWorkbook, QStringLiteral("xl/sharedStrings.xml"));
    const QByteArray sheet = partOf(libreOfficeWorkbook, QStringLiteral("xl/worksheets/sheet1.xml"));
    const QByteArray styles = partOf(libreOfficeWorkbook, QStringLiteral("xl/styles.xml"));
    QList<std::tuple<QString, QByteArray, const char *>> cases {
        // Cut off before </sst>: the texts after the cut were read as empty before.
        {QStringLiteral("xl/sharedStrings.xml"), strings.left(strings.indexOf("</sst>") - 40), "xl/sharedStrings.xml"},
        {QStringLiteral("xl/worksheets/sheet1.xml"), sheet.left(sheet.size() / 2), "xl/worksheets/sheet1.xml"},
        {QStringLiteral("xl/styles.xml"), styles.left(styles.size() - 30), "xl/styles.xml"},
        // A billion laughs: entities expanding to gigabytes.
        {QStringLiteral("xl/sharedStrings.xml"),
            QByteArray("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
                       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                       "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                       "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
                       "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&g;</t></si></sst>"),
            "xl/sharedStrings.xml"},
        // Well-formed, but too few texts for the cells that use them.
        {QStringLiteral("xl/sharedStrings.xml"),
            QByteArray("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                       "<si><t>Case No</t></si></sst>"),
            "shared string"},
    };
    QByteArray farRow = sheet;
    farRow.replace("<row r=\"2\"", "<row r=\"2000000000\"");
    QByteArray farColumn = sheet;
    farColumn.replace(" r=\"A2\"", " r=\"ZZZZZZ2\"");
    REQUIRE(farRow != sheet);
    REQUIRE(farColumn != sheet);
    cases.append({QStringLiteral("xl/worksheets/sheet1.xml"), farRow, "rows a sheet can have"});
    cases.append({QStringLiteral("xl/worksheets/sheet1.xml"), farColumn, "columns a sheet can have"});
    for (const auto &[part, bytes, named] : cases) {
        INFO(part.toStdString() << ": " << bytes.left(80).toStdString());
        const QString error = errorReading(workbookWith(dir, part, bytes));
        CHECK(error.contains(QStringLiteral("is damaged")));
        CHECK(error.contains(QLatin1String(named)));
        CHECK(error.contains(QStringLiteral("nothing was imported")));
    }
}

TEST_CASE("Imports refuse what would take the computer's memory, in one sentence", "[import][limits]")
{
    TempDir dir;
    // A workbook part that says it unpacks to 3 GB (a zip bomb of 2 MB does): refused before
    // anything is unpacked.
    const QString bomb = workbookWith(dir, QString(), {}, {{QStringLiteral("xl/worksheets/sheet1.xml"), 3'000'000'000u}});
    const QString bombError = errorReading(bomb);
    CHECK(bombError.contains(QStringLiteral("xl/worksheets/sheet1.xml")));
    CHECK(bombError.contains(QStringLiteral("nothing was imported")));

    // A file larger than any real log (sparse: nothing is written to the disk).
    const QString huge = dir.path(QStringLiteral("huge.csv"));
    {
        QFile file(huge);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Reference,Occurred\n");
        REQUIRE(file.resize(maxImportFileBytes + 1));
    }
    CHECK(errorReading(huge).contains(QStringLiteral("Split it into smaller files")));

    // One field longer than anything Vigil stores: a quote that never closes swallows the rest of
    // a file, or a file is one endless line.
    QByteArray csv = "Reference,Occurred,Description\nA-1,2026-01-02 08:00,\"Gate left open\n";
    csv += QByteArray(maxImportFieldChars + 10, 'x');
    csv += "\nA-2,2026-01-03 09:00,\"Quoted\"\n";
    const QString broken = dir.path(QStringLiteral("broken.csv"));
    test::writeFile(broken, csv);
    const QString fieldError = errorReading(broken);
    CHECK(fieldError.contains(QStringLiteral("row 2, column 3")));
    CHECK(fieldError.size() < 400); // the sentence, not the field
}

TEST_CASE("A workbook whose zip holds a damaged part is refused, not read as if the part were missing", "[import][xlsx]")
{
    // The styles part with one byte changed after its checksum was taken: read as missing, its
    // date styles were lost and dates came in as serial numbers.
    TempDir dir;
    const QString path = workbookWith(dir, QString(), {});
    QByteArray zip = test::readFile(path);
    const qsizetype at = zip.indexOf("<cellXfs");
    REQUIRE(at > 0);
    zip[at + 1] = 'C';
    test::writeFile(path, zip);
    const QString error = errorReading(path);
    CHECK(error.contains(QStringLiteral("is damaged")));
    CHECK(error.contains(QStringLiteral("xl/styles.xml")));
}
