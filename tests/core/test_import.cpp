#include "support/testsupport.h"

#include "base/error.h"
#include "base/timeformat.h"
#include "import/incidentimport.h"
#include "actions/correctiveaction.h"
#include "import/peopleimport.h"
#include "import/recordimport.h"
#include "risks/criteriarepository.h"
#include "risks/riskrepository.h"
#include "training/trainingrepository.h"
#include "people/person.h"
#include "training/training.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentrepository.h"
#include "storage/auditlog.h"
#include "storage/healthcheck.h"
#include "io/exporttable.h"
#include "storage/query.h"
#include "testconfig.h"
#include "core/incidenttestsupport.h"

#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

#include <ctime>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

QString write(const TempDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.path(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    return path;
}

int incidentCount(Database &db)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM incidents")).toInt();
}

ImportProfile profile()
{
    ImportProfile p;
    p.kind = QStringLiteral("incidents");
    p.columns = {{QStringLiteral("externalReference"), QStringLiteral("Ref")},
        {QStringLiteral("occurredAt"), QStringLiteral("When")}, {QStringLiteral("description"), QStringLiteral("What")},
        {QStringLiteral("category"), QStringLiteral("Type")}, {QStringLiteral("severity"), QStringLiteral("Grade")},
        {QStringLiteral("location"), QStringLiteral("Where")}};
    p.values = {{QStringLiteral("category"), {{QStringLiteral("THEFT"), QStringLiteral("Theft")}}},
        {QStringLiteral("severity"), {{QStringLiteral("1"), QStringLiteral("low")}, {QStringLiteral("3"), QStringLiteral("high")}}}};
    return p;
}

const QByteArray sample = "Ref;When;What;Type;Grade;Where\r\n"
                          "A-1;2026-03-02 08:15;\"Cable cut,\nsecond line\";THEFT;1;Gate 2\r\n"
                          "A-2;2026-03-03 22:40;Fence climbed;Trespass / unauthorised entry;3;North fence\r\n"
                          "A-3;2026-03-04;Van keys lost;Lost property;1;Car park\r\n"
                          "A-4;2026-13-01;Bad date;THEFT;1;Yard\r\n"
                          "A-1;2026-03-02 08:15;\"Cable cut,\nsecond line\";THEFT;1;Gate 2\r\n";

} // namespace

TEST_CASE("Text is read in the encoding it was written in, and binary files are refused", "[import]")
{
    QString encoding;
    CHECK(decodeText("\xEF\xBB\xBF" "caf\xC3\xA9", QStringLiteral("a.csv"), &encoding) == QStringLiteral("café"));
    CHECK(encoding == QStringLiteral("UTF-8"));
    CHECK(decodeText("caf\xC3\xA9", QStringLiteral("a.csv"), &encoding) == QStringLiteral("café"));
    const QString text = QStringLiteral("Zoë;€5");
    QByteArray utf16le("\xFF\xFE");
    for (QChar c : text)
        utf16le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
    CHECK(decodeText(utf16le, QStringLiteral("a.csv"), &encoding) == text);
    CHECK(encoding == QStringLiteral("UTF-16LE"));
    QByteArray utf16be("\xFE\xFF");
    for (QChar c : text)
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
    CHECK(decodeText(utf16be, QStringLiteral("a.csv"), &encoding) == text);
    // Not UTF-8: Windows-1252, with its euro sign and curly quotes.
    CHECK(decodeText("Caf\xE9 \x80" "5 \x93ok\x94", QStringLiteral("a.csv"), &encoding) == QStringLiteral("Café €5 “ok”"));
    CHECK(encoding == QStringLiteral("Windows-1252"));
    CHECK_THROWS_WITH(decodeText(QByteArray("PK\x03\x04\0\0binary", 12), QStringLiteral("photo.zip"), &encoding),
        Catch::Contains("not a text file"));
}

TEST_CASE("The delimiter is found from the file, quotes and line breaks in fields kept", "[import]")
{
    CHECK(sniffDelimiter(QStringLiteral("a,b,c\n1,2,3\n")) == u',');
    CHECK(sniffDelimiter(QStringLiteral("a;b;c\n\"1,5\";2;3\n\"x,y,z\";4;5\n")) == u';');
    CHECK(sniffDelimiter(QStringLiteral("a\tb\tc\n1,5\t2\t3\n")) == u'\t');
    TempDir dir;
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("s.csv"), sample));
    CHECK(table.delimiter == u';');
    CHECK(table.headers == QStringList {QStringLiteral("Ref"), QStringLiteral("When"), QStringLiteral("What"),
                               QStringLiteral("Type"), QStringLiteral("Grade"), QStringLiteral("Where")});
    REQUIRE(table.rows.size() == 5);
    CHECK(table.rows.at(0).at(2) == QStringLiteral("Cable cut,\nsecond line"));

    const SourceTable headerOnly = readCsvFile(write(dir, QStringLiteral("h.csv"), "Ref,When,What\r\n"));
    CHECK(headerOnly.rows.isEmpty());
    CHECK_THROWS_WITH(readCsvFile(write(dir, QStringLiteral("e.csv"), "")), Catch::Contains("is empty"));
    CHECK_THROWS_WITH(readCsvFile(dir.path(QStringLiteral("none.csv"))), Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(readCsvFile(write(dir, QStringLiteral("q.csv"), "a,b\n\"open,2\n")), Catch::Contains("not well-formed"));
    // One 10 MB field.
    const QByteArray big(10 * 1024 * 1024, 'x');
    const SourceTable huge = readCsvFile(write(dir, QStringLiteral("big.csv"), "Note\n\"" + big + "\"\n"));
    REQUIRE(huge.rows.size() == 1);
    CHECK(huge.rows.at(0).at(0).size() == big.size());
}

TEST_CASE("Dates in every format, with the ambiguous case left to the user", "[import]")
{
    const auto read = [](const char *text, DateFormat format) { return parseImportDate(QString::fromLatin1(text), format); };
    CHECK(read("2026-02-18", DateFormat::Iso) == QDateTime(QDate(2026, 2, 18), QTime(0, 0)));
    CHECK(read("2026-02-18 21:43:32", DateFormat::Iso) == QDateTime(QDate(2026, 2, 18), QTime(21, 43, 32)));
    CHECK(read("2026-02-18T21:43", DateFormat::Iso) == QDateTime(QDate(2026, 2, 18), QTime(21, 43)));
    CHECK(read("2026-02-18T21:43:00Z", DateFormat::Iso) == QDateTime(QDate(2026, 2, 18), QTime(21, 43), Qt::UTC));
    CHECK(read("02/18/2026 01:03 AM", DateFormat::MonthFirst) == QDateTime(QDate(2026, 2, 18), QTime(1, 3)));
    CHECK(read("02/18/2026 12:05 AM", DateFormat::MonthFirst) == QDateTime(QDate(2026, 2, 18), QTime(0, 5)));
    CHECK(read("02/18/2026 12:05 PM", DateFormat::MonthFirst) == QDateTime(QDate(2026, 2, 18), QTime(12, 5)));
    CHECK(read("02/18/2026 08:47 pm", DateFormat::MonthFirst) == QDateTime(QDate(2026, 2, 18), QTime(20, 47)));
    CHECK(read("18/02/2026 13:05", DateFormat::DayFirst) == QDateTime(QDate(2026, 2, 18), QTime(13, 5)));
    CHECK(read("18.02.2026", DateFormat::Dotted) == QDateTime(QDate(2026, 2, 18), QTime(0, 0)));
    CHECK(read("46071.5", DateFormat::Serial) == QDateTime(QDate(2026, 2, 18), QTime(12, 0)));
    CHECK_FALSE(read("02/30/2026", DateFormat::MonthFirst)); // no such day
    CHECK_FALSE(read("13/18/2026", DateFormat::MonthFirst));
    CHECK_FALSE(read("02/18/2026 13:05 PM", DateFormat::MonthFirst));
    CHECK_FALSE(read("yesterday", DateFormat::Iso));
    // ISO's edges: one-digit fields where they may be, fractions of a second, and nothing else.
    CHECK(read(" 2026-2-8 7:05 ", DateFormat::Iso) == QDateTime(QDate(2026, 2, 8), QTime(7, 5)));
    CHECK(read("2026-02-18T21:43:07.123456Z", DateFormat::Iso) == QDateTime(QDate(2026, 2, 18), QTime(21, 43, 7), Qt::UTC));
    for (const char *bad : {"2026-02-18T", "2026-02-18 21", "2026-02-18 21:4", "2026-02-18 21:43:", "2026-02-18 21:43:07.",
             "2026-02-18Z", "2026-02-18 24:00", "2026-02-18 21:60", "20260-02-18", "2026-123-01", "2026-02-18 21:43 Z",
             "2026/02/18", "2026-02-29", "2026-02-18 21:43:07x"})
        CHECK_FALSE(read(bad, DateFormat::Iso));
    CHECK_FALSE(parseImportDate(QStringLiteral("2026-02-18 \u0660\u0668:15"), DateFormat::Iso)); // only ASCII digits

    CHECK(dateFormatsFitting({QStringLiteral("02/18/2026 01:03 AM"), QStringLiteral("03/04/2026 10:00 PM")})
        == QList<DateFormat> {DateFormat::MonthFirst});
    CHECK(dateFormatsFitting({QStringLiteral("18/02/2026"), QStringLiteral("03/04/2026")}) == QList<DateFormat> {DateFormat::DayFirst});
    const QList<DateFormat> both = dateFormatsFitting({QStringLiteral("03/04/2025"), QStringLiteral("05/06/2025"), QString()});
    CHECK(both == QList<DateFormat> {DateFormat::MonthFirst, DateFormat::DayFirst});
    CHECK(dateFormatsFitting({QStringLiteral("soon")}).isEmpty());
}

