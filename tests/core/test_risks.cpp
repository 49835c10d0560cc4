#include "support/testsupport.h"

#include "core/risktestsupport.h"
#include "base/clock.h"
#include "storage/auditlog.h"
#include "storage/healthcheck.h"
#include "storage/query.h"

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::makeRisk;
using vigil::test::TempDir;

TEST_CASE("A new file has the default criteria and the ENISA threat catalogue", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    const RiskCriteria criteria = RiskCriteriaRepository(*db).current();
    CHECK(criteria.version == 1);
    CHECK(criteria.sameMatrix(RiskCriteria::defaults()));

    const QList<Threat> threats = ThreatRepository(*db).list();
    CHECK(threats.size() == 169);
    const auto theft = ThreatRepository(*db).findByName(QStringLiteral("Theft of documents"));
    REQUIRE(theft.has_value());
    CHECK(theft->category == QStringLiteral("Physical attack"));
    CHECK(theft->source == QStringLiteral("ENISA threat taxonomy"));
    // ENISA's own identity, the same in every site's file.
    CHECK(ThreatRepository(*db).findByName(QStringLiteral("Fraud"))->uuid
        == QStringLiteral("1646019b-2bc3-5f0e-bcf1-ad5ef86184d7"));
    QSet<QString> categories;
    for (const Threat &t : threats)
        categories.insert(t.category);
    CHECK(categories.contains(QStringLiteral("Disaster")));
    CHECK(categories.contains(QStringLiteral("Outages")));
    CHECK(categories.contains(QStringLiteral("Unintentional damage / loss of information or IT assets")));
    test::requireHealthy(*db);
}

TEST_CASE("Creating a risk numbers it, rates it under the current criteria and records its ratings", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Risk risk = makeRisk(QStringLiteral("Theft from the loading bay"), 4, 4, 3, 3);
    risk.target = {2, 3, -1};
    risk.ownerId = test::addPerson(*db, QStringLiteral("Dana Okafor"));
    risk.category = QStringLiteral("Theft");
    const RecordKey first = risks.create(risk);
    const RecordKey second = risks.create(makeRisk(QStringLiteral("Fire in the battery store"), 2, 5, 2, 4));

    const Risk loaded = risks.load(first.id);
    CHECK(loaded.reference == QStringLiteral("RSK-0001"));
    CHECK(risks.load(second.id).reference == QStringLiteral("RSK-0002"));
    CHECK(loaded.criteriaId == RiskCriteriaRepository(*db).current().id);
    CHECK(loaded.inherent == Rating {4, 4, 2});   // 16: High
    CHECK(loaded.residual == Rating {3, 3, 1});   // 9: Medium
    CHECK(loaded.target == Rating {2, 3, 1});     // 6: Medium
    CHECK(loaded.ownerId == risk.ownerId);
    CHECK(risks.ratingHistory(first.id).size() == 3);
    test::requireHealthy(*db);
}

TEST_CASE("A risk cannot be accepted without a justification, in core and in the file", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Risk risk = makeRisk(QStringLiteral("Bird strike on roof sensors"), 2, 1, 2, 1);
    risk.treatment = Treatment::Accept;
    const QList<FieldProblem> problems = risks.problems(risk);
    REQUIRE(problems.size() == 1);
    CHECK(problems.at(0).field == QStringLiteral("justification"));
    CHECK_THROWS_AS(risks.create(risk), Error);
    CHECK(risks.count({}) == 0);

    risk.justification = QStringLiteral("Cost of netting exceeds any loss; sensors are redundant.");
    const qint64 id = risks.create(risk).id;
    // Even with SQL, the file refuses an accepted risk without a reason.
    CHECK_THROWS_AS(execute(*db, QStringLiteral("UPDATE risks SET justification = '' WHERE id = ?"), {id}), DatabaseError);

    Risk edited = risks.load(id);
    edited.justification = QStringLiteral("   ");
    CHECK_THROWS_AS(risks.save(edited), Error);
    CHECK(risks.load(id).justification.startsWith(QStringLiteral("Cost of netting")));
}

TEST_CASE("Missing ratings and out-of-matrix ratings are reported per field", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Risk risk;
    const QList<FieldProblem> problems = risks.problems(risk);
    QStringList fields;
    for (const FieldProblem &p : problems)
        fields.append(p.field);
    CHECK(fields.contains(QStringLiteral("title")));
    CHECK(fields.contains(QStringLiteral("inherent")));
    CHECK(fields.contains(QStringLiteral("residual")));
    CHECK_FALSE(fields.contains(QStringLiteral("target")));

    Risk outside = makeRisk(QStringLiteral("x"), 6, 1, 1, 1);
    REQUIRE(risks.problems(outside).size() == 1);
    CHECK(risks.problems(outside).at(0).message.contains(QStringLiteral("outside the 5x5 matrix")));
}

