#include "support/testsupport.h"

#include "demo/demo.h"
#include "site/siteprofile.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/query.h"

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
