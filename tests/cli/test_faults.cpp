// A real full disk: a small file system (tmpfs) holds the site file, a filler takes the rest of
// its space, and the real program is asked to import into it. Mounting needs root and a machine
// that allows it (CI runs as root); elsewhere the test says so and stops: the same refusal is
// covered everywhere with SQLite's page limit in the core tests ("A disk that fills ...").
#include "cli/clitestsupport.h"

#include "incidents/incidentrepository.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStorageInfo>

#include <sys/mount.h>
#include <unistd.h>

namespace vigil::test {
namespace {

QByteArray importFile(int rows)
{
    QByteArray csv = "Reference,Occurred,Category,Severity,Description\n";
    for (int row = 0; row < rows; ++row)
        csv += QStringLiteral("full-%1,2026-02-%2 08:00,Theft,medium,Row %1 of an import that meets a full disk, "
                              "with enough words to need some pages of its own\n")
                   .arg(row)
                   .arg(10 + row % 18)
                   .toUtf8();
    return csv;
}

// Fills the file system at folder until less than `leave` bytes are free.
void fill(const QString &path, qint64 leave)
{
    QFile filler(path);
    REQUIRE(filler.open(QIODevice::WriteOnly));
    const QByteArray block(64 * 1024, 'f');
    while (QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable() > leave + block.size())
        REQUIRE(filler.write(block) == block.size());
    filler.flush();
}

} // namespace

TEST_CASE("An import that fills the disk says so in one line, keeps the file sound and loses nothing", "[cli][fault]")
{
    TempDir dir;
    const QString mountPoint = dir.path(QStringLiteral("small-disk"));
    REQUIRE(QDir().mkpath(mountPoint));
    if (geteuid() != 0 || mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=24m") != 0) {
        WARN("cannot mount a small file system here (needs root); the page-limit tests cover the refusal");
        return;
    }
    const auto unmount = qScopeGuard([&] { umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH); });

    const QString site = mountPoint + QStringLiteral("/site.vigil");
    qint64 saved = 0;
    {
        const std::unique_ptr<Database> db = Database::create(site);
        Incident incident;
        incident.occurredAt = QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC);
        incident.categoryId = scalar(*db, QStringLiteral("SELECT id FROM incident_categories WHERE name = 'Theft'")).toLongLong();
        incident.description = QStringLiteral("Saved before the disk filled");
        saved = IncidentRepository(*db).create(incident).id;
    }
    const QString csv = dir.path(QStringLiteral("import.csv"));
    writeFile(csv, importFile(3000));
    const QString filler = mountPoint + QStringLiteral("/filler");
    fill(filler, 256 * 1024);

    const QStringList importArgs {QStringLiteral("import"), QStringLiteral("--database"), site, QStringLiteral("--kind"),
        QStringLiteral("incidents"), QStringLiteral("--profile"), QStringLiteral(VIGIL_TEST_DATA_DIR "/crash-import-profile.json"), csv};
    const Run full = vigilRun(importArgs);
    requireOneLineFailure(full, 1);
    CHECK(full.errLines().at(0).contains(QStringLiteral("disk is full")));

    // Nothing lost, nothing half-written, and with space again the same import goes through.
    const Run check = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), site});
    CHECK(check.exitCode == 0);
    {
        const std::unique_ptr<Database> db = Database::open(site, OpenMode::ReadOnly);
        CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt() == 1);
        CHECK(IncidentRepository(*db).load(saved).description == QStringLiteral("Saved before the disk filled"));
    }
    REQUIRE(QFile::remove(filler));
    CHECK(vigilRun(importArgs).exitCode == 0);
    const std::unique_ptr<Database> db = Database::open(site, OpenMode::ReadOnly);
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM incidents")).toInt() == 3001);
}

} // namespace vigil::test
