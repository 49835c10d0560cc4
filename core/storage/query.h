#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include "base/error.h"

class QSqlError;

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
    QVariant value(int column) const { return m_query.value(column); }
    qint64 lastInsertId() const;
    int rowsAffected() const { return m_query.numRowsAffected(); }

private:
    const Database &m_db;
    QString m_sql;
    QSqlQuery m_query;
    int m_bound = 0;
};

// Runs one statement with optional positional parameters.
void execute(const Database &db, const QString &sql, const QVariantList &args = {});
// The first column of the first row, or a null QVariant when there is no row.
QVariant scalar(const Database &db, const QString &sql, const QVariantList &args = {});

// Guards identifiers that are spliced into SQL text (table and column names from code, never
// from the user): lower-case letters, digits and underscores only.
bool isSafeIdentifier(const QString &name);

} // namespace vigil
