// `vigil backup` and `vigil restore`, through the real binary.
#include "cli/clitestsupport.h"

#include "storage/database.h"
#include "storage/query.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>

using namespace vigil;
using vigil::test::makeDemo;
using vigil::test::requireOneLineFailure;
using vigil::test::Run;
using vigil::test::TempDir;
using vigil::test::vigilRun;

namespace {

QString line(const QString &out, const QString &label)
{
    for (const QString &l : out.split(u'\n')) {
        if (l.startsWith(label + u':'))
            return l.mid(label.size() + 1).trimmed();
    }
    FAIL("no line '" << label.toStdString() << "' in:\n" << out.toStdString());
    return {};
}

qint64 count(const QString &path, const QString &table)
{
    auto db = Database::open(path, OpenMode::ReadOnly);
    return scalar(*db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
}

} // namespace

TEST_CASE("vigil backup and vigil restore round trip a demo site", "[cli][backup]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QString out = dir.path(QStringLiteral("safe/demo-copy.vigil"));
    const Run backup = vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"), out});
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.err.isEmpty());
    CHECK(backup.out.contains(QStringLiteral("Backed up to")));
    CHECK(QFileInfo(out).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                                              | QFileDevice::WriteUser));
    CHECK(test::listDir(dir.path(QStringLiteral("safe"))) == QStringList {QStringLiteral("demo-copy.vigil")});

    const qint64 incidents = count(site, QStringLiteral("incidents"));
    REQUIRE(incidents > 0);
    // The site changes after the backup; the restore brings back the state of the backup.
    const QString siteName = [&] {
        auto db = Database::open(site, OpenMode::ReadOnly);
        return scalar(*db, QStringLiteral("SELECT name FROM site_profile")).toString();
    }();
    REQUIRE(test::rawSql(site, QStringLiteral("UPDATE site_profile SET name = 'Changed after the backup'")));
    const QByteArray changed = test::sha256(site);

    const Run dry = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"),
        site, QStringLiteral("--dry-run")});
    REQUIRE(dry.exitCode == 0);
    CHECK(line(dry.out, QStringLiteral("Incidents")).toLongLong() == incidents);
    CHECK(test::sha256(site) == changed);

    const Run restore = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"), site});
    REQUIRE(restore.exitCode == 0);
    CHECK(restore.err.isEmpty());
    CHECK(line(restore.out, QStringLiteral("Site")) == siteName);
    CHECK(line(restore.out, QStringLiteral("Incidents")).toLongLong() == incidents);
    CHECK(line(restore.out, QStringLiteral("Risks")).toLongLong() == count(site, QStringLiteral("risks")));
    CHECK(line(restore.out, QStringLiteral("People")).toLongLong() == count(site, QStringLiteral("people")));
    CHECK(line(restore.out, QStringLiteral("Training records")).toLongLong()
        == count(site, QStringLiteral("training_records")));
    CHECK(line(restore.out, QStringLiteral("Corrective actions")).toLongLong()
        == count(site, QStringLiteral("corrective_actions")));
    {
        auto db = Database::open(site, OpenMode::ReadOnly);
        CHECK(scalar(*db, QStringLiteral("SELECT name FROM site_profile")).toString() == siteName);
    }
    // The replaced file is named and kept, unchanged.
    const QString kept = restore.out.section(QStringLiteral("is kept as "), 1).trimmed().chopped(1);
    INFO(kept.toStdString());
    REQUIRE(QFileInfo::exists(kept));
    CHECK(test::sha256(kept) == changed);
}

