// Excel exports, read back with unzip and an XML parser (support/xlsxreader), not with the library
// that wrote them.
#include "support/testsupport.h"
#include "support/xlsxreader.h"

#include "base/clock.h"
#include "base/error.h"
#include "core/kpitestsupport.h"
#include "core/risktestsupport.h"
#include "io/exports.h"
#include "io/exporttable.h"
#include "kpi/kpiengine.h"

#include <QFileInfo>
#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;
using vigil::test::XlsxCell;

TEST_CASE("The export format follows the name's extension and reads back from its key", "[xlsx]")
{
    CHECK(exportFormatOfPath(QStringLiteral("/tmp/a/risks.xlsx")) == ExportFormat::Xlsx);
    CHECK(exportFormatOfPath(QStringLiteral("RISKS.XLSX")) == ExportFormat::Xlsx);
    CHECK(exportFormatOfPath(QStringLiteral("risks.csv")) == ExportFormat::Csv);
    CHECK_FALSE(exportFormatOfPath(QStringLiteral("risks")));
    CHECK_FALSE(exportFormatOfPath(QStringLiteral("risks.xls")));
    for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Xlsx}) {
        ExportFormat back = format == ExportFormat::Csv ? ExportFormat::Xlsx : ExportFormat::Csv;
        REQUIRE(exportFormatFromKey(exportFormatKey(format), &back));
        CHECK(back == format);
    }
    ExportFormat unknown = ExportFormat::Csv;
    CHECK_FALSE(exportFormatFromKey(QStringLiteral("pdf"), &unknown));
}

