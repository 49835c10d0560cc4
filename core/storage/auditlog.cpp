#include "auditlog.h"

#include "base/timeformat.h"
#include "storage/auditchain.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCryptographicHash>
#include <QtNumeric>

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace vigil {
namespace {

struct ActionName
{
    AuditAction action;
    const char *key;
};
constexpr ActionName actionNames[] = {
    {AuditAction::Create, "create"},
    {AuditAction::Update, "update"},
    {AuditAction::Delete, "delete"},
    {AuditAction::Retire, "retire"},
    {AuditAction::Reinstate, "reinstate"},
};

QJsonValue toJson(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QByteArray: {
        // Binary content (a logo, a photo) is identified, not copied into the trail.
        const QByteArray bytes = value.toByteArray();
        return QStringLiteral("[%1 bytes, sha256 %2]")
            .arg(bytes.size())
            .arg(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }
    case QMetaType::QDate:
        return toStoredDate(value.toDate());
    case QMetaType::QDateTime:
        return toStoredUtc(value.toDateTime());
    default:
        return value.toString();
    }
}

} // namespace

QString auditActionKey(AuditAction action)
{
    for (const ActionName &name : actionNames) {
        if (name.action == action)
            return QLatin1String(name.key);
    }
    return {};
}

bool auditActionFromKey(const QString &key, AuditAction *action)
{
    for (const ActionName &name : actionNames) {
        if (key == QLatin1String(name.key)) {
            *action = name.action;
            return true;
        }
    }
    return false;
}

AuditLog::AuditLog(Database &db)
    : m_db(db)
{
}

void AuditLog::append(const QString &entity, const QString &recordUuid, AuditAction action,
    const FieldChanges &changes, const QString &at, const QString &context)
{
    Q_ASSERT(m_db.inTransaction());
    SealedFields fields {0, at, m_db.actor(), entity, recordUuid, auditActionKey(action), encodeChanges(changes),
        context.isNull() ? QStringLiteral("") : context};
    if (m_db.schemaVersion() < auditChainFormat) {
        // The seed steps of the formats before the chain (a new file passes through them).
        execute(m_db,
            QStringLiteral("INSERT INTO audit_log (at, actor, entity, record_uuid, action, changes, context) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {fields.at, fields.actor, fields.entity, fields.recordUuid, fields.action, fields.changes, fields.context});
    } else {
        // The newest entry: remembered from the last append in this transaction, else read
        // through the rowid. The memory is keyed by the transaction's epoch, which a rollback
        // (a savepoint's too) or the transaction's end changes, so it is never stale.
        thread_local struct
        {
            quint64 epoch = 0;
            qint64 id = 0;
            QByteArray seal;
        } head;
        const quint64 epoch = m_db.transactionEpoch();
        if (head.epoch != epoch) {
            head = {epoch, 0, {}};
            Query last(m_db, QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
            last.exec();
            if (last.next()) {
                head.id = last.value(0).toLongLong();
                head.seal = last.value(1).toByteArray();
            }
        }
        fields.id = head.id + 1;
        const QByteArray seal = auditSeal(fields, head.seal);
        execute(m_db,
            QStringLiteral("INSERT INTO audit_log (id, at, actor, entity, record_uuid, action, changes, context, "
                           "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {fields.id, fields.at, fields.actor, fields.entity, fields.recordUuid, fields.action, fields.changes,
                fields.context, storedSeal(head.seal), seal});
        head.id = fields.id;
        head.seal = seal;
    }
    m_db.recordChange(QStringLiteral("audit_log"), 0);
}

QList<AuditEntry> AuditLog::recent(int limit) const
{
    return select({}, {}, QStringLiteral("ORDER BY at DESC, id DESC LIMIT %1").arg(qMax(0, limit)));
}

QList<AuditEntry> AuditLog::forRecord(const QString &recordUuid) const
{
    return select(QStringLiteral("WHERE record_uuid = ?"), {recordUuid}, QStringLiteral("ORDER BY id"));
}

qint64 AuditLog::count() const
{
    return scalar(m_db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
}

QList<AuditEntry> AuditLog::page(const AuditFilter &filter, qint64 beforeId, int limit) const
{
    QStringList where;
    QVariantList args;
    auto add = [&](const QString &condition, const QVariantList &values) {
        where.append(condition);
        args += values;
    };
    if (beforeId > 0)
        add(QStringLiteral("id < ?"), {beforeId});
    if (!filter.actor.isEmpty())
        add(QStringLiteral("actor = ?"), {filter.actor});
    if (!filter.entity.isEmpty())
        add(QStringLiteral("entity = ?"), {filter.entity});
    if (!filter.action.isEmpty())
        add(QStringLiteral("action = ?"), {filter.action});
    if (!filter.fromUtc.isEmpty())
        add(QStringLiteral("at >= ?"), {filter.fromUtc});
    if (!filter.toUtc.isEmpty())
        add(QStringLiteral("at < ?"), {filter.toUtc});
    const QString record = filter.record.trimmed();
    if (!record.isEmpty()) {
        // The records whose reference, name or title contains the text, in every record table
        // of the file; their entries are found through the index by record.
        QStringList union_;
        QVariantList recordArgs {record};
        const QString like = QStringLiteral("%%1%").arg(escapeLike(record));
        Query tables(m_db, QStringLiteral("SELECT m.name, group_concat(c.name) FROM sqlite_master m "
                                          "JOIN pragma_table_info(m.name) c WHERE m.type = 'table' "
                                          "AND c.name IN ('uuid', 'reference', 'name', 'title') GROUP BY m.name "
                                          "ORDER BY m.name"));
        tables.exec();
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            const QStringList columns = tables.value(1).toString().split(u',');
            if (!isSafeIdentifier(table) || !columns.contains(QLatin1String("uuid")))
                continue;
            QStringList matches;
            for (const QString &column : columns) {
                if (column != QLatin1String("uuid")) {
                    matches.append(QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(column));
                    recordArgs.append(like);
                }
            }
            if (!matches.isEmpty())
                union_.append(QStringLiteral("SELECT uuid FROM %1 WHERE %2").arg(table, matches.join(QStringLiteral(" OR "))));
        }
        add(union_.isEmpty() ? QStringLiteral("record_uuid = ?")
                             : QStringLiteral("(record_uuid = ? OR record_uuid IN (%1))").arg(union_.join(QStringLiteral(" UNION "))),
            recordArgs);
    }
    return select(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")), args,
        QStringLiteral("ORDER BY id DESC LIMIT %1").arg(qMax(0, limit)));
}

QStringList AuditLog::actors() const
{
    QStringList list;
    Query q(m_db, QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
    q.exec();
    while (q.next())
        list.append(q.value(0).toString());
    return list;
}

QStringList AuditLog::entities() const
{
    QStringList list;
    Query q(m_db, QStringLiteral("SELECT DISTINCT entity FROM audit_log ORDER BY entity"));
    q.exec();
    while (q.next())
        list.append(q.value(0).toString());
    return list;
}

QList<AuditEntry> AuditLog::select(const QString &where, const QVariantList &args, const QString &tail) const
{
    Query q(m_db,
        QStringLiteral("SELECT id, at, actor, entity, record_uuid, action, changes, context FROM audit_log %1 %2")
            .arg(where, tail));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<AuditEntry> entries;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = fromStoredUtc(q.value(1).toString());
        e.actor = q.value(2).toString();
        e.entity = q.value(3).toString();
        e.recordUuid = q.value(4).toString();
        auditActionFromKey(q.value(5).toString(), &e.action);
        decodeChanges(q.value(6).toString(), &e.changes);
        e.context = q.value(7).toString();
        entries.append(std::move(e));
    }
    return entries;
}

namespace {

// The JSON text of one value, written directly: QJsonObject costs an import of 100,000 records
// seconds. The same text QJsonDocument writes (a test compares them).
void appendJson(QString &out, const QVariant &value)
{
    if (value.isNull() || !value.isValid()) {
        out += u"null";
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
        out += value.toBool() ? u"true" : u"false";
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out += QString::number(value.toLongLong());
        return;
    case QMetaType::Double: {
        const double d = value.toDouble();
        out += qIsFinite(d) ? QString::number(d, 'g', QLocale::FloatingPointShortest) : QStringLiteral("null");
        return;
    }
    default:
        break;
    }
    // Text as it is (most values); other kinds as toJson() writes them.
    const QString text = value.typeId() == QMetaType::QString ? *static_cast<const QString *>(value.constData())
                                                               : toJson(value).toString();
    out += u'"';
    // Most text needs no escaping at all: copied whole.
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c == u'"' || c == u'\\'; })) {
        out += text;
        out += u'"';
        return;
    }
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20) {
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}

bool hasSurrogates(const FieldChanges &changes)
{
    const auto check = [](const QVariant &v) {
        if (v.typeId() != QMetaType::QString)
            return false;
        const QString text = v.toString();
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSurrogate(); });
    };
    return std::any_of(changes.cbegin(), changes.cend(),
        [&](const FieldChange &change) { return check(change.before) || check(change.after); });
}

} // namespace

