// Hostile text in every text field of every record kind: SQL fragments, quotes, backslashes,
// LIKE wildcards, FTS5 syntax, bidirectional overrides, zero-width characters, emoji (surrogate
// pairs), a 1 MB string, NUL characters. Stored and read back unchanged, never altering a query;
// searches with it neither fail nor match what they should not; CSV export and import carry it
// unchanged (NUL included: Vigil's exports start with a UTF-8 byte-order mark, and text with
// one is read as text).

#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "core/incidenttestsupport.h"
#include "core/risktestsupport.h"
#include "import/importprofile.h"
#include "import/incidentimport.h"
#include "import/sourcetable.h"
#include "io/exporttable.h"
#include "site/siteprofile.h"
#include "storage/healthcheck.h"
#include "storage/query.h"
#include "training/trainingrepository.h"

#include <QSet>

#include <algorithm>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// A megabyte of text that is itself hostile all the way through.
QString megabyte()
{
    const QString piece = QStringLiteral("'; DROP TABLE people;-- %_\\\" \u202E\U0001F600 ");
    QString text;
    text.reserve(1024 * 1024 + piece.size());
    while (text.size() < 1024 * 1024)
        text += piece;
    text.truncate(1024 * 1024 - 1);
    return text + u'x'; // names are trimmed: end on a visible character
}

// Names are trimmed when saved, so none of these starts or ends with white space.
QStringList hostileTexts()
{
    return {
        QStringLiteral("'); DROP TABLE incidents;--"),
        QStringLiteral("Robert'); DELETE FROM people WHERE ('1'='1"),
        QStringLiteral("\" OR \"\"=\" ' OR ''='"),
        QStringLiteral("back\\slash \\' \\\" \\% \\_ \\\\ end\\"),
        QStringLiteral("100% of_the _cases_ %% __"),
        QStringLiteral("FTS5: NEAR(a b) OR title:x AND \"unbalanced * ^start -not"),
        QStringLiteral("abc\u202Eevil\u202Cdef \u200F\u202Bright\u202C"),
        QStringLiteral("zero\u200Dwidth\u200Cjoiner\uFEFFbom\u2060word"),
        QStringLiteral("emoji \U0001F469\u200D\U0001F469\u200D\U0001F467 \U0001F600 \U0001D11E"),
        QStringLiteral("lines\nwith\r\nbreaks\tand tabs"),
        QStringLiteral("<script>alert(1)</script> &amp; %1 %2 %n ${HOME} $(id)"),
        megabyte(),
    };
}

QString shortName(const QString &text)
{
    return text.size() > 40 ? QStringLiteral("%1 chars").arg(text.size()) : text;
}

} // namespace

