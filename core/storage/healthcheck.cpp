#include "healthcheck.h"

#include "base/timeformat.h"
#include "incidents/incidentrepository.h"
#include "storage/attachments.h"
#include "storage/auditchain.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

namespace vigil {
namespace {

constexpr int maxListed = 5;

// The first maxListed items, and "…" when there are more.
QString firstFew(const QStringList &items, const QString &separator)
{
    QStringList shown = items.mid(0, maxListed);
    if (items.size() > maxListed)
        shown.append(QStringLiteral("…"));
    return shown.join(separator);
}

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::HealthCheck)
};

using SchemaMap = QMap<QString, QString>; // "type name" -> sql

struct Cancelled
{
};

// Tells the caller how far the check is and stops it when asked to.
class Steps
{
public:
    explicit Steps(const HealthProgress &progress)
        : m_progress(progress)
    {
    }
    void report(const QString &step, qint64 done = 0, qint64 total = 0)
    {
        m_step = step;
        if (m_progress && !m_progress(step, done, total)) {
            m_cancelled = true;
            throw Cancelled {};
        }
    }
    // For SQLite's progress handler during one long statement: asks at most ten times a second.
    bool stopRequested()
    {
        if (!m_progress || m_cancelled)
            return m_cancelled;
        if (!m_timer.isValid() || m_timer.elapsed() >= 100) {
            m_timer.start();
            m_cancelled = !m_progress(m_step, 0, 0);
        }
        return m_cancelled;
    }
    bool cancelled() const { return m_cancelled; }
    // For a walk that counts: reports the count, returns true to stop.
    bool stopRequestedAt(const QString &step, qint64 done, qint64 total)
    {
        m_step = step;
        if (m_progress && !m_cancelled)
            m_cancelled = !m_progress(step, done, total);
        return m_cancelled;
    }

private:
    const HealthProgress &m_progress;
    QString m_step;
    QElapsedTimer m_timer;
    bool m_cancelled = false;
};

// Lets a long statement (the integrity check reads every page) be stopped part way.
class Interruptible
{
public:
    Interruptible(const Database &db, Steps &steps)
    {
        m_handle = sqliteHandle(db.connection());
        if (m_handle)
            sqlite3_progress_handler(m_handle, 20000, &Interruptible::ask, &steps);
    }
    ~Interruptible()
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    }
    Interruptible(const Interruptible &) = delete;
    Interruptible &operator=(const Interruptible &) = delete;

private:
    static int ask(void *steps) { return static_cast<Steps *>(steps)->stopRequested() ? 1 : 0; }
    sqlite3 *m_handle = nullptr;
};

SchemaMap readSchema(const QSqlDatabase &db)
{
    SchemaMap schema;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
    while (q.next())
        schema.insert(q.value(0).toString() + u' ' + q.value(1).toString(), q.value(2).toString().simplified());
    return schema;
}

