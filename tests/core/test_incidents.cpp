#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "base/images.h"
#include "core/incidenttestsupport.h"
#include "incidents/workflow.h"
#include "storage/attachments.h"
#include "storage/healthcheck.h"
#include "storage/query.h"

#include <QImage>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <catch2/catch.hpp>

#include <thread>

using namespace vigil;
using vigil::test::makeIncident;
using vigil::test::TempDir;

TEST_CASE("A new file has the incident category catalogue", "[incidents]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    const QList<IncidentCategory> all = CategoryRepository(*db).list();
    int top = 0;
    for (const IncidentCategory &c : all)
        top += c.parentId == 0 ? 1 : 0;
    CHECK(top == 16);
    const auto alarm = CategoryRepository(*db).findByName(QStringLiteral("Intruder alarm, false"));
    REQUIRE(alarm.has_value());
    CHECK(alarm->parentId == test::categoryId(*db, QStringLiteral("Alarm activation")));
    CHECK(CategoryRepository(*db).findByName(QStringLiteral("Tampering (alter physical form or function)"))->source
        == QStringLiteral("VERIS"));
    test::requireHealthy(*db);
}

TEST_CASE("References are INC-year-number by the year reported, never reused", "[incidents]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2025, 12, 31), QTime(22, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 a = incidents.create(makeIncident(*db, QStringLiteral("Pallet missing"))).id;
    const qint64 b = incidents.create(makeIncident(*db, QStringLiteral("Second pallet missing"))).id;
    CHECK(incidents.load(a).reference == QStringLiteral("INC-2025-0001"));
    CHECK(incidents.idOfReference(QStringLiteral(" inc-2025-0001 ")) == a); // as typed in a form
    CHECK(incidents.referenceOf(a) == QStringLiteral("INC-2025-0001"));
    CHECK(incidents.idOfReference(QStringLiteral("INC-1999-0001")) == 0);
    CHECK(incidents.load(b).reference == QStringLiteral("INC-2025-0002"));
    incidents.remove(b);
    pinned.clock().set(QDateTime(QDate(2025, 12, 31), QTime(23, 0), Qt::UTC));
    CHECK(incidents.load(incidents.create(makeIncident(*db, QStringLiteral("Third"))).id).reference
        == QStringLiteral("INC-2025-0003"));
    // The new year starts its own numbers.
    pinned.clock().set(QDateTime(QDate(2026, 1, 1), QTime(0, 30), Qt::UTC));
    Incident newYear = makeIncident(*db, QStringLiteral("Fireworks set off the fence alarm"));
    newYear.occurredAt = QDateTime(QDate(2025, 12, 31), QTime(23, 58), Qt::UTC);
    newYear.reportedAt = QDateTime(QDate(2026, 1, 1), QTime(0, 20), Qt::UTC);
    CHECK(incidents.load(incidents.create(newYear).id).reference == QStringLiteral("INC-2026-0001"));
}

TEST_CASE("Numbers stay unique when two writers take them at the same time", "[incidents]")
{
    // Vigil's lock keeps a second window out, but the numbering must not depend on it: two
    // connections taking numbers at once, each in its own write transaction, never collide.
    TempDir dir;
    const QString path = dir.path(QStringLiteral("site.vigil"));
    Database::create(path);
    QList<qint64> first;
    QList<qint64> second;
    auto take = [&path](const QString &name, QList<qint64> *numbers) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            REQUIRE(db.open());
            QSqlQuery q(db);
            for (int i = 0; i < 200; ++i) {
                q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                q.exec(QStringLiteral("INSERT INTO sequences (name, last_value) VALUES ('incident-2026', 1) "
                                      "ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1 RETURNING last_value"));
                q.next();
                numbers->append(q.value(0).toLongLong());
                q.finish();
                q.exec(QStringLiteral("COMMIT"));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    };
    std::thread one([&] { take(QStringLiteral("writer-1"), &first); });
    std::thread two([&] { take(QStringLiteral("writer-2"), &second); });
    one.join();
    two.join();
    QList<qint64> all = first + second;
    std::sort(all.begin(), all.end());
    REQUIRE(all.size() == 400);
    CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
    CHECK(all.last() == 400);
}

