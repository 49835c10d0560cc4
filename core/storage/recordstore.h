#pragma once

#include "storage/auditlog.h"

#include <QString>
#include <QVariantMap>

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

} // namespace vigil