TEST_CASE("Times marked Z, and times of a file said to be in UTC, are the moments they name wherever the site is", "[import]")
{
    // The site is in Berlin (UTC+1 in February); restored afterwards for the other tests.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const auto restore = qScopeGuard([&] {
        zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone);
        tzset();
    });
    const QDateTime utc(QDate(2026, 2, 18), QTime(21, 43), Qt::UTC);
    const auto moment = [](const char *text, Qt::TimeSpec clock) {
        return parseImportMoment(QString::fromLatin1(text), DateFormat::Iso, clock);
    };
    CHECK(moment("2026-02-18T21:43:00Z", Qt::UTC) == utc);
    CHECK(moment("2026-02-18T21:43:00Z", Qt::LocalTime) == utc);
    CHECK(moment("2026-02-18 21:43", Qt::UTC) == utc);
    CHECK(moment("2026-02-18 22:43", Qt::LocalTime) == utc);
    CHECK(moment("2026-02-18 22:43", Qt::LocalTime)->timeSpec() == Qt::UTC);
    CHECK(parseImportDate(QStringLiteral("2026-02-18T21:43:00Z"), DateFormat::Iso)->time() == QTime(22, 43));
    // A spreadsheet day number is a clock reading with no zone, including on the night the
    // clocks go forward (29 March 2026, 02:00 to 03:00 in Berlin).
    CHECK(parseImportMoment(QStringLiteral("46110.5"), DateFormat::Serial, Qt::UTC)
        == QDateTime(QDate(2026, 3, 29), QTime(12, 0), Qt::UTC));

    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    ImportProfile exported = profile();
    exported.utcTimes = true;
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("export.csv"),
        "Ref,When,What,Type,Grade,Where\n"
        "Z-1,2026-02-18T21:43:00.000Z,Van broken into,Theft,high,Gate 2\n"
        "Z-2,2026-02-18 21:50,Second van,Theft,high,Gate 2\n"));
    const ImportSummary summary = importIncidents(*db, table, exported);
    REQUIRE(summary.imported == 2);
    CHECK(scalar(*db, QStringLiteral("SELECT occurred_at FROM incidents WHERE external_reference = 'Z-1'")).toString()
        == QLatin1String("2026-02-18T21:43:00.000Z"));
    CHECK(scalar(*db, QStringLiteral("SELECT occurred_at FROM incidents WHERE external_reference = 'Z-2'")).toString()
        == QLatin1String("2026-02-18T21:50:00.000Z"));
}

TEST_CASE("An incident import checks every row first and lands whole or not at all", "[import]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("log.csv"), sample));

    // Lost property is no category of Vigil's; 2026-13-01 is no date; A-1 comes twice.
    ImportSummary checked = importIncidents(*db, table, profile());
    CHECK(checked.read == 5);
    CHECK(checked.invalid == 2);
    CHECK(checked.duplicates == 1);
    CHECK_FALSE(checked.written);
    CHECK(incidentCount(*db) == 0);
    REQUIRE(checked.problems.size() == 2);
    CHECK(checked.problems.at(0).row == 4);
    CHECK(checked.problems.at(0).column == QStringLiteral("Type"));
    CHECK(checked.problems.at(0).value == QStringLiteral("Lost property"));
    CHECK(checked.problems.at(1).row == 5);
    CHECK(checked.problems.at(1).column == QStringLiteral("When"));
    CHECK(checked.unknown == QList<UnknownValue> {{QStringLiteral("category"), QStringLiteral("Lost property"), 1}});
    CHECK(problemsCsv(checked.problems).contains("4,Type,Lost property,"));

    ImportOptions dry;
    dry.dryRun = true;
    dry.skipInvalid = true;
    const ImportSummary dryRun = importIncidents(*db, table, profile(), dry);
    CHECK(dryRun.imported == 2);
    CHECK_FALSE(dryRun.written);
    CHECK(incidentCount(*db) == 0);

    // Cancelled part-way: nothing written.
    ImportOptions cancel;
    cancel.skipInvalid = true;
    cancel.progress = [](int, int) { return false; };
    CHECK_THROWS_WITH(importIncidents(*db, table, profile(), cancel), Catch::Contains("cancelled"));
    CHECK(incidentCount(*db) == 0);

    // Mapped and created: every valid row, once.
    ImportProfile create = profile();
    create.createMissing = {QStringLiteral("category")};
    ImportOptions skip;
    skip.skipInvalid = true;
    const ImportSummary done = importIncidents(*db, table, create, skip);
    CHECK(done.written);
    CHECK(done.imported == 3);
    CHECK(done.createdValues == 1);
    CHECK(done.invalid == 1);
    CHECK(incidentCount(*db) == 3);
    const qint64 a1 = scalar(*db, QStringLiteral("SELECT id FROM incidents WHERE external_reference = 'A-1'")).toLongLong();
    const Incident first = IncidentRepository(*db).load(a1);
    CHECK(first.description == QStringLiteral("Cable cut,\nsecond line"));
    CHECK(first.occurredAt == QDateTime(QDate(2026, 3, 2), QTime(8, 15)).toUTC());
    CHECK(first.severity == Severity::Low);
    CHECK(first.location == QStringLiteral("Gate 2"));
    CHECK(CategoryRepository(*db).load(first.categoryId).value().name == QStringLiteral("Theft"));
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incident_categories WHERE name = 'Lost property'")).toInt() == 1);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'incidents' AND context LIKE "
                                     "'Imported from log.csv, line %'"))
              .toInt()
        == 3);

    // Again: all already there.
    const ImportSummary again = importIncidents(*db, table, create, skip);
    CHECK(again.imported == 0);
    CHECK(again.duplicates == 4);
    CHECK_FALSE(again.written);
    // Or updated, by choice.
    create.updateDuplicates = true;
    create.values[QStringLiteral("severity")][QStringLiteral("1")] = QStringLiteral("medium");
    const ImportSummary updated = importIncidents(*db, table, create, skip);
    CHECK(updated.updated == 3);
    CHECK(IncidentRepository(*db).load(a1).severity == Severity::Medium);
    CHECK(incidentCount(*db) == 3);
    test::requireHealthy(*db);
}

