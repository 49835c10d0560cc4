// The incident log as the window and the exports read it: filters, sorting and paging in SQL,
// full-text search through FTS5, and the figures for the Overview.
#include "incidentrepository.h"

#include "base/timeformat.h"
#include "io/exporttable.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentRepository)
};

// The words typed, each as a quoted prefix term: FTS5 syntax in the text can never break the query.
// A NUL character separates words too: FTS5 reads a query only up to one ("unterminated string").
QString ftsQuery(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"\\x{0}]+"));
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts))
        terms.append(QStringLiteral("\"%1\"*").arg(word));
    return terms.join(u' ');
}

const QString fromClause = QStringLiteral(
    "FROM incidents i LEFT JOIN incident_categories c ON c.id = i.category_id "
    "LEFT JOIN incident_categories sc ON sc.id = i.subcategory_id LEFT JOIN site_areas a ON a.id = i.area_id "
    "LEFT JOIN people p ON p.id = i.assigned_to_id");

// byScan: match the text by probing each incident in sort order instead of looking up every
// match and sorting them all; far quicker when thousands match (see rows()).
QString whereClause(const IncidentFilter &f, QVariantList *args, bool byScan = false)
{
    QStringList conditions;
    // Open incidents are few in a log that is worked through (~300 of a decade's 100,000), but
    // SQLite has no statistics to know it and would walk, say, every high and critical incident
    // by the severity index (20 ms). With open statuses only, the status index leads and the
    // other conditions (a unary + keeps them off their indexes) are checked on its rows.
    const bool openOnly = !f.statuses.isEmpty() && !f.statuses.contains(IncidentStatus::Resolved)
        && !f.statuses.contains(IncidentStatus::Closed);
    const QString checked = openOnly ? QStringLiteral("+") : QString();
    if (f.from.isValid()) {
        conditions.append(QStringLiteral("i.occurred_at >= ?"));
        args->append(toStoredUtc(f.from.startOfDay()));
    }
    if (f.to.isValid()) {
        conditions.append(QStringLiteral("i.occurred_at < ?"));
        args->append(toStoredUtc(f.to.addDays(1).startOfDay()));
    }
    if (f.reportedSince.isValid()) {
        conditions.append(QStringLiteral("i.reported_at >= ?"));
        args->append(toStoredUtc(f.reportedSince));
    }
    if (!f.categoryIds.isEmpty()) {
        const QString list = placeholders(f.categoryIds.size());
        conditions.append(QStringLiteral("(%2i.category_id IN (%1) OR %2i.subcategory_id IN (%1))").arg(list, checked));
        for (int pass = 0; pass < 2; ++pass) {
            for (qint64 id : f.categoryIds)
                args->append(id);
        }
    }
    if (!f.severities.isEmpty()) {
        conditions.append(QStringLiteral("%2i.severity IN (%1)").arg(placeholders(f.severities.size()), checked));
        for (Severity s : f.severities)
            args->append(severityKey(s));
    }
    if (!f.statuses.isEmpty()) {
        conditions.append(QStringLiteral("i.status IN (%1)").arg(placeholders(f.statuses.size())));
        for (IncidentStatus s : f.statuses)
            args->append(incidentStatusKey(s));
    }
    if (f.areaId > 0) {
        conditions.append(checked + QStringLiteral("i.area_id = ?"));
        args->append(f.areaId);
    }
    if (f.assignedToId > 0) {
        conditions.append(checked + QStringLiteral("i.assigned_to_id = ?"));
        args->append(f.assignedToId);
    } else if (f.assignedToId < 0) {
        conditions.append(QStringLiteral("i.assigned_to_id IS NULL"));
    }
    if (f.riskId > 0) {
        conditions.append(QStringLiteral("i.id IN (SELECT incident_id FROM incident_risks WHERE risk_id = ?)"));
        args->append(f.riskId);
    }
    const QString match = ftsQuery(f.text);
    if (!match.isEmpty()) {
        conditions.append(QStringLiteral("%1i.id IN (SELECT rowid FROM incident_search WHERE incident_search MATCH ?)")
                .arg(byScan ? QStringLiteral("+") : QString()));
        args->append(match);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(IncidentColumn column, Qt::SortOrder order)
{
    const QString dir = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    switch (column) {
    case IncidentColumn::Occurred:
        return QStringLiteral("i.occurred_at%1, i.id%1").arg(dir);
    case IncidentColumn::Category:
        return QStringLiteral("c.name COLLATE NOCASE%1, sc.name COLLATE NOCASE%1, i.id%1").arg(dir);
    case IncidentColumn::Location:
        return QStringLiteral("a.name IS NULL, a.name COLLATE NOCASE%1, i.location COLLATE NOCASE%1, i.id%1").arg(dir);
    case IncidentColumn::Severity:
        return QStringLiteral("CASE i.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END%1, "
                              "i.occurred_at%1, i.id%1")
            .arg(dir);
    case IncidentColumn::Status:
        return QStringLiteral("CASE i.status WHEN 'reported' THEN 0 WHEN 'investigating' THEN 1 WHEN 'contained' THEN 2 "
                              "WHEN 'resolved' THEN 3 ELSE 4 END%1, i.occurred_at%1, i.id%1")
            .arg(dir);
    case IncidentColumn::Assigned:
        return QStringLiteral("p.name IS NULL, p.name COLLATE NOCASE%1, i.occurred_at%1, i.id%1").arg(dir);
    case IncidentColumn::Reference:
    case IncidentColumn::Count:
        break;
    }
    return QStringLiteral("i.id%1").arg(dir);
}

} // namespace

int IncidentRepository::count(const IncidentFilter &filter) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    // Only a search: the index holds one row per incident and counts its matches by itself,
    // without looking up each incident ("al" matches a third of a decade's log).
    IncidentFilter others = filter;
    others.text.clear();
    QVariantList none;
    if (!filter.text.trimmed().isEmpty() && whereClause(others, &none).isEmpty() && !args.isEmpty())
        return scalar(m_db, QStringLiteral("SELECT count(*) FROM incident_search WHERE incident_search MATCH ?"), args).toInt();
    // The joins only matter for sorting; counting needs the incidents alone.
    return scalar(m_db, QStringLiteral("SELECT count(*) FROM incidents i %1").arg(where), args).toInt();
}