TEST_CASE("vigil backup encrypts with a passphrase from a file or the environment", "[cli][backup][crypto]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QString passFile = dir.path(QStringLiteral("pass.txt"));
    test::writeFile(passFile, "river stone 42\n");
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    REQUIRE(QFile::setPermissions(passFile, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QString out = dir.path(QStringLiteral("demo.vigil-backup"));
    const Run backup = vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"),
        out, QStringLiteral("--passphrase-file"), passFile});
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.out.contains(QStringLiteral("encrypted")));
    // A passphrase file others can read works, with a warning.
    CHECK(backup.err.contains(QStringLiteral("can be read by other users")));
    REQUIRE(QFile::setPermissions(passFile, ownerOnly));
    CHECK(!test::readFile(out).contains("SQLite format 3"));

    const QString target = dir.path(QStringLiteral("restored.vigil"));
    // Without the passphrase: a usage error naming how to give it.
    const Run none = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"), target},
        {QStringLiteral("VIGIL_BACKUP_PASSPHRASE")});
    requireOneLineFailure(none, 2);
    CHECK(none.err.contains(QStringLiteral("--passphrase-file")));

    const QString wrongFile = dir.path(QStringLiteral("wrong.txt"));
    test::writeFile(wrongFile, "river stone 43\n");
    REQUIRE(QFile::setPermissions(wrongFile, ownerOnly));
    const Run wrong = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"),
        target, QStringLiteral("--passphrase-file"), wrongFile});
    requireOneLineFailure(wrong, 1);
    CHECK(wrong.err.contains(QStringLiteral("passphrase is wrong")));
    CHECK(!QFileInfo::exists(target));

    qputenv("VIGIL_BACKUP_PASSPHRASE", "river stone 42");
    const Run restore = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"), target});
    qunsetenv("VIGIL_BACKUP_PASSPHRASE");
    REQUIRE(restore.exitCode == 0);
    CHECK(restore.out.contains(QStringLiteral("(encrypted)")));
    CHECK(restore.out.contains(QStringLiteral("Restored to")));
    CHECK(count(target, QStringLiteral("incidents")) == count(site, QStringLiteral("incidents")));
}

TEST_CASE("vigil backup and restore refuse with one clear line and change nothing", "[cli][backup]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QByteArray before = test::sha256(site);

    requireOneLineFailure(vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site}), 2); // no --out
    requireOneLineFailure(vigilRun({QStringLiteral("restore"), QStringLiteral("--database"), site}), 2); // no --from
    requireOneLineFailure(vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"),
                              dir.path(QStringLiteral("x.vigil")), QStringLiteral("--passphrase-file"),
                              dir.path(QStringLiteral("missing.txt"))}),
        2);

    SECTION("an existing output file")
    {
        test::writeFile(dir.path(QStringLiteral("taken.vigil")), "keep me");
        const Run run = vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"),
            dir.path(QStringLiteral("taken.vigil"))});
        requireOneLineFailure(run, 1);
        CHECK(run.err.contains(QStringLiteral("already exists")));
        CHECK(test::readFile(dir.path(QStringLiteral("taken.vigil"))) == "keep me");
    }
    SECTION("a backup of something that is not a site file")
    {
        test::writeFile(dir.path(QStringLiteral("notes.txt")), "shopping list");
        const Run run = vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), dir.path(QStringLiteral("notes.txt")),
            QStringLiteral("--out"), dir.path(QStringLiteral("notes.vigil"))});
        requireOneLineFailure(run, 1);
        CHECK(!QFileInfo::exists(dir.path(QStringLiteral("notes.vigil"))));
    }
    SECTION("restoring a foreign file")
    {
        test::writeFile(dir.path(QStringLiteral("notes.vigil")), "shopping list");
        const Run run = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), dir.path(QStringLiteral("notes.vigil")),
            QStringLiteral("--database"), site});
        requireOneLineFailure(run, 1);
        CHECK(run.err.contains(QStringLiteral("not a Vigil backup")));
    }
    SECTION("restoring over a file open in Vigil")
    {
        const QString out = dir.path(QStringLiteral("copy.vigil"));
        REQUIRE(vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"), out})
                    .exitCode
            == 0);
        // The lock file a window holds while the file is open.
        QLockFile lock(site + QStringLiteral(".lock"));
        REQUIRE(lock.tryLock(0));
        const Run run = vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), out, QStringLiteral("--database"), site});
        requireOneLineFailure(run, 1);
        CHECK(run.err.contains(QStringLiteral("is open in Vigil")));
    }
    CHECK(test::sha256(site) == before);
    QStringList left = test::listDir(dir.root());
    CHECK(left.filter(QStringLiteral(".part")).isEmpty());
    CHECK(left.filter(QStringLiteral(".restoring")).isEmpty());
    CHECK(left.filter(QStringLiteral("before-restore")).isEmpty());
}

TEST_CASE("vigil --help lists backup and restore", "[cli][backup]")
{
    const Run help = vigilRun({QStringLiteral("--help")});
    CHECK(help.out.contains(QStringLiteral("backup ")));
    CHECK(help.out.contains(QStringLiteral("restore ")));
    for (const char *command : {"backup", "restore"}) {
        const Run sub = vigilRun({QLatin1String(command), QStringLiteral("--help")});
        CHECK(sub.exitCode == 0);
        CHECK(sub.out.contains(QStringLiteral("--passphrase-file")));
    }
}