QString AuditLog::encodeChanges(const FieldChanges &changes)
{
    if (hasSurrogates(changes)) {
        // Characters outside the Basic Multilingual Plane, or broken halves of them: Qt's
        // writer decides how those are written, so it writes them.
        QJsonObject object;
        for (const FieldChange &change : changes) {
            QJsonObject pair;
            if (!change.before.isNull())
                pair.insert(QStringLiteral("old"), toJson(change.before));
            pair.insert(QStringLiteral("new"), toJson(change.after));
            object.insert(change.field, pair);
        }
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    // Fields in name order, each once (the last change of a field wins), as in a QJsonObject.
    QList<const FieldChange *> ordered;
    ordered.reserve(changes.size());
    for (const FieldChange &change : changes)
        ordered.append(&change);
    std::stable_sort(ordered.begin(), ordered.end(), [](const FieldChange *a, const FieldChange *b) { return a->field < b->field; });
    QString out;
    out.reserve(64 * changes.size());
    out += u'{';
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        if (i + 1 < ordered.size() && ordered.at(i + 1)->field == ordered.at(i)->field)
            continue;
        if (out.size() > 1)
            out += u',';
        appendJson(out, ordered.at(i)->field);
        out += u":{\"new\":";
        appendJson(out, ordered.at(i)->after);
        // A field that had no value before (every field of a new record) has no "old".
        if (!ordered.at(i)->before.isNull()) {
            out += u",\"old\":";
            appendJson(out, ordered.at(i)->before);
        }
        out += u'}';
    }
    out += u'}';
    return out;
}

bool AuditLog::decodeChanges(const QString &json, FieldChanges *changes)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    changes->clear();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isObject())
            return false;
        const QJsonObject pair = it.value().toObject();
        changes->append({it.key(), pair.value(QStringLiteral("old")).toVariant(),
            pair.value(QStringLiteral("new")).toVariant()});
    }
    return true;
}

} // namespace vigil
