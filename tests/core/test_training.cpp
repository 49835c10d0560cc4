#include "support/testsupport.h"

#include "core/trainingtestsupport.h"
#include "storage/attachments.h"
#include "storage/healthcheck.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;
using vigil::test::TrainingSite;

TEST_CASE("Expiry: the same day months later, the month's last day when shorter, none without validity", "[training]")
{
    CHECK(expiryFor(QDate(2025, 3, 10), 12) == QDate(2026, 3, 10));
    CHECK(expiryFor(QDate(2026, 1, 31), 1) == QDate(2026, 2, 28));
    CHECK(expiryFor(QDate(2028, 1, 31), 1) == QDate(2028, 2, 29)); // leap year
    CHECK(expiryFor(QDate(2024, 2, 29), 12) == QDate(2025, 2, 28));
    CHECK(expiryFor(QDate(2024, 2, 29), 48) == QDate(2028, 2, 29));
    CHECK(expiryFor(QDate(2026, 8, 31), 6) == QDate(2027, 2, 28));
    CHECK_FALSE(expiryFor(QDate(2026, 8, 31), std::nullopt).isValid());

    // Valid through the expiry day itself; never when failed or not yet done.
    TrainingRecord r;
    r.completedOn = QDate(2025, 3, 10);
    r.expiresOn = QDate(2026, 3, 10);
    CHECK(r.validOn(QDate(2026, 3, 10)));
    CHECK_FALSE(r.validOn(QDate(2026, 3, 11)));
    CHECK_FALSE(r.validOn(QDate(2025, 3, 9)));
    r.result = TrainingResult::Failed;
    CHECK_FALSE(r.validOn(QDate(2025, 6, 1)));
}

TEST_CASE("A record's expiry follows its course unless set by hand", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    TrainingRepository training(*db);
    const qint64 id = site.record(site.dana, site.firstAid, QDate(2026, 1, 31));
    CHECK(training.load(id).expiresOn == QDate(2029, 1, 31)); // first aid: 36 months
    TrainingRecord edited = training.load(id);
    edited.completedOn = QDate(2026, 2, 28);
    training.save(edited);
    CHECK(training.load(id).expiresOn == QDate(2029, 2, 28));
    edited = training.load(id);
    edited.expiresOn = QDate(2027, 6, 30);
    edited.expirySetByHand = true;
    training.save(edited);
    CHECK(training.load(id).expiresOn == QDate(2027, 6, 30));
    // Never expiring courses give no date.
    CHECK_FALSE(training.load(site.record(site.dana, site.induction, QDate(2020, 5, 4))).expiresOn.isValid());
    // Impossible records are refused with a reason.
    TrainingRecord bad;
    bad.personId = site.dana;
    bad.courseId = site.firstAid;
    CHECK_THROWS_WITH(training.create(bad), Catch::Contains("date"));
    bad.completedOn = QDate(2026, 1, 1);
    bad.expiresOn = QDate(2025, 1, 1);
    bad.expirySetByHand = true;
    CHECK_THROWS_WITH(training.create(bad), Catch::Contains("expire"));
    test::requireHealthy(*db);
}

