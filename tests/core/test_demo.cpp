#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/timeformat.h"
#include "demo/demo.h"
#include "incidents/incidentrepository.h"
#include "people/person.h"
#include "site/siteprofile.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/attachments.h"
#include "storage/query.h"
#include "training/compliance.h"
#include "training/trainingrepository.h"

#include <QMap>
#include <QSqlRecord>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

// Every row of every table as text: equal dumps mean equal content.
QString dump(const QString &path)
{
    auto db = Database::open(path, OpenMode::ReadOnly);
    QString text;
    Query tables(*db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    tables.exec();
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString &table : names) {
        Query rows(*db, QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
        rows.exec();
        const int columns = db->connection().record(table).count();
        while (rows.next()) {
            text += table;
            for (int c = 0; c < columns; ++c)
                text += u'|' + rows.value(c).toString();
            text += u'\n';
        }
    }
    return text;
}

} // namespace

TEST_CASE("The same seed and date give the same demo site", "[demo]")
{
    TempDir dir;
    DemoOptions options;
    options.seed = 7;
    options.today = QDate(2026, 11, 23);
    generateDemo(dir.path(QStringLiteral("a.vigil")), options);
    generateDemo(dir.path(QStringLiteral("b.vigil")), options);
    const QString a = dump(dir.path(QStringLiteral("a.vigil")));
    CHECK(a == dump(dir.path(QStringLiteral("b.vigil"))));
    CHECK(a.contains(QStringLiteral("2024-11-23T")));

    options.seed = 8;
    generateDemo(dir.path(QStringLiteral("c.vigil")), options);
    CHECK(a != dump(dir.path(QStringLiteral("c.vigil"))));
}

TEST_CASE("A demo site is complete, consistent and refuses to overwrite", "[demo]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.vigil"));
    DemoOptions options;
    options.today = QDate(2026, 11, 23);
    QStringList steps;
    generateDemo(path, options, [&](const QString &step) { steps.append(step); });
    CHECK(!steps.isEmpty());
    {
        auto db = Database::open(path);
        const std::optional<SiteProfile> site = SiteRepository(*db).load();
        REQUIRE(site.has_value());
        CHECK(!site->name.isEmpty());
        CHECK(!site->logoPng.isEmpty());
        const HealthReport report = checkHealth(*db);
        INFO(report.problems.join(u'\n').toStdString());
        CHECK(report.healthy());
    }
    const QByteArray before = test::sha256(path);
    CHECK_THROWS_AS(generateDemo(path, options), Error);
    CHECK(test::sha256(path) == before);
    CHECK(test::listDir(dir.root()) == QStringList {QStringLiteral("demo.vigil")});
}

TEST_CASE("The decade demo starts ten years back", "[demo]")
{
    TempDir dir;
    DemoOptions options;
    options.scale = DemoScale::Decade;
    options.today = QDate(2026, 11, 23);
    CHECK(demoStartDate(options) == QDate(2016, 11, 23));
    generateDemo(dir.path(QStringLiteral("decade.vigil")), options);
    auto db = Database::open(dir.path(QStringLiteral("decade.vigil")), OpenMode::ReadOnly);
    CHECK(scalar(*db, QStringLiteral("SELECT min(at) FROM audit_log")).toString().startsWith(QStringLiteral("2016-11-23")));

    // Training: 2,000 people, most of them gone, leaving every year; about 60,000 records.
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM people")).toInt() == 2000);
    const int leavers = scalar(*db, QStringLiteral("SELECT count(*) FROM people WHERE left_on IS NOT NULL")).toInt();
    CHECK(leavers > 1000);
    CHECK(scalar(*db, QStringLiteral("SELECT count(DISTINCT substr(left_on, 1, 4)) FROM people")).toInt() == 10);
    const int records = scalar(*db, QStringLiteral("SELECT count(*) FROM training_records")).toInt();
    CHECK(records >= 50000);
    CHECK(records <= 70000);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE completed_on >= '2026-11-23'")).toInt() == 0);
    const ComplianceMatrix m = Compliance(*db).matrix(QDate(2026, 11, 23));
    CHECK(m.rows.size() == 2000 - leavers - scalar(*db, QStringLiteral("SELECT count(*) FROM people WHERE start_date > '2026-11-23'")).toInt());
    CHECK(m.percent() > 85);
    CHECK(m.percent() < 99);
    CHECK(TrainingRepository(*db).sessions(false).size() >= 10);
}