TEST_CASE("Ambiguous dates stop the import until the profile says which", "[import]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("d.csv"),
        "Ref,When,What,Type,Grade,Where\n1,03/02/2026,Door forced,THEFT,1,Gate\n2,05/01/2026,Bag taken,THEFT,1,Gate\n"));
    CHECK_THROWS_WITH(importIncidents(*db, table, profile()), Catch::Contains("could be month first"));
    ImportProfile dayFirst = profile();
    dayFirst.dateFormat = QStringLiteral("dmy");
    const ImportSummary done = importIncidents(*db, table, dayFirst);
    CHECK(done.imported == 2);
    // Day first: 5 January and 3 February.
    CHECK(scalar(*db, QStringLiteral("SELECT min(occurred_at) FROM incidents")).toString()
        == toStoredUtc(QDateTime(QDate(2026, 1, 5), QTime(0, 0)).toUTC()));
    ImportProfile missing = profile();
    missing.columns[QStringLiteral("location")] = QStringLiteral("Site");
    CHECK_THROWS_WITH(importIncidents(*db, table, missing), Catch::Contains("no column 'Site'"));
}

TEST_CASE("An import profile round-trips as JSON and a broken one is refused", "[import]")
{
    TempDir dir;
    ImportProfile p = profile();
    p.defaults = {{QStringLiteral("severity"), QStringLiteral("low")}};
    p.createMissing = {QStringLiteral("category")};
    p.updateDuplicates = true;
    p.dateFormat = QStringLiteral("mdy");
    p.utcTimes = true;
    const QString path = dir.path(QStringLiteral("p.json"));
    p.save(path);
    const ImportProfile back = ImportProfile::load(path);
    CHECK(back.kind == p.kind);
    CHECK(back.columns == p.columns);
    CHECK(back.values == p.values);
    CHECK(back.defaults == p.defaults);
    CHECK(back.createMissing == p.createMissing);
    CHECK(back.updateDuplicates);
    CHECK(back.dateFormat == QStringLiteral("mdy"));
    CHECK(back.utcTimes);
    CHECK_THROWS_WITH(ImportProfile::fromJson("{\"columns\": ", QStringLiteral("x.json")), Catch::Contains("not an import profile"));
    CHECK_THROWS_WITH(ImportProfile::fromJson("[1, 2]", QStringLiteral("x.json")), Catch::Contains("no \"columns\""));
    CHECK_THROWS_WITH(ImportProfile::load(dir.path(QStringLiteral("none.json"))), Catch::Contains("could not be read"));
}

TEST_CASE("Excel workbooks are read: text, numbers, booleans and dates by their style", "[import][xlsx]")
{
    // Written by LibreOffice (soffice --headless --convert-to xlsx, from the .source.csv beside it).
    const QString path = QStringLiteral(VIGIL_TEST_DATA_DIR "/libreoffice-incidents.xlsx");
    CHECK(xlsxSheetNames(path).size() == 1);
    const SourceTable table = readSourceFile(path);
    CHECK(table.headers == QStringList {QStringLiteral("Case No"), QStringLiteral("Date"), QStringLiteral("Details"),
                               QStringLiteral("Type"), QStringLiteral("Priority"), QStringLiteral("Place"),
                               QStringLiteral("Loss"), QStringLiteral("Police")});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows.at(0).at(1) == QStringLiteral("2026-03-02 08:15")); // LibreOffice kept this one as text
    CHECK(table.rows.at(2).at(1) == QStringLiteral("2026-03-04"));       // a date cell (its style shows a date)
    CHECK(table.rows.at(2).at(2) == QStringLiteral("Van keys lost, spare set used"));
    CHECK(table.rows.at(0).at(6) == QStringLiteral("120.5"));
    CHECK(table.rows.at(2).at(6).isEmpty());
    CHECK(table.rows.at(0).at(7) == QStringLiteral("TRUE"));
    CHECK(table.rows.at(1).at(7) == QStringLiteral("FALSE"));

    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    ImportProfile p;
    p.columns = {{QStringLiteral("externalReference"), QStringLiteral("Case No")}, {QStringLiteral("occurredAt"), QStringLiteral("Date")},
        {QStringLiteral("description"), QStringLiteral("Details")}, {QStringLiteral("category"), QStringLiteral("Type")},
        {QStringLiteral("severity"), QStringLiteral("Priority")}, {QStringLiteral("location"), QStringLiteral("Place")}};
    const ImportSummary done = importIncidents(*db, table, p);
    CHECK(done.imported == 3);
    CHECK(done.dateFormat == DateFormat::Iso);
    CHECK(scalar(*db, QStringLiteral("SELECT occurred_at FROM incidents WHERE external_reference = 'C-2'")).toString()
        == toStoredUtc(QDateTime(QDate(2026, 3, 3), QTime(22, 40)).toUTC()));

    // Vigil's own workbooks read back too, and a sheet that is not there is named.
    ExportTable mine;
    mine.title = QStringLiteral("Log");
    mine.headers = {QStringLiteral("When"), QStringLiteral("Day"), QStringLiteral("Count"), QStringLiteral("Note")};
    mine.rows = {{QDateTime(QDate(2026, 2, 18), QTime(13, 5), Qt::UTC), QDate(2026, 2, 19), 42, QStringLiteral("line one\nline two")}};
    const QString written = dir.path(QStringLiteral("mine.xlsx"));
    writeXlsxFile(mine, written);
    const SourceTable back = readSourceFile(written);
    REQUIRE(back.rows.size() == 1);
    CHECK(back.rows.at(0).at(0) == QStringLiteral("2026-02-18 13:05:00"));
    CHECK(back.rows.at(0).at(1) == QStringLiteral("2026-02-19"));
    CHECK(back.rows.at(0).at(2) == QStringLiteral("42"));
    CHECK(back.rows.at(0).at(3) == QStringLiteral("line one\nline two"));
    CHECK_THROWS_WITH(readXlsxFile(written, QStringLiteral("Budget")), Catch::Contains("no sheet named 'Budget'"));
    // A zip that is no workbook, and a file that is no zip at all, are refused with a reason.
    CHECK_THROWS_WITH(readXlsxFile(write(dir, QStringLiteral("not.xlsx"), "hello")), Catch::Contains("not an Excel workbook"));
}