TEST_CASE("Editing a risk changes only what changed and adds rating history", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    ControlRepository controls(*db);
    Control cctv;
    cctv.name = QStringLiteral("CCTV at gate 2");
    cctv.status = ControlStatus::Implemented;
    const qint64 cctvId = controls.save(cctv);
    const qint64 id = risks.create(makeRisk(QStringLiteral("Tailgating at gate 2"), 4, 3, 4, 3)).id;

    Risk risk = risks.load(id);
    risk.residual = {2, 3, -1};
    risk.controlIds = {cctvId};
    risks.save(risk);
    const Risk saved = risks.load(id);
    CHECK(saved.residual == Rating {2, 3, 1});
    CHECK(saved.controlIds == QList<qint64> {cctvId});

    const QList<RatingHistoryEntry> history = risks.ratingHistory(id);
    REQUIRE(history.size() == 3); // inherent + residual at creation, the new residual
    CHECK(history.last().kind == RatingKind::Residual);
    CHECK(history.last().reason == QStringLiteral("reassessment"));

    const QList<AuditEntry> trail = AuditLog(*db).forRecord(saved.uuid);
    REQUIRE(trail.size() == 2);
    QStringList fields;
    for (const FieldChange &c : trail.last().changes)
        fields.append(c.field);
    fields.sort();
    CHECK(fields == (QStringList {QStringLiteral("controls"), QStringLiteral("residual_level"), QStringLiteral("residual_likelihood")}));
    test::requireHealthy(*db);
}

TEST_CASE("Changing the criteria previews every mapping, then maps all ratings in one step", "[risks][criteria]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    RiskCriteriaRepository criteria(*db);
    const qint64 a = risks.create(makeRisk(QStringLiteral("A"), 5, 5, 3, 3)).id; // Extreme, Medium
    const qint64 b = risks.create(makeRisk(QStringLiteral("B"), 1, 5, 1, 4)).id; // Medium (5), Low (4)
    const qint64 c = risks.create(makeRisk(QStringLiteral("C"), 2, 2, 1, 1)).id; // Low, Low
    const RiskCriteria v1 = criteria.current();

    // Version 2: any catastrophic impact is at least High.
    RiskCriteria proposed = v1;
    proposed.name = QStringLiteral("Criteria after the 2026 review");
    for (int l = 1; l <= 5; ++l)
        proposed.setLevelAt(l, 5, qMax(2, proposed.levelAt(l, 5)));
    const CriteriaPreview preview = criteria.preview(proposed);
    CHECK(preview.moves.size() == 6);
    CHECK(preview.changedLevels() == 1); // B's inherent 1x5: Medium -> High
    bool found = false;
    for (const LevelMapping &m : preview.mappings) {
        if (m.kind == RatingKind::Inherent && m.fromLevel == QStringLiteral("Medium") && m.toLevel == QStringLiteral("High")) {
            CHECK(m.count == 1);
            found = true;
        }
    }
    CHECK(found);
    CHECK(risks.load(b).inherent.level == 1); // nothing changed yet

    const CriteriaChange change = criteria.apply(proposed);
    CHECK(criteria.current().version == 2);
    CHECK(criteria.current().name == QStringLiteral("Criteria after the 2026 review"));
    CHECK(risks.load(b).inherent == Rating {1, 5, 2});
    CHECK(risks.load(b).criteriaId == change.criteriaId);
    CHECK(risks.load(a).inherent.level == 3);

    // The history keeps what each rating was, under the version it was made under.
    const QList<RatingHistoryEntry> history = risks.ratingHistory(b);
    REQUIRE(history.size() == 4);
    CHECK(history.at(0).criteriaId == v1.id);
    CHECK(history.at(0).rating.level == 1);
    CHECK(history.at(2).criteriaId == change.criteriaId);
    CHECK(history.at(2).reason.contains(QStringLiteral("version 2")));
    test::requireHealthy(*db);

    // One undoable step: revert puts every rating back and removes the version.
    criteria.revert(change);
    CHECK(criteria.current().version == 1);
    CHECK(risks.load(b).inherent == Rating {1, 5, 1});
    CHECK(risks.load(b).criteriaId == v1.id);
    CHECK(risks.ratingHistory(b).size() == 2);
    CHECK(risks.load(c).residual == Rating {1, 1, 0});
    test::requireHealthy(*db);
}