namespace {

// The small demo as the README opens it, made once for the incident tests below.
const QString &smallDemo()
{
    static TempDir dir;
    static const QString path = [] {
        const QString p = dir.path(QStringLiteral("small.vigil"));
        DemoOptions options;
        options.today = QDate(2026, 11, 23);
        generateDemo(p, options);
        return p;
    }();
    return path;
}

int count(const Database &db, const QString &sql, const QVariantList &args = {})
{
    return scalar(db, sql, args).toInt();
}

QMap<QString, int> counts(const Database &db, const QString &sql)
{
    QMap<QString, int> result;
    Query q(db, sql);
    q.exec();
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toInt());
    return result;
}

} // namespace

TEST_CASE("The small demo has a believable incident log", "[demo]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const int incidents = count(*db, QStringLiteral("SELECT count(*) FROM incidents"));
    CHECK(incidents >= 250);
    CHECK(incidents <= 400);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM site_areas")) >= 12);

    // Alarm activations lead the mix; assaults are few.
    const QMap<QString, int> byCategory = counts(*db,
        QStringLiteral("SELECT c.name, count(*) FROM incidents i JOIN incident_categories c ON c.id = i.category_id "
                       "GROUP BY c.name"));
    INFO(QStringList(byCategory.keys()).join(QStringLiteral(", ")).toStdString());
    const int alarms = byCategory.value(QStringLiteral("Alarm activation"));
    for (auto it = byCategory.begin(); it != byCategory.end(); ++it) {
        if (it.key() != QLatin1String("Alarm activation"))
            CHECK(it.value() < alarms);
    }
    CHECK(byCategory.size() >= 12);
    CHECK(byCategory.value(QStringLiteral("Assault / violence")) <= incidents / 30);
    CHECK(byCategory.value(QStringLiteral("Theft")) > 0);
    CHECK(byCategory.value(QStringLiteral("Access control breach")) > 0);

    // Mostly low and medium; few high, very few critical.
    const QMap<QString, int> bySeverity = counts(*db, QStringLiteral("SELECT severity, count(*) FROM incidents GROUP BY 1"));
    CHECK(bySeverity.value(QStringLiteral("low")) + bySeverity.value(QStringLiteral("medium")) > incidents * 8 / 10);
    CHECK(bySeverity.value(QStringLiteral("high")) > 0);
    CHECK(bySeverity.value(QStringLiteral("critical")) <= incidents / 50);

    // More at night (22:00-06:00) and at weekends than in working hours.
    int offHours = 0;
    Query times(*db, QStringLiteral("SELECT occurred_at, reported_at FROM incidents"));
    times.exec();
    while (times.next()) {
        const QDateTime occurred = fromStoredUtc(times.value(0).toString()).toLocalTime();
        CHECK(occurred <= fromStoredUtc(times.value(1).toString()).toLocalTime());
        const int hour = occurred.time().hour();
        if (hour >= 22 || hour < 6 || occurred.date().dayOfWeek() >= 6)
            ++offHours;
    }
    CHECK(offHours * 2 > incidents);

    // Details: people involved, police references, losses, links to risks, assignees.
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT incident_id) FROM incident_persons")) >= 20);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE police_reference <> ''")) >= 5);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE estimated_loss > 0")) >= 5);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_risks")) >= 20);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE assigned_to_id IS NOT NULL")) > incidents / 2);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT reported_by) FROM incidents")) >= 20);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT description) FROM incidents")) > incidents * 9 / 10);
    // Every template name was filled in.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE (title || description || location || "
                                    "reported_by || immediate_action || root_cause || lessons_learned) GLOB '*[{}]*'"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE text GLOB '*[{}]*'")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_persons WHERE (name || details) GLOB '*[{}]*'")) == 0);
    // Full-text search finds them.
    IncidentFilter filter;
    filter.text = QStringLiteral("fence");
    CHECK(IncidentRepository(*db).count(filter) > 0);
}