TEST_CASE("Hostile text in every field of every record kind is stored and read back unchanged", "[security]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    int n = 0;
    for (const QString &text : hostileTexts()) {
        INFO("text: " << shortName(text));
        ++n;
        // Catalogue names must differ: each text gets a number in front of it.
        const QString name = QString::number(n) + text;

        SiteProfile site;
        site.name = text;
        site.address = text;
        if (text.size() > 200) {
            // A site name is a heading on every report page: a long one is refused, clearly.
            CHECK_THROWS_WITH(SiteRepository(*db).save(site), Catch::Contains("too long"));
            site.name = QStringLiteral("Long address");
        }
        SiteRepository(*db).save(site);
        CHECK(SiteRepository(*db).load()->name == site.name);
        CHECK(SiteRepository(*db).load()->address == text);

        SiteArea area;
        area.name = name;
        area.description = text;
        const qint64 areaId = AreaRepository(*db).save(area);
        CHECK(AreaRepository(*db).load(areaId)->name == name);
        CHECK(AreaRepository(*db).load(areaId)->description == text);
        CHECK(AreaRepository(*db).findByName(name)->id == areaId);

        IncidentCategory category;
        category.name = name;
        category.description = text;
        const qint64 categoryId = CategoryRepository(*db).save(category);
        CHECK(CategoryRepository(*db).load(categoryId)->name == name);
        CHECK(CategoryRepository(*db).load(categoryId)->description == text);

        Person person;
        person.name = name;
        person.staffNumber = text;
        person.email = QStringLiteral("o'brien+%_%1@example.org").arg(n); // e-mail addresses are checked
        person.phone = text;
        const qint64 personId = PeopleRepository(*db).save(person);
        const Person storedPerson = PeopleRepository(*db).load(personId).value();
        CHECK(storedPerson.name == name);
        CHECK(storedPerson.staffNumber == text);
        CHECK(storedPerson.email == person.email);
        CHECK(storedPerson.phone == text);

        Incident incident;
        incident.occurredAt = Clock::current().nowUtc().addSecs(-3600);
        incident.categoryId = categoryId;
        incident.areaId = areaId;
        incident.title = text;
        incident.location = text;
        incident.reportedBy = text;
        incident.description = text;
        incident.immediateAction = text;
        incident.policeReference = text;
        incident.rootCause = text;
        incident.lessonsLearned = text;
        incident.externalReference = text;
        incident.persons = {{text, InvolvedRole::Witness, text}};
        IncidentRepository incidents(*db);
        const qint64 incidentId = incidents.create(incident).id;
        const Incident storedIncident = incidents.load(incidentId);
        CHECK(storedIncident.title == text);
        CHECK(storedIncident.location == text);
        CHECK(storedIncident.reportedBy == text);
        CHECK(storedIncident.description == text);
        CHECK(storedIncident.immediateAction == text);
        CHECK(storedIncident.policeReference == text);
        CHECK(storedIncident.rootCause == text);
        CHECK(storedIncident.lessonsLearned == text);
        CHECK(storedIncident.externalReference == text);
        CHECK(storedIncident.persons == incident.persons);
        incidents.addNote(incidentId, text);
        CHECK(incidents.timeline(incidentId).last().text == text);

        Threat threat;
        threat.name = name;
        threat.category = text;
        threat.description = text;
        const qint64 threatId = ThreatRepository(*db).save(threat);
        CHECK(ThreatRepository(*db).load(threatId)->category == text);
        Control control;
        control.name = name;
        control.description = text;
        const qint64 controlId = ControlRepository(*db).save(control);
        CHECK(ControlRepository(*db).load(controlId)->description == text);
        Asset asset;
        asset.name = name;
        asset.category = text;
        asset.location = text;
        const qint64 assetId = AssetRepository(*db).save(asset);
        CHECK(AssetRepository(*db).load(assetId)->location == text);

        Risk risk = test::makeRisk(text, 3, 4, 2, 2);
        risk.description = text;
        risk.category = text;
        risk.vulnerability = text;
        risk.threatId = threatId;
        risk.ownerId = personId;
        risk.treatment = Treatment::Accept;
        risk.justification = text;
        risk.controlIds = {controlId};
        risk.assetIds = {assetId};
        RiskRepository risks(*db);
        const qint64 riskId = risks.create(risk).id;
        const Risk storedRisk = risks.load(riskId);
        CHECK(storedRisk.title == text);
        CHECK(storedRisk.description == text);
        CHECK(storedRisk.category == text);
        CHECK(storedRisk.vulnerability == text);
        CHECK(storedRisk.justification == text);
        risks.retire(riskId, text);
        CHECK(risks.load(riskId).retiredReason == text);

        Post post;
        post.name = name;
        post.description = text;
        const qint64 postId = PostRepository(*db).save(post);
        CHECK(PostRepository(*db).load(postId)->description == text);
        Employer employer;
        employer.name = name;
        employer.contact = text;
        const qint64 employerId = EmployerRepository(*db).save(employer);
        CHECK(EmployerRepository(*db).load(employerId)->contact == text);
        Course course;
        course.name = name;
        course.provider = text;
        course.description = text;
        const qint64 courseId = CourseRepository(*db).save(course);
        CHECK(CourseRepository(*db).load(courseId)->provider == text);
        CHECK(CourseRepository(*db).load(courseId)->description == text);

        TrainingRecord record;
        record.personId = personId;
        record.courseId = courseId;
        record.completedOn = QDate(2026, 3, 1);
        record.trainer = text;
        record.notes = text;
        TrainingRepository training(*db);
        const qint64 recordId = training.create(record).id;
        CHECK(training.load(recordId).trainer == text);
        CHECK(training.load(recordId).notes == text);
        TrainingSession session;
        session.courseId = courseId;
        session.heldOn = QDate(2026, 4, 1);
        session.trainer = text;
        session.location = text;
        session.notes = text;
        const qint64 sessionId = training.createSession(session).id;
        const TrainingSession storedSession = training.loadSession(sessionId);
        CHECK(storedSession.trainer == text);
        CHECK(storedSession.location == text);
        CHECK(storedSession.notes == text);

        CorrectiveAction action;
        action.description = text;
        action.incidentId = incidentId;
        action.source = ActionSource::Incident;
        action.ownerId = personId;
        action.dueDate = QDate(2026, 5, 1);
        action.status = ActionStatus::Done;
        action.completedOn = QDate(2026, 3, 10);
        action.verificationNote = text;
        ActionRepository actions(*db);
        const qint64 actionId = actions.create(action).id;
        CHECK(actions.load(actionId).description == text);
        CHECK(actions.load(actionId).verificationNote == text);
    }
    // Nothing the text said was run: every table is still there, with every row.
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt() == n);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM risks")).toInt() == n);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM corrective_actions")).toInt() == n);
    test::requireHealthy(*db);
}