TEST_CASE("Every status transition is allowed or refused by core", "[incidents][workflow]")
{
    using S = IncidentStatus;
    // Forward moves may skip steps; back only by reopening a resolved or closed incident.
    const QList<std::pair<S, QList<S>>> legal {
        {S::Reported, {S::Investigating, S::Contained, S::Resolved, S::Closed}},
        {S::Investigating, {S::Contained, S::Resolved, S::Closed}},
        {S::Contained, {S::Resolved, S::Closed}},
        {S::Resolved, {S::Closed, S::Investigating}},
        {S::Closed, {S::Investigating}},
    };
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    for (const auto &[from, allowed] : legal) {
        CHECK(nextStatuses(from) == allowed);
        for (S to : allIncidentStatuses) {
            INFO(incidentStatusKey(from).toStdString() << " -> " << incidentStatusKey(to).toStdString());
            Incident incident = makeIncident(*db, QStringLiteral("Transition test"));
            incident.status = from;
            incident.rootCause = QStringLiteral("Door closer broken");
            incident.lessonsLearned = QStringLiteral("Check closers monthly");
            const qint64 id = incidents.create(incident).id;
            if (allowed.contains(to)) {
                CHECK_NOTHROW(incidents.changeStatus(id, to, QStringLiteral("New evidence")));
                CHECK(incidents.load(id).status == to);
            } else {
                CHECK_THROWS_AS(incidents.changeStatus(id, to, QStringLiteral("New evidence")), Error);
                CHECK(incidents.load(id).status == from);
            }
        }
    }
    test::requireHealthy(*db);
}

TEST_CASE("Closing needs a root cause and lessons learned; reopening needs a reason", "[incidents][workflow]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 id = incidents.create(makeIncident(*db, QStringLiteral("Forklift clipped racking"))).id;
    CHECK_THROWS_WITH(incidents.changeStatus(id, IncidentStatus::Closed, {}), "Closing an incident needs its root cause.");
    CHECK_THROWS_WITH(incidents.changeStatus(id, IncidentStatus::Closed, {}, QStringLiteral("Blind corner")),
        "Closing an incident needs the lessons learned.");
    // Even with SQL the file refuses a closed incident without them.
    CHECK_THROWS_AS(execute(*db, QStringLiteral("UPDATE incidents SET status = 'closed' WHERE id = ?"), {id}), DatabaseError);

    incidents.changeStatus(id, IncidentStatus::Closed, {}, QStringLiteral("Blind corner at aisle 12"),
        QStringLiteral("Fit convex mirrors at blind corners"));
    Incident closed = incidents.load(id);
    CHECK(closed.status == IncidentStatus::Closed);
    CHECK(closed.closedAt.isValid());
    CHECK(closed.rootCause == QStringLiteral("Blind corner at aisle 12"));

    CHECK_THROWS_WITH(incidents.changeStatus(id, IncidentStatus::Investigating, QStringLiteral("  ")),
        "Reopening an incident needs a reason.");
    incidents.changeStatus(id, IncidentStatus::Investigating, QStringLiteral("Same collision again a week later"));
    CHECK(incidents.load(id).status == IncidentStatus::Investigating);
    CHECK_FALSE(incidents.load(id).closedAt.isValid());
    const QList<TimelineEntry> timeline = incidents.timeline(id);
    REQUIRE(timeline.size() == 3);
    CHECK(timeline.last().text == QStringLiteral("Same collision again a week later"));
    CHECK(timeline.last().fromStatus == IncidentStatus::Closed);
    test::requireHealthy(*db);
}

TEST_CASE("A status change is undone by a later entry, never by editing the timeline", "[incidents][workflow]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 id = incidents.create(makeIncident(*db, QStringLiteral("Gate barrier jammed"))).id;
    const StatusChange change = incidents.changeStatus(id, IncidentStatus::Resolved, {});
    incidents.undoStatusChange(change);
    CHECK(incidents.load(id).status == IncidentStatus::Reported);
    const QList<TimelineEntry> timeline = incidents.timeline(id);
    REQUIRE(timeline.size() == 3);
    CHECK(timeline.at(2).kind == TimelineKind::Correction);
    CHECK(timeline.at(2).correctsId == timeline.at(1).id);
    // The timeline itself refuses edits and deletes.
    CHECK_THROWS_AS(execute(*db, QStringLiteral("UPDATE incident_timeline SET text = 'x'")), DatabaseError);
    CHECK_THROWS_AS(execute(*db, QStringLiteral("DELETE FROM incident_timeline")), DatabaseError);
    incidents.addCorrection(id, timeline.at(0).id, QStringLiteral("Reported by the night supervisor, not the driver"));
    CHECK(incidents.timeline(id).last().correctsId == timeline.at(0).id);
    test::requireHealthy(*db);
}