// The schema this program would build for the same version, in a scratch in-memory database.
SchemaMap referenceSchema(int version)
{
    static int counter = 0;
    const QString name = QStringLiteral("vigil-reference-%1").arg(++counter);
    SchemaMap schema;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            for (const Migration &migration : activeMigrations()) {
                if (migration.version > version)
                    break;
                for (const QString &statement : splitSqlStatements(migration.sql))
                    q.exec(statement);
            }
            schema = readSchema(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return schema;
}

void checkIntegrity(const Database &db, HealthReport &report, Steps &steps)
{
    steps.report(Text::tr("Checking the file's integrity"));
    Query q(db, QStringLiteral("PRAGMA integrity_check(20)"));
    {
        const Interruptible interruptible(db, steps);
        try {
            q.exec();
        } catch (const DatabaseError &) {
            if (steps.cancelled())
                throw Cancelled {};
            throw;
        }
    }
    QStringList messages;
    while (q.next())
        messages.append(q.value(0).toString());
    if (messages == QStringList {QStringLiteral("ok")})
        report.passed.append(Text::tr("integrity: ok"));
    else
        for (const QString &message : messages)
            report.problems.append(Text::tr("integrity: %1").arg(message));

    Query fk(db, QStringLiteral("PRAGMA foreign_key_check"));
    fk.exec();
    int broken = 0;
    while (fk.next()) {
        if (++broken <= maxListed)
            report.problems.append(Text::tr("references: row %1 of %2 points to a missing row of %3")
                                       .arg(fk.value(1).toString(), fk.value(0).toString(), fk.value(2).toString()));
    }
    if (broken > maxListed)
        report.problems.append(Text::tr("references: %1 more broken references").arg(broken - maxListed));
    if (broken == 0)
        report.passed.append(Text::tr("references: ok"));
}

void checkSchema(const Database &db, HealthReport &report, Steps &steps)
{
    steps.report(Text::tr("Comparing the schema"));
    const int version = db.schemaVersion();
    const int latest = Database::latestSchemaVersion();
    if (version == latest)
        report.passed.append(Text::tr("file format: %1 (current)").arg(version));
    else
        report.passed.append(Text::tr("file format: %1 (this Vigil upgrades it to %2 when it next opens it for writing)")
                                 .arg(version)
                                 .arg(latest));

    const SchemaMap actual = readSchema(db.connection());
    const SchemaMap expected = referenceSchema(version);
    int differences = 0;
    auto differ = [&](const QString &message) {
        report.problems.append(message);
        ++differences;
    };
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (!actual.contains(it.key()))
            differ(Text::tr("schema: %1 is missing").arg(it.key()));
        else if (actual.value(it.key()) != it.value())
            differ(Text::tr("schema: %1 was altered").arg(it.key()));
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
        if (!expected.contains(it.key()))
            differ(Text::tr("schema: %1 was added outside Vigil").arg(it.key()));
    }
    if (differences == 0)
        report.passed.append(Text::tr("schema: matches file format %1").arg(version));
}

struct AuditedTable
{
    QString name;
    QStringList valueColumns; // compared with the audit trail; binary columns are not
    // What each value column holds when no audit entry wrote it: its declared default (NULL
    // when none), when that is a plain literal.
    QHash<QString, QVariant> defaults;
};

// A column's declared default as a value, when it is a literal (a null QVariant when it has
// none); nothing for an expression, which is not evaluated here.
std::optional<QVariant> literalDefault(const QVariant &declared)
{
    const QString text = declared.toString().trimmed();
    if (declared.isNull() || text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return QVariant();
    if (text.size() >= 2 && text.startsWith(u'\'') && text.endsWith(u'\''))
        return QVariant(text.mid(1, text.size() - 2).replace(QLatin1String("''"), QLatin1String("'")));
    bool ok = false;
    if (const qlonglong number = text.toLongLong(&ok); ok)
        return QVariant(number);
    if (const double number = text.toDouble(&ok); ok)
        return QVariant(number);
    return std::nullopt;
}

// Record tables: those with the common columns. Their rows must agree with the audit trail.
QList<AuditedTable> auditedTables(const Database &db)
{
    static const QStringList common {QStringLiteral("id"), QStringLiteral("uuid"), QStringLiteral("created_at"),
        QStringLiteral("created_by"), QStringLiteral("updated_at"), QStringLiteral("updated_by")};
    QStringList names;
    Query q(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               "ORDER BY name"));
    q.exec();
    while (q.next())
        names.append(q.value(0).toString());
    QList<AuditedTable> tables;
    for (const QString &name : names) {
        if (!isSafeIdentifier(name))
            continue;
        AuditedTable table {name, {}, {}};
        bool hasUuid = false;
        bool hasUpdatedAt = false;
        Query columns(db, QStringLiteral("SELECT name, type, dflt_value FROM pragma_table_info(?)"));
        columns.bind(name).exec();
        while (columns.next()) {
            const QString column = columns.value(0).toString();
            hasUuid |= column == QLatin1String("uuid");
            hasUpdatedAt |= column == QLatin1String("updated_at");
            if (!common.contains(column) && isSafeIdentifier(column)
                && columns.value(1).toString().compare(QLatin1String("BLOB"), Qt::CaseInsensitive) != 0) {
                table.valueColumns.append(column);
                if (const std::optional<QVariant> value = literalDefault(columns.value(2)))
                    table.defaults.insert(column, *value);
            }
        }
        if (hasUuid && hasUpdatedAt)
            tables.append(table);
    }
    return tables;
}