TEST_CASE("A table exports to xlsx with typed cells, a frozen header, an autofilter and fitting widths", "[xlsx]")
{
    TempDir dir;
    ExportTable table;
    table.title = QStringLiteral("Odd: [draft] */? register\\of everything, and a long tail");
    table.headers = {QStringLiteral("Text"), QStringLiteral("Whole"), QStringLiteral("Big"), QStringLiteral("Decimal"),
        QStringLiteral("Day"), QStringLiteral("When"), QStringLiteral("Flag"), QStringLiteral("Nothing"),
        QStringLiteral("Long")};
    const QString longText = QString(200, u'x');
    // Half past nine in the evening at UTC+2 is half past seven in UTC, as the CSV says.
    const QDateTime evening(QDate(2026, 3, 14), QTime(21, 30, 15), QTimeZone(7200));
    table.rows = {
        {QStringLiteral("=SUM(A1:A9)"), 42, qint64(9007199254740), 1234.5, QDate(2026, 12, 31), evening, true, QVariant(),
            longText},
        {QStringLiteral("نقطة التفتيش\nsecond line"), -7, qint64(0), 0.25, QDate(), QDateTime(), false, QString(),
            QStringLiteral("short")},
        {QStringLiteral("Expires"), QVariant(), QVariant(), QVariant(), QStringLiteral("Never"), QVariant(), QVariant(),
            QVariant(), QVariant()},
    };
    const QString path = dir.path(QStringLiteral("table.xlsx"));
    writeXlsxFile(table, path);
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("table.xlsx")}); // nothing else left behind
    CHECK(exportText(evening) == QStringLiteral("2026-03-14 19:30:15"));

    const test::XlsxSheet sheet = test::readXlsx(path);
    CHECK(sheet.title == table.title);
    // A tab's name has none of []:*?/\ and at most 31 characters.
    CHECK(sheet.sheetName.size() <= 31);
    CHECK(sheet.sheetName.startsWith(QStringLiteral("Odd- -draft- ---")));
    for (const QChar c : QStringView(u"[]:*?/\\"))
        CHECK_FALSE(sheet.sheetName.contains(c));
    REQUIRE(sheet.rowCount() == 4);
    CHECK(sheet.frozenHeader);
    CHECK(sheet.autoFilter == QStringLiteral("A1:I4"));

    // The header: bold text; the date-time column says it is in UTC.
    CHECK(sheet.headers()
          == (QStringList {QStringLiteral("Text"), QStringLiteral("Whole"), QStringLiteral("Big"), QStringLiteral("Decimal"),
              QStringLiteral("Day"), QStringLiteral("When (UTC)"), QStringLiteral("Flag"), QStringLiteral("Nothing"),
              QStringLiteral("Long")}));
    for (const XlsxCell &header : sheet.rows.at(0)) {
        CHECK(header.kind == XlsxCell::Kind::Text);
        CHECK(header.bold);
    }

    // Text stays text, a formula's text too.
    const XlsxCell &formula = sheet.cell(1, QStringLiteral("Text"));
    CHECK(formula.kind == XlsxCell::Kind::Text);
    CHECK(formula.text == QStringLiteral("=SUM(A1:A9)"));
    CHECK(sheet.cell(2, QStringLiteral("Text")).text == QStringLiteral("نقطة التفتيش\nsecond line"));
    // Numbers are numbers, not text.
    CHECK(sheet.cell(1, QStringLiteral("Whole")).kind == XlsxCell::Kind::Number);
    CHECK(sheet.cell(1, QStringLiteral("Whole")).number == 42);
    CHECK_FALSE(sheet.cell(1, QStringLiteral("Whole")).isDate());
    CHECK(sheet.cell(2, QStringLiteral("Whole")).number == -7);
    CHECK(sheet.cell(1, QStringLiteral("Big")).number == 9007199254740.0);
    CHECK(sheet.cell(2, QStringLiteral("Big")).kind == XlsxCell::Kind::Number); // a zero is a zero, not blank
    CHECK(sheet.cell(1, QStringLiteral("Decimal")).number == 1234.5);
    CHECK(sheet.cell(2, QStringLiteral("Decimal")).number == 0.25);
    // Dates are numbers shown as yyyy-mm-dd.
    const XlsxCell &day = sheet.cell(1, QStringLiteral("Day"));
    CHECK(day.kind == XlsxCell::Kind::Number);
    CHECK(day.isDate());
    CHECK(day.format == QStringLiteral("yyyy-mm-dd"));
    CHECK(day.date() == QDate(2026, 12, 31));
    CHECK(day.number == 46387);
    // A column may mix dates and words ("Never").
    CHECK(sheet.cell(3, QStringLiteral("Day")).kind == XlsxCell::Kind::Text);
    // Date-times in UTC, to the second.
    const XlsxCell &when = sheet.cell(1, QStringLiteral("When (UTC)"));
    CHECK(when.isDate());
    CHECK(when.format == QStringLiteral("yyyy-mm-dd hh:mm:ss"));
    CHECK(when.dateTime() == QDateTime(QDate(2026, 3, 14), QTime(19, 30, 15), Qt::UTC));
    // Booleans.
    CHECK(sheet.cell(1, QStringLiteral("Flag")).kind == XlsxCell::Kind::Boolean);
    CHECK(sheet.cell(1, QStringLiteral("Flag")).number == 1);
    CHECK(sheet.cell(2, QStringLiteral("Flag")).number == 0);
    // Nothing, an empty text and an invalid date are blank cells.
    for (int r = 1; r <= 3; ++r)
        CHECK(sheet.cell(r, QStringLiteral("Nothing")).kind == XlsxCell::Kind::Empty);
    CHECK(sheet.cell(2, QStringLiteral("Day")).kind == XlsxCell::Kind::Empty);
    CHECK(sheet.cell(2, QStringLiteral("When (UTC)")).kind == XlsxCell::Kind::Empty);
    CHECK(sheet.cell(3, QStringLiteral("Whole")).kind == XlsxCell::Kind::Empty);

    // Widths: from the longest text (a text's longest line, a header with room for its filter
    // button), between 8 and 60 characters.
    REQUIRE(sheet.widths.size() == 9);
    for (const double width : sheet.widths) {
        CHECK(width >= 8);
        CHECK(width <= 61); // Excel adds its padding to the 60 asked for
    }
    CHECK(sheet.widths.at(8) > 59);  // 200 characters: the most
    CHECK(sheet.widths.at(7) < 12);  // "Nothing": the least
    CHECK(sheet.widths.at(5) >= 19); // a date-time shows 19 characters
    CHECK(sheet.widths.at(0) >= 12); // the longest line (12 characters), not the whole text
    CHECK(sheet.widths.at(0) < 16);
}