TEST_CASE("A smaller matrix maps ratings proportionally", "[risks][criteria]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    const qint64 id = risks.create(makeRisk(QStringLiteral("A"), 5, 3, 3, 1)).id;
    RiskCriteria three = RiskCriteria::sized(3, 3, {});
    three.name = QStringLiteral("Simple 3x3");
    RiskCriteriaRepository(*db).apply(three);
    const Risk mapped = risks.load(id);
    CHECK(mapped.inherent.likelihood == 3);
    CHECK(mapped.inherent.impact == 2);
    CHECK(mapped.residual.likelihood == 2);
    CHECK(mapped.residual.impact == 1);
    CHECK(mapped.inherent.level == three.levelAt(3, 2));
}

TEST_CASE("References are never reused, even after a delete", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    risks.create(makeRisk(QStringLiteral("One"), 1, 1, 1, 1));
    const qint64 two = risks.create(makeRisk(QStringLiteral("Two"), 1, 1, 1, 1)).id;
    risks.remove(two);
    const qint64 three = risks.create(makeRisk(QStringLiteral("Three"), 1, 1, 1, 1)).id;
    CHECK(risks.load(three).reference == QStringLiteral("RSK-0003"));
}

TEST_CASE("Retired risks leave the register and come back when reinstated", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    const qint64 id = risks.create(makeRisk(QStringLiteral("Old canteen fire risk"), 2, 3, 1, 3)).id;
    risks.retire(id, QStringLiteral("Canteen demolished"));
    CHECK(risks.count({}) == 0);
    RiskFilter all;
    all.includeRetired = true;
    CHECK(risks.count(all) == 1);
    CHECK(risks.load(id).retiredReason == QStringLiteral("Canteen demolished"));
    CHECK(risks.rows(all, RiskColumn::Reference, Qt::AscendingOrder, 0, 10).at(0).retired);
    risks.reinstate(id);
    CHECK(risks.count({}) == 1);
    CHECK_FALSE(risks.load(id).isRetired());
    test::requireHealthy(*db);
}

TEST_CASE("A deleted risk comes back exactly with restore", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    Asset store;
    store.name = QStringLiteral("Battery store");
    const qint64 assetId = AssetRepository(*db).save(store);
    Risk risk = makeRisk(QStringLiteral("Created by mistake"), 3, 3, 2, 2);
    risk.assetIds = {assetId};
    const qint64 id = risks.create(risk).id;
    const Risk before = risks.load(id);
    const QList<RatingHistoryEntry> history = risks.ratingHistory(id);

    const RiskSnapshot snapshot = risks.remove(id);
    CHECK_THROWS_AS(risks.load(id), Error);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM risk_assets")).toInt() == 0);

    risks.restore(snapshot);
    CHECK(risks.load(id) == before);
    CHECK(risks.ratingHistory(id).size() == history.size());
    const QList<AuditEntry> trail = AuditLog(*db).forRecord(before.uuid);
    REQUIRE(trail.size() == 3);
    CHECK(trail.at(1).action == AuditAction::Delete);
    CHECK(trail.at(2).action == AuditAction::Create);
    test::requireHealthy(*db);
}

