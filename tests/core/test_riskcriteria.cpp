#include "support/testsupport.h"

#include "risks/riskcriteria.h"

#include <catch2/catch.hpp>

using namespace vigil;

TEST_CASE("The default matrix is DOMAIN.md's 5x5 with four bands", "[risks][criteria]")
{
    const RiskCriteria c = RiskCriteria::defaults();
    CHECK(c.problem().isEmpty());
    REQUIRE(c.likelihoodCount() == 5);
    REQUIRE(c.impactCount() == 5);
    CHECK(c.likelihood.first().label == QStringLiteral("Rare"));
    CHECK(c.likelihood.last().label == QStringLiteral("Almost certain"));
    CHECK(c.impact.first().label == QStringLiteral("Insignificant"));
    CHECK(c.impact.last().label == QStringLiteral("Catastrophic"));
    const QStringList names {QStringLiteral("Low"), QStringLiteral("Medium"), QStringLiteral("High"), QStringLiteral("Extreme")};
    for (int l = 1; l <= 5; ++l) {
        for (int i = 1; i <= 5; ++i) {
            const int score = l * i;
            const int expected = score <= 4 ? 0 : score <= 9 ? 1 : score <= 16 ? 2 : 3;
            INFO("L" << l << " I" << i);
            CHECK(c.levelAt(l, i) == expected);
        }
    }
    CHECK(c.levels.at(c.levelAt(5, 5)).name == names.last());
    CHECK(c.levelAt(0, 3) == -1);
    CHECK(c.levelAt(6, 1) == -1);
}

TEST_CASE("A level grid need not be the product of the scores", "[risks][criteria]")
{
    // A site that treats any catastrophic impact as Extreme, however unlikely.
    RiskCriteria c = RiskCriteria::defaults();
    for (int l = 1; l <= 5; ++l)
        c.setLevelAt(l, 5, 3);
    c.setLevelAt(5, 1, 0); // and an almost-certain trivial event as Low
    CHECK(c.problem().isEmpty());
    CHECK(c.levelAt(1, 5) == 3);
    CHECK(c.levelAt(2, 5) == 3);
    CHECK(c.levelAt(5, 1) == 0);
    CHECK(c.levelAt(4, 4) == 2);

    RiskCriteria copy;
    REQUIRE(RiskCriteria::fromJson(c.toJson(), &copy));
    copy.name = c.name;
    CHECK(copy.sameMatrix(c));
}

TEST_CASE("Criteria outside 3x3 to 6x6, or incomplete, are refused with a reason", "[risks][criteria]")
{
    RiskCriteria small = RiskCriteria::sized(2, 4, {});
    CHECK_FALSE(small.problem().isEmpty());
    RiskCriteria large = RiskCriteria::sized(7, 5, {});
    CHECK_FALSE(large.problem().isEmpty());
    for (const auto &[l, i] : {std::pair {3, 3}, std::pair {4, 6}, std::pair {6, 6}}) {
        const RiskCriteria ok = RiskCriteria::sized(l, i, {});
        INFO(l << "x" << i << ": " << ok.problem().toStdString());
        CHECK(ok.problem().isEmpty());
        CHECK(ok.levelAt(1, 1) == 0);
        CHECK(ok.levelAt(l, i) == int(ok.levels.size()) - 1);
    }
    RiskCriteria holes = RiskCriteria::defaults();
    holes.grid.removeLast();
    CHECK(holes.problem() == QStringLiteral("Every cell of the matrix needs a risk level."));
    RiskCriteria unnamed = RiskCriteria::defaults();
    unnamed.levels[1].name.clear();
    CHECK(unnamed.problem() == QStringLiteral("Every risk level needs a name."));
    RiskCriteria blank = RiskCriteria::defaults();
    blank.impact[2].label = QStringLiteral("  ");
    CHECK(!blank.problem().isEmpty());
}

TEST_CASE("Scores map proportionally between matrix sizes", "[risks][criteria]")
{
    CHECK(mapScore(3, 5, 5) == 3);
    CHECK(mapScore(1, 5, 3) == 1);
    CHECK(mapScore(3, 5, 3) == 2);
    CHECK(mapScore(5, 5, 3) == 3);
    CHECK(mapScore(2, 3, 5) == 3);
    CHECK(mapScore(4, 5, 6) == 5);
    CHECK(mapScore(5, 5, 6) == 6);
    CHECK(mapScore(6, 6, 4) == 4);
}