TEST_CASE("An empty register exports to a workbook of its header alone", "[xlsx]")
{
    TempDir dir;
    ExportTable table;
    table.title = QStringLiteral("Corrective actions");
    table.headers = {QStringLiteral("Reference"), QStringLiteral("Due")};
    const QString path = dir.path(QStringLiteral("empty.xlsx"));
    writeXlsxFile(table, path);
    const test::XlsxSheet sheet = test::readXlsx(path);
    CHECK(sheet.sheetName == QStringLiteral("Corrective actions"));
    CHECK(sheet.rowCount() == 1);
    CHECK(sheet.headers() == (QStringList {QStringLiteral("Reference"), QStringLiteral("Due")}));
    CHECK(sheet.frozenHeader);
    CHECK(sheet.autoFilter == QStringLiteral("A1:B1"));
}

TEST_CASE("The risk register exports to xlsx with its dates and numbers typed", "[xlsx][risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Risk risk = test::makeRisk(QStringLiteral("Theft, \"organised\", from bay 4"), 4, 4, 3, 3);
    risk.vulnerability = QStringLiteral("البوابة الشمالية بلا إضاءة");
    risk.reviewDate = QDate(2026, 12, 31);
    risk.reviewMonths = 6;
    risk.ownerId = test::addPerson(*db, QStringLiteral("Okafor, Dana"));
    risks.create(risk);
    risks.create(test::makeRisk(QStringLiteral("Tailgating at the staff gate"), 3, 2, 2, 2));

    const QString path = dir.path(QStringLiteral("risks.xlsx"));
    writeExportFile(risks.exportTable({}), path, ExportFormat::Xlsx);
    const test::XlsxSheet sheet = test::readXlsx(path);
    CHECK(sheet.sheetName == QStringLiteral("Risk register"));
    REQUIRE(sheet.rowCount() == 3);
    CHECK(sheet.headers() == risks.exportTable({}).headers);
    CHECK(sheet.cell(1, QStringLiteral("Reference")).text == QStringLiteral("RSK-0001"));
    CHECK(sheet.cell(1, QStringLiteral("Title")).text == risk.title);
    CHECK(sheet.cell(1, QStringLiteral("Vulnerability")).text == risk.vulnerability);
    CHECK(sheet.cell(1, QStringLiteral("Owner")).text == QStringLiteral("Okafor, Dana"));
    const XlsxCell &review = sheet.cell(1, QStringLiteral("Review date"));
    CHECK(review.isDate());
    CHECK(review.date() == QDate(2026, 12, 31));
    CHECK(sheet.cell(1, QStringLiteral("Review every (months)")).kind == XlsxCell::Kind::Number);
    CHECK(sheet.cell(1, QStringLiteral("Review every (months)")).number == 6);
    CHECK(sheet.cell(1, QStringLiteral("Inherent likelihood")).number == 4);
    CHECK(sheet.cell(1, QStringLiteral("Inherent level")).text == QStringLiteral("High"));
    CHECK(sheet.cell(1, QStringLiteral("Target level")).kind == XlsxCell::Kind::Empty);
    CHECK(sheet.cell(2, QStringLiteral("Reference")).text == QStringLiteral("RSK-0002"));
}