TEST_CASE("Full-text search finds words in notes, people, actions and descriptions", "[incidents][search]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    Incident a = makeIncident(*db, QStringLiteral("Van seen circling the yard twice"), QStringLiteral("Suspicious person / vehicle / package"));
    a.persons = {{QStringLiteral("Marta Kowalczyk"), InvolvedRole::Witness, QStringLiteral("Forklift driver, shift B")}};
    const qint64 idA = incidents.create(a).id;
    Incident b = makeIncident(*db, QStringLiteral("Café café crème spilled on the CCTV desk"), QStringLiteral("Safety hazard"));
    b.immediateAction = QStringLiteral("Desk dried, keyboard replaced");
    const qint64 idB = incidents.create(b).id;
    incidents.addNote(idA, QStringLiteral("Registration partly read: KX19"));
    ActionRepository actions(*db);
    CorrectiveAction action;
    action.description = QStringLiteral("Install ANPR camera at the north gate");
    action.source = ActionSource::Incident;
    action.incidentId = idA;
    actions.create(action);

    auto find = [&](const QString &text) {
        IncidentFilter f;
        f.text = text;
        return incidents.ids(f, IncidentColumn::Reference, Qt::AscendingOrder);
    };
    CHECK(find(QStringLiteral("kowalczyk")) == QList<qint64> {idA});     // a person
    CHECK(find(QStringLiteral("KX19")) == QList<qint64> {idA});          // a note
    CHECK(find(QStringLiteral("anpr")) == QList<qint64> {idA});          // a corrective action
    CHECK(find(QStringLiteral("circ")) == QList<qint64> {idA});          // a prefix, as you type
    CHECK(find(QStringLiteral("cafe")) == QList<qint64> {idB});          // without the accent
    CHECK(find(QStringLiteral("keyboard replaced")) == QList<qint64> {idB});
    CHECK(find(QStringLiteral("van keyboard")).isEmpty());                 // every word must match
    CHECK(find(QStringLiteral("\"AND OR NOT( ")).isEmpty());              // search syntax is just text
    CHECK(find(QStringLiteral("INC")).size() == 2);                        // the reference too

    // Counts and pages agree, whether the search stands alone or with other filters, and a
    // deleted incident is no longer found.
    IncidentFilter f;
    f.text = QStringLiteral("INC");
    CHECK(incidents.count(f) == 2);
    CHECK(incidents.rows(f, IncidentColumn::Occurred, Qt::DescendingOrder, 0, 10).size() == 2);
    CHECK(incidents.rows(f, IncidentColumn::Occurred, Qt::DescendingOrder, 0, 10, 2).size() == 2);
    f.severities = {Severity::Critical};
    CHECK(incidents.count(f) == 0);
    CHECK(incidents.rows(f, IncidentColumn::Occurred, Qt::DescendingOrder, 0, 10).isEmpty());
    f.severities.clear();
    incidents.remove(idB);
    CHECK(incidents.count(f) == 1);
    CHECK(find(QStringLiteral("cafe")).isEmpty());
}

TEST_CASE("Attachments are stored once per content, with a size limit and image thumbnails", "[incidents][attachments]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    const qint64 a = incidents.create(makeIncident(*db, QStringLiteral("Damaged fence panel"))).id;
    const qint64 b = incidents.create(makeIncident(*db, QStringLiteral("Second report of the same damage"))).id;
    QImage photo(1600, 1200, QImage::Format_RGB32);
    photo.fill(QColor(0x44, 0x66, 0x88));
    const QByteArray png = toPng(photo);
    incidents.addAttachment(a, QStringLiteral("fence.png"), png);
    incidents.addAttachment(b, QStringLiteral("fence-copy.png"), png);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM attachments")).toInt() == 1);
    const QList<IncidentAttachment> list = incidents.attachments(b);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).fileName == QStringLiteral("fence-copy.png"));
    CHECK(list.at(0).mimeType == QStringLiteral("image/png"));
    CHECK(list.at(0).hasThumbnail);
    AttachmentStore store(*db);
    CHECK(store.data(list.at(0).attachmentId) == png);
    CHECK(QImage::fromData(store.thumbnail(list.at(0).attachmentId)).width() == 256);
    CHECK(incidents.timeline(a).last().text == QStringLiteral("Added fence.png"));

    const QByteArray huge(maxAttachmentBytes + 1, 'x');
    try {
        incidents.addAttachment(a, QStringLiteral("cctv-export.mp4"), huge);
        FAIL("a file over 50 MB was stored");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("cctv-export.mp4")));
        CHECK(e.message().contains(QStringLiteral("50")));
    }
    CHECK(incidents.attachments(a).size() == 1);
    test::requireHealthy(*db);
}

