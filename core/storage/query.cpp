#include "query.h"

#include "database.h"

#include "base/timeformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Database)
};

} // namespace

DatabaseError databaseError(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const int primary = ok ? code & 0xff : -1;
    QString message;
    switch (primary) {
    case 13: // SQLITE_FULL
        message = Text::tr("The disk is full, so the change was not saved; free some space and try again.");
        // (Only writes fill a disk; the other messages also fit a failed read.)
        break;
    case 10: // SQLITE_IOERR
        message = Text::tr("The site file could not be read or written (input/output error); nothing was "
                           "changed by this step.");
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        message = Text::tr("The site file is damaged; nothing was changed by this step. Restore the file from a "
                           "backup.");
        break;
    case 8: // SQLITE_READONLY
        message = Text::tr("The site file has become read-only, so changes cannot be saved.");
        break;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        message = Text::tr("The site file is busy in another program; nothing was changed by this step. Try again.");
        break;
    case 19: // SQLITE_CONSTRAINT
        message = Text::tr("The change breaks a rule of the site file (%1), so it was not saved.")
                      .arg(error.databaseText());
        break;
    default:
        message = Text::tr("Database error: %1").arg(error.text().trimmed());
        break;
    }
    return DatabaseError(message, ok ? code : -1);
}

namespace {

// Positional parameters in a statement, outside string literals and quoted names.
int countPlaceholders(const QString &sql)
{
    int count = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'?') {
            ++count;
        }
    }
    return count;
}

} // namespace

Query::Query(const Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
    , m_query(db.takeStatement(sql))
{
}

Query::~Query()
{
    m_db.returnStatement(m_sql, std::move(m_query));
}

Query &Query::bind(const QVariant &value)
{
    // Qt binds a null QString as SQL NULL; text columns spell "empty" as '', and code that means
    // NULL passes QVariant().
    if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
        m_query.addBindValue(QStringLiteral(""));
    else
        m_query.addBindValue(value);
    ++m_bound;
    return *this;
}

Query &Query::exec()
{
    // A reused statement keeps the values of its last use: every parameter must be bound anew.
    if (m_bound != countPlaceholders(m_sql))
        qFatal("Query: %d of %d parameters bound in: %s", m_bound, countPlaceholders(m_sql), qPrintable(m_sql));
    m_bound = 0;
    if (!m_query.exec()) {
        const QSqlError error = m_query.lastError();
        m_query.finish();
        throw databaseError(error);
    }
    return *this;
}

bool Query::next()
{
    if (m_query.next())
        return true;
    // A step that ends with an error (a damaged page, a read failure) also returns false.
    if (m_query.lastError().isValid()) {
        const QSqlError error = m_query.lastError();
        m_query.finish();
        throw databaseError(error);
    }
    return false;
}

qint64 Query::lastInsertId() const
{
    return m_query.lastInsertId().toLongLong();
}

void execute(const Database &db, const QString &sql, const QVariantList &args)
{
    Query q(db, sql);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
}

QVariant scalar(const Database &db, const QString &sql, const QVariantList &args)
{
    Query q(db, sql);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    return q.next() ? q.value(0) : QVariant();
}

bool isSafeIdentifier(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.at(0).isDigit())
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

QString placeholders(qsizetype count)
{
    return count > 0 ? QStringLiteral("?, ").repeated(count - 1) + QStringLiteral("?") : QString();
}

QString escapeLike(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(toStoredDate(date)) : QVariant();
}

QStringList namesOf(const Database &db, const QString &table, const QList<qint64> &ids)
{
    if (!isSafeIdentifier(table))
        throw DatabaseError(QStringLiteral("Not a table: %1").arg(table), -1);
    QHash<qint64, QString> byId;
    if (!ids.isEmpty()) {
        Query q(db, QStringLiteral("SELECT id, name FROM %1 WHERE id IN (%2)").arg(table, placeholders(ids.size())));
        for (qint64 id : ids)
            q.bind(id);
        q.exec();
        while (q.next())
            byId.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    QStringList names;
    for (qint64 id : ids)
        names.append(byId.value(id));
    return names;
}

} // namespace vigil
