#include "support/testsupport.h"

#include "base/clock.h"
#include "core/incidenttestsupport.h"
#include "incidents/incidentrepository.h"
#include "site/siteprofile.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/healthcheck.h"
#include "storage/recordstore.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

QString makeSite(const TempDir &dir)
{
    const QString path = dir.path(QStringLiteral("site.vigil"));
    auto db = Database::create(path);
    SiteProfile profile;
    profile.name = QStringLiteral("Harbour Cold Store");
    SiteRepository(*db).save(profile);
    return path;
}

HealthReport check(const QString &path)
{
    return checkHealth(*Database::open(path, OpenMode::Inspect));
}

bool mentions(const QStringList &lines, const QString &text)
{
    for (const QString &line : lines) {
        if (line.contains(text))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("A file written only by Vigil is healthy", "[check]")
{
    TempDir dir;
    const HealthReport report = check(makeSite(dir));
    INFO(report.problems.join(u'\n').toStdString());
    CHECK(report.healthy());
    CHECK(mentions(report.passed, QStringLiteral("integrity: ok")));
    CHECK(mentions(report.passed, QStringLiteral("audit trail")));
}

TEST_CASE("A record edited behind Vigil's back is reported", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE site_profile SET name = 'Forged', "
                                              "updated_at = '2030-01-01T00:00:00.000Z'")));
    const HealthReport report = check(path);
    CHECK_FALSE(report.healthy());
    CHECK(mentions(report.problems, QStringLiteral("changed without an audit entry")));
}

TEST_CASE("A clock that steps back between two saves is not taken for tampering", "[check]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    {
        test::PinnedClock pinned(QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
        auto db = Database::create(path);
        SiteProfile profile;
        profile.name = QStringLiteral("Harbour Cold Store");
        SiteRepository(*db).save(profile);
        pinned.clock().advanceSeconds(-120); // an NTP correction
        profile.name = QStringLiteral("Harbour Cold Store North");
        SiteRepository(*db).save(profile);
    }
    const HealthReport report = check(path);
    INFO(report.problems.join(u'\n').toStdString());
    CHECK(report.healthy());
}

TEST_CASE("A value changed behind Vigil's back is reported, even with the time left alone", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE site_profile SET address = 'Somewhere else'")));
    const HealthReport report = check(path);
    CHECK_FALSE(report.healthy());
    CHECK(mentions(report.problems, QStringLiteral("1 value differs from its last audited change")));
}

TEST_CASE("A field a record was created without, filled in behind Vigil's back, is reported", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    {
        // A new record's first audit entry names only the fields given a value: the phone is
        // empty and "active" keeps the column's default.
        auto db = Database::open(path);
        Transaction tx(*db);
        RecordStore(*db, QStringLiteral("people")).insert({{QStringLiteral("name"), QStringLiteral("R. Guard")}});
        tx.commit();
    }
    CHECK(check(path).healthy());
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE people SET phone = '555 0100', active = 0")));
    const HealthReport report = check(path);
    CHECK_FALSE(report.healthy());
    CHECK(mentions(report.problems, QStringLiteral("table people: 2 values differ from their last audited change")));
}

TEST_CASE("A record deleted behind Vigil's back is reported", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    REQUIRE(test::rawSql(path, QStringLiteral("DELETE FROM site_profile")));
    const HealthReport report = check(path);
    CHECK(mentions(report.problems, QStringLiteral("deleted without an audit entry")));
}

TEST_CASE("A record inserted behind Vigil's back is reported", "[check]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    REQUIRE(test::rawSql(path, QStringLiteral("INSERT INTO site_profile (uuid, name, created_at, created_by, "
                                              "updated_at, updated_by) VALUES ('0b5e', 'Ghost', 'a', 'b', 'c', 'd')")));
    const HealthReport report = check(path);
    CHECK(mentions(report.problems, QStringLiteral("1 record has no audit entry")));
    CHECK(mentions(report.problems, QStringLiteral("0b5e")));
}

TEST_CASE("A removed safeguard and a malformed audit entry are reported", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    REQUIRE(test::rawSql(path, QStringLiteral("DROP TRIGGER audit_log_no_delete")));
    REQUIRE(test::rawSql(path, QStringLiteral("INSERT INTO audit_log (at, actor, entity, record_uuid, action, changes) "
                                              "VALUES ('yesterday', 'x', 'site_profile', 'u', 'vanish', '{oops')")));
    const HealthReport report = check(path);
    CHECK(mentions(report.problems, QStringLiteral("trigger audit_log_no_delete is missing")));
    CHECK(mentions(report.problems, QStringLiteral("malformed")));
}

