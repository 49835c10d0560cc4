#include "support/testsupport.h"

#include "base/images.h"
#include "site/siteprofile.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include <QBuffer>
#include <QImage>
#include <QLocale>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

namespace {

QByteArray logo()
{
    QImage image(64, 48, QImage::Format_ARGB32);
    image.fill(QColor(0x1f, 0x4e, 0x79));
    return toPng(image);
}

} // namespace

TEST_CASE("A new file has no site profile until one is saved", "[site]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    SiteRepository sites(*db);
    CHECK_FALSE(sites.load().has_value());

    SiteProfile profile;
    profile.name = QStringLiteral("  Harbour Cold Store  ");
    profile.address = QStringLiteral("Quay 4\nPort of Tilbury");
    profile.logoPng = logo();
    profile.paperSize = PaperSize::Letter;
    sites.save(profile);

    const std::optional<SiteProfile> loaded = sites.load();
    REQUIRE(loaded.has_value());
    CHECK(loaded->name == QStringLiteral("Harbour Cold Store"));
    CHECK(loaded->address == profile.address);
    CHECK(loaded->logoPng == profile.logoPng);
    CHECK(loaded->paperSize == PaperSize::Letter);
    CHECK(!QUuid(loaded->uuid).isNull());
}

TEST_CASE("Editing the site profile keeps its identity and records the change", "[site]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    SiteRepository sites(*db);
    SiteProfile profile;
    profile.name = QStringLiteral("Harbour Cold Store");
    sites.save(profile);
    const QString uuid = sites.load()->uuid;

    profile.name = QStringLiteral("Harbour Cold Store (North)");
    sites.save(profile);
    CHECK(sites.load()->uuid == uuid);
    CHECK(sites.load()->name == QStringLiteral("Harbour Cold Store (North)"));

    const QList<AuditEntry> trail = AuditLog(*db).forRecord(uuid);
    REQUIRE(trail.size() == 2);
    CHECK(trail.at(1).action == AuditAction::Update);
    REQUIRE(trail.at(1).changes.size() == 1);
    CHECK(trail.at(1).changes.at(0).field == QStringLiteral("name"));
    CHECK(trail.at(1).changes.at(0).before.toString() == QStringLiteral("Harbour Cold Store"));
}

TEST_CASE("A site profile without a name or with a broken logo is refused", "[site]")
{
    TempDir dir;
    auto db = test::newDatabase(dir);
    SiteRepository sites(*db);
    SiteProfile profile;
    profile.name = QStringLiteral("   ");
    CHECK_THROWS_WITH(sites.save(profile), "The site needs a name.");

    profile.name = QStringLiteral("Harbour Cold Store");
    profile.logoPng = QByteArray("\x89PNG\r\n\x1a\nbroken"); // the PNG signature, then no image
    CHECK_THROWS_WITH(sites.save(profile), "The logo is not an image Vigil can read.");
    CHECK_FALSE(sites.load().has_value());
}

TEST_CASE("Reports default to Letter paper only where the locale measures in US units", "[site]")
{
    CHECK(defaultPaperSize(QLocale(QLocale::English, QLocale::UnitedStates)) == PaperSize::Letter);
    CHECK(defaultPaperSize(QLocale(QLocale::English, QLocale::UnitedKingdom)) == PaperSize::A4);
    CHECK(defaultPaperSize(QLocale(QLocale::German, QLocale::Germany)) == PaperSize::A4);
    CHECK(paperSizeFromKey(paperSizeKey(PaperSize::Letter)) == PaperSize::Letter);
    CHECK(paperSizeFromKey(QStringLiteral("nonsense")) == PaperSize::A4);
}