// SQLite's json_extract() ends a text at a NUL character, so text that holds one never equals
// its audited value in SQL; such text is compared again here, with the entry read by Qt.
bool sameTextWithNul(const QVariant &stored, const QString &changesJson, const QString &column)
{
    if (stored.typeId() != QMetaType::QString || !stored.toString().contains(QChar(0)))
        return false;
    FieldChanges changes;
    if (!AuditLog::decodeChanges(changesJson, &changes))
        return false;
    for (const FieldChange &change : std::as_const(changes)) {
        if (change.field == column)
            return change.after.toString() == stored.toString();
    }
    return false;
}

// Runs a query whose first column is a record uuid; returns how many rows and a few examples.
std::pair<int, QStringList> uuids(const Database &db, const QString &sql, const QVariantList &args)
{
    Query q(db, sql);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    int count = 0;
    QStringList examples;
    while (q.next()) {
        if (++count <= maxListed)
            examples.append(q.value(0).toString());
    }
    return {count, examples};
}

void checkTable(const Database &db, const AuditedTable &table, HealthReport &report)
{
    const QString name = table.name;
    auto report_ = [&](const std::pair<int, QStringList> &found, const char *text) {
        if (found.first > 0)
            report.problems.append(
                Text::tr(text, nullptr, found.first).arg(name, found.second.join(QStringLiteral(", "))));
    };
    // A record must have a history, and carry the time of its newest audit entry.
    const auto [missing, stale] = [&] {
        std::pair<int, QStringList> none {0, {}};
        std::pair<int, QStringList> old {0, {}};
        // The newest entry is the one with the highest id: the clock may have stepped back.
        Query q(db, QStringLiteral("SELECT t.uuid, a.last FROM %1 t LEFT JOIN "
                                   "(SELECT record_uuid, at AS last, max(id) FROM audit_log WHERE entity = ? "
                                   "GROUP BY record_uuid) a ON a.record_uuid = t.uuid "
                                   "WHERE a.last IS NULL OR a.last <> t.updated_at")
                        .arg(name));
        q.bind(name).exec();
        while (q.next()) {
            auto &bucket = q.value(1).isNull() ? none : old;
            if (++bucket.first <= maxListed)
                bucket.second.append(q.value(0).toString());
        }
        return std::make_pair(none, old);
    }();
    report_(missing, QT_TRANSLATE_N_NOOP("vigil::HealthCheck",
                         "audit trail: table %1: %n records have no audit entry (created outside Vigil), e.g. %2"));
    report_(stale, QT_TRANSLATE_N_NOOP("vigil::HealthCheck",
                       "audit trail: table %1: %n records were changed without an audit entry (edited outside "
                       "Vigil), e.g. %2"));

    // Each value must be the one its newest audit entry wrote. (SQLite takes the bare column
    // of an aggregate from the row that holds the max(), here the newest entry for the field.)
    std::pair<int, QStringList> altered {0, {}};
    const auto noteAltered = [&](const QString &uuid) {
        ++altered.first;
        if (altered.second.size() < maxListed && !altered.second.contains(uuid))
            altered.second.append(uuid);
    };
    for (const QString &column : table.valueColumns) {
        Query q(db,
            QStringLiteral("SELECT t.uuid, t.%2, a.changes FROM %1 t JOIN "
                           "(SELECT record_uuid, CASE WHEN json_valid(changes) THEN json_extract(changes, ?) END "
                           "AS value, changes, max(id) FROM audit_log "
                           "WHERE entity = ? AND CASE WHEN json_valid(changes) THEN json_type(changes, ?) END "
                           "IS NOT NULL GROUP BY record_uuid) a "
                           "ON a.record_uuid = t.uuid WHERE a.value IS NOT t.%2")
                .arg(name, column));
        q.bind(QStringLiteral("$.%1.new").arg(column)).bind(name).bind(QStringLiteral("$.%1").arg(column)).exec();
        while (q.next()) {
            if (sameTextWithNul(q.value(1), q.value(2).toString(), column))
                continue;
            noteAltered(q.value(0).toString());
        }
    }
    // A value no entry ever wrote must be empty or the column's default: a record's first entry
    // names only the fields it gave a value.
    for (const QString &column : table.valueColumns) {
        const auto declared = table.defaults.constFind(column);
        if (declared == table.defaults.cend())
            continue; // a default computed by an expression: not known here
        Query q(db,
            QStringLiteral("SELECT t.uuid FROM %1 t WHERE t.%2 IS NOT NULL AND t.%2 IS NOT '' AND t.%2 IS NOT ? "
                           "AND EXISTS (SELECT 1 FROM audit_log WHERE record_uuid = t.uuid AND entity = ?) "
                           "AND NOT EXISTS (SELECT 1 FROM audit_log WHERE record_uuid = t.uuid AND entity = ? "
                           "AND CASE WHEN json_valid(changes) THEN json_type(changes, ?) END IS NOT NULL)")
                .arg(name, column));
        q.bind(*declared).bind(name).bind(name).bind(QStringLiteral("$.%1").arg(column)).exec();
        while (q.next())
            noteAltered(q.value(0).toString());
    }
    report_(altered, QT_TRANSLATE_N_NOOP("vigil::HealthCheck",
                         "audit trail: table %1: %n values differ from their last audited change (edited "
                         "outside Vigil), e.g. %2"));

    // A record whose history does not end in a deletion must still exist.
    report_(uuids(db,
                QStringLiteral("SELECT a.record_uuid FROM (SELECT record_uuid, action, max(id) FROM audit_log "
                               "WHERE entity = ? GROUP BY record_uuid) a WHERE a.action <> 'delete' "
                               "AND NOT EXISTS (SELECT 1 FROM %1 t WHERE t.uuid = a.record_uuid)")
                    .arg(name),
                {name}),
        QT_TRANSLATE_N_NOOP("vigil::HealthCheck",
            "audit trail: table %1: %n records were deleted without an audit entry (removed outside "
            "Vigil), e.g. %2"));
}