TEST_CASE("A damaged file is reported, not hidden", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    QByteArray bytes = test::readFile(path);
    // Break the second page in place.
    const int page = test::sqlitePageSize(bytes);
    for (int i = page + 8; i < page + 1200; ++i)
        bytes[i] = char(0x5A);
    test::writeFile(path, bytes);
    // `vigil check` opens a damaged file anyway, to list what SQLite finds wrong.
    const HealthReport report = check(path);
    CHECK_FALSE(report.healthy());
    CHECK(mentions(report.problems, QStringLiteral("integrity")));
}

TEST_CASE("A photo whose bytes were changed behind Vigil's back is reported by the check and by a restore", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    {
        auto db = Database::open(path);
        const qint64 id = IncidentRepository(*db).create(test::makeIncident(*db, QStringLiteral("Forced door"))).id;
        IncidentRepository(*db).addAttachment(id, QStringLiteral("door.jpg"), QByteArray(20000, 'j'));
        IncidentRepository(*db).addAttachment(id, QStringLiteral("statement.pdf"), QByteArray(9000, 'p'));
    }
    CHECK(check(path).healthy());
    CHECK(mentions(check(path).passed, QStringLiteral("attachments: every photo and document matches its SHA-256")));
    const QString backup = dir.path(QStringLiteral("backup.vigil"));
    writeBackup(path, backup);
    CHECK(stageRestore(backup, dir.path(QStringLiteral("restored.vigil"))).facts.alteredAttachments.isEmpty());

    // One byte of the photo, the same length: SQLite's checks and the audit trail see nothing.
    REQUIRE(test::rawSql(path, QStringLiteral("UPDATE attachments SET data = CAST(replace(CAST(data AS TEXT), 'jjjj', "
                                              "'jjjk') AS BLOB) WHERE size = 20000")));
    const HealthReport report = check(path);
    CHECK_FALSE(report.healthy());
    INFO(report.problems.join(u'\n').toStdString());
    CHECK(mentions(report.problems, QStringLiteral("door.jpg")));
    CHECK_FALSE(mentions(report.problems, QStringLiteral("statement.pdf")));
    // The same flip in a plain backup: the restore says so before it is confirmed.
    REQUIRE(test::rawSql(backup, QStringLiteral("UPDATE attachments SET data = zeroblob(9000) WHERE size = 9000")));
    const StagedRestore staged = stageRestore(backup, dir.path(QStringLiteral("restored.vigil")));
    CHECK(staged.facts.attachments == 2);
    CHECK(staged.facts.alteredAttachments == QStringList {QStringLiteral("statement.pdf")});
    discardRestore(staged);
}

TEST_CASE("People involved and attached files changed behind Vigil's back are reported", "[check]")
{
    TempDir dir;
    const QString path = makeSite(dir);
    QString reference;
    {
        auto db = Database::open(path);
        Incident incident = test::makeIncident(*db, QStringLiteral("Fight at the gate"));
        incident.persons = {{QStringLiteral("Sam Reed"), InvolvedRole::Witness, QString()}};
        const qint64 id = IncidentRepository(*db).create(incident).id;
        IncidentRepository(*db).addAttachment(id, QStringLiteral("gate.jpg"), QByteArray(5000, 'g'));
        IncidentRepository(*db).addAttachment(id, QStringLiteral("statement.pdf"), QByteArray(3000, 's'));
        const qint64 link = IncidentRepository(*db).attachments(id).value(1).id;
        IncidentRepository(*db).withdrawAttachment(link, QStringLiteral("wrong incident"));
        reference = IncidentRepository(*db).load(id).reference;
    }
    INFO(check(path).problems.join(u'\n').toStdString());
    CHECK(check(path).healthy());
    const QList<std::pair<QString, const char *>> tampering {
        {QStringLiteral("INSERT INTO incident_persons (incident_id, name, role) SELECT id, 'Jo Blake', 'suspect' FROM incidents"),
            "people involved"},
        {QStringLiteral("UPDATE incident_persons SET role = 'suspect'"), "people involved"},
        {QStringLiteral("DELETE FROM incident_attachments"), "attached files"},
        {QStringLiteral("UPDATE incident_attachments SET file_name = 'other.jpg'"), "attached files"},
    };
    for (const auto &[sql, what] : tampering) {
        INFO(sql.toStdString());
        TempDir copyDir;
        const QString copy = copyDir.path(QStringLiteral("copy.vigil"));
        writeBackup(path, copy);
        REQUIRE(test::rawSql(copy, sql));
        const HealthReport report = check(copy);
        CHECK_FALSE(report.healthy());
        CHECK(mentions(report.problems, QStringLiteral("%1 (%2)").arg(reference, QLatin1String(what))));
    }
}
