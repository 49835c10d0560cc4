#pragma once

#include "base/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

class QSqlQuery;
struct sqlite3_stmt;

namespace vigil {

class ChangeNotifier;

// Why a site file could not be opened. Every refusal leaves the file exactly as it was.
class OpenError : public Error
{
public:
    enum class Reason { Missing, NotAFile, Unreadable, Empty, NotSqlite, Foreign, Corrupt, TooNew, ReadOnly,
        Locked, Exists, MigrationFailed, Io };

    OpenError(Reason reason, const QString &message)
        : Error(message)
        , m_reason(reason)
    {
    }
    Reason reason() const noexcept { return m_reason; }

private:
    Reason m_reason;
};

struct OpenOptions
{
    // Skip the full integrity check, which reads every page (a decade file takes a noticeable
    // moment); the caller then runs verifyIntegrity() itself, e.g. beside a window that is
    // already painting. The header, schema and format checks always run.
    bool deferIntegrityCheck = false;
    // Where the verified backup taken before a migration goes; empty: "backups" beside the file.
    QString backupFolder;
};

enum class OpenMode {
    ReadWrite, // the window and every command that writes: takes the lock, migrates when needed
    ReadOnly,  // reading (export, report): no lock, no migration, never writes
    Inspect,   // like ReadOnly, but a damaged file still opens, for `vigil check` to report on
};

// The lock file of a site file: beside the file itself, symbolic links resolved, so that every
// way of naming the file meets the same lock.
QString lockFilePath(const QString &databasePath);

// One site file: a SQLite database with foreign keys on, WAL journaling and a busy timeout,
// guarded by a lock file beside it so that only one Vigil writes to it at a time.
class Database
{
public:
    // "VGIL", stored in the SQLite header so a Vigil file is recognised before it is opened.
    static constexpr quint32 applicationId = 0x5647494c;

    // Opens an existing site file, migrating it to the latest schema (after copying it aside)
    // in ReadWrite mode. Throws OpenError with one clear sentence when the file cannot be used.
    static std::unique_ptr<Database> open(const QString &path, OpenMode mode = OpenMode::ReadWrite,
        const OpenOptions &options = {});

    // SQLite's quick check of the whole file, on a read-only connection of its own: callable from
    // any thread while the file is open elsewhere. Empty when sound, otherwise one sentence.
    static QString verifyIntegrity(const QString &path);

    // Creates a new site file at path (refusing to replace an existing file) and opens it.
    // The file is built under a temporary name, passed to populate (if given) and renamed into
    // place only when everything succeeded, so a failure never leaves a half-written file.
    // uuidSource (optional) makes the identities reproducible, built-in content included.
    static std::unique_ptr<Database> create(const QString &path,
        const std::function<void(Database &)> &populate = {}, const std::function<QUuid()> &uuidSource = {});

    static int latestSchemaVersion();
    // The SQLite library Vigil runs on (for the About box and bug reports).
    static QString sqliteVersion();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const;
    bool isReadOnly() const;
    int schemaVersion() const;
    // The verified backup of the file taken before it was migrated during this open (in the
    // backups folder); empty when it was not migrated.
    const QString &preMigrationCopy() const;

    QSqlDatabase connection() const;
    ChangeNotifier &notifier() const;

    // Who is making changes, written into created_by/updated_by and the audit trail.
    const QString &actor() const;
    void setActor(const QString &actor);

    QUuid newUuid() const;
    // Lets the demo generator make reproducible files; the default is random (version 4) UUIDs.
    void setUuidSource(std::function<QUuid()> source);

    // Queues a change notification; it is sent when the outermost transaction commits and
    // dropped when it rolls back.
    void recordChange(const QString &entity, qint64 id);
    bool inTransaction() const;

    // Copies what the journal (-wal) holds into the file itself, without waiting for readers
    // (SQLite's passive checkpoint), so that a copy of the file alone is a complete copy. The
    // window calls it once writing has paused; SQLite does it itself when the file is closed.
    // Returns false when a reader kept part of the journal from being copied, or the file is
    // read-only; throws nothing.
    bool checkpoint();
    // Changes whenever what was read inside the open transaction may no longer hold: at the
    // start and end of the outermost transaction and at every rollback, a savepoint's included.
    // Unique across all files and connections, so a value cached under it is never taken for
    // another's (AuditLog keeps the newest entry's seal under it).
    quint64 transactionEpoch() const;

    // Statement caches used by Query. A statement that returns no rows (an INSERT, UPDATE or
    // DELETE) runs on SQLite's own prepared statement: takeWriteStatement gives it, or nullptr
    // for a statement that returns rows, which runs through Qt (takeStatement).
    QSqlQuery takeStatement(const QString &sql) const;
    void returnStatement(const QString &sql, QSqlQuery &&query) const;
    sqlite3_stmt *takeWriteStatement(const QString &sql) const;
    void returnWriteStatement(const QString &sql, sqlite3_stmt *statement) const;

private:
    friend class Transaction;
    struct Private;
    explicit Database(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

// RAII transaction: begins on construction, rolls back on destruction unless commit() was called.
// Nests (the inner levels are savepoints), so a repository method can always open one.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Throws DatabaseError if the commit fails; the destructor then rolls back.
    void commit();

private:
    void rollback() noexcept;

    Database &m_db;
    int m_level;
    qsizetype m_changeMark;
    bool m_done = false;
};

} // namespace vigil
