#include "recordstore.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QSqlRecord>
#include <QStringList>

namespace vigil {
namespace {

// A stored value that says nothing: NULL, or empty text.
bool isEmptyValue(const QVariant &stored)
{
    return stored.isNull() || (stored.typeId() == QMetaType::QString && static_cast<const QString *>(stored.constData())->isEmpty());
}

const QStringList &commonColumns()
{
    static const QStringList columns {QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("created_at"),
        QStringLiteral("created_by"), QStringLiteral("updated_at"), QStringLiteral("updated_by")};
    return columns;
}

void requireFieldNames(const QVariantMap &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isSafeIdentifier(it.key()))
            qFatal("RecordStore: unsafe field name '%s'", qPrintable(it.key()));
    }
}

} // namespace

RecordStore::RecordStore(Database &db, const QString &table)
    : m_db(db)
    , m_table(table)
{
    if (!isSafeIdentifier(table))
        qFatal("RecordStore: unsafe table name '%s'", qPrintable(table));
}

void RecordStore::requireWritableState() const
{
    // Every mutation belongs to a transaction together with its audit entry.
    if (!m_db.inTransaction())
        qFatal("RecordStore(%s): write outside a transaction", qPrintable(m_table));
}

RecordKey RecordStore::insert(const QVariantMap &fields, const QString &context, const FieldChanges &extra)
{
    requireWritableState();
    requireFieldNames(fields);
    QStringList columns;
    QVariantList values;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (commonColumns().contains(it.key()))
            continue;
        columns.append(it.key());
        values.append(it.value());
    }
    return RecordInserter(m_db, m_table, columns).insert(values, context, extra, fields.value(QStringLiteral("uuid")).toString());
}

FieldChanges RecordStore::update(qint64 id, const QVariantMap &fields, AuditAction action, const QString &context,
    const FieldChanges &extra)
{
    requireWritableState();
    requireFieldNames(fields);
    QStringList names;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!commonColumns().contains(it.key()))
            names.append(it.key());
    }
    QString uuid;
    FieldChanges changes;
    {
        Query current(m_db, QStringLiteral("SELECT uuid%1%2 FROM %3 WHERE id = ?")
                                .arg(names.isEmpty() ? QString() : QStringLiteral(", "), names.join(u", "), m_table));
        current.bind(id).exec();
        if (!current.next())
            throw Error(QCoreApplication::translate("vigil::RecordStore", "The record no longer exists."));
        uuid = current.value(0).toString();
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QVariant before = current.value(int(i) + 1);
            const QVariant after = toStored(fields.value(names.at(i)));
            if (!sameStored(before, after))
                changes.append({names.at(i), before, after});
        }
    }
    if (changes.isEmpty() && extra.isEmpty() && action == AuditAction::Update)
        return changes;

    const QString now = toStoredUtc(Clock::current().nowUtc());
    QStringList assignments {QStringLiteral("updated_at = ?"), QStringLiteral("updated_by = ?")};
    QVariantList values {now, m_db.actor()};
    for (const FieldChange &change : changes) {
        assignments.append(change.field + QStringLiteral(" = ?"));
        values.append(change.after);
    }
    Query q(m_db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(m_table, assignments.join(u", ")));
    for (const QVariant &value : values)
        q.bind(value);
    q.bind(id).exec();
    AuditLog(m_db).append(m_table, uuid, action, changes + extra, now, context);
    m_db.recordChange(m_table, id);
    return changes;
}

void RecordStore::remove(qint64 id, const QString &context)
{
    requireWritableState();
    QString uuid;
    FieldChanges changes;
    {
        Query current(m_db, QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(m_table));
        current.bind(id).exec();
        if (!current.next())
            throw Error(QCoreApplication::translate("vigil::RecordStore", "The record no longer exists."));
        const QSqlRecord record = m_db.connection().record(m_table);
        for (int i = 0; i < record.count(); ++i) {
            const QString name = record.fieldName(i);
            const QVariant value = current.value(i);
            if (name == QLatin1String("uuid"))
                uuid = value.toString();
            else if (!commonColumns().contains(name) && !value.isNull())
                changes.append({name, value, QVariant()});
        }
    }
    const QString now = toStoredUtc(Clock::current().nowUtc());
    execute(m_db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_table), {id});
    AuditLog(m_db).append(m_table, uuid, AuditAction::Delete, changes, now, context);
    m_db.recordChange(m_table, id);
}

QVariantMap RecordStore::row(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(m_table));
    q.bind(id).exec();
    QVariantMap values;
    if (!q.next())
        return values;
    const QSqlRecord record = m_db.connection().record(m_table);
    for (int i = 0; i < record.count(); ++i)
        values.insert(record.fieldName(i), q.value(i));
    return values;
}