TEST_CASE("Searches and filters with hostile text neither fail nor match what they should not", "[security]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    RiskRepository risks(*db);
    ActionRepository actions(*db);
    TrainingRepository training(*db);
    const qint64 courseId = [&] {
        Course course;
        course.name = QStringLiteral("Fire marshal");
        return CourseRepository(*db).save(course);
    }();
    auto add = [&](const QString &text) {
        incidents.create(test::makeIncident(*db, text));
        risks.create(test::makeRisk(text, 2, 2, 1, 1));
        CorrectiveAction action;
        action.description = text;
        actions.create(action);
        TrainingRecord record;
        record.personId = test::addPerson(*db, text);
        record.courseId = courseId;
        record.completedOn = QDate(2026, 3, 1);
        record.trainer = text;
        training.create(record);
    };
    // The plain record holds no quote, backslash, % or _ and none of the hostile words.
    add(QStringLiteral("Plain fence damage"));
    const QStringList texts = hostileTexts();
    for (const QString &text : texts)
        add(text);
    const int all = int(texts.size()) + 1;

    // Every text but the megabyte as a query: a search of 150,000 words runs one LIKE per word
    // over every row, which takes minutes (a limit on search words is a separate change).
    QStringList queries = texts;
    queries.removeIf([](const QString &q) { return q.size() > 1000; });
    queries << QStringLiteral("%") << QStringLiteral("_") << QStringLiteral("%%") << QStringLiteral("\\")
            << QStringLiteral("'") << QStringLiteral("\"") << QStringLiteral("*") << QStringLiteral("\"\"")
            << QStringLiteral("NEAR(") << QStringLiteral("-") << QStringLiteral("^") << QStringLiteral("OR")
            << QStringLiteral("\u202E") << QStringLiteral("\U0001F600");
    for (const QString &query : queries) {
        INFO("query: " << shortName(query));
        IncidentFilter incidentFilter;
        incidentFilter.text = query;
        RiskFilter riskFilter;
        riskFilter.text = query;
        ActionFilter actionFilter;
        actionFilter.text = query;
        TrainingRecordFilter trainingFilter;
        trainingFilter.text = query;
        int counts[4] = {-1, -1, -1, -1};
        REQUIRE_NOTHROW(counts[0] = incidents.count(incidentFilter));
        REQUIRE_NOTHROW(counts[1] = risks.count(riskFilter));
        REQUIRE_NOTHROW(counts[2] = actions.count(actionFilter));
        REQUIRE_NOTHROW(counts[3] = training.count(trainingFilter));
        const bool hasWord = std::any_of(query.begin(), query.end(), [](QChar c) { return c.isLetterOrNumber(); });
        for (const int count : counts) {
            // A query of words never widens to the whole file (which an injected OR would do) ...
            CHECK(count >= 0);
            if (hasWord)
                CHECK(count < all);
        }
        // ... and finds the record it was copied from. (A query of punctuation alone is no
        // words to the full-text search, so no filter; "-" is in every reference.)
        if (texts.contains(query)) {
            CHECK(counts[0] >= 1);
            CHECK(counts[1] >= 1);
            CHECK(counts[2] >= 1);
            CHECK(counts[3] >= 1);
        }
        CHECK_NOTHROW(incidents.rows(incidentFilter, IncidentColumn::Occurred, Qt::DescendingOrder, 0, 50));
        CHECK_NOTHROW(risks.rows(riskFilter, RiskColumn::Reference, Qt::AscendingOrder, 0, 50));
    }
    // LIKE wildcards match only themselves.
    RiskFilter percent;
    percent.text = QStringLiteral("100%");
    CHECK(risks.count(percent) == 1);
    ActionFilter underscore;
    underscore.text = QStringLiteral("of_the");
    CHECK(actions.count(underscore) == 1);
    TrainingRecordFilter backslash;
    backslash.text = QStringLiteral("back\\slash");
    CHECK(training.count(backslash) == 1);
    test::requireHealthy(*db);
}