TEST_CASE("The register filters, searches, sorts and pages in SQL", "[risks]")
{
    TempDir dir;
    test::PinnedClock pinned(QDateTime(QDate(2026, 6, 15), QTime(10, 0), Qt::UTC));
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    const qint64 dana = test::addPerson(*db, QStringLiteral("Dana Okafor"));
    for (int i = 1; i <= 30; ++i) {
        Risk r = makeRisk(QStringLiteral("Risk %1").arg(i, 2, 10, QLatin1Char('0')), 1 + i % 5, 1 + (i / 5) % 5,
            1 + i % 5, 1 + (i / 5) % 5);
        r.ownerId = i % 3 == 0 ? dana : 0;
        r.category = i % 2 ? QStringLiteral("Theft") : QStringLiteral("Fire");
        r.reviewDate = QDate(2026, 6, 15).addDays(i - 10); // i < 10: overdue
        r.status = i % 7 == 0 ? RiskStatus::Closed : RiskStatus::Open;
        risks.create(r);
    }
    Risk special = makeRisk(QStringLiteral("Fuel 100% siphoned_off at night"), 2, 2, 2, 2);
    special.description = QStringLiteral("نقطة التفتيش الشمالية");
    risks.create(special);

    CHECK(risks.count({}) == 31);
    RiskFilter owner;
    owner.ownerId = dana;
    CHECK(risks.count(owner) == 10);
    RiskFilter fire;
    fire.category = QStringLiteral("Fire");
    CHECK(risks.count(fire) == 15);
    RiskFilter overdue;
    overdue.overdueOnly = true;
    CHECK(risks.count(overdue) == 8); // 1..9, without the closed 7
    RiskFilter closed;
    closed.statuses = {RiskStatus::Closed};
    CHECK(risks.count(closed) == 4);

    RiskFilter text;
    text.text = QStringLiteral("100%");
    CHECK(risks.count(text) == 1);
    text.text = QStringLiteral("siphoned_off NIGHT");
    CHECK(risks.count(text) == 1);
    text.text = QStringLiteral("_");
    CHECK(risks.count(text) == 1); // the underscore is a letter, not a wildcard
    text.text = QStringLiteral("التفتيش");
    CHECK(risks.count(text) == 1);

    RiskFilter high;
    high.residualLevels = {2, 3};
    for (const RiskRow &row : risks.rows(high, RiskColumn::Residual, Qt::DescendingOrder, 0, 100))
        CHECK(row.residualLevel >= 2);

    // Pages join up without gaps or repeats, in the order asked for.
    QStringList titles;
    for (int offset = 0; offset < 31; offset += 7) {
        for (const RiskRow &row : risks.rows({}, RiskColumn::Title, Qt::DescendingOrder, offset, 7))
            titles.append(row.title);
    }
    CHECK(titles.size() == 31);
    QStringList sorted = titles;
    std::sort(sorted.begin(), sorted.end(), [](const QString &x, const QString &y) {
        return QString::compare(x, y, Qt::CaseInsensitive) > 0;
    });
    CHECK(titles == sorted);

    const QList<RiskRow> byOwner = risks.rows({}, RiskColumn::Owner, Qt::AscendingOrder, 0, 31);
    CHECK(byOwner.first().ownerName == QStringLiteral("Dana Okafor"));
    CHECK(byOwner.last().ownerName.isEmpty());
    const QList<RiskRow> byReview = risks.rows({}, RiskColumn::ReviewDate, Qt::AscendingOrder, 0, 31);
    CHECK(byReview.first().reviewDate == QDate(2026, 6, 6));
    CHECK_FALSE(byReview.last().reviewDate.isValid());
}

TEST_CASE("Heat maps count risks per cell and a cell filters the register", "[risks]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    RiskRepository risks(*db);
    risks.create(makeRisk(QStringLiteral("A"), 4, 4, 2, 3));
    risks.create(makeRisk(QStringLiteral("B"), 4, 4, 2, 3));
    risks.create(makeRisk(QStringLiteral("C"), 5, 2, 1, 1));
    const qint64 retired = risks.create(makeRisk(QStringLiteral("D"), 4, 4, 4, 4)).id;
    risks.retire(retired, QStringLiteral("gone"));

    const HeatMapCounts inherent = risks.heatMap({}, RatingKind::Inherent);
    CHECK(inherent.total() == 3);
    CHECK(inherent.at(4, 4) == 2);
    CHECK(inherent.at(5, 2) == 1);
    const HeatMapCounts residual = risks.heatMap({}, RatingKind::Residual);
    CHECK(residual.at(2, 3) == 2);
    CHECK(residual.at(1, 1) == 1);
    CHECK(residual.at(4, 4) == 0);

    RiskFilter cell;
    cell.cellSet = true;
    cell.cellKind = RatingKind::Residual;
    cell.cellLikelihood = 2;
    cell.cellImpact = 3;
    CHECK(risks.count(cell) == 2);
    // The heat map itself ignores the cell filter, so the other cells stay visible.
    CHECK(risks.heatMap(cell, RatingKind::Residual).total() == 3);
}

TEST_CASE("Catalogue entries are made inactive, never lost", "[risks][catalogues]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    PeopleRepository people(*db);
    Person person;
    person.name = QStringLiteral("Sam Reyes");
    person.email = QStringLiteral("not an address");
    CHECK_THROWS_AS(people.save(person), Error);
    person.email = QStringLiteral("sam.reyes@example.org");
    const qint64 id = people.save(person);
    people.setActive(id, false);
    CHECK(people.list().isEmpty());
    CHECK(people.list(true).size() == 1);
    CHECK(people.load(id)->email == QStringLiteral("sam.reyes@example.org"));

    Asset asset;
    asset.name = QStringLiteral("Server room");
    asset.criticality = 9;
    CHECK_THROWS_AS(AssetRepository(*db).save(asset), Error);
    test::requireHealthy(*db);
}