TEST_CASE("The small demo's incidents have histories", "[demo]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const int incidents = count(*db, QStringLiteral("SELECT count(*) FROM incidents"));
    // Every incident starts with its report; most move on through the workflow.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'reported'")) == incidents);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'status'")) > incidents * 3 / 2);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'note'")) >= 20);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'assignment'")) >= 5);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'status' AND "
                                    "from_status IN ('resolved', 'closed') AND to_status = 'investigating' "
                                    "AND text <> ''"))
        >= 1);
    // The timeline is historical: nothing before the report, nothing after the demo's today.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline t JOIN incidents i ON i.id = t.incident_id "
                                    "WHERE t.at < i.reported_at OR t.at >= '2026-11-23'"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT actor) FROM incident_timeline")) >= 10);

    // Closed incidents carry their root cause and lessons; old ones are nearly all closed.
    const int closed = count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE status = 'closed'"));
    CHECK(closed > incidents * 3 / 4);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE status = 'closed' AND (root_cause = '' "
                                    "OR lessons_learned = '' OR closed_at IS NULL)"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents WHERE status <> 'closed' AND occurred_at < ?"),
              {QStringLiteral("2026-05-23")})
        <= incidents / 20);
    // The last weeks have open incidents at every stage.
    const QMap<QString, int> recent = counts(*db,
        QStringLiteral("SELECT status, count(*) FROM incidents WHERE reported_at >= '2026-10-12' GROUP BY status"));
    for (IncidentStatus status : allIncidentStatuses)
        CHECK(recent.value(incidentStatusKey(status)) > 0);

    // A few photos, each with its thumbnail and its timeline entry.
    const int photos = count(*db, QStringLiteral("SELECT count(*) FROM incident_attachments"));
    CHECK(photos >= 4);
    CHECK(photos <= 8);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incident_timeline WHERE kind = 'attachment'")) == photos);
    Query withPhotos(*db, QStringLiteral("SELECT DISTINCT incident_id FROM incident_attachments"));
    withPhotos.exec();
    while (withPhotos.next()) {
        for (const IncidentAttachment &a : IncidentRepository(*db).attachments(withPhotos.value(0).toLongLong())) {
            CHECK(a.mimeType == QStringLiteral("image/png"));
            CHECK(a.hasThumbnail);
            CHECK(a.size > 10000);
        }
    }
}

TEST_CASE("The small demo has corrective actions in every state", "[demo]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const int actions = count(*db, QStringLiteral("SELECT count(*) FROM corrective_actions"));
    CHECK(actions >= 25);
    CHECK(actions <= 40);
    const QMap<QString, int> bySource = counts(*db,
        QStringLiteral("SELECT source_kind, count(*) FROM corrective_actions GROUP BY 1"));
    CHECK(bySource.value(QStringLiteral("incident")) > actions / 2);
    CHECK(bySource.value(QStringLiteral("audit")) > 0);
    // From closed incidents mostly, each created after its incident.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM corrective_actions x JOIN incidents i ON i.id = x.incident_id "
                                    "WHERE i.status = 'closed'"))
        > actions / 2);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM corrective_actions x JOIN incidents i ON i.id = x.incident_id "
                                    "WHERE x.created_at <= i.created_at"))
        == 0);
    const QMap<QString, int> byStatus = counts(*db,
        QStringLiteral("SELECT status, count(*) FROM corrective_actions GROUP BY 1"));
    CHECK(byStatus.size() >= 4);
    CHECK(byStatus.value(QStringLiteral("verified_effective")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE status IN ('verified_effective', "
                                    "'not_effective') AND (verification_note = '' OR verified_on IS NULL)"))
        == 0);
    // Some are overdue today.
    CHECK(ActionRepository(*db).summary(QDate(2026, 11, 23)).overdue > 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE owner_id IS NULL")) == 0);
}

