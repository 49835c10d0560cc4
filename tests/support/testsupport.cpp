#include "testsupport.h"

#include "base/clock.h"
#include "storage/database.h"
#include "storage/healthcheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>
#include <sqlite3.h>

std::ostream &operator<<(std::ostream &os, const QString &value)
{
    return os << '"' << value.toStdString() << '"';
}

std::ostream &operator<<(std::ostream &os, const QByteArray &value)
{
    return os << "QByteArray(" << value.size() << " bytes: " << value.left(64).toHex().toStdString() << ")";
}

std::ostream &operator<<(std::ostream &os, const QStringList &value)
{
    return os << '[' << value.join(QStringLiteral(", ")).toStdString() << ']';
}

namespace vigil::test {

TempDir::TempDir()
    : m_root(m_dir.path())
{
    REQUIRE(m_dir.isValid());
}

QString TempDir::path(const QString &name) const
{
    return QDir(m_root).filePath(name);
}

std::unique_ptr<Database> newDatabase(const TempDir &dir, const QString &name)
{
    return Database::create(dir.path(name));
}

void requireHealthy(Database &db)
{
    const HealthReport report = checkHealth(db);
    INFO(report.problems.join(u'\n').toStdString());
    REQUIRE(report.healthy());
}

int sqlitePageSize(const QByteArray &fileBytes)
{
    REQUIRE(fileBytes.size() >= 100);
    const int size = (quint8(fileBytes.at(16)) << 8) | quint8(fileBytes.at(17));
    return size == 1 ? 65536 : size;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
}

QStringList listDir(const QString &path)
{
    return QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

bool rawSql(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK;
    char *error = nullptr;
    ok = ok && sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error) == SQLITE_OK;
    if (error) {
        UNSCOPED_INFO("sqlite3: " << error);
        sqlite3_free(error);
    }
    sqlite3_close(db);
    return ok;
}

struct PinnedClock::Private
{
    std::shared_ptr<FixedClock> clock;
    ScopedClock scope;
    explicit Private(std::shared_ptr<FixedClock> c)
        : clock(c)
        , scope(c)
    {
    }
};

PinnedClock::PinnedClock(const QDateTime &utc)
    : d(std::make_unique<Private>(std::make_shared<FixedClock>(utc)))
{
}

PinnedClock::~PinnedClock() = default;

FixedClock &PinnedClock::clock()
{
    return *d->clock;
}

} // namespace vigil::test