void checkAuditTrail(const Database &db, HealthReport &report, Steps &steps)
{
    steps.report(Text::tr("Comparing the records with the audit trail"));
    const qint64 entries = scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    const qsizetype problemsBefore = report.problems.size();

    const qint64 malformed = scalar(db,
        QStringLiteral("SELECT count(*) FROM audit_log WHERE json_valid(changes) = 0 "
                       "OR json_type(changes) <> 'object' "
                       "OR action NOT IN ('create', 'update', 'delete', 'retire', 'reinstate') "
                       "OR at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:"
                       "[0-9][0-9].[0-9][0-9][0-9]Z' OR actor = '' OR record_uuid = ''"))
                                .toLongLong();
    if (malformed > 0)
        report.problems.append(Text::tr("audit trail: %n entries are malformed", nullptr, int(malformed)));

    const QList<AuditedTable> tables = auditedTables(db);
    for (qsizetype i = 0; i < tables.size(); ++i) {
        steps.report(Text::tr("Comparing the records with the audit trail"), i, tables.size());
        checkTable(db, tables.at(i), report);
    }
    if (report.problems.size() == problemsBefore)
        report.passed.append(Text::tr("audit trail: %n entries, consistent with the records", nullptr, int(entries)));
}

// File format 9: the incident search index reads the text from the records (FTS5 "external
// content"), and triggers keep it up to date.
constexpr int searchFromRecordsFormat = 9;

