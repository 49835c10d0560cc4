// The audit trail as a hash chain.
//
// Seal format, version 1. The seal of an entry (column hash, 32 bytes) is
//
//     SHA-256( "VIGIL-AUDIT-1" || f(prev) || f(id) || f(at) || f(actor) || f(entity)
//              || f(record_uuid) || f(action) || f(changes) || f(context) )
//
// where f(x) is the length of x in bytes as a 4-byte big-endian unsigned integer followed by
// the bytes of x; prev is the seal of the entry before it in id order (prev_hash: 0 bytes for
// the first entry, 32 otherwise), id is written in decimal ASCII digits, and the text columns
// are their stored text in UTF-8. The lengths make the encoding unambiguous ("ab" + "c" and
// "a" + "bc" differ), and the leading tag leaves room for a later format.
//
// Without a secret key, someone who knows this format can rewrite the whole chain; what it
// catches is an edit with a SQLite tool that does not recompute every later seal: a changed
// field, an entry removed from the middle, an entry inserted. Entries removed from the end
// leave a shorter, valid chain: the health check's comparison of the records with their last
// audit entries catches most of those, and the head's seal printed by `vigil check` the rest
// (for whoever notes it).
#include "auditchain.h"

#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtEndian>

#include <openssl/evp.h>

#include <memory>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::AuditChain)
};

const QString selectEntries = QStringLiteral(
    "SELECT id, at, actor, entity, record_uuid, action, changes, context, prev_hash, hash FROM audit_log ");

// SHA-256 through OpenSSL's libcrypto, which uses the processor's SHA instructions where it has
// them: sealing is then a few per cent of a bulk import instead of a tenth (Qt 6.4 hashes in
// portable C). The digest is the same either way.
class Sha256
{
public:
    Sha256()
        : m_context(EVP_MD_CTX_new(), &EVP_MD_CTX_free)
    {
        // Looked up once (OpenSSL 3 would look it up again for every seal).
        static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (!sha256 || !m_context || EVP_DigestInit_ex(m_context.get(), sha256, nullptr) != 1)
            fail();
    }
    void add(QByteArrayView bytes)
    {
        if (EVP_DigestUpdate(m_context.get(), bytes.data(), size_t(bytes.size())) != 1)
            fail();
    }
    // A field: its length (4 bytes, big-endian), then its bytes.
    void addField(QByteArrayView bytes)
    {
        char length[4];
        qToBigEndian(quint32(bytes.size()), length);
        add(QByteArrayView(length, 4));
        add(bytes);
    }
    QByteArray result()
    {
        QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(m_context.get(), reinterpret_cast<unsigned char *>(digest.data()), &size) != 1 || size != 32)
            fail();
        digest.truncate(int(size));
        return digest;
    }
    // A seal that could not be computed is never stored (it would read as tampering later).
    [[noreturn]] static void fail() { throw Error(Text::tr("The audit entry could not be sealed (SHA-256 failed).")); }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_context;
};

SealedFields fieldsOf(const Query &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
}

} // namespace

QByteArray auditSeal(const SealedFields &fields, const QByteArray &previousSeal)
{
    Sha256 hash;
    hash.add(QByteArrayView("VIGIL-AUDIT-1"));
    hash.addField(previousSeal);
    hash.addField(QByteArray::number(fields.id));
    for (const QString *text : {&fields.at, &fields.actor, &fields.entity, &fields.recordUuid, &fields.action,
             &fields.changes, &fields.context})
        hash.addField(text->toUtf8());
    return hash.result();
}

QVariant storedSeal(const QByteArray &seal)
{
    return seal.isEmpty() ? QVariant(QByteArray("", 0)) : QVariant(seal);
}

