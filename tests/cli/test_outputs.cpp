// Where `vigil export` and `vigil report` may write: never over a site file, a backup or a
// non-file, over an existing file only with --force, always owner-only.
#include "support/testsupport.h"

#include "testconfig.h"
#include "cli/clitestsupport.h"

#include <QDir>
#include <QFileInfo>

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace vigil;
using vigil::test::makeDemo;
using vigil::test::requireOneLineFailure;
using vigil::test::Run;
using vigil::test::TempDir;
using vigil::test::vigilRun;

namespace {

// Both commands that write an output, each with the arguments it needs besides --out.
const QList<QStringList> &writers()
{
    static const QList<QStringList> commands {
        {QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("incidents")},
        {QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("people"), QStringLiteral("--format"),
            QStringLiteral("xlsx")},
        {QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("2026-10")},
    };
    return commands;
}

Run write(const QStringList &command, const QString &database, const QString &out, bool force = false)
{
    QStringList args = command;
    args << QStringLiteral("--database") << database << QStringLiteral("--out") << out;
    if (force)
        args << QStringLiteral("--force");
    return vigilRun(args);
}

bool stillASite(const QString &path)
{
    const Run check = vigilRun({QStringLiteral("check"), QStringLiteral("--database"), path});
    return check.exitCode == 0;
}

} // namespace

TEST_CASE("export and report refuse to write over the site file, another site file or a backup, even with --force",
    "[cli][outputs]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QString other = makeDemo(dir, QStringLiteral("other.vigil"));
    const QString backup = dir.path(QStringLiteral("site-backup.vigil"));
    REQUIRE(vigilRun({QStringLiteral("backup"), QStringLiteral("--database"), site, QStringLiteral("--out"), backup})
                .exitCode == 0);
    const QString link = dir.path(QStringLiteral("link-to-site"));
    REQUIRE(QFile::link(site, link));
    const QByteArray siteBytes = test::readFile(site);
    for (const QStringList &command : writers()) {
        for (const QString &target : {site, link, other, backup}) {
            for (const bool force : {false, true}) {
                INFO(command.join(u' ').toStdString() << " --out " << target.toStdString() << (force ? " --force" : ""));
                const Run run = write(command, site, target, force);
                requireOneLineFailure(run, 1);
                CHECK((run.err.contains(QStringLiteral("site file")) || run.err.contains(QStringLiteral("backup"))));
            }
        }
    }
    CHECK(test::readFile(site) == siteBytes);
    CHECK(stillASite(site));
    CHECK(stillASite(other));
    CHECK(vigilRun({QStringLiteral("restore"), QStringLiteral("--from"), backup, QStringLiteral("--database"),
                       dir.path(QStringLiteral("restored.vigil")), QStringLiteral("--dry-run")})
              .exitCode == 0);
    // Its journal and lock file are the site's too.
    for (const char *suffix : {"-wal", ".lock"}) {
        const QString own = site + QLatin1String(suffix);
        test::writeFile(own, QByteArray());
        const Run run = write(writers().at(0), site, own, true);
        requireOneLineFailure(run, 1);
        QFile::remove(own);
    }
}

TEST_CASE("export and report refuse a folder, a pipe and a device as --out", "[cli][outputs]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    const QString fifo = dir.path(QStringLiteral("pipe"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    for (const QStringList &command : writers()) {
        for (const QString &target : {dir.path(QString()), fifo, QStringLiteral("/dev/null")}) {
            INFO(command.join(u' ').toStdString() << " --out " << target.toStdString());
            const Run run = write(command, site, target, true);
            requireOneLineFailure(run, 1);
            CHECK(run.err.contains(QStringLiteral("not an ordinary file")));
        }
    }
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(fifo).constData(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("export and report replace an existing file only with --force, and write it for the owner only",
    "[cli][outputs]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    for (const QStringList &command : writers()) {
        INFO(command.join(u' ').toStdString());
        const QString out = dir.path(QStringLiteral("out-%1").arg(command.at(2)));
        QFile::remove(out);
        test::writeFile(out, QByteArray("the officer's own notes\n"));
        QFile(out).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
        const Run refused = write(command, site, out);
        requireOneLineFailure(refused, 1);
        CHECK(refused.err.contains(QStringLiteral("already exists")));
        CHECK(refused.err.contains(QStringLiteral("--force")));
        CHECK(test::readFile(out) == QByteArray("the officer's own notes\n"));

        const Run replaced = write(command, site, out, true);
        CHECK(replaced.exitCode == 0);
        CHECK(test::readFile(out) != QByteArray("the officer's own notes\n"));
        CHECK(QFileInfo(out).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                  | QFileDevice::WriteUser));

        const QString fresh = out + QStringLiteral(".new");
        CHECK(write(command, site, fresh).exitCode == 0);
        CHECK(QFileInfo(fresh).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                  | QFileDevice::WriteUser));
    }
    // Nothing but the outputs was left in the folder (no temporary files).
    QStringList names = QDir(dir.path(QString())).entryList(QDir::Files | QDir::NoDotAndDotDot);
    names.removeIf([](const QString &n) { return n.startsWith(QStringLiteral("demo.vigil")); });
    CHECK(names.size() == 2 * writers().size());
}

TEST_CASE("A command whose output cannot be written fails with one line", "[cli][outputs]")
{
    TempDir dir;
    const QString site = makeDemo(dir);
    for (const QString &command : {QStringLiteral("kpi --period 2026-10 --format csv"), QStringLiteral("check"),
             QStringLiteral("export --kind people --out /dev/stdout --force")}) {
        INFO(command.toStdString());
        // /dev/full takes nothing: every write fails with "No space left on device".
        const QString script = QStringLiteral("exec '%1' %2 --database '%3' > /dev/full")
                                   .arg(QStringLiteral(VIGIL_BINARY), command, site);
        const Run run = vigilRun({QStringLiteral("-c"), script}, {}, QStringLiteral("/bin/bash"));
        CHECK(run.exitCode != 0);
        REQUIRE(run.errLines().size() == 1);
        CHECK((run.err.contains(QStringLiteral("could not be written")) || run.err.contains(QStringLiteral("not an ordinary file"))));
    }
}