void RecordStore::reinsert(const QVariantMap &row, const QString &context)
{
    requireWritableState();
    requireFieldNames(row);
    const QString now = toStoredUtc(Clock::current().nowUtc());
    QVariantMap values = row;
    values.insert(QStringLiteral("updated_at"), now);
    values.insert(QStringLiteral("updated_by"), m_db.actor());
    FieldChanges changes;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!commonColumns().contains(it.key()))
            changes.append({it.key(), QVariant(), toStored(it.value())});
    }
    const QStringList columns = values.keys();
    const QString placeholders = QStringLiteral("?, ").repeated(columns.size() - 1) + QStringLiteral("?");
    Query q(m_db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(m_table, columns.join(u", "), placeholders));
    for (const QString &column : columns)
        q.bind(commonColumns().contains(column) ? values.value(column) : toStored(values.value(column)));
    q.exec();
    const qint64 id = values.value(QStringLiteral("id")).toLongLong();
    AuditLog(m_db).append(m_table, values.value(QStringLiteral("uuid")).toString(), AuditAction::Create, changes, now,
        context);
    m_db.recordChange(m_table, id);
}

QString RecordStore::uuidOf(qint64 id) const
{
    return scalar(m_db, QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(m_table), {id}).toString();
}

QVariant RecordStore::valueOf(const QString &uuid, const QString &column) const
{
    if (!isSafeIdentifier(column))
        qFatal("RecordStore: unsafe column name '%s'", qPrintable(column));
    return scalar(m_db, QStringLiteral("SELECT %1 FROM %2 WHERE uuid = ?").arg(column, m_table), {uuid});
}

qint64 RecordStore::idOf(const QString &uuid) const
{
    return scalar(m_db, QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(m_table), {uuid}).toLongLong();
}

QVariant RecordStore::toStored(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return qlonglong(value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return value.toLongLong();
    case QMetaType::Float:
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QDate:
        return toStoredDate(value.toDate());
    case QMetaType::QDateTime:
        return toStoredUtc(value.toDateTime());
    case QMetaType::QByteArray:
        return value.toByteArray();
    default: {
        // A null QString would be bound as SQL NULL; text columns spell "empty" as ''.
        const QString text = value.toString();
        return text.isNull() ? QStringLiteral("") : text;
    }
    }
}

bool RecordStore::sameStored(const QVariant &a, const QVariant &b)
{
    const bool aNull = a.isNull() || !a.isValid();
    const bool bNull = b.isNull() || !b.isValid();
    if (aNull || bNull)
        return aNull == bNull;
    const QVariant sa = toStored(a);
    const QVariant sb = toStored(b);
    const bool aNumber = sa.typeId() == QMetaType::LongLong || sa.typeId() == QMetaType::Double;
    const bool bNumber = sb.typeId() == QMetaType::LongLong || sb.typeId() == QMetaType::Double;
    if (aNumber && bNumber)
        return sa.typeId() == QMetaType::LongLong && sb.typeId() == QMetaType::LongLong
            ? sa.toLongLong() == sb.toLongLong()
            : sa.toDouble() == sb.toDouble();
    if (sa.typeId() == QMetaType::QByteArray || sb.typeId() == QMetaType::QByteArray)
        return sa.toByteArray() == sb.toByteArray();
    return sa.toString() == sb.toString();
}

struct RecordInserter::Private
{
    Database &db;
    QString table;
    QStringList columns;
    Query statement;
};

RecordInserter::RecordInserter(Database &db, const QString &table, const QStringList &columns)
{
    if (!isSafeIdentifier(table))
        qFatal("RecordInserter: unsafe table name '%s'", qPrintable(table));
    for (const QString &column : columns) {
        if (!isSafeIdentifier(column) || commonColumns().contains(column))
            qFatal("RecordInserter: unsafe or common column name '%s'", qPrintable(column));
    }
    const QStringList all = QStringList {QStringLiteral("uuid"), QStringLiteral("created_at"), QStringLiteral("created_by"),
                                QStringLiteral("updated_at"), QStringLiteral("updated_by")}
        + columns;
    d.reset(new Private {db, table, columns,
        Query(db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, all.join(u", "), placeholders(all.size())))});
}

RecordInserter::~RecordInserter() = default;

RecordKey RecordInserter::insert(const QVariantList &values, const QString &context, const FieldChanges &extra,
    const QString &uuid)
{
    // Every mutation belongs to a transaction together with its audit entry.
    if (!d->db.inTransaction())
        qFatal("RecordInserter(%s): write outside a transaction", qPrintable(d->table));
    Q_ASSERT(values.size() == d->columns.size());
    const QString now = toStoredUtc(Clock::current().nowUtc());
    RecordKey key;
    key.uuid = uuid.isEmpty() ? d->db.newUuid().toString(QUuid::WithoutBraces) : uuid;
    Query &q = d->statement;
    q.bind(key.uuid).bind(now).bind(d->db.actor()).bind(now).bind(d->db.actor());
    FieldChanges changes;
    changes.reserve(values.size() + extra.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant stored = RecordStore::toStored(values.at(i));
        q.bind(stored);
        // The fields given a value: `vigil check` holds a field no entry names to be empty.
        if (!isEmptyValue(stored))
            changes.append({d->columns.at(i), QVariant(), stored});
    }
    q.exec();
    key.id = q.lastInsertId();
    changes += extra;
    AuditLog(d->db).append(d->table, key.uuid, AuditAction::Create, changes, now, context);
    d->db.recordChange(d->table, key.id);
    return key;
}

} // namespace vigil
