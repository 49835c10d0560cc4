#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <ostream>

// Readable values in Catch2 failure messages.
std::ostream &operator<<(std::ostream &os, const QString &value);
std::ostream &operator<<(std::ostream &os, const QByteArray &value);
std::ostream &operator<<(std::ostream &os, const QStringList &value);

namespace vigil {

class Database;
class FixedClock;

namespace test {

// A fresh folder per test, removed afterwards.
class TempDir
{
public:
    TempDir();
    QString path(const QString &name) const;
    const QString &root() const { return m_root; }

private:
    QTemporaryDir m_dir;
    QString m_root;
};

// Creates a new site file in dir (named name) and returns it open.
std::unique_ptr<Database> newDatabase(const TempDir &dir, const QString &name = QStringLiteral("site.vigil"));

// Fails the test with the health check's problems unless the file is healthy (foreign keys,
// audit trail, integrity).
void requireHealthy(Database &db);

QByteArray readFile(const QString &path);
// The page size of a SQLite file, from its header (bytes 16-17, big-endian; 1 means 65536).
int sqlitePageSize(const QByteArray &fileBytes);
void writeFile(const QString &path, const QByteArray &bytes);
QByteArray sha256(const QString &path);
// Names of the files in a folder, sorted.
QStringList listDir(const QString &path);

// Runs one SQL statement on a file with the sqlite3 library directly, the way a user with
// a SQLite tool would edit it behind Vigil's back. Returns false if SQLite refused.
bool rawSql(const QString &path, const QString &sql);

// A clock fixed at the given UTC time, installed for the lifetime of the object.
class PinnedClock
{
public:
    explicit PinnedClock(const QDateTime &utc = QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC));
    ~PinnedClock();
    FixedClock &clock();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace test
} // namespace vigil