QList<IncidentRow> IncidentRepository::rows(const IncidentFilter &filter, IncidentColumn column, Qt::SortOrder order,
    int offset, int limit, int total) const
{
    // SQLite steps over every skipped row of an OFFSET: pages in the second half of the table are
    // read in the opposite order from the other end, so the last page costs what the first does.
    bool reversed = false;
    if (total > 0 && offset > total / 2) {
        reversed = true;
        const int end = qMin(total, offset + limit);
        limit = end - offset;
        offset = total - end;
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    QVariantList args;
    // Newest first with thousands of matches: walking the date index and probing the matches stops
    // after one page; with few, SQLite looks each one up and sorts them.
    const bool byScan = column == IncidentColumn::Occurred && (total <= 0 || total > 2000);
    const QString where = whereClause(filter, &args, byScan);
    Query q(m_db, QStringLiteral("SELECT i.id, i.reference, i.occurred_at, c.name, sc.name, a.name, i.location, i.severity, "
                                 "i.status, p.name, i.title, substr(i.description, 1, 160) %1 %2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.bind(limit).bind(offset).exec();
    QList<IncidentRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        IncidentRow row;
        row.id = q.value(0).toLongLong();
        row.reference = q.value(1).toString();
        row.occurredAt = fromStoredUtc(q.value(2).toString());
        row.category = q.value(3).toString();
        row.subcategory = q.value(4).toString();
        const QString area = q.value(5).toString();
        const QString location = q.value(6).toString();
        row.location = area.isEmpty() ? location : location.isEmpty() ? area : QStringLiteral("%1, %2").arg(area, location);
        severityFromKey(q.value(7).toString(), &row.severity);
        incidentStatusFromKey(q.value(8).toString(), &row.status);
        row.assignedTo = q.value(9).toString();
        const QString title = q.value(10).toString();
        row.summary = title.isEmpty() ? q.value(11).toString().simplified() : title;
        rows.append(std::move(row));
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

QList<qint64> IncidentRepository::ids(const IncidentFilter &filter, IncidentColumn column, Qt::SortOrder order) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT i.id %1 %2 ORDER BY %3").arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

ExportTable IncidentRepository::exportTable(const IncidentFilter &filter, IncidentColumn column, Qt::SortOrder order) const
{
    ExportTable table;
    table.title = Text::tr("Incident log");
    table.headers = {Text::tr("Reference"), Text::tr("Occurred"), Text::tr("Reported"), Text::tr("Category"),
        Text::tr("Subcategory"), Text::tr("Area"), Text::tr("Location"), Text::tr("Severity"), Text::tr("Status"),
        Text::tr("Title"), Text::tr("Description"), Text::tr("Immediate action"), Text::tr("Reported by"),
        Text::tr("Assigned to"), Text::tr("People involved"), Text::tr("Police reference"), Text::tr("Estimated loss"),
        Text::tr("Root cause"), Text::tr("Lessons learned"), Text::tr("Closed"), Text::tr("External reference")};
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db,
        QStringLiteral("SELECT i.reference, i.occurred_at, i.reported_at, c.name, sc.name, a.name, i.location, i.severity, "
                       "i.status, i.title, i.description, i.immediate_action, i.reported_by, p.name, "
                       "(SELECT group_concat(ip.name || ' (' || ip.role || ')', '; ') FROM incident_persons ip "
                       " WHERE ip.incident_id = i.id), "
                       "i.police_reference, i.estimated_loss, i.root_cause, i.lessons_learned, i.closed_at, "
                       "i.external_reference %1 %2 ORDER BY %3")
            .arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    while (q.next()) {
        Severity severity = Severity::Medium;
        severityFromKey(q.value(7).toString(), &severity);
        IncidentStatus status = IncidentStatus::Reported;
        incidentStatusFromKey(q.value(8).toString(), &status);
        QString persons = q.value(14).toString();
        for (InvolvedRole role : allInvolvedRoles)
            persons.replace(QStringLiteral("(%1)").arg(involvedRoleKey(role)), QStringLiteral("(%1)").arg(involvedRoleTitle(role)));
        table.rows.append({q.value(0).toString(), fromStoredUtc(q.value(1).toString()), fromStoredUtc(q.value(2).toString()),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
            severityTitle(severity), incidentStatusTitle(status), q.value(9).toString(), q.value(10).toString(),
            q.value(11).toString(), q.value(12).toString(), q.value(13).toString(), persons, q.value(15).toString(),
            q.value(16).isNull() ? QVariant() : QVariant(q.value(16).toDouble()), q.value(17).toString(),
            q.value(18).toString(), q.value(19).isNull() ? QVariant() : QVariant(fromStoredUtc(q.value(19).toString())),
            q.value(20).toString()});
    }
    return table;
}

IncidentSummary IncidentRepository::summary(const QDateTime &now) const
{
    IncidentSummary s;
    s.openBySeverity.fill(0, 4);
    Query q(m_db, QStringLiteral("SELECT severity, count(*) FROM incidents "
                                 "WHERE status IN ('reported', 'investigating', 'contained') GROUP BY severity"));
    q.exec();
    while (q.next()) {
        Severity severity;
        if (severityFromKey(q.value(0).toString(), &severity)) {
            s.openBySeverity[int(severity)] = q.value(1).toInt();
            s.open += q.value(1).toInt();
        }
    }
    s.lastDay = scalar(m_db, QStringLiteral("SELECT count(*) FROM incidents WHERE reported_at >= ?"),
        {toStoredUtc(now.addSecs(-24 * 3600))})
                    .toInt();
    return s;
}

QString IncidentRepository::referenceOf(qint64 id) const
{
    return scalar(m_db, QStringLiteral("SELECT reference FROM incidents WHERE id = ?"), {id}).toString();
}

qint64 IncidentRepository::idOfReference(const QString &reference) const
{
    // References are upper case; typed "inc-2026-0042" finds INC-2026-0042 through the index.
    return scalar(m_db, QStringLiteral("SELECT id FROM incidents WHERE reference = ?"), {reference.trimmed().toUpper()})
        .toLongLong();
}

std::pair<qint64, QString> IncidentRepository::lastLocation() const
{
    Query q(m_db, QStringLiteral("SELECT area_id, location FROM incidents ORDER BY id DESC LIMIT 1"));
    q.exec();
    if (!q.next())
        return {0, {}};
    return {q.value(0).toLongLong(), q.value(1).toString()};
}

void IncidentRepository::rebuildSearch()
{
    // The index reads the records through the view incident_search_source.
    execute(m_db, QStringLiteral("INSERT INTO incident_search (incident_search) VALUES ('rebuild')"));
}

IncidentRepository::SearchPause::SearchPause(Database &db)
    : m_db(db)
    , m_triggers(dropSchemaObjects(db, QStringLiteral("trigger"), QStringLiteral("name LIKE 'incident\\_search\\_%' ESCAPE '\\'")))
{
}

IncidentRepository::SearchPause::~SearchPause() = default;

void IncidentRepository::SearchPause::finish()
{
    recreateSchemaObjects(m_db, m_triggers);
    IncidentRepository(m_db).rebuildSearch();
}

} // namespace vigil