TEST_CASE("An incident logged by mistake comes back whole after undo", "[incidents]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    Incident incident = makeIncident(*db, QStringLiteral("Bag left at reception"), QStringLiteral("Lost and found property"));
    incident.persons = {{QStringLiteral("Visitor"), InvolvedRole::Other, QString()}};
    const qint64 id = incidents.create(incident).id;
    incidents.addNote(id, QStringLiteral("Owner called back"));
    incidents.addAttachment(id, QStringLiteral("bag.txt"), QByteArray("photo placeholder"));
    const Incident before = incidents.load(id);
    const int entries = int(incidents.timeline(id).size());

    CorrectiveAction action;
    action.description = QStringLiteral("Lost property shelf behind reception");
    action.source = ActionSource::Incident;
    action.incidentId = id;
    const qint64 actionId = ActionRepository(*db).create(action).id;

    const IncidentSnapshot snapshot = incidents.remove(id);
    CHECK_THROWS_AS(incidents.load(id), Error);
    CHECK(incidents.count({}) == 0);
    // Its action stays, unlinked, and the audit trail says so.
    CorrectiveAction unlinked = ActionRepository(*db).load(actionId);
    CHECK(unlinked.incidentId == 0);
    // ... and can still be edited: it now comes from elsewhere.
    CHECK(unlinked.source == ActionSource::Other);
    unlinked.description += QStringLiteral(" (kept)");
    ActionRepository(*db).save(unlinked);
    test::requireHealthy(*db);
    incidents.restore(snapshot);
    CHECK(ActionRepository(*db).load(actionId).incidentId == id);
    CHECK(ActionRepository(*db).load(actionId).source == ActionSource::Incident);
    CHECK(incidents.load(id) == before);
    CHECK(incidents.timeline(id).size() == entries);
    CHECK(incidents.attachments(id).size() == 1);
    IncidentFilter search;
    search.text = QStringLiteral("owner called");
    CHECK(incidents.count(search) == 1);
    test::requireHealthy(*db);
}

TEST_CASE("The log filters in SQL and reads late pages from the far end", "[incidents]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    AreaRepository areas(*db);
    SiteArea gate;
    gate.name = QStringLiteral("Gatehouse");
    const qint64 gateId = areas.save(gate);
    Transaction tx(*db);
    for (int i = 0; i < 250; ++i) {
        Incident incident = makeIncident(*db, QStringLiteral("Event %1").arg(i),
            i % 3 == 0 ? QStringLiteral("Alarm activation") : QStringLiteral("Theft"));
        incident.occurredAt = QDateTime(QDate(2026, 1, 1).addDays(i % 180), QTime(i % 24, 0), Qt::UTC);
        incident.severity = allSeverities[i % 4];
        incident.areaId = i % 5 == 0 ? gateId : 0;
        incidents.create(incident);
    }
    tx.commit();
    CHECK(incidents.count({}) == 250);
    IncidentFilter alarms;
    alarms.categoryIds = {test::categoryId(*db, QStringLiteral("Alarm activation"))};
    CHECK(incidents.count(alarms) == 84);
    IncidentFilter gateFilter;
    gateFilter.areaId = gateId;
    CHECK(incidents.count(gateFilter) == 50);
    IncidentFilter critical;
    critical.severities = {Severity::Critical};
    CHECK(incidents.count(critical) == 62);
    IncidentFilter january;
    january.from = QDate(2026, 1, 1);
    january.to = QDate(2026, 1, 31);
    CHECK(incidents.count(january) > 0);
    for (const IncidentRow &row : incidents.rows(january, IncidentColumn::Occurred, Qt::AscendingOrder, 0, 500, -1))
        CHECK(row.occurredAt.toLocalTime().date().month() == 1);

    // Every page, read forwards or from the end, gives the same rows in the same order.
    const int total = incidents.count({});
    QList<qint64> straight;
    QList<qint64> fromEnd;
    for (int offset = 0; offset < total; offset += 40) {
        for (const IncidentRow &row : incidents.rows({}, IncidentColumn::Occurred, Qt::DescendingOrder, offset, 40))
            straight.append(row.id);
        for (const IncidentRow &row : incidents.rows({}, IncidentColumn::Occurred, Qt::DescendingOrder, offset, 40, total))
            fromEnd.append(row.id);
    }
    CHECK(straight.size() == total);
    CHECK(fromEnd == straight);
}