TEST_CASE("Compliance per person, post and site, as of any day", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    // Gate officers need induction (everyone), first aid and conflict management.
    site.record(site.dana, site.induction, QDate(2024, 1, 8));
    site.record(site.dana, site.firstAid, QDate(2024, 2, 1));   // to 2027-02-01
    site.record(site.dana, site.conflict, QDate(2025, 12, 10)); // 12 months: to 2026-12-10
    site.record(site.lee, site.induction, QDate(2024, 1, 8));
    site.record(site.lee, site.firstAid, QDate(2022, 3, 1));    // to 2025-03-01: expired
    // Priya (control room) needs induction and CCTV; has only induction.
    site.record(site.priya, site.induction, QDate(2025, 5, 5));

    Compliance compliance(*db);
    const ComplianceMatrix m = compliance.matrix(QDate(2026, 11, 23));
    REQUIRE(m.rows.size() == 3);
    auto row = [&](qint64 person) {
        for (const ComplianceRow &r : m.rows) {
            if (r.personId == person)
                return r;
        }
        FAIL("no row");
        return ComplianceRow();
    };
    auto cell = [&](const ComplianceRow &r, qint64 course) {
        for (int i = 0; i < m.courses.size(); ++i) {
            if (m.courses.at(i).id == course)
                return r.cells.at(i);
        }
        FAIL("no column");
        return ComplianceCell();
    };
    const ComplianceRow dana = row(site.dana);
    CHECK(cell(dana, site.conflict).status == CellStatus::Expiring); // 17 days left
    CHECK(cell(dana, site.firstAid).status == CellStatus::Valid);
    CHECK(cell(dana, site.cctv).status == CellStatus::NotRequired);
    CHECK(dana.cleared());
    const ComplianceRow lee = row(site.lee);
    CHECK(cell(lee, site.firstAid).status == CellStatus::Expired);
    CHECK(cell(lee, site.conflict).status == CellStatus::Missing);
    CHECK(lee.required == 3);
    CHECK(lee.held == 1);
    CHECK_FALSE(lee.cleared());
    CHECK(cell(row(site.priya), site.cctv).status == CellStatus::Missing);
    // Site: 3 + 3 + 2 required, 3 + 1 + 1 held.
    CHECK(m.requiredCells == 8);
    CHECK(m.heldCells == 5);
    CHECK(m.percent() == Approx(62.5));

    // Per post, and as of an earlier day (Lee's first aid was still valid then).
    ComplianceFilter gate;
    gate.postId = site.gateOfficer;
    const ComplianceMatrix early = compliance.matrix(QDate(2025, 1, 15), gate);
    REQUIRE(early.rows.size() == 2);
    CHECK(early.courses.size() == 3);
    CHECK(early.heldCells == 2 + 2); // Dana: induction, first aid; Lee: induction, first aid
    const ComplianceSummary s = compliance.summary(QDate(2026, 11, 23));
    CHECK(s.people == 3);
    CHECK(s.expiring == 1);
    CHECK(s.notCleared == 2);
    ComplianceFilter notCleared;
    notCleared.show = ComplianceFilter::Show::NotCleared;
    CHECK(compliance.matrix(QDate(2026, 11, 23), notCleared).rows.size() == 2);
}

TEST_CASE("Readiness: who is cleared to stand a post on a day, and why not", "[training]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    site.record(site.dana, site.induction, QDate(2024, 1, 8));
    site.record(site.dana, site.firstAid, QDate(2024, 2, 1));
    site.record(site.dana, site.conflict, QDate(2025, 12, 10)); // runs out 2026-12-10
    site.record(site.lee, site.induction, QDate(2024, 1, 8));
    site.record(site.lee, site.firstAid, QDate(2025, 6, 1));
    site.record(site.lee, site.conflict, QDate(2026, 6, 1));
    // Dana is booked on a refresher before the day.
    TrainingSession refresher;
    refresher.courseId = site.conflict;
    refresher.heldOn = QDate(2026, 12, 5);
    refresher.attendeeIds = {site.dana};
    TrainingRepository(*db).createSession(refresher);

    Compliance compliance(*db);
    const QList<ReadinessRow> today = compliance.readiness(site.gateOfficer, QDate(2026, 11, 30));
    REQUIRE(today.size() == 2);
    CHECK(today.at(0).cleared());
    CHECK(today.at(1).cleared());

    const QList<ReadinessRow> nextMonth = compliance.readiness(site.gateOfficer, QDate(2026, 12, 20));
    REQUIRE(nextMonth.size() == 2);
    CHECK(nextMonth.at(0).personId == site.dana); // not cleared first
    REQUIRE(nextMonth.at(0).gaps.size() == 1);
    const ReadinessGap gap = nextMonth.at(0).gaps.at(0);
    CHECK(gap.courseId == site.conflict);
    CHECK(gap.expiresOn == QDate(2026, 12, 10));
    CHECK(gap.booking.heldOn == QDate(2026, 12, 5));
    const QString why = describeGap(gap, QDate(2026, 12, 20));
    CHECK(why.contains(QStringLiteral("Conflict management")));
    CHECK(why.contains(QStringLiteral("booked")));
    CHECK(nextMonth.at(1).cleared());

    // Everyone: Priya could not cover the gate (no first aid, no conflict management).
    const QList<ReadinessRow> all = compliance.readiness(site.gateOfficer, QDate(2026, 11, 30), true);
    REQUIRE(all.size() == 3);
    CHECK_FALSE(all.at(2).holdsPost);
    CHECK(all.at(2).gaps.size() == 3);
    CHECK(describeGap(all.at(2).gaps.at(0), QDate(2026, 11, 30)).contains(QStringLiteral("never done")));
}