TEST_CASE("Manual KPI values export with their period, value, unit and who entered them", "[xlsx][kpi][manual]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const Kpi patrols = test::builtIn(*db, KpiKey::PatrolsCompleted);
    const Kpi audit = test::builtIn(*db, KpiKey::AuditScore);
    KpiValueRepository values(*db);
    values.setValue(patrols.id, QDate(2026, 3, 1), 96, QStringLiteral("two rounds missed in the storm"));
    values.setValue(patrols.id, QDate(2026, 2, 1), 99);
    values.setValue(audit.id, QDate(2026, 1, 1), 92.5);
    pinned.clock().advanceSeconds(3600);
    values.setValue(audit.id, QDate(2026, 1, 1), 93.1);

    const QList<ExportKind> kinds = exportKinds();
    const auto kind = std::find_if(kinds.begin(), kinds.end(), [](const ExportKind &k) { return k.key == QLatin1String("kpi_values"); });
    REQUIRE(kind != kinds.end());
    CHECK_FALSE(kind->asOfToday);
    const ExportTable table = kind->build(*db);
    REQUIRE(table.rows.size() == 3);
    const auto column = [&](const char *name) { return table.headers.indexOf(QLatin1String(name)); };
    // In the KPIs' display order, each one's periods oldest first.
    const bool patrolsFirst = patrols.sortOrder < audit.sortOrder;
    const QVariantList february = table.rows.at(patrolsFirst ? 0 : 1);
    const QVariantList march = table.rows.at(patrolsFirst ? 1 : 2);
    const QVariantList quarter = table.rows.at(patrolsFirst ? 2 : 0);
    CHECK(march.at(column("KPI")) == patrols.name);
    CHECK(march.at(column("Key")) == QString::fromLatin1(KpiKey::PatrolsCompleted));
    CHECK(march.at(column("Period")) == QStringLiteral("2026-03"));
    CHECK(march.at(column("Period start")) == QDate(2026, 3, 1));
    CHECK(march.at(column("Value")) == 96.0);
    CHECK(march.at(column("Unit")) == patrols.unit);
    CHECK(march.at(column("Note")) == QStringLiteral("two rounds missed in the storm"));
    CHECK(february.at(column("Period")) == QStringLiteral("2026-02"));
    CHECK(quarter.at(column("Period")) == QStringLiteral("2026-Q1"));
    CHECK(quarter.at(column("Value")) == 93.1);
    CHECK(quarter.at(column("Entered")).toDateTime() == QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC));
    CHECK(quarter.at(column("Changed")).toDateTime() == QDateTime(QDate(2026, 3, 14), QTime(10, 30), Qt::UTC));
    CHECK_FALSE(quarter.at(column("Entered by")).toString().isEmpty());

    const QString path = dir.path(QStringLiteral("kpi-values.xlsx"));
    writeXlsxFile(table, path);
    const test::XlsxSheet sheet = test::readXlsx(path);
    CHECK(sheet.sheetName == QStringLiteral("KPI values"));
    REQUIRE(sheet.rowCount() == 4);
    const int q = patrolsFirst ? 3 : 1;
    CHECK(sheet.cell(q, QStringLiteral("Period")).text == QStringLiteral("2026-Q1"));
    CHECK(sheet.cell(q, QStringLiteral("Period start")).date() == QDate(2026, 1, 1));
    CHECK(sheet.cell(q, QStringLiteral("Value")).kind == XlsxCell::Kind::Number);
    CHECK(sheet.cell(q, QStringLiteral("Value")).number == Approx(93.1));
    CHECK(sheet.cell(q, QStringLiteral("Changed (UTC)")).dateTime() == QDateTime(QDate(2026, 3, 14), QTime(10, 30), Qt::UTC));
}

TEST_CASE("Every register exports to a workbook that reads back with its row count", "[xlsx]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    RiskRepository(*db).create(test::makeRisk(QStringLiteral("Copper theft"), 4, 4, 3, 3));
    test::addPerson(*db, QStringLiteral("Lee Whitfield"));
    KpiValueRepository(*db).setValue(test::builtIn(*db, KpiKey::PatrolsCompleted).id, QDate(2026, 2, 1), 97);
    for (const ExportKind &kind : exportKinds()) {
        INFO(kind.key);
        const ExportTable table = kind.build(*db);
        const QString path = dir.path(kind.key + QStringLiteral(".xlsx"));
        writeExportFile(table, path, ExportFormat::Xlsx);
        const test::XlsxSheet sheet = test::readXlsx(path);
        CHECK(sheet.rowCount() == table.rows.size() + 1);
        CHECK(sheet.headers().size() == table.headers.size());
        CHECK(sheet.frozenHeader);
        CHECK_FALSE(sheet.autoFilter.isEmpty());
        CHECK_FALSE(sheet.sheetName.isEmpty());
        CHECK(sheet.sheetName.size() <= 31);
    }
}

