#pragma once

#include <QDate>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QVariant>

#include "base/error.h"

class QSqlDatabase;
class QSqlError;
struct sqlite3;
struct sqlite3_stmt;

namespace vigil {

class Database;

// A database failure, with a message fit for the user and the SQLite result code for callers
// that want to react to a particular kind (a full disk, a constraint).
class DatabaseError : public Error
{
public:
    DatabaseError(const QString &message, int sqliteCode)
        : Error(message)
        , m_code(sqliteCode)
    {
    }
    int sqliteCode() const noexcept { return m_code; }
    int primaryCode() const noexcept { return m_code & 0xff; }

private:
    int m_code;
};

// Turns a driver error into one sentence saying what happened and what it means for the user.
DatabaseError databaseError(const QSqlError &error);
// The same from SQLite's (extended) result code and message, or from a connection's last error.
DatabaseError databaseError(int sqliteCode, const QString &sqliteMessage);
DatabaseError databaseError(sqlite3 *connection);
// The SQLite connection under Qt's, or nullptr when it is not one (another driver).
sqlite3 *sqliteHandle(const QSqlDatabase &connection);

// A prepared statement that throws DatabaseError on failure. Statements are cached per database
// and reused, so building a Query in a loop costs one prepare per distinct SQL text.
class Query
{
public:
    Query(const Database &db, const QString &sql);
    ~Query();
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    // Binds the next positional (?) parameter. A null QString binds as '' (use QVariant() for NULL).
    Query &bind(const QVariant &value);
    Query &exec();
    bool next();
    QVariant value(int column) const { return m_write ? QVariant() : m_query.value(column); }
    int columnCount() const { return m_write ? 0 : m_query.record().count(); }
    qint64 lastInsertId() const;
    int rowsAffected() const { return m_write ? m_changes : m_query.numRowsAffected(); }

private:
    const Database &m_db;
    QString m_sql;
    // A statement that returns no rows runs on SQLite directly (Qt's binding costs more than
    // SQLite's insert: it names every positional value); the others through Qt.
    sqlite3_stmt *m_write = nullptr;
    QSqlQuery m_query;
    int m_bound = 0;
    int m_bindError = 0; // SQLITE_OK, or why a value could not be bound
    qint64 m_lastInsertId = 0;
    int m_changes = 0;
};

// Runs one statement with optional positional parameters.
void execute(const Database &db, const QString &sql, const QVariantList &args = {});
// The first column of the first row, or a null QVariant when there is no row.
QVariant scalar(const Database &db, const QString &sql, const QVariantList &args = {});
// Sets a pragma to a number and throws nothing, for scope guards that set one back (they may run
// while an exception unwinds).
void setPragmaQuietly(const Database &db, const char *name, qint64 value);

// Indexes or triggers (name, definition) taken down for a bulk write inside a transaction and
// created again from their own definitions at its end; a transaction that does not put them back
// must roll back. `condition` (an SQL expression over sqlite_master, with `args`) picks them.
using SchemaObjects = QList<std::pair<QString, QString>>;
SchemaObjects dropSchemaObjects(Database &db, const QString &type, const QString &condition, const QVariantList &args = {});
void recreateSchemaObjects(Database &db, const SchemaObjects &objects);

// Small pieces of SQL every repository builds with.
// "?, ?, ?": count positional parameters for an IN list or a VALUES row.
QString placeholders(qsizetype count);
// Text for LIKE ... ESCAPE '\\': its %, _ and \\ taken literally.
QString escapeLike(QString text);
// A stored reference (0: none, NULL) and a stored day (invalid: none, NULL).
QVariant idOrNull(qint64 id);
QVariant dateOrNull(const QDate &date);
// The names of rows of a catalogue table, in the order of the ids (for audit entries of link
// changes: "Gate officer; Patrol officer").
QStringList namesOf(const Database &db, const QString &table, const QList<qint64> &ids);

// Guards identifiers that are spliced into SQL text (table and column names from code, never
// from the user): lower-case letters, digits and underscores only.
bool isSafeIdentifier(const QString &name);

} // namespace vigil