TEST_CASE("A people import finds posts and employers by name, creates them when asked, and skips people already there",
    "[import][people]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    Post gate;
    gate.name = QStringLiteral("Gate officer");
    const qint64 gateId = PostRepository(*db).save(gate);
    Person existing;
    existing.name = QStringLiteral("Dana Okafor");
    existing.staffNumber = QStringLiteral("S-100");
    PeopleRepository(*db).save(existing);

    const SourceTable table = readCsvFile(write(dir, QStringLiteral("staff.csv"),
        "Staff no\tFull name\tRole\tCompany\tStarted\tLeft\n"
        "S-100\tDana Okafor\tGate officer\t\t2024-01-08\t\n"
        "S-101\tLee Whitfield\tgate OFFICER\t\t2025-03-01\t\n"
        "S-102\tPriya Raman\tControl room operator\tNorthguard Ltd\t2025-06-01\t2026-02-28\n"
        "S-103\t\tGate officer\t\t2025-07-01\t\n"
        "S-104\tSam Cole\tGate officer\t\t2025-13-01\t\n"));
    ImportProfile p;
    p.kind = QStringLiteral("people");
    p.columns = {{QStringLiteral("staffNumber"), QStringLiteral("Staff no")}, {QStringLiteral("name"), QStringLiteral("Full name")},
        {QStringLiteral("post"), QStringLiteral("Role")}, {QStringLiteral("employer"), QStringLiteral("Company")},
        {QStringLiteral("startDate"), QStringLiteral("Started")}, {QStringLiteral("leftOn"), QStringLiteral("Left")}};
    const ImportSummary first = importPeople(*db, table, p);
    CHECK_FALSE(first.written);
    CHECK(first.invalid == 3); // unknown post and employer, no name, no such month
    CHECK(first.unknown.size() == 2);

    p.createMissing = {QStringLiteral("post"), QStringLiteral("employer")};
    ImportOptions skip;
    skip.skipInvalid = true;
    const ImportSummary done = importPeople(*db, table, p, skip);
    CHECK(done.written);
    CHECK(done.imported == 2);
    CHECK(done.duplicates == 1); // Dana is there already
    CHECK(done.invalid == 2);
    CHECK(done.createdValues == 2);
    const QList<Person> all = PeopleRepository(*db).list(true);
    REQUIRE(all.size() == 3);
    for (const Person &person : all) {
        INFO(person.name.toStdString());
        if (person.name == QLatin1String("Lee Whitfield")) {
            CHECK(person.postId == gateId); // names match whatever their case
            CHECK(person.startDate == QDate(2025, 3, 1));
            CHECK(person.active);
        } else if (person.name == QLatin1String("Priya Raman")) {
            CHECK(person.leftOn == QDate(2026, 2, 28));
            CHECK_FALSE(person.active); // left: inactive
            CHECK(person.employerId > 0);
        }
    }
    test::requireHealthy(*db);
}