TEST_CASE("Leavers drop out of compliance from the day they leave and keep their records", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    site.record(site.lee, site.induction, QDate(2024, 1, 8));
    Person lee = *PeopleRepository(*db).load(site.lee);
    lee.active = false;
    lee.leftOn = QDate(2026, 6, 30);
    PeopleRepository(*db).save(lee);

    Compliance compliance(*db);
    CHECK(compliance.matrix(QDate(2026, 6, 29)).rows.size() == 3);
    CHECK(compliance.matrix(QDate(2026, 6, 30)).rows.size() == 2);
    CHECK(compliance.readiness(site.gateOfficer, QDate(2026, 11, 1)).size() == 1);
    CHECK(TrainingRepository(*db).forPerson(site.lee).size() == 1);
    // The standing of a leaver is still there to see.
    CHECK(compliance.standing(site.lee, QDate(2026, 11, 1)).size() == 3);
    // Somebody who has not started yet does not count either.
    Person newcomer;
    newcomer.name = QStringLiteral("Sam Newton");
    newcomer.postId = site.gateOfficer;
    newcomer.startDate = QDate(2027, 1, 4);
    PeopleRepository(*db).save(newcomer);
    CHECK(compliance.matrix(QDate(2026, 12, 1)).rows.size() == 2);
    CHECK(compliance.matrix(QDate(2027, 1, 4)).rows.size() == 3);
    test::requireHealthy(*db);
}

TEST_CASE("A person made inactive leaves that day, a leaving date that has come makes them inactive", "[training]")
{
    test::PinnedClock pinned(QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC));
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    PeopleRepository people(*db);

    Person lee = *people.load(site.lee);
    lee.active = false; // Make Inactive, no date given
    people.save(lee);
    CHECK(people.load(site.lee)->leftOn == QDate(2026, 3, 14));
    CHECK(Compliance(*db).matrix(QDate(2026, 3, 13)).rows.size() == 3); // still there the day before
    CHECK(Compliance(*db).matrix(QDate(2026, 3, 14)).rows.size() == 2);

    lee = *people.load(site.lee);
    lee.active = true; // back again
    people.save(lee);
    CHECK(people.load(site.lee)->active);
    CHECK_FALSE(people.load(site.lee)->leftOn.isValid());

    Person dana = *people.load(site.dana);
    dana.leftOn = QDate(2026, 3, 1); // a leaving date typed in, already past
    people.save(dana);
    CHECK_FALSE(people.load(site.dana)->active);
    Person priya = *people.load(site.priya);
    priya.leftOn = QDate(2026, 4, 30); // notice given: still here until then
    people.save(priya);
    CHECK(people.load(site.priya)->active);
    test::requireHealthy(*db);
}

TEST_CASE("Marking a session done records every attendee at once, and can be taken back", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    TrainingRepository training(*db);
    TrainingSession session;
    session.courseId = site.firstAid;
    session.heldOn = QDate(2026, 12, 2);
    session.trainer = QStringLiteral("St John Ambulance");
    session.attendeeIds = {site.lee, site.dana, site.priya};
    const qint64 id = training.createSession(session).id;
    CHECK(training.sessions(false).size() == 1);

    const QList<qint64> records = training.completeSession(id, QDate(2026, 12, 3), {{site.priya, TrainingResult::Failed}});
    REQUIRE(records.size() == 3);
    CHECK(training.loadSession(id).status == SessionStatus::Done);
    CHECK(training.loadSession(id).heldOn == QDate(2026, 12, 3));
    const TrainingRecord lee = training.forPerson(site.lee).first();
    CHECK(lee.courseId == site.firstAid);
    CHECK(lee.completedOn == QDate(2026, 12, 3));
    CHECK(lee.expiresOn == QDate(2029, 12, 3));
    CHECK(lee.trainer == QStringLiteral("St John Ambulance"));
    CHECK(lee.sessionId == id);
    CHECK(training.forPerson(site.priya).first().result == TrainingResult::Failed);
    // A failed attempt does not count.
    Compliance compliance(*db);
    auto standingIn = [&](qint64 person, qint64 course) {
        for (const Standing &s : compliance.standing(person, QDate(2026, 12, 4))) {
            if (s.course.id == course)
                return s.cell.status;
        }
        return CellStatus::NotRequired;
    };
    CHECK(standingIn(site.lee, site.firstAid) == CellStatus::Valid);
    site.requireCourses(site.controlRoom, {site.cctv, site.firstAid});
    CHECK(standingIn(site.priya, site.firstAid) == CellStatus::Missing);
    CHECK_THROWS(training.completeSession(id, QDate(2026, 12, 3)));
    CHECK_THROWS(training.removeSession(id));

    training.reopenSession(id, records);
    CHECK(training.forPerson(site.lee).isEmpty());
    CHECK(training.loadSession(id).status == SessionStatus::Planned);
    test::requireHealthy(*db);
}