AuditChainResult verifyAuditChain(const Database &db, const std::function<bool(qint64, qint64)> &progress)
{
    AuditChainResult result;
    const qint64 total = progress ? scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong() : 0;
    // The seals of the two entries before the current one: a link that skips one entry shows
    // that entry was put in; a link to neither, that entries were taken out.
    QByteArray previous;
    QByteArray beforePrevious;
    qint64 previousId = 0;
    auto fail = [&](qint64 id, const QString &problem) {
        result.brokenId = id;
        result.problem = problem;
    };
    Query q(db, selectEntries + QStringLiteral("ORDER BY id"));
    q.exec();
    while (q.next()) {
        const SealedFields fields = fieldsOf(q);
        const QByteArray link = q.value(8).toByteArray();
        const QByteArray seal = q.value(9).toByteArray();
        ++result.entries;
        if (progress && result.entries % 4096 == 0 && !progress(result.entries, total)) {
            result.cancelled = true;
            return result;
        }
        const bool sealed = !seal.isEmpty() && auditSeal(fields, link) == seal;
        if (sealed && link == previous) {
            beforePrevious = std::exchange(previous, seal);
            previousId = fields.id;
            result.headAt = fields.at;
            continue;
        }
        // The first entry that does not match: say which, and how (only now is it worth a lookup).
        const QString entry = describeAuditEntry(db, fields.id);
        if (seal.isEmpty())
            fail(fields.id, Text::tr("entry %1 has no seal: it was added outside Vigil").arg(entry));
        else if (!sealed)
            fail(fields.id, Text::tr("entry %1 was altered after it was written: it no longer matches its seal").arg(entry));
        else if (result.entries == 1)
            fail(fields.id, Text::tr("entry %1 is the first one left, but it follows entries that were removed").arg(entry));
        else if (link == beforePrevious)
            fail(previousId, Text::tr("entry %1 was inserted outside Vigil: the entry after it links past it")
                                 .arg(describeAuditEntry(db, previousId)));
        else if (fields.id - previousId == 2)
            fail(fields.id, Text::tr("entry %1 does not follow on from entry #%2: entry #%3 was removed")
                                .arg(entry)
                                .arg(previousId)
                                .arg(previousId + 1));
        else if (fields.id - previousId > 2)
            fail(fields.id, Text::tr("entry %1 does not follow on from entry #%2: entries #%3 to #%4 were removed")
                                .arg(entry)
                                .arg(previousId)
                                .arg(previousId + 1)
                                .arg(fields.id - 1));
        else
            fail(fields.id, Text::tr("entry %1 does not follow on from entry #%2: the entry before it was removed or "
                                     "replaced")
                                .arg(entry)
                                .arg(previousId));
        break;
    }
    if (result.problem.isEmpty()) {
        result.headId = previousId;
        result.headSeal = previous;
    }
    if (progress && !result.cancelled)
        progress(total, total);
    return result;
}

void sealAuditTrailOnUpgrade(Database &db)
{
    // A page at a time, so that rows are not updated under a statement still reading them.
    constexpr int page = 2000;
    const QString trigger = scalar(db,
        QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'"))
                                .toString();
    if (!trigger.isEmpty())
        execute(db, QStringLiteral("DROP TRIGGER audit_log_no_update"));
    QByteArray previous;
    qint64 after = 0;
    for (;;) {
        QList<std::pair<SealedFields, QByteArray>> rows;
        {
            Query q(db, selectEntries + QStringLiteral("WHERE id > ? ORDER BY id LIMIT %1").arg(page));
            q.bind(after).exec();
            while (q.next())
                rows.append({fieldsOf(q), {}});
        }
        if (rows.isEmpty())
            break;
        for (auto &[fields, seal] : rows) {
            seal = auditSeal(fields, previous);
            execute(db, QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"),
                {storedSeal(previous), seal, fields.id});
            previous = seal;
            after = fields.id;
        }
    }
    // Put back the very statement the file had, so its schema still matches the reference.
    if (!trigger.isEmpty())
        execute(db, trigger);
}

QString auditRecordLabel(const Database &db, const QString &entity, const QString &uuid)
{
    if (!isSafeIdentifier(entity) || uuid.isEmpty())
        return {};
    QString sql;
    if (entity == QLatin1String("incidents") || entity == QLatin1String("risks"))
        sql = QStringLiteral("SELECT reference || CASE WHEN title <> '' THEN ' ' || title ELSE '' END FROM %1 "
                             "WHERE uuid = ?")
                  .arg(entity);
    else if (entity == QLatin1String("corrective_actions"))
        sql = QStringLiteral("SELECT reference FROM corrective_actions WHERE uuid = ?");
    else if (entity == QLatin1String("training_records"))
        sql = QStringLiteral("SELECT p.name || ', ' || c.name FROM training_records r JOIN people p ON p.id = "
                             "r.person_id JOIN courses c ON c.id = r.course_id WHERE r.uuid = ?");
    else if (entity == QLatin1String("training_sessions"))
        sql = QStringLiteral("SELECT c.name || ', ' || s.held_on FROM training_sessions s JOIN courses c ON c.id = "
                             "s.course_id WHERE s.uuid = ?");
    else if (entity == QLatin1String("kpi_values"))
        sql = QStringLiteral("SELECT k.name || ', ' || v.period_start FROM kpi_values v JOIN kpis k ON k.id = "
                             "v.kpi_id WHERE v.uuid = ?");
    else
        sql = QStringLiteral("SELECT name FROM %1 WHERE uuid = ?").arg(entity);
    try {
        return scalar(db, sql, {uuid}).toString();
    } catch (const Error &) {
        return {}; // a table without a name column, or one the file does not have
    }
}

QString describeAuditEntry(const Database &db, qint64 id)
{
    Query q(db, QStringLiteral("SELECT at, action, entity, record_uuid FROM audit_log WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return QStringLiteral("#%1").arg(id);
    const QDateTime at = fromStoredUtc(q.value(0).toString());
    const QString when = at.isValid() ? at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : q.value(0).toString();
    const QString entity = q.value(2).toString();
    const QString uuid = q.value(3).toString();
    QString label = auditRecordLabel(db, entity, uuid);
    if (label.isEmpty())
        label = uuid;
    return Text::tr("#%1 (%2, %3, %4 %5)").arg(id).arg(when, q.value(1).toString(), entity, label);
}

} // namespace vigil
