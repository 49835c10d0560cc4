#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/timeformat.h"
#include "demo/demo.h"
#include "incidents/incidentrepository.h"
#include "site/siteprofile.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/query.h"

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