TEST_CASE("Requirements and certificates are audited; a certificate is stored once", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    TrainingRepository training(*db);
    training.setRequiredCourses(site.controlRoom, {site.cctv, site.firstAid});
    CHECK(training.requiredCourses(site.controlRoom) == QList<qint64>({site.firstAid, site.cctv}));
    const qint64 a = site.record(site.dana, site.firstAid, QDate(2026, 1, 5));
    const qint64 b = site.record(site.lee, site.firstAid, QDate(2026, 1, 5));
    const QByteArray pdf("%PDF-1.4 certificate");
    training.setCertificate(a, QStringLiteral("dana-first-aid.pdf"), pdf);
    training.setCertificate(b, QStringLiteral("lee-first-aid.pdf"), pdf);
    CHECK(training.load(a).certificateId == training.load(b).certificateId);
    CHECK(AttachmentStore(*db).data(training.load(a).certificateId) == pdf);
    CHECK(training.load(b).certificateName == QStringLiteral("lee-first-aid.pdf"));
    CHECK_THROWS(training.setCertificate(a, QStringLiteral("huge.pdf"), QByteArray(int(maxAttachmentBytes + 1), 'x')));
    CHECK(training.load(a).certificateName == QStringLiteral("dana-first-aid.pdf"));
    test::requireHealthy(*db);
}

TEST_CASE("The records list filters and pages in SQL; exports read back", "[training]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    TrainingSite site(*db);
    for (int year = 2016; year <= 2026; ++year) {
        site.record(site.dana, site.firstAid, QDate(year, 3, 1));
        site.record(site.lee, site.conflict, QDate(year, 4, 1));
    }
    TrainingRepository training(*db);
    CHECK(training.count({}) == 22);
    TrainingRecordFilter filter;
    filter.text = QStringLiteral("conflict");
    CHECK(training.count(filter) == 11);
    filter.text = QStringLiteral("okafor first");
    CHECK(training.count(filter) == 11);
    const QList<TrainingRecordRow> page = training.rows({}, TrainingRecordColumn::Completed, Qt::DescendingOrder, 2, 5);
    REQUIRE(page.size() == 5);
    CHECK(page.at(0).completedOn == QDate(2025, 4, 1));
    const ExportTable table = training.exportTable({});
    CHECK(table.rows.size() == 22);
    CHECK(table.headers.contains(QStringLiteral("Expires on")));
    const ExportTable people = peopleExportTable(*db);
    CHECK(people.rows.size() == 3);
    const ExportTable matrix = Compliance(*db).exportTable(Compliance(*db).matrix(QDate(2026, 11, 23)));
    CHECK(matrix.rows.size() == 3);
    CHECK(matrix.headers.contains(QStringLiteral("First aid at work")));
}

TEST_CASE("A format 3 file's free-text roles become posts on upgrade, through the audit trail", "[training][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("old.vigil"));
    {
        const QList<Migration> formatThree = bundledMigrations().mid(0, 3);
        setMigrationsForTesting(&formatThree);
        auto db = Database::create(path);
        Transaction tx(*db);
        RecordStore people(*db, QStringLiteral("people"));
        people.insert({{QStringLiteral("name"), QStringLiteral("Dana Okafor")}, {QStringLiteral("role"), QStringLiteral("Gate officer")}});
        people.insert({{QStringLiteral("name"), QStringLiteral("Lee Whitfield")}, {QStringLiteral("role"), QStringLiteral(" gate officer ")}});
        people.insert({{QStringLiteral("name"), QStringLiteral("Marta Ruiz")}, {QStringLiteral("role"), QStringLiteral("Security manager")}});
        people.insert({{QStringLiteral("name"), QStringLiteral("No Role")}, {QStringLiteral("role"), QString()}});
        tx.commit();
        setMigrationsForTesting(nullptr);
    }
    auto db = Database::open(path);
    const QList<Post> posts = PostRepository(*db).list();
    REQUIRE(posts.size() == 2);
    CHECK(posts.at(0).name == QStringLiteral("Gate officer"));
    CHECK(posts.at(1).name == QStringLiteral("Security manager"));
    const QList<Person> people = PeopleRepository(*db).list();
    REQUIRE(people.size() == 4);
    CHECK(people.at(0).postId == posts.at(0).id);
    CHECK(people.at(1).postId == posts.at(0).id);
    CHECK(people.at(2).postId == posts.at(1).id);
    CHECK(people.at(3).postId == 0);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM pragma_table_info('people') WHERE name = 'role'")).toInt() == 0);
    // Each change is in the audit trail, saying why.
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'people' AND action = 'update' "
                                     "AND context LIKE 'file upgrade%'"))
              .toInt()
        == 3);
    test::requireHealthy(*db);
}