// The incidents whose entries differ between two fts5vocab "instance" tables of the same
// tokenizer, read in their own order.
QList<qint64> compareTermLists(const Database &db, const QString &left, const QString &right)
{
    sqlite3 *handle = sqliteHandle(db.connection());
    const auto prepare = [&](const QString &table) {
        sqlite3_stmt *statement = nullptr;
        const QByteArray sql = QStringLiteral("SELECT term, doc, col, offset FROM %1 ORDER BY term").arg(table).toUtf8();
        if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
            throw databaseError(sqlite3_errcode(handle), QString::fromUtf8(sqlite3_errmsg(handle)));
        return std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>(statement, sqlite3_finalize);
    };
    const auto a = prepare(left);
    const auto b = prepare(right);
    const auto step = [&](sqlite3_stmt *statement) {
        const int code = sqlite3_step(statement);
        if (code != SQLITE_ROW && code != SQLITE_DONE)
            throw databaseError(code, QString::fromUtf8(sqlite3_errmsg(handle)));
        return code == SQLITE_ROW;
    };
    // fts5vocab names the column; its rows come in the columns' declared order.
    static const QByteArrayList columns {"reference", "title", "description", "actions", "notes", "persons"};
    const auto columnOf = [](sqlite3_stmt *statement) {
        const QByteArray name(static_cast<const char *>(sqlite3_column_blob(statement, 2)), sqlite3_column_bytes(statement, 2));
        return sqlite3_int64(columns.indexOf(name));
    };
    // <0, 0, >0 as a's row comes before, is, or comes after b's.
    const auto compare = [&](sqlite3_stmt *x, sqlite3_stmt *y) {
        const int xSize = sqlite3_column_bytes(x, 0);
        const int ySize = sqlite3_column_bytes(y, 0);
        const int common = std::memcmp(sqlite3_column_blob(x, 0), sqlite3_column_blob(y, 0), std::size_t(qMin(xSize, ySize)));
        if (common != 0)
            return common;
        if (xSize != ySize)
            return xSize < ySize ? -1 : 1;
        const std::array<sqlite3_int64, 3> xKey {sqlite3_column_int64(x, 1), columnOf(x), sqlite3_column_int64(x, 3)};
        const std::array<sqlite3_int64, 3> yKey {sqlite3_column_int64(y, 1), columnOf(y), sqlite3_column_int64(y, 3)};
        return xKey < yKey ? -1 : xKey == yKey ? 0 : 1;
    };
    QSet<qint64> stale;
    bool inA = step(a.get());
    bool inB = step(b.get());
    while (inA || inB) {
        const int order = !inA ? 1 : !inB ? -1 : compare(a.get(), b.get());
        if (order <= 0) {
            if (order < 0)
                stale.insert(sqlite3_column_int64(a.get(), 1));
            inA = step(a.get());
        }
        if (order >= 0) {
            if (order > 0)
                stale.insert(sqlite3_column_int64(b.get(), 1));
            inB = step(b.get());
        }
    }
    QList<qint64> ids(stale.cbegin(), stale.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> staleSearchEntries(const Database &db, Steps &steps)
{
    if (db.schemaVersion() < searchFromRecordsFormat)
        return {};
    const Interruptible interruptible(db, steps);
    const QStringList temporary {QStringLiteral("vigil_search_kept_terms"), QStringLiteral("vigil_search_fresh_terms"),
        QStringLiteral("vigil_search_fresh")};
    // (Also from a scope guard, so it throws nothing: a drop interrupted by a cancel leaves a
    // temporary table that goes with the connection.)
    const auto dropTemporary = [&] {
        try {
            for (const QString &table : temporary)
                Query(db, QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(table)).exec();
        } catch (const Error &) {
        }
    };
    // A file opened only to read is opened read-only and also set query-only, which forbids even
    // temporary tables: lifted for them (the file itself stays read-only to this connection).
    const bool queryOnly = scalar(db, QStringLiteral("PRAGMA query_only")).toBool();
    if (queryOnly)
        Query(db, QStringLiteral("PRAGMA query_only = OFF")).exec();
    const auto restoreQueryOnly = qScopeGuard([&] {
        if (queryOnly)
            setPragmaQuietly(db, "query_only", 1);
    });
    QList<qint64> stale;
    try {
        dropTemporary();
        const auto cleanUp = qScopeGuard(dropTemporary);
        Query(db, QStringLiteral("CREATE VIRTUAL TABLE temp.vigil_search_fresh USING fts5 (reference, title, description, "
                                 "actions, notes, persons, tokenize = 'unicode61 remove_diacritics 2')"))
            .exec();
        Query(db, QStringLiteral("INSERT INTO temp.vigil_search_fresh (rowid, reference, title, description, actions, notes, "
                                 "persons) SELECT id, reference, title, description, actions, notes, persons "
                                 "FROM main.incident_search_source"))
            .exec();
        Query(db, QStringLiteral("CREATE VIRTUAL TABLE temp.vigil_search_kept_terms USING fts5vocab (main, incident_search, instance)"))
            .exec();
        Query(db, QStringLiteral("CREATE VIRTUAL TABLE temp.vigil_search_fresh_terms USING fts5vocab (temp, vigil_search_fresh, instance)"))
            .exec();
        // Both lists come in index order (by term, then incident, column and position): walked side
        // by side, without sorting millions of rows.
        stale = compareTermLists(db, QStringLiteral("temp.vigil_search_kept_terms"),
            QStringLiteral("temp.vigil_search_fresh_terms"));
    } catch (const DatabaseError &) {
        if (steps.cancelled())
            throw Cancelled {};
        throw;
    }
    return stale;
}

void checkSearchIndex(const Database &db, HealthReport &report, Steps &steps)
{
    if (db.schemaVersion() < searchFromRecordsFormat)
        return;
    steps.report(Text::tr("Comparing the search index with the incidents"));
    const QList<qint64> stale = staleSearchEntries(db, steps);
    if (stale.isEmpty()) {
        report.passed.append(Text::tr("search index: every incident is found by what its records say"));
        return;
    }
    QStringList listed;
    for (qint64 id : stale.mid(0, maxListed)) {
        const QString reference = scalar(db, QStringLiteral("SELECT reference FROM incidents WHERE id = ?"), {id}).toString();
        listed.append(reference.isEmpty() ? Text::tr("#%1 (no longer in the register)").arg(id) : reference);
    }
    report.problems.append(Text::tr("search index: %n incidents not found as their records say (%1); the records "
                                    "are intact, but a search may miss them or find them wrongly", nullptr, int(stale.size()))
                               .arg(listed.join(QStringLiteral(", "))
                                   + (stale.size() > maxListed ? QStringLiteral(", …") : QString())));
}

void checkIncidentDetails(const Database &db, HealthReport &report, Steps &steps)
{
    if (scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'incident_attachments'")).toInt() == 0)
        return; // a file from before incidents
    steps.report(Text::tr("Comparing people involved and attached files with the audit trail"));
    const QStringList differing = incidentsDifferingFromTrail(db);
    if (differing.isEmpty()) {
        report.passed.append(Text::tr("incidents: people involved and attached files as the audit trail says"));
        return;
    }
    report.problems.append(Text::tr("incidents: %n incidents have people involved or attached files that differ from "
                                    "their audit trail (changed outside Vigil): %1", nullptr, int(differing.size()))
                               .arg(firstFew(differing, QStringLiteral(", "))));
}

void checkAttachments(const Database &db, HealthReport &report, Steps &steps)
{
    const QString step = Text::tr("Checking each attachment against its SHA-256");
    steps.report(step);
    bool stopped = false;
    const QList<AlteredAttachment> altered = alteredAttachments(sqliteHandle(db.connection()),
        [&](qint64 done, qint64 total) { return !steps.stopRequestedAt(step, done, total); }, &stopped);
    if (stopped)
        throw Cancelled {};
    if (altered.isEmpty()) {
        report.passed.append(Text::tr("attachments: every photo and document matches its SHA-256"));
        return;
    }
    QStringList listed;
    for (const AlteredAttachment &a : altered)
        listed.append(Text::tr("%1 (SHA-256 %2…)").arg(a.fileNames, a.sha256.left(12)));
    report.problems.append(Text::tr("attachments: %n photos or documents no longer match the SHA-256 they were stored "
                                    "under (changed outside Vigil or damaged): %1", nullptr, int(altered.size()))
                               .arg(firstFew(listed, QStringLiteral("; "))));
}

void checkAuditChain(const Database &db, HealthReport &report, Steps &steps)
{
    if (db.schemaVersion() < auditChainFormat) {
        report.passed.append(Text::tr("audit chain: not sealed yet (file format %1; sealed when Vigil next opens the "
                                      "file for writing)")
                                 .arg(db.schemaVersion()));
        return;
    }
    const QString step = Text::tr("Verifying the audit chain");
    steps.report(step);
    const AuditChainResult chain
        = verifyAuditChain(db, [&](qint64 done, qint64 total) { return !steps.stopRequestedAt(step, done, total); });
    if (chain.cancelled)
        throw Cancelled {};
    if (!chain.intact()) {
        report.problems.append(Text::tr("audit chain: %1").arg(chain.problem));
        return;
    }
    if (chain.entries == 0) {
        report.passed.append(Text::tr("audit chain: no entries yet"));
        return;
    }
    const QDateTime at = fromStoredUtc(chain.headAt);
    report.passed.append(Text::tr("audit chain: %n entries intact; the newest is #%1 of %2, seal %3", nullptr,
        int(qMin<qint64>(chain.entries, std::numeric_limits<int>::max())))
                             .arg(chain.headId)
                             .arg(at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                                               : chain.headAt,
                                 QString::fromLatin1(chain.headSeal.toHex().left(16))));
}

} // namespace

QList<qint64> staleSearchEntries(const Database &db)
{
    const HealthProgress none;
    Steps steps(none);
    return staleSearchEntries(db, steps);
}

HealthReport checkHealth(const Database &db, const HealthProgress &progress)
{
    HealthReport report;
    Steps steps(progress);
    // The comparisons look records up all over the file: with SQLite's default cache of two
    // megabytes they read the same pages again and again (on a 500 MB file, three quarters of
    // the check's time went on copying pages from the system). A bigger cache for the check only.
    const qint64 cacheSize = scalar(db, QStringLiteral("PRAGMA cache_size")).toLongLong();
    setPragmaQuietly(db, "cache_size", -131072); // 128 MiB at most, used as needed
    const auto restoreCache = qScopeGuard([&] { setPragmaQuietly(db, "cache_size", cacheSize); });
    try {
        checkIntegrity(db, report, steps);
        // A damaged file gives unreliable answers to everything after this.
        if (!report.healthy())
            return report;
        checkSchema(db, report, steps);
        checkAuditTrail(db, report, steps);
        checkAuditChain(db, report, steps);
        checkIncidentDetails(db, report, steps);
        checkAttachments(db, report, steps);
        checkSearchIndex(db, report, steps);
    } catch (const Cancelled &) {
        report.cancelled = true;
    }
    return report;
}

} // namespace vigil
