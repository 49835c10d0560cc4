#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

namespace vigil {

class Database;

struct FieldChange
{
    QString field;
    QVariant before;
    QVariant after;
};
using FieldChanges = QList<FieldChange>;

enum class AuditAction { Create, Update, Delete, Retire, Reinstate };
QString auditActionKey(AuditAction action);
// Returns false for a key Vigil never writes.
bool auditActionFromKey(const QString &key, AuditAction *action);

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString entity;
    QString recordUuid;
    AuditAction action = AuditAction::Update;
    FieldChanges changes;
    QString context;
};

// Which entries the audit-trail viewer lists; every part is optional (empty: any).
struct AuditFilter
{
    QString record;  // a record's reference, name or title (a part of it), or its uuid
    QString actor;   // who made the change, exactly
    QString entity;  // the record table
    QString action;  // an action key ("update")
    QString fromUtc; // stored UTC time, inclusive
    QString toUtc;   // stored UTC time, exclusive
};

// The append-only audit trail: who changed what, when, from which value to which.
class AuditLog
{
public:
    explicit AuditLog(Database &db);

    // Must run inside the transaction that makes the change. at is the stored UTC timestamp
    // the change itself carries, so record and audit entry agree to the millisecond.
    void append(const QString &entity, const QString &recordUuid, AuditAction action, const FieldChanges &changes,
        const QString &at, const QString &context = {});

    QList<AuditEntry> recent(int limit) const;
    QList<AuditEntry> forRecord(const QString &recordUuid) const;
    qint64 count() const;

    // Up to limit entries matching filter, newest first, older than the entry beforeId (0: from
    // the newest): a page of the viewer, filtered in SQL.
    QList<AuditEntry> page(const AuditFilter &filter, qint64 beforeId, int limit) const;
    // Everyone who has made a change, and every kind of record changed, sorted.
    QStringList actors() const;
    QStringList entities() const;

    // The JSON text stored for a set of changes, and back.
    static QString encodeChanges(const FieldChanges &changes);
    static bool decodeChanges(const QString &json, FieldChanges *changes);

private:
    QList<AuditEntry> select(const QString &where, const QVariantList &args, const QString &tail) const;
    Database &m_db;
};

} // namespace vigil