namespace {

QMap<CellStatus, int> cellCounts(const ComplianceMatrix &m)
{
    QMap<CellStatus, int> counts;
    for (const ComplianceRow &row : m.rows) {
        for (const ComplianceCell &cell : row.cells) {
            if (cell.required)
                ++counts[cell.status];
        }
    }
    return counts;
}

} // namespace

TEST_CASE("The small demo has a site's people, posts, contractors and courses", "[demo][training]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const int people = count(*db, QStringLiteral("SELECT count(*) FROM people"));
    CHECK(people == 60);
    // A few leavers, kept with their leaving date and their records.
    const int leavers = count(*db, QStringLiteral("SELECT count(*) FROM people WHERE active = 0"));
    CHECK(leavers >= 3);
    CHECK(leavers <= 8);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM people WHERE active = 0 AND left_on IS NULL")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM people p WHERE active = 0 AND NOT EXISTS "
                                    "(SELECT 1 FROM training_records r WHERE r.person_id = p.id)"))
        == 0);
    // Everybody has a post and a unique staff number; the managers of the risk demo are among them,
    // and so are the officers whose names sign the incident reports.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM people WHERE post_id IS NULL OR staff_number = ''")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT staff_number) FROM people")) == people);
    for (const char *name : {"Dana Okafor", "Lee Whitfield", "Kwame Asante", "Bogdan Ilie"})
        CHECK(count(*db, QStringLiteral("SELECT count(*) FROM people WHERE name = ? AND active = 1"), {QLatin1String(name)}) == 1);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM incidents i JOIN audit_log a ON a.record_uuid = i.uuid "
                                    "WHERE a.actor NOT IN (SELECT name FROM people) AND a.actor <> 'demo'"))
        == 0);
    // Six security posts with people in each, beside the managers' posts.
    const QMap<QString, int> byPost = counts(*db,
        QStringLiteral("SELECT po.name, count(*) FROM people p JOIN posts po ON po.id = p.post_id GROUP BY po.name"));
    for (const char *post : {"Gate Officer", "Patrol Officer", "Control Room Operator", "Security Supervisor",
             "Reception Officer", "Mobile Response Officer"})
        CHECK(byPost.value(QLatin1String(post)) >= 4);
    // Own staff and two contractor companies.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM employers")) == 2);
    const QMap<QString, int> byEmployer = counts(*db,
        QStringLiteral("SELECT coalesce(e.name, ''), count(*) FROM people p LEFT JOIN employers e ON e.id = p.employer_id "
                       "GROUP BY 1"));
    CHECK(byEmployer.size() == 3);
    CHECK(byEmployer.value(QString()) > people / 2);
    for (auto it = byEmployer.begin(); it != byEmployer.end(); ++it)
        CHECK(it.value() >= 5);

    // Twelve courses: one never expires, two everybody needs; every post needs several.
    const QList<Course> courses = CourseRepository(*db).list();
    CHECK(courses.size() == 12);
    CHECK(std::count_if(courses.begin(), courses.end(), [](const Course &c) { return !c.validityMonths; }) == 1);
    CHECK(std::count_if(courses.begin(), courses.end(), [](const Course &c) { return c.mandatory; }) == 2);
    for (const Course &course : courses)
        CHECK(!course.provider.isEmpty());
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM post_courses")) >= 30);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT course_id) FROM post_courses")) == 10);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM posts p WHERE NOT EXISTS "
                                    "(SELECT 1 FROM post_courses c WHERE c.post_id = p.id)"))
        <= 2); // IT and HR need only what everybody needs
}

TEST_CASE("The small demo's training records go back years, with renewals, failures and certificates", "[demo][training]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const int records = count(*db, QStringLiteral("SELECT count(*) FROM training_records"));
    CHECK(records >= 600);
    CHECK(records <= 1800);
    // Dated as they happened: done before the demo's today, entered on or after that day.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE completed_on >= '2026-11-23' "
                                    "OR created_at >= '2026-11-23' OR substr(created_at, 1, 10) < completed_on"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE completed_on < '2024-11-23'")) > records / 4);
    // Nobody trained before starting, except for licences they came with.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records r JOIN people p ON p.id = r.person_id "
                                    "JOIN courses c ON c.id = r.course_id WHERE r.completed_on < p.start_date "
                                    "AND c.name NOT LIKE '%licence%' AND c.name NOT LIKE 'CCTV%' "
                                    "AND c.name NOT LIKE '%first aid%'"))
        == 0);
    // Nor after leaving.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records r JOIN people p ON p.id = r.person_id "
                                    "WHERE p.left_on IS NOT NULL AND r.completed_on >= p.left_on"))
        == 0);
    // Renewals: most people hold several records of the same course.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM training_records GROUP BY person_id, course_id "
                                    "HAVING count(*) >= 3)"))
        >= 50);
    // Results, marks and trainers.
    const QMap<QString, int> byResult = counts(*db, QStringLiteral("SELECT result, count(*) FROM training_records GROUP BY 1"));
    CHECK(byResult.value(QStringLiteral("failed")) >= 10);
    CHECK(byResult.value(QStringLiteral("failed")) < records / 10);
    CHECK(byResult.value(QStringLiteral("attended")) > 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE result = 'failed' AND notes = ''")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE result = 'failed' AND score >= 70")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE result = 'passed' AND score < 70")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE score IS NOT NULL")) > records / 4);
    CHECK(count(*db, QStringLiteral("SELECT count(DISTINCT trainer) FROM training_records")) >= 10);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE trainer = ''")) == 0);
    // Expiry follows each course.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records r JOIN courses c ON c.id = r.course_id "
                                    "WHERE (c.validity_months IS NULL) <> (r.expires_on IS NULL)"))
        == 0);
    // No template text anywhere.
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE (trainer || notes || certificate_name) "
                                    "GLOB '*[{}%]*'"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM people WHERE (name || staff_number || email || phone) "
                                    "GLOB '*[{}%]*'"))
        == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_sessions WHERE (trainer || location || notes) "
                                    "GLOB '*[{}%]*'"))
        == 0);
    // A few certificates: a photographed one and PDFs.
    Query certificates(*db, QStringLiteral("SELECT certificate_id, certificate_name FROM training_records "
                                           "WHERE certificate_id IS NOT NULL"));
    certificates.exec();
    QStringList types;
    while (certificates.next()) {
        const AttachmentInfo info = AttachmentStore(*db).info(certificates.value(0).toLongLong());
        types.append(info.mimeType);
        CHECK(info.size > 1000);
        const QByteArray bytes = AttachmentStore(*db).data(info.id);
        if (info.mimeType == QLatin1String("application/pdf")) {
            CHECK(bytes.startsWith("%PDF-1.4"));
            CHECK(bytes.contains("Certificate of Achievement"));
        }
    }
    types.sort();
    CHECK(types == QStringList({QStringLiteral("application/pdf"), QStringLiteral("application/pdf"), QStringLiteral("image/png")}));
}