TEST_CASE("Corrective actions: overdue, done, verified, with the rules checked", "[actions]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    ActionRepository actions(*db);
    CorrectiveAction a;
    a.description = QStringLiteral("Replace the broken door closer at gate 2");
    a.dueDate = QDate(2026, 6, 1);
    const qint64 id = actions.create(a).id;
    CHECK(actions.load(id).reference == QStringLiteral("ACT-0001"));
    CHECK(actions.summary(QDate(2026, 6, 30)).overdue == 1);
    ActionFilter overdue;
    overdue.overdueOnly = true;
    CHECK(actions.count(overdue) == 1);

    CorrectiveAction done = actions.load(id);
    done.status = ActionStatus::Done;
    actions.save(done);
    CHECK(actions.load(id).completedOn == QDate(2026, 6, 30));
    CHECK(actions.count(overdue) == 0);

    CorrectiveAction verified = actions.load(id);
    verified.status = ActionStatus::VerifiedEffective;
    CHECK_THROWS_AS(actions.save(verified), Error); // how was it checked?
    verified.verificationNote = QStringLiteral("Door checked on three night patrols: closes every time");
    actions.save(verified);
    CHECK(actions.load(id).verifiedOn == QDate(2026, 6, 30));

    CorrectiveAction orphan;
    orphan.description = QStringLiteral("Review the visitor procedure");
    orphan.source = ActionSource::Incident;
    CHECK_THROWS_AS(actions.create(orphan), Error); // an incident action needs its incident
    test::requireHealthy(*db);
}