TEST_CASE("Hostile text survives a CSV export and its import unchanged", "[security][import]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const QStringList texts = hostileTexts();
    for (const QString &text : texts) {
        Incident incident = test::makeIncident(*db, text);
        incident.title = text;
        incident.location = text;
        incident.reportedBy = text;
        incidents.create(incident);
    }
    const QString path = dir.path(QStringLiteral("incidents.csv"));
    const ExportTable exported = incidents.exportTable({});
    writeCsvFile(exported, path);

    const SourceTable table = readCsvFile(path);
    REQUIRE(table.rows.size() == texts.size());
    const qsizetype descriptionColumn = table.headers.indexOf(QStringLiteral("Description"));
    REQUIRE(descriptionColumn >= 0);
    QStringList read;
    for (const QStringList &row : table.rows) {
        read.append(row.at(descriptionColumn));
        for (const char *header : {"Title", "Location", "Reported by"})
            CHECK(row.value(table.headers.indexOf(QLatin1String(header))) == row.at(descriptionColumn));
    }
    CHECK(QSet<QString>(read.begin(), read.end()) == QSet<QString>(texts.begin(), texts.end()));

    // Into a new file: the same text in the same fields.
    auto other = test::newDatabase(dir, QStringLiteral("other.vigil"));
    ImportProfile profile;
    profile.kind = QStringLiteral("incidents");
    profile.utcTimes = true;
    profile.columns = {{QStringLiteral("occurredAt"), QStringLiteral("Occurred")},
        {QStringLiteral("description"), QStringLiteral("Description")},
        {QStringLiteral("location"), QStringLiteral("Location")},
        {QStringLiteral("title"), QStringLiteral("Title")},
        {QStringLiteral("reportedBy"), QStringLiteral("Reported by")},
        {QStringLiteral("category"), QStringLiteral("Category")},
        {QStringLiteral("externalReference"), QStringLiteral("Reference")}};
    const ImportSummary summary = importIncidents(*other, table, profile);
    INFO(summary.problems.value(0).reason.toStdString());
    REQUIRE(summary.written);
    REQUIRE(summary.imported == texts.size());
    QStringList imported;
    Query q(*other, QStringLiteral("SELECT description, location, title, reported_by FROM incidents ORDER BY id"));
    q.exec();
    while (q.next()) {
        imported.append(q.value(0).toString());
        CHECK(q.value(1).toString() == q.value(0).toString());
        CHECK(q.value(2).toString() == q.value(0).toString());
        CHECK(q.value(3).toString() == q.value(0).toString());
    }
    CHECK(imported == read);
    test::requireHealthy(*other);
}

// NUL characters are kept like any other character, and the health check does not take such
// text for an edit made outside Vigil (SQLite's json_extract() stops at a NUL).
TEST_CASE("Text with NUL characters is stored, searched and exported unchanged", "[security]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const QString text = QStringLiteral("nul") + QChar(0) + QStringLiteral("inside") + QChar(0) + QStringLiteral("twice");
    IncidentRepository incidents(*db);
    Incident incident = test::makeIncident(*db, text);
    incident.title = text;
    incident.location = text;
    incident.reportedBy = text;
    const qint64 id = incidents.create(incident).id;
    incidents.create(test::makeIncident(*db, QStringLiteral("Plain fence damage")));
    CHECK(incidents.load(id).description == text);
    CHECK(incidents.load(id).title == text);
    Person person;
    person.name = text;
    const qint64 personId = PeopleRepository(*db).save(person);
    CHECK(PeopleRepository(*db).load(personId)->name == text);
    RiskRepository risks(*db);
    const qint64 riskId = risks.create(test::makeRisk(text, 2, 2, 1, 1)).id;
    CHECK(risks.load(riskId).title == text);

    // Full-text search reads a query only up to a NUL ("unterminated string"): it separates words.
    IncidentFilter filter;
    filter.text = text;
    REQUIRE_NOTHROW(incidents.count(filter));
    CHECK(incidents.count(filter) == 1);
    filter.text = QStringLiteral("fence") + QChar(0);
    CHECK(incidents.count(filter) == 1);
    RiskFilter riskFilter;
    riskFilter.text = text;
    CHECK(risks.count(riskFilter) == 1);

    const QString path = dir.path(QStringLiteral("incidents.csv"));
    writeCsvFile(incidents.exportTable({}), path);
    const SourceTable table = readCsvFile(path);
    const qsizetype column = table.headers.indexOf(QStringLiteral("Description"));
    QStringList descriptions;
    for (const QStringList &row : table.rows)
        descriptions.append(row.value(column));
    CHECK(descriptions.contains(text));
    test::requireHealthy(*db);
    // A NUL does not hide a real edit made outside Vigil.
    execute(*db, QStringLiteral("UPDATE incidents SET title = ? WHERE id = ?"), {text + QStringLiteral(" edited"), id});
    CHECK_FALSE(checkHealth(*db).healthy());
}
