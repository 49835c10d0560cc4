#pragma once

#include "storage/auditlog.h"

#include <QString>
#include <QVariantMap>

#include <memory>

namespace vigil {

class Database;

struct RecordKey
{
    qint64 id = 0;
    QString uuid;
};

// Writes rows of one record table with the common columns (uuid, created/updated at and by)
// filled in and an audit-trail entry for every change, inside the caller's transaction.
// Field names come from code, never from the user; values are always bound.
class RecordStore
{
public:
    RecordStore(Database &db, const QString &table);

    // Inserts a record; a "uuid" field keeps a given identity (imports, merges), otherwise
    // a new one is made. extra lists changes that are not columns of this table (links to
    // other records) for the same audit entry. Returns the new key.
    RecordKey insert(const QVariantMap &fields, const QString &context = {}, const FieldChanges &extra = {});

    // Writes only the fields whose value differs and records them, with extra, in the audit
    // trail under action (Update, Retire, ...). Returns what changed; when nothing changed and
    // extra is empty, nothing is written.
    FieldChanges update(qint64 id, const QVariantMap &fields, AuditAction action = AuditAction::Update,
        const QString &context = {}, const FieldChanges &extra = {});

    // Puts back a row that remove() took away (undo of a delete): same id, uuid and creation
    // columns; the audit trail records it as created again, with the context given.
    void reinsert(const QVariantMap &row, const QString &context);

    // Every column of a row, as stored (for snapshots before a delete).
    QVariantMap row(qint64 id) const;

    // Deletes the record, keeping every old value in the audit trail.
    void remove(qint64 id, const QString &context = {});

    QString uuidOf(qint64 id) const;
    qint64 idOf(const QString &uuid) const;
    // One column of the record with this uuid (null when there is no such record).
    QVariant valueOf(const QString &uuid, const QString &column) const;

    // The value as it is stored: dates as ISO text, booleans as 0/1, integers as 64-bit.
    static QVariant toStored(const QVariant &value);
    static bool sameStored(const QVariant &a, const QVariant &b);

private:
    void requireWritableState() const;
    Database &m_db;
    QString m_table;
};

// Inserts records that fill the same columns, one after another (an import of thousands): the
// statement is built once and each record's values come in the order of the columns. What
// RecordStore::insert writes, row and audit entry, without building a map and SQL per record.
class RecordInserter
{
public:
    // columns: the table's own columns to fill (the common ones are filled in), in any order.
    RecordInserter(Database &db, const QString &table, const QStringList &columns);
    ~RecordInserter();
    RecordInserter(const RecordInserter &) = delete;
    RecordInserter &operator=(const RecordInserter &) = delete;

    // values: one per column. uuid empty: a new identity. extra as for RecordStore::insert.
    RecordKey insert(const QVariantList &values, const QString &context = {}, const FieldChanges &extra = {},
        const QString &uuid = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil
