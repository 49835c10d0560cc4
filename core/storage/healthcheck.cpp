#include "healthcheck.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace vigil {
namespace {

constexpr int maxListed = 5;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::HealthCheck)
};

using SchemaMap = QMap<QString, QString>; // "type name" -> sql

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
            for (const Migration &migration : bundledMigrations()) {
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

void checkIntegrity(const Database &db, HealthReport &report)
{
    Query q(db, QStringLiteral("PRAGMA integrity_check(20)"));
    q.exec();
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

void checkSchema(const Database &db, HealthReport &report)
{
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

QStringList auditedTables(const Database &db)
{
    QStringList tables;
    Query q(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               "ORDER BY name"));
    q.exec();
    while (q.next()) {
        const QString table = q.value(0).toString();
        const QSqlRecord record = db.connection().record(table);
        if (isSafeIdentifier(table) && record.contains(QStringLiteral("uuid"))
            && record.contains(QStringLiteral("updated_at")))
            tables.append(table);
    }
    return tables;
}

void checkAuditTrail(const Database &db, HealthReport &report)
{
    const qint64 entries = scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    const int problemsBefore = int(report.problems.size());

    const qint64 malformed = scalar(db,
        QStringLiteral("SELECT count(*) FROM audit_log WHERE json_valid(changes) = 0 "
                       "OR json_type(changes) <> 'object' "
                       "OR action NOT IN ('create', 'update', 'delete', 'retire', 'reinstate') "
                       "OR at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:"
                       "[0-9][0-9].[0-9][0-9][0-9]Z' OR actor = '' OR record_uuid = ''"))
                                .toLongLong();
    if (malformed > 0)
        report.problems.append(Text::tr("audit trail: %n entries are malformed", nullptr, int(malformed)));

    for (const QString &table : auditedTables(db)) {
        // A record must carry the time of its newest audit entry; otherwise it was written
        // (or its history removed) behind Vigil's back.
        Query q(db, QStringLiteral("SELECT t.uuid, a.last FROM %1 t LEFT JOIN "
                                   "(SELECT record_uuid, max(at) AS last FROM audit_log WHERE entity = ? "
                                   "GROUP BY record_uuid) a ON a.record_uuid = t.uuid "
                                   "WHERE a.last IS NULL OR a.last <> t.updated_at")
                        .arg(table));
        q.bind(table).exec();
        int missing = 0;
        int stale = 0;
        QStringList examples;
        while (q.next()) {
            (q.value(1).isNull() ? missing : stale)++;
            if (examples.size() < maxListed)
                examples.append(q.value(0).toString());
        }
        if (missing > 0)
            report.problems.append(Text::tr("audit trail: %1 records of %2 have no audit entry (created outside Vigil), "
                                      "e.g. %3")
                                       .arg(missing)
                                       .arg(table, examples.join(QStringLiteral(", "))));
        if (stale > 0)
            report.problems.append(Text::tr("audit trail: %1 records of %2 were changed without an audit entry "
                                      "(edited outside Vigil), e.g. %3")
                                       .arg(stale)
                                       .arg(table, examples.join(QStringLiteral(", "))));
    }
    if (report.problems.size() == problemsBefore)
        report.passed.append(Text::tr("audit trail: %n entries, consistent with the records", nullptr, int(entries)));
}

} // namespace

HealthReport checkHealth(const Database &db)
{
    HealthReport report;
    checkIntegrity(db, report);
    // A damaged file gives unreliable answers to everything after this.
    if (!report.healthy())
        return report;
    checkSchema(db, report);
    checkAuditTrail(db, report);
    return report;
}

} // namespace vigil