TEST_CASE("The search index follows every change to what an incident says, and the check finds one it missed",
    "[incidents][search][check]")
{
    // The index reads the text from the records, and the database keeps it up to date: an
    // entry taken out with other words than it was built from would leave the index wrong, so
    // every kind of change is followed by a term-by-term comparison with an index built afresh.
    TempDir dir;
    auto db = test::newDatabase(dir);
    IncidentRepository incidents(*db);
    ActionRepository actions(*db);
    auto find = [&](const QString &text) {
        IncidentFilter f;
        f.text = text;
        return incidents.ids(f, IncidentColumn::Reference, Qt::AscendingOrder);
    };
    Incident a = makeIncident(*db, QStringLiteral("Ladder left against the perimeter fence"));
    a.persons = {{QStringLiteral("Ilse Brandt"), InvolvedRole::Witness, QStringLiteral("Night porter")}};
    const qint64 idA = incidents.create(a).id;
    const qint64 idB = incidents.create(makeIncident(*db, QStringLiteral("Gate arm snapped by a reversing lorry"))).id;
    CHECK(staleSearchEntries(*db).isEmpty());

    Incident edited = incidents.load(idA);
    edited.description = QStringLiteral("Aluminium ladder found against the north fence");
    edited.immediateAction = QStringLiteral("Ladder chained up");
    edited.persons.append({QStringLiteral("Tomasz Wrona"), InvolvedRole::Staff, QStringLiteral("Patrol")});
    incidents.save(edited);
    CHECK(find(QStringLiteral("perimeter")).isEmpty());
    CHECK(find(QStringLiteral("aluminium chained wrona brandt")) == QList<qint64> {idA});
    edited.persons.removeFirst();
    incidents.save(edited);
    CHECK(find(QStringLiteral("brandt")).isEmpty());
    CHECK(staleSearchEntries(*db).isEmpty());

    const qint64 note = incidents.addNote(idA, QStringLiteral("Footprints towards the rail siding"));
    incidents.addCorrection(idA, note, QStringLiteral("Footprints were towards the car park"));
    CHECK(find(QStringLiteral("siding")) == QList<qint64> {idA});
    CHECK(find(QStringLiteral("car park")) == QList<qint64> {idA});
    CHECK(staleSearchEntries(*db).isEmpty());

    CorrectiveAction action;
    action.description = QStringLiteral("Anti-climb paint on the fence");
    action.source = ActionSource::Incident;
    action.incidentId = idA;
    const qint64 actionId = actions.create(action).id;
    CHECK(find(QStringLiteral("anti climb")) == QList<qint64> {idA});
    action = actions.load(actionId);
    action.description = QStringLiteral("Rotating spikes on the fence");
    action.incidentId = idB; // raised from the other incident after all
    actions.save(action);
    CHECK(find(QStringLiteral("climb")).isEmpty());
    CHECK(find(QStringLiteral("spikes")) == QList<qint64> {idB});
    CHECK(staleSearchEntries(*db).isEmpty());
    const QVariantMap removed = actions.remove(actionId);
    CHECK(find(QStringLiteral("spikes")).isEmpty());
    actions.restore(removed);
    CHECK(find(QStringLiteral("spikes")) == QList<qint64> {idB});
    CHECK(staleSearchEntries(*db).isEmpty());

    const IncidentSnapshot snapshot = incidents.remove(idB);
    CHECK(find(QStringLiteral("lorry")).isEmpty());
    CHECK(staleSearchEntries(*db).isEmpty());
    incidents.restore(snapshot);
    CHECK(find(QStringLiteral("lorry spikes")) == QList<qint64> {idB});
    CHECK(staleSearchEntries(*db).isEmpty());
    test::requireHealthy(*db);

    // An entry lost behind Vigil's back is found by the check, with the incident's reference.
    const QString reference = incidents.load(idA).reference;
    execute(*db, QStringLiteral("INSERT INTO incident_search (incident_search, rowid, reference, title, description, actions, "
                                "notes, persons) SELECT 'delete', id, reference, title, description, actions, notes, "
                                "persons FROM incident_search_source WHERE id = ?"),
        {idA});
    CHECK(find(QStringLiteral("aluminium")).isEmpty());
    CHECK(staleSearchEntries(*db) == QList<qint64> {idA});
    const HealthReport report = checkHealth(*db);
    CHECK(report.problems.size() == 1);
    CHECK(report.problems.value(0).startsWith(QStringLiteral("search index: 1 incident not found as its records say (%1)").arg(reference)));
    incidents.rebuildSearch();
    CHECK(find(QStringLiteral("aluminium")) == QList<qint64> {idA});
    CHECK(staleSearchEntries(*db).isEmpty());
    // An entry whose words are all there, at the same places, but in other columns (the notes
    // filed as actions and the actions as notes) is found too.
    execute(*db, QStringLiteral("INSERT INTO incident_search (incident_search, rowid, reference, title, description, actions, "
                                "notes, persons) SELECT 'delete', id, reference, title, description, actions, notes, "
                                "persons FROM incident_search_source WHERE id = ?"),
        {idA});
    execute(*db, QStringLiteral("INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons) "
                                "SELECT id, reference, title, description, notes, actions, persons FROM incident_search_source "
                                "WHERE id = ?"),
        {idA});
    CHECK(find(QStringLiteral("footprints")) == QList<qint64> {idA});
    CHECK(staleSearchEntries(*db) == QList<qint64> {idA});
    incidents.rebuildSearch();
    test::requireHealthy(*db);

    // A check stopped at this step claims nothing about the index, and a file opened only to
    // read is query-only again afterwards (the comparison lifts that for its temporary tables).
    auto inspect = Database::open(dir.path(QStringLiteral("site.vigil")), OpenMode::Inspect);
    const HealthReport stopped = checkHealth(*inspect, [](const QString &step, qint64, qint64) {
        return step != QStringLiteral("Comparing the search index with the incidents");
    });
    CHECK(stopped.cancelled);
    CHECK_FALSE(stopped.passed.join(u'\n').contains(QStringLiteral("search index")));
    const HealthReport whole = checkHealth(*inspect);
    CHECK(whole.healthy());
    CHECK(whole.passed.join(u'\n').contains(QStringLiteral("search index: every incident is found")));
    CHECK(scalar(*inspect, QStringLiteral("PRAGMA query_only")).toInt() == 1);
    CHECK(scalar(*inspect, QStringLiteral("SELECT count(*) FROM temp.sqlite_master")).toInt() == 0);
}