TEST_CASE("Training records are imported against people and courses; actions with their owners", "[import][training]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    Person dana;
    dana.name = QStringLiteral("Dana Okafor");
    dana.staffNumber = QStringLiteral("S-100");
    const qint64 danaId = PeopleRepository(*db).save(dana);
    Course firstAid;
    firstAid.name = QStringLiteral("First aid at work");
    firstAid.validityMonths = 36;
    const qint64 firstAidId = CourseRepository(*db).save(firstAid);

    const SourceTable records = readCsvFile(write(dir, QStringLiteral("records.csv"),
        "Staff no,Course,Date,Outcome,Score\n"
        "S-100,First aid at work,15/01/2025,Passed,92%\n"
        "Dana Okafor,Fire marshal,20/02/2025,passed,\n"
        "S-999,First aid at work,20/02/2025,Passed,\n"
        "S-100,First aid at work,15/01/2025,Passed,92%\n"));
    ImportProfile training;
    training.dateFormat = QStringLiteral("dmy");
    training.columns = {{QStringLiteral("person"), QStringLiteral("Staff no")}, {QStringLiteral("course"), QStringLiteral("Course")},
        {QStringLiteral("completedOn"), QStringLiteral("Date")}, {QStringLiteral("result"), QStringLiteral("Outcome")},
        {QStringLiteral("score"), QStringLiteral("Score")}};
    training.createMissing = {QStringLiteral("course")};
    ImportOptions skip;
    skip.skipInvalid = true;
    const ImportSummary done = importTraining(*db, records, training, skip);
    CHECK(done.imported == 2);
    CHECK(done.invalid == 1);     // nobody is S-999
    CHECK(done.duplicates == 1);  // the first row twice
    CHECK(done.createdValues == 1);
    CHECK(done.problems.value(0).row == 4);
    const QList<TrainingRecord> danas = TrainingRepository(*db).forPerson(danaId);
    REQUIRE(danas.size() == 2);
    const auto aid = std::find_if(danas.begin(), danas.end(), [&](const TrainingRecord &r) { return r.courseId == firstAidId; });
    REQUIRE(aid != danas.end());
    CHECK(aid->completedOn == QDate(2025, 1, 15));
    CHECK(aid->expiresOn == QDate(2028, 1, 15)); // from the course's validity
    CHECK(aid->score == 92.0);
    // Again: already there.
    CHECK(importTraining(*db, records, training, skip).duplicates == 3);

    // Scores that are no percentage are found by the dry run, each on its line, not by the
    // real import part-way.
    const SourceTable odd = readCsvFile(write(dir, QStringLiteral("odd-scores.csv"),
        "Staff no,Course,Date,Outcome,Score\n"
        "S-100,First aid at work,01/03/2025,Passed,NaN\n"
        "S-100,First aid at work,02/03/2025,Passed,-50\n"
        "S-100,First aid at work,03/03/2025,Passed,1e308\n"
        "S-100,First aid at work,04/03/2025,Passed,inf\n"));
    ImportOptions dryRun;
    dryRun.dryRun = true;
    const ImportSummary checked = importTraining(*db, odd, training, dryRun);
    CHECK(checked.invalid == 4);
    REQUIRE(checked.problems.size() == 4);
    for (int i = 0; i < 4; ++i)
        CHECK(checked.problems.at(i).row == i + 2);

    const SourceTable actions = readCsvFile(write(dir, QStringLiteral("actions.csv"),
        "What,Who,Due,State,Closed\n"
        "Fix the north fence,S-100,2026-04-30,Open,\n"
        "Replace padlocks,Dana Okafor,2026-03-15,Done,2026-03-14\n"
        "Train the night shift,Nobody Known,2026-05-01,Open,\n"
        "Check the cameras,,2026-05-02,Stalled,\n"));
    ImportProfile actionProfile;
    actionProfile.columns = {{QStringLiteral("description"), QStringLiteral("What")}, {QStringLiteral("owner"), QStringLiteral("Who")},
        {QStringLiteral("dueDate"), QStringLiteral("Due")}, {QStringLiteral("status"), QStringLiteral("State")},
        {QStringLiteral("completedOn"), QStringLiteral("Closed")}};
    const ImportSummary strict = importActions(*db, actions, actionProfile);
    CHECK_FALSE(strict.written);
    CHECK(strict.invalid == 2);
    CHECK(strict.unknown.size() == 2); // the owner and the status
    const ImportSummary added = importActions(*db, actions, actionProfile, skip);
    CHECK(added.imported == 2);
    const qint64 padlocks = scalar(*db, QStringLiteral("SELECT id FROM corrective_actions WHERE description = 'Replace padlocks'")).toLongLong();
    const CorrectiveAction replaced = ActionRepository(*db).load(padlocks);
    CHECK(replaced.status == ActionStatus::Done);
    CHECK(replaced.completedOn == QDate(2026, 3, 14));
    CHECK(replaced.ownerId == danaId);
    test::requireHealthy(*db);
}

TEST_CASE("Risks are imported with their ratings by score or by the step's name, levels from the criteria", "[import][risks]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("risks.csv"),
        "Risk,Likelihood,Impact,Residual likelihood,Residual impact,Treatment,Review\n"
        "Fence cut at night,4,5,2,5,Reduce,2026-06-30\n"
        "Arson in the waste compound,Likely,Major,Unlikely,Major,reduce,\n"
        "Meteor strike,9,5,1,1,Reduce,\n"
        "Fence cut at night,4,5,2,5,Reduce,2026-06-30\n"));
    ImportProfile p;
    p.columns = {{QStringLiteral("title"), QStringLiteral("Risk")}, {QStringLiteral("inherentLikelihood"), QStringLiteral("Likelihood")},
        {QStringLiteral("inherentImpact"), QStringLiteral("Impact")}, {QStringLiteral("residualLikelihood"), QStringLiteral("Residual likelihood")},
        {QStringLiteral("residualImpact"), QStringLiteral("Residual impact")}, {QStringLiteral("treatment"), QStringLiteral("Treatment")},
        {QStringLiteral("reviewDate"), QStringLiteral("Review")}};
    ImportOptions skip;
    skip.skipInvalid = true;
    const ImportSummary done = importRisks(*db, table, p, skip);
    CHECK(done.imported == 2);
    CHECK(done.invalid == 1); // likelihood 9 on a 5-step scale
    CHECK(done.duplicates == 1);
    const RiskCriteria criteria = RiskCriteriaRepository(*db).current();
    const qint64 arsonId = scalar(*db, QStringLiteral("SELECT id FROM risks WHERE title = 'Arson in the waste compound'")).toLongLong();
    const Risk arson = RiskRepository(*db).load(arsonId);
    CHECK(arson.inherent.likelihood == 4); // "Likely"
    CHECK(arson.inherent.impact == 4);     // "Major"
    CHECK(arson.inherent.level == criteria.levelAt(4, 4));
    CHECK(arson.residual.likelihood == 2);
    CHECK(importRisks(*db, table, p, skip).duplicates == 3);
    test::requireHealthy(*db);
}