TEST_CASE("An xlsx export to a place that cannot be written fails cleanly and leaves no partial file", "[xlsx]")
{
    TempDir dir;
    ExportTable table;
    table.title = QStringLiteral("Risk register");
    table.headers = {QStringLiteral("a")};
    table.rows = {{QStringLiteral("1")}, {2}};
    test::writeFile(dir.path(QStringLiteral("file")), "x");

    // A folder that is a file: the message names the path; nothing is made.
    const QString blocked = dir.path(QStringLiteral("file/inside.xlsx"));
    try {
        writeXlsxFile(table, blocked);
        FAIL("the export was written");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("file/inside.xlsx")));
        CHECK(e.message().contains(QStringLiteral("cannot be written")));
    }
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("file")});

    // An existing export is replaced only by a complete one: a sheet Excel cannot hold fails
    // before anything is replaced, and the old file stays as it was.
    const QString out = dir.path(QStringLiteral("out.xlsx"));
    writeXlsxFile(table, out);
    const QByteArray before = test::sha256(out);
    ExportTable tooWide = table;
    for (int c = 0; c < 16384; ++c)
        tooWide.headers.append(QStringLiteral("c%1").arg(c));
    try {
        writeXlsxFile(tooWide, out, OutputOptions {true, {}});
        FAIL("a sheet of 16,385 columns was written");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("out.xlsx")));
        CHECK(e.message().contains(QStringLiteral("CSV")));
    }
    CHECK(test::sha256(out) == before);
    CHECK(test::listDir(dir.root()) == (QStringList {QStringLiteral("file"), QStringLiteral("out.xlsx")}));
    CHECK(test::readXlsx(out).rowCount() == 3);
}

TEST_CASE("Text longer than an Excel cell holds is cut and says so", "[xlsx]")
{
    TempDir dir;
    ExportTable table;
    table.title = QStringLiteral("Incident log");
    table.headers = {QStringLiteral("Description")};
    table.rows = {{QString(40000, u'é')}};
    const QString path = dir.path(QStringLiteral("long.xlsx"));
    writeXlsxFile(table, path);
    const test::XlsxSheet sheet = test::readXlsx(path);
    REQUIRE(sheet.rowCount() == 2);
    const QString text = sheet.cell(1, QStringLiteral("Description")).text;
    CHECK(text.size() <= 32767);
    CHECK(text.startsWith(QString(1000, u'é')));
    CHECK(text.endsWith(QStringLiteral("]")));
}

TEST_CASE("A text longer than Excel holds in a cell is cut, marked and reported", "[xlsx]")
{
    TempDir dir;
    ExportTable table;
    table.title = QStringLiteral("Incident log");
    table.headers = {QStringLiteral("Reference"), QStringLiteral("Description")};
    table.rows = {{QStringLiteral("INC-1"), QStringLiteral("short")}, {QStringLiteral("INC-2"), QString(40000, u'x')}};
    const ExportWritten written = writeXlsxFile(table, dir.path(QStringLiteral("log.xlsx")));
    CHECK(written.cutCells == QStringList {QStringLiteral("row 3, Description")});
    CHECK(cutCellsNote(written.cutCells).contains(QStringLiteral("row 3, Description")));
    CHECK(test::readXlsx(dir.path(QStringLiteral("log.xlsx"))).cell(2, QStringLiteral("Description")).text.endsWith(QStringLiteral("[cut: Excel holds 32,767 characters in a cell]")));
    // The CSV keeps it whole.
    CHECK(writeCsvFile(table, dir.path(QStringLiteral("log.csv"))).cutCells.isEmpty());
}