TEST_CASE("On the small demo's today most training is valid and some runs out, lapsed or was never done", "[demo][training]")
{
    test::PinnedClock pinned(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    const QDate today(2026, 11, 23);
    Compliance compliance(*db);
    const ComplianceMatrix m = compliance.matrix(today);
    // Leavers and starters who have not started are not counted.
    CHECK(m.rows.size() == count(*db, QStringLiteral("SELECT count(*) FROM people WHERE active = 1 AND start_date <= ?"),
                               {QStringLiteral("2026-11-23")}));
    CHECK(m.rows.size() >= 50);
    CHECK(m.courses.size() == 12);
    const QMap<CellStatus, int> cells = cellCounts(m);
    INFO("valid " << cells.value(CellStatus::Valid) << ", expiring " << cells.value(CellStatus::Expiring) << ", expired "
                  << cells.value(CellStatus::Expired) << ", missing " << cells.value(CellStatus::Missing));
    CHECK(cells.value(CellStatus::Valid) > m.requiredCells * 7 / 10);
    CHECK(cells.value(CellStatus::Expiring) >= 5);
    CHECK(cells.value(CellStatus::Expired) >= 5);
    CHECK(cells.value(CellStatus::Missing) >= 5);
    CHECK(m.percent() > 75);
    CHECK(m.percent() < 97);
    // Some hold courses their post does not need.
    int extra = 0;
    for (const ComplianceRow &row : m.rows) {
        for (const ComplianceCell &cell : row.cells)
            extra += !cell.required && cell.recordId ? 1 : 0;
    }
    CHECK(extra > 0);

    // Running out within 30, 60 and 90 days: more each time.
    const int in30 = int(compliance.expiring(today, 30, true).size());
    const int in60 = int(compliance.expiring(today, 60, true).size());
    const int in90 = int(compliance.expiring(today, 90, true).size());
    CHECK(in30 >= 5);
    CHECK(in60 > in30);
    CHECK(in90 > in60);
    const ComplianceSummary summary = compliance.summary(today);
    CHECK(summary.people == m.rows.size());
    CHECK(summary.notCleared > 5);
    CHECK(summary.notCleared < summary.people / 2 + 10);

    // Readiness for the gate next month: most cleared, some not, some of those booked on a session.
    const qint64 gate = PostRepository(*db).findByName(QStringLiteral("Gate Officer"))->id;
    const QList<ReadinessRow> ready = compliance.readiness(gate, today.addDays(30));
    int cleared = 0, booked = 0;
    for (const ReadinessRow &row : ready) {
        cleared += row.cleared() ? 1 : 0;
        for (const ReadinessGap &gap : row.gaps)
            booked += gap.booking.sessionId > 0 ? 1 : 0;
    }
    CHECK(ready.size() >= 10);
    CHECK(cleared > int(ready.size()) / 2);
    CHECK(cleared < int(ready.size()));
    CHECK(booked > 0);
}

TEST_CASE("The small demo plans sessions ahead and marked past ones done", "[demo][training]")
{
    auto db = Database::open(smallDemo(), OpenMode::ReadOnly);
    TrainingRepository training(*db);
    const QList<TrainingSession> planned = training.sessions(false);
    CHECK(planned.size() >= 4);
    for (const TrainingSession &s : planned) {
        CHECK(s.heldOn > QDate(2026, 11, 23));
        CHECK(s.heldOn < QDate(2027, 3, 1));
        CHECK(!s.attendeeIds.isEmpty());
        CHECK(!s.trainer.isEmpty());
    }
    // Booked: people whose training runs out soon or has lapsed, and the starters on their induction.
    Compliance compliance(*db);
    int running = 0;
    for (const ExpiringRow &row : compliance.expiring(QDate(2026, 11, 23), 90, true))
        running += row.booking.sessionId > 0 ? 1 : 0;
    CHECK(running > 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_sessions s JOIN courses c ON c.id = s.course_id "
                                    "JOIN session_attendees a ON a.session_id = s.id JOIN people p ON p.id = a.person_id "
                                    "WHERE c.name = 'Site induction' AND s.status = 'planned' AND p.start_date > '2026-11-23'"))
        >= 1);
    // Done: every attendee has the record that marking the session done wrote.
    const int done = count(*db, QStringLiteral("SELECT count(*) FROM training_sessions WHERE status = 'done'"));
    CHECK(done >= 2);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_sessions WHERE status = 'done' AND held_on >= '2026-11-23'")) == 0);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM session_attendees a JOIN training_sessions s ON s.id = a.session_id "
                                    "WHERE s.status = 'done'"))
        == count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE session_id IS NOT NULL")));
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_records WHERE session_id IS NOT NULL")) >= 8);
    CHECK(count(*db, QStringLiteral("SELECT count(*) FROM training_sessions WHERE status = 'cancelled' AND notes <> ''")) >= 1);
}