TEST_CASE("A disk that fills during an import or an attachment refuses that step and loses nothing", "[import][fault]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 saved = incidents.create(test::makeIncident(*db, QStringLiteral("Saved before the disk filled"))).id;

    // 2,000 rows: a bulk import, which takes its indexes down while it writes.
    QByteArray csv = "Ref;When;What;Type;Grade;Where\n";
    for (int row = 0; row < 2000; ++row)
        csv += QStringLiteral("F-%1;2026-03-%2 10:00;Row %1 of a file too big for the disk;THEFT;1;Gate %3\n")
                   .arg(row)
                   .arg(1 + row % 28)
                   .arg(row % 9)
                   .toUtf8();
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("big.csv"), csv));
    const int pages = scalar(*db, QStringLiteral("PRAGMA page_count")).toInt();
    // The disk is full: SQLite may grow the file by a few pages only.
    execute(*db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 20));
    const auto refused = [](const std::function<void()> &step) {
        try {
            step();
            FAIL("the full disk was not noticed");
        } catch (const Error &e) {
            CHECK(e.message().contains(QStringLiteral("disk is full")));
        }
    };
    refused([&] { importIncidents(*db, table, profile()); });
    refused([&] { incidents.addAttachment(saved, QStringLiteral("cctv.mp4"), QByteArray(2 * 1024 * 1024, 'v')); });

    // Nothing half-done: the record saved before is whole, the file is sound, every index is back.
    CHECK(incidentCount(*db) == 1);
    CHECK(incidents.load(saved).description == QStringLiteral("Saved before the disk filled"));
    CHECK(incidents.attachments(saved).isEmpty());
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'"))
              .toInt()
        >= 8);
    test::requireHealthy(*db);

    // With space again, the same import and attachment go through on the same connection.
    execute(*db, QStringLiteral("PRAGMA max_page_count = 1073741823"));
    CHECK(importIncidents(*db, table, profile()).imported == 2000);
    incidents.addAttachment(saved, QStringLiteral("cctv.mp4"), QByteArray(2 * 1024 * 1024, 'v'));
    CHECK(incidents.attachments(saved).size() == 1);
    test::requireHealthy(*db);
}

TEST_CASE("An import or an attachment meeting a file locked by a SQLite tool is refused whole, then goes through", "[import][fault]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 saved = incidents.create(test::makeIncident(*db, QStringLiteral("Saved before the lock"))).id;
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("log.csv"), sample));
    ImportOptions skipping;
    skipping.skipInvalid = true;
    {
        // Someone holds a write transaction open in a SQLite tool beside the running Vigil.
        QSqlDatabase tool = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tool"));
        tool.setDatabaseName(db->path());
        REQUIRE(tool.open());
        QSqlQuery lock(tool);
        REQUIRE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        for (const auto &step : std::initializer_list<std::function<void()>> {
                 [&] { importIncidents(*db, table, profile(), skipping); },
                 [&] { incidents.addAttachment(saved, QStringLiteral("photo.jpg"), QByteArray(4096, 'p')); }}) {
            try {
                step();
                FAIL("the lock was not noticed");
            } catch (const Error &e) {
                CHECK(e.message().contains(QStringLiteral("busy in another program")));
            }
        }
        lock.exec(QStringLiteral("ROLLBACK"));
        lock.finish();
        tool.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tool"));
    CHECK(incidentCount(*db) == 1);
    CHECK(incidents.attachments(saved).isEmpty());
    CHECK(importIncidents(*db, table, profile(), skipping).imported == 2); // the rest are invalid or twice
    incidents.addAttachment(saved, QStringLiteral("photo.jpg"), QByteArray(4096, 'p'));
    CHECK(incidents.attachments(saved).size() == 1);
    test::requireHealthy(*db);
}

namespace {

int indexCount(Database &db)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")).toInt();
}

} // namespace

