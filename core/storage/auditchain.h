#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <functional>

namespace vigil {

class Database;

// The file format from which every audit entry is sealed into a hash chain
// (resources/migrations/0007_audit_chain.sql).
constexpr int auditChainFormat = 7;

// The stored fields of one audit entry, as text exactly as they are stored.
struct SealedFields
{
    qint64 id = 0;
    QString at;
    QString actor;
    QString entity;
    QString recordUuid;
    QString action;
    QString changes;
    QString context;
};

// The seal of an entry: SHA-256 over its fields and the seal of the entry before it (empty for
// the first entry). The exact format is described in auditchain.cpp.
QByteArray auditSeal(const SealedFields &fields, const QByteArray &previousSeal);

// A seal or link as bound to the blob columns: empty is X'', never NULL (Qt binds a null
// QByteArray as NULL).
QVariant storedSeal(const QByteArray &seal);

// What a walk along the chain found.
struct AuditChainResult
{
    qint64 entries = 0;     // entries read
    bool cancelled = false; // stopped by the progress callback; nothing was judged
    // The first entry that does not match, and one sentence on it (empty when the chain holds).
    qint64 brokenId = 0;
    QString problem;
    // The newest entry: noting its id and seal lets a later check see that entries were taken
    // off the end, which the chain alone cannot show.
    qint64 headId = 0;
    QString headAt;
    QByteArray headSeal;

    bool intact() const { return !cancelled && problem.isEmpty(); }
};

// Walks the audit trail in id order, a row at a time (memory stays flat on a decade of entries),
// recomputing every seal and link. progress(done, total) is called every few thousand entries;
// returning false stops the walk. Needs a file of format auditChainFormat or later.
AuditChainResult verifyAuditChain(const Database &db, const std::function<bool(qint64, qint64)> &progress = {});

// Seals the entries of a file upgraded to auditChainFormat, in id order. Only the upgrade runs it:
// resealing a trail would hide tampering.
void sealAuditTrailOnUpgrade(Database &db);

// "#12 (2026-03-14 09:30:15 UTC, update, incidents INC-2026-0003)": an entry as `vigil check`
// names it, with the record's reference or name where the file still has it.
QString describeAuditEntry(const Database &db, qint64 id);

// The reference, name or title of a record (an audit entry's entity and record uuid), from the
// record table when it still has the record; empty when it has none.
QString auditRecordLabel(const Database &db, const QString &entity, const QString &uuid);

} // namespace vigil
