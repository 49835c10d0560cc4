#include "query.h"

#include "database.h"

#include "base/timeformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QStringEncoder>
#include <QUuid>

#include <sqlite3.h>

#include <utility>

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
    return databaseError(ok ? code : -1, error.databaseText().isEmpty() ? error.text().trimmed() : error.databaseText());
}

DatabaseError databaseError(int code, const QString &sqliteMessage)
{
    const int primary = code >= 0 ? code & 0xff : -1;
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
        message = Text::tr("The change breaks a rule of the site file (%1), so it was not saved.").arg(sqliteMessage);
        break;
    default:
        message = Text::tr("Database error: %1").arg(sqliteMessage);
        break;
    }
    return DatabaseError(message, code);
}

DatabaseError databaseError(sqlite3 *connection)
{
    return databaseError(sqlite3_extended_errcode(connection), QString::fromUtf8(sqlite3_errmsg(connection)));
}

sqlite3 *sqliteHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
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

// A value bound as Qt's SQLite driver binds it: what is null to Qt is NULL, numbers are numbers
// and everything else is its text.
int bindValue(sqlite3_stmt *statement, int index, const QVariant &value)
{
    const auto bindText = [&](const QString &text) {
        // As UTF-8, the file's encoding, converted by Qt (SQLite's own conversion is slower).
        // Broken UTF-16 (a lone surrogate) goes to SQLite as it is, as Qt's driver gave it.
        if (!text.isValidUtf16())
            return sqlite3_bind_text16(statement, index, text.constData(), int(text.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
        // Converted straight into memory SQLite then owns, instead of into a QByteArray that
        // SQLite would copy again.
        QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        char *utf8 = static_cast<char *>(sqlite3_malloc64(sqlite3_uint64(encoder.requiredSpace(text.size())) + 1));
        if (!utf8)
            return SQLITE_NOMEM;
        const char *end = encoder.appendToBuffer(utf8, text);
        return sqlite3_bind_text64(statement, index, utf8, sqlite3_uint64(end - utf8), sqlite3_free, SQLITE_UTF8);
    };
    if (value.isNull()) // no value, a null pointer, or a typed null read from the file
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::QString: {
        const QString *text = static_cast<const QString *>(value.constData());
        return text->isNull() ? sqlite3_bind_null(statement, index) : bindText(*text);
    }
    case QMetaType::QByteArray: {
        const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
        return bytes->isNull() ? sqlite3_bind_null(statement, index)
                               : sqlite3_bind_blob64(statement, index, bytes->constData(), sqlite3_uint64(bytes->size()),
                                   SQLITE_TRANSIENT);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int(statement, index, value.toInt());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QDateTime: {
        const QDateTime *at = static_cast<const QDateTime *>(value.constData());
        return at->isValid() ? bindText(at->toString(Qt::ISODateWithMs)) : sqlite3_bind_null(statement, index);
    }
    case QMetaType::QTime: {
        const QTime *time = static_cast<const QTime *>(value.constData());
        return time->isNull() ? sqlite3_bind_null(statement, index) : bindText(time->toString(u"hh:mm:ss.zzz"));
    }
    case QMetaType::QDate: {
        const QDate *date = static_cast<const QDate *>(value.constData());
        return date->isNull() ? sqlite3_bind_null(statement, index) : bindText(value.toString());
    }
    case QMetaType::QUuid:
        return static_cast<const QUuid *>(value.constData())->isNull() ? sqlite3_bind_null(statement, index)
                                                                        : bindText(value.toString());
    default:
        return bindText(value.toString());
    }
}

} // namespace

Query::Query(const Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
    , m_write(db.takeWriteStatement(sql))
{
    if (!m_write)
        m_query = db.takeStatement(sql);
}

Query::~Query()
{
    if (m_write)
        m_db.returnWriteStatement(m_sql, m_write);
    else
        m_db.returnStatement(m_sql, std::move(m_query));
}

Query &Query::bind(const QVariant &value)
{
    // Qt binds a null QString as SQL NULL; text columns spell "empty" as '', and code that means
    // NULL passes QVariant() (or a null value read from the file, which Qt types as text).
    const bool nullText = value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull();
    ++m_bound;
    if (m_write) {
        if (m_bound <= sqlite3_bind_parameter_count(m_write) && m_bindError == SQLITE_OK)
            m_bindError = bindValue(m_write, m_bound, nullText ? QVariant(QStringLiteral("")) : value);
    } else {
        m_query.addBindValue(nullText ? QVariant(QStringLiteral("")) : value);
    }
    return *this;
}

Query &Query::exec()
{
    // A reused statement keeps the values of its last use: every parameter must be bound anew.
    const int expected = m_write ? sqlite3_bind_parameter_count(m_write) : countPlaceholders(m_sql);
    if (m_bound != expected)
        qFatal("Query: %d of %d parameters bound in: %s", m_bound, expected, qPrintable(m_sql));
    m_bound = 0;
    if (m_write) {
        sqlite3 *connection = sqlite3_db_handle(m_write);
        if (m_bindError != SQLITE_OK) { // a value too big to bind, or no memory for it
            const int code = std::exchange(m_bindError, SQLITE_OK);
            sqlite3_reset(m_write);
            sqlite3_clear_bindings(m_write);
            throw databaseError(code, QString::fromUtf8(sqlite3_errstr(code)));
        }
        const int code = sqlite3_step(m_write);
        if (code != SQLITE_DONE && code != SQLITE_ROW) {
            const DatabaseError error = databaseError(connection); // before the reset clears it
            sqlite3_reset(m_write);
            throw error;
        }
        m_lastInsertId = sqlite3_last_insert_rowid(connection);
        m_changes = sqlite3_changes(connection);
        sqlite3_reset(m_write);
        return *this;
    }
    if (!m_query.exec()) {
        const QSqlError error = m_query.lastError();
        m_query.finish();
        throw databaseError(error);
    }
    return *this;
}

bool Query::next()
{
    if (m_write)
        return false; // a statement without rows
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
    if (m_write)
        return m_lastInsertId;
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

void setPragmaQuietly(const Database &db, const char *name, qint64 value)
{
    const QByteArray sql = QByteArray("PRAGMA ") + name + " = " + QByteArray::number(value);
    sqlite3_exec(sqliteHandle(db.connection()), sql.constData(), nullptr, nullptr, nullptr);
}

SchemaObjects dropSchemaObjects(Database &db, const QString &type, const QString &condition, const QVariantList &args)
{
    Q_ASSERT(type == QLatin1String("index") || type == QLatin1String("trigger"));
    // Outside a transaction they would be gone for good at once.
    if (!db.inTransaction())
        qFatal("dropSchemaObjects outside a transaction");
    Query q(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND (%1) ORDER BY name")
                    .arg(condition));
    q.bind(type);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    SchemaObjects objects;
    while (q.next())
        objects.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[name, definition] : std::as_const(objects))
        execute(db, QStringLiteral("DROP %1 \"%2\"").arg(type.toUpper(), name));
    return objects;
}

void recreateSchemaObjects(Database &db, const SchemaObjects &objects)
{
    for (const auto &[name, definition] : objects)
        execute(db, definition);
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