TEST_CASE("A big import is checked in stretches: a late bad row stops it whole, and what lands is searchable as if typed in",
    "[import]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    // One incident typed in, with people: its search entry is written as the import writes its own.
    Incident typed = test::makeIncident(*db, QStringLiteral("  Typed in by hand  "));
    typed.title = QStringLiteral(" Forklift keys ");
    typed.immediateAction = QStringLiteral("Keys locked away");
    typed.persons = {{QStringLiteral(" Ann Lee "), InvolvedRole::Witness, QStringLiteral("night shift")},
        {QStringLiteral("Bo Chan"), InvolvedRole::Victim, QString()}};
    incidents.create(typed);
    const int indexes = indexCount(*db);

    // 5,000 rows, three stretches of checks; the only bad date is near the end.
    QByteArray csv = "Ref;When;What;Type;Grade;Where\n";
    for (int row = 0; row < 5000; ++row)
        csv += QStringLiteral("B-%1;%2;Pallet %1 found open, word%1 ;THEFT;%3;Dock %4\n")
                   .arg(row)
                   .arg(row == 4600 ? QStringLiteral("2026-02-30 10:00") : QStringLiteral("2026-03-%1 10:%2").arg(1 + row % 28).arg(row % 60, 2, 10, QLatin1Char('0')))
                   .arg(row % 2 ? 1 : 3)
                   .arg(row % 7)
                   .toUtf8();
    const SourceTable table = readCsvFile(write(dir, QStringLiteral("year.csv"), csv));

    const ImportSummary refused = importIncidents(*db, table, profile());
    CHECK_FALSE(refused.written);
    CHECK(refused.imported == 0);
    CHECK(refused.createdIds.isEmpty());
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems.at(0).row == 4602);
    CHECK(refused.problems.at(0).value == QStringLiteral("2026-02-30 10:00"));
    CHECK(incidentCount(*db) == 1);
    CHECK(indexCount(*db) == indexes);

    // Cancelled half-way through writing: nothing written, every index there.
    ImportOptions cancel;
    cancel.skipInvalid = true;
    int lastDone = 0;
    cancel.progress = [&](int done, int total) {
        CHECK(done >= lastDone);
        CHECK(total == 5000);
        lastDone = done;
        return done < 2500;
    };
    CHECK_THROWS_WITH(importIncidents(*db, table, profile(), cancel), Catch::Contains("cancelled"));
    CHECK(lastDone >= 2500);
    CHECK(incidentCount(*db) == 1);
    CHECK(indexCount(*db) == indexes);
    // A dry run, which writes nothing, shows its progress and can be cancelled too.
    ImportOptions dryCancel;
    dryCancel.dryRun = true;
    int dryProgress = 0;
    dryCancel.progress = [&](int done, int) {
        dryProgress = done;
        return done < 1000;
    };
    CHECK_THROWS_WITH(importIncidents(*db, table, profile(), dryCancel), Catch::Contains("cancelled"));
    CHECK(dryProgress >= 1000);

    ImportOptions skip;
    skip.skipInvalid = true;
    const ImportSummary landed = importIncidents(*db, table, profile(), skip);
    CHECK(landed.written);
    CHECK(landed.imported == 4999);
    CHECK(landed.createdIds.size() == 4999);
    CHECK(incidentCount(*db) == 5000);
    CHECK(indexCount(*db) == indexes);
    // References go on from the one typed in, each once.
    CHECK(scalar(*db, QStringLiteral("SELECT count(DISTINCT reference) FROM incidents")).toInt() == 5000);
    CHECK(incidents.load(landed.createdIds.last()).reference == QStringLiteral("INC-2026-5000"));
    CHECK(incidents.load(landed.createdIds.first()).description == QStringLiteral("Pallet 0 found open, word0"));

    // The search index, built again at the end of the import, holds what the records say, term
    // by term.
    CHECK(staleSearchEntries(*db).isEmpty());
    IncidentFilter filter;
    filter.text = QStringLiteral("word4321");
    CHECK(incidents.count(filter) == 1);
    filter.text = QStringLiteral("Ann night");
    CHECK(incidents.count(filter) == 1);

    // Next month's file repeats 1,000 rows, changed, and adds 500: 999 are updated (B-4600 never
    // landed, so it is new now) and found by their new words.
    QByteArray next = "Ref;When;What;Type;Grade;Where\n";
    for (int row = 4000; row < 5500; ++row)
        next += QStringLiteral("B-%1;2026-03-%2 11:00;Pallet %1 resealed, later%1;THEFT;1;Dock %3\n")
                    .arg(row)
                    .arg(1 + row % 28)
                    .arg(row % 7)
                    .toUtf8();
    ImportProfile update = profile();
    update.updateDuplicates = true;
    const ImportSummary merged = importIncidents(*db, readCsvFile(write(dir, QStringLiteral("next.csv"), next)), update, skip);
    CHECK(merged.written);
    CHECK(merged.updated == 999);
    CHECK(merged.imported == 501);
    CHECK(incidentCount(*db) == 5501);
    CHECK(indexCount(*db) == indexes);
    filter.text = QStringLiteral("later4321");
    CHECK(incidents.count(filter) == 1);
    filter.text = QStringLiteral("word4321");
    CHECK(incidents.count(filter) == 0);
    filter.text = QStringLiteral("later5400");
    CHECK(incidents.count(filter) == 1);
    CHECK(staleSearchEntries(*db).isEmpty());
    // A small file next to the register is written with the index kept up to date row by row.
    QByteArray few = "Ref;When;What;Type;Grade;Where\n";
    for (int row = 5400; row < 5600; ++row)
        few += QStringLiteral("B-%1;2026-03-%2 12:00;Pallet %1 counted, recount%1;THEFT;1;Dock %3\n")
                   .arg(row)
                   .arg(1 + row % 28)
                   .arg(row % 7)
                   .toUtf8();
    const ImportSummary small = importIncidents(*db, readCsvFile(write(dir, QStringLiteral("few.csv"), few)), update, skip);
    CHECK(small.updated == 100);
    CHECK(small.imported == 100);
    CHECK(staleSearchEntries(*db).isEmpty());
    filter.text = QStringLiteral("recount5599");
    CHECK(incidents.count(filter) == 1);
    filter.text = QStringLiteral("later5400");
    CHECK(incidents.count(filter) == 0);
    test::requireHealthy(*db);
}
