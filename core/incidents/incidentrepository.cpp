#include "incidentrepository.h"

#include "actions/correctiveaction.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "incidents/workflow.h"
#include "storage/attachments.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlRecord>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentRepository)
};

const QString table = QStringLiteral("incidents");

// Columns of an incident besides id, uuid, reference and the common columns, as load() reads them.
const QStringList &incidentColumns()
{
    static const QStringList columns {QStringLiteral("title"), QStringLiteral("occurred_at"),
        QStringLiteral("reported_at"), QStringLiteral("area_id"), QStringLiteral("location"),
        QStringLiteral("category_id"), QStringLiteral("subcategory_id"), QStringLiteral("severity"),
        QStringLiteral("status"), QStringLiteral("reported_by"), QStringLiteral("assigned_to_id"),
        QStringLiteral("description"), QStringLiteral("immediate_action"), QStringLiteral("police_reference"),
        QStringLiteral("estimated_loss"), QStringLiteral("root_cause"), QStringLiteral("lessons_learned"),
        QStringLiteral("closed_at"), QStringLiteral("external_reference")};
    return columns;
}

// The values of incidentColumns(), as stored.
QVariantList valuesOf(const Incident &i)
{
    return {
        i.title.trimmed(),
        i.occurredAt,
        i.reportedAt,
        idOrNull(i.areaId),
        i.location.trimmed(),
        i.categoryId,
        idOrNull(i.subcategoryId),
        severityKey(i.severity),
        incidentStatusKey(i.status),
        i.reportedBy.trimmed(),
        idOrNull(i.assignedToId),
        i.description.trimmed(),
        i.immediateAction.trimmed(),
        i.policeReference.trimmed(),
        i.estimatedLoss ? QVariant(*i.estimatedLoss) : QVariant(),
        i.rootCause.trimmed(),
        i.lessonsLearned.trimmed(),
        i.closedAt.isValid() ? QVariant(i.closedAt) : QVariant(),
        i.externalReference.trimmed(),
    };
}

QVariantMap fieldsOf(const Incident &i)
{
    const QStringList &columns = incidentColumns();
    const QVariantList values = valuesOf(i);
    QVariantMap fields;
    for (qsizetype c = 0; c < columns.size(); ++c)
        fields.insert(columns.at(c), values.at(c));
    return fields;
}

QString personsText(const QList<InvolvedPerson> &persons)
{
    QStringList parts;
    for (const InvolvedPerson &p : persons)
        parts.append(QStringLiteral("%1 (%2)").arg(p.name.trimmed(), involvedRoleTitle(p.role))); // as writePersons stores it
    return parts.join(QStringLiteral("; "));
}

QList<QVariantMap> selectRows(const Database &db, const QString &tableName, const QString &column, qint64 id)
{
    Query q(db, QStringLiteral("SELECT * FROM %1 WHERE %2 = ? ORDER BY rowid").arg(tableName, column));
    q.bind(id).exec();
    const QSqlRecord record = db.connection().record(tableName);
    QList<QVariantMap> rows;
    while (q.next()) {
        QVariantMap row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), q.value(i));
        rows.append(row);
    }
    return rows;
}

void insertRows(const Database &db, const QString &tableName, const QList<QVariantMap> &rows)
{
    for (const QVariantMap &row : rows) {
        const QStringList columns = row.keys();
        Query q(db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(tableName, columns.join(u", "), placeholders(columns.size())));
        for (const QString &column : columns)
            q.bind(row.value(column));
        q.exec();
    }
}

} // namespace

IncidentRepository::IncidentRepository(Database &db)
    : m_db(db)
{
}

Incident IncidentRepository::load(qint64 id) const
{
    Incident i = loadRow(id);
    Query persons(m_db, QStringLiteral("SELECT name, role, details FROM incident_persons WHERE incident_id = ? ORDER BY id"));
    persons.bind(id).exec();
    while (persons.next()) {
        InvolvedPerson p {persons.value(0).toString(), InvolvedRole::Other, persons.value(2).toString()};
        involvedRoleFromKey(persons.value(1).toString(), &p.role);
        i.persons.append(p);
    }
    Query risks(m_db, QStringLiteral("SELECT risk_id FROM incident_risks WHERE incident_id = ? ORDER BY risk_id"));
    risks.bind(id).exec();
    while (risks.next())
        i.riskIds.append(risks.value(0).toLongLong());
    return i;
}

Incident IncidentRepository::loadRow(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT id, uuid, reference, %1 FROM incidents WHERE id = ?").arg(incidentColumns().join(u", ")));
    q.bind(id).exec();
    if (!q.next())
        throw Error(Text::tr("The incident no longer exists."));
    Incident i;
    int c = 0;
    i.id = q.value(c++).toLongLong();
    i.uuid = q.value(c++).toString();
    i.reference = q.value(c++).toString();
    i.title = q.value(c++).toString();
    i.occurredAt = fromStoredUtc(q.value(c++).toString());
    i.reportedAt = fromStoredUtc(q.value(c++).toString());
    i.areaId = q.value(c++).toLongLong();
    i.location = q.value(c++).toString();
    i.categoryId = q.value(c++).toLongLong();
    i.subcategoryId = q.value(c++).toLongLong();
    severityFromKey(q.value(c++).toString(), &i.severity);
    incidentStatusFromKey(q.value(c++).toString(), &i.status);
    i.reportedBy = q.value(c++).toString();
    i.assignedToId = q.value(c++).toLongLong();
    i.description = q.value(c++).toString();
    i.immediateAction = q.value(c++).toString();
    i.policeReference = q.value(c++).toString();
    const QVariant loss = q.value(c++);
    if (!loss.isNull())
        i.estimatedLoss = loss.toDouble();
    i.rootCause = q.value(c++).toString();
    i.lessonsLearned = q.value(c++).toString();
    i.closedAt = fromStoredUtc(q.value(c++).toString());
    i.externalReference = q.value(c++).toString();
    return i;
}

QList<FieldProblem> IncidentRepository::problems(const Incident &i) const
{
    QList<FieldProblem> problems = fieldProblems(i);
    if (i.categoryId > 0 && i.subcategoryId > 0
        && scalar(m_db, QStringLiteral("SELECT parent_id FROM incident_categories WHERE id = ?"), {i.subcategoryId})
                   .toLongLong()
            != i.categoryId)
        problems.append({QStringLiteral("subcategory"), Text::tr("The subcategory belongs to another category.")});
    return problems;
}

QList<FieldProblem> IncidentRepository::fieldProblems(const Incident &i)
{
    QList<FieldProblem> problems;
    const QDateTime now = Clock::current().nowUtc();
    if (!i.occurredAt.isValid())
        problems.append({QStringLiteral("occurredAt"), Text::tr("When did it happen?")});
    else if (i.occurredAt > now.addSecs(300))
        problems.append({QStringLiteral("occurredAt"), Text::tr("The time it happened is in the future.")});
    if (i.reportedAt.isValid() && i.occurredAt.isValid() && i.reportedAt < i.occurredAt.addSecs(-60))
        problems.append({QStringLiteral("reportedAt"), Text::tr("It cannot have been reported before it happened.")});
    if (i.categoryId <= 0)
        problems.append({QStringLiteral("category"), Text::tr("Choose a category.")});
    if (i.description.trimmed().isEmpty())
        problems.append({QStringLiteral("description"), Text::tr("Say what happened.")});
    if (i.estimatedLoss && *i.estimatedLoss < 0)
        problems.append({QStringLiteral("estimatedLoss"), Text::tr("A loss cannot be negative.")});
    for (const InvolvedPerson &p : i.persons) {
        if (p.name.trimmed().isEmpty()) {
            problems.append({QStringLiteral("persons"), Text::tr("Every person involved needs a name (or \"unknown\").")});
            break;
        }
    }
    if (i.status == IncidentStatus::Closed && (i.rootCause.trimmed().isEmpty() || i.lessonsLearned.trimmed().isEmpty()))
        problems.append({QStringLiteral("rootCause"), Text::tr("A closed incident needs its root cause and lessons learned.")});
    return problems;
}

namespace {

QString sequenceName(int year)
{
    return QStringLiteral("incident-%1").arg(year);
}

} // namespace

RecordKey IncidentRepository::create(const Incident &input, const QString &context)
{
    Incident incident = input;
    if (!incident.reportedAt.isValid())
        incident.reportedAt = Clock::current().nowUtc();
    const QList<FieldProblem> found = problems(incident);
    if (!found.isEmpty())
        throw Error(found.first().message);
    Transaction tx(m_db);
    Batch batch(*this);
    const RecordKey key = batch.add(incident, context);
    batch.finish();
    tx.commit();
    return key;
}

struct IncidentRepository::Batch::Private
{
    IncidentRepository &repository;
    Database &db;
    RecordInserter rows;
    QHash<int, qint64> lastNumbers; // year -> the last reference number given
    // The local year last seen, as UTC milliseconds [start, end): most records of an import fall
    // in the year of the one before, and converting each time to local time costs.
    int year = 0;
    qint64 yearStart = 0;
    qint64 yearEnd = 0;

    int yearOf(const QDateTime &at)
    {
        const qint64 ms = at.toMSecsSinceEpoch();
        if (ms < yearStart || ms >= yearEnd || year == 0) {
            year = at.toLocalTime().date().year();
            yearStart = QDateTime(QDate(year, 1, 1), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
            yearEnd = QDateTime(QDate(year + 1, 1, 1), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
        }
        return year;
    }
};

IncidentRepository::Batch::Batch(IncidentRepository &repository)
    : d(new Private {repository, repository.m_db, RecordInserter(repository.m_db, table, incidentColumns() + QStringList {QStringLiteral("reference")}),
        {}})
{
    Q_ASSERT(d->db.inTransaction());
}

IncidentRepository::Batch::~Batch() = default;

RecordKey IncidentRepository::Batch::add(const Incident &input, const QString &context)
{
    Incident incident = input;
    const QDateTime now = Clock::current().nowUtc();
    if (!incident.reportedAt.isValid())
        incident.reportedAt = now;
    if (incident.status == IncidentStatus::Closed && !incident.closedAt.isValid())
        incident.closedAt = now;
    // The reference numbers incidents by the (local) year they were reported.
    const int year = d->yearOf(incident.reportedAt);
    auto last = d->lastNumbers.find(year);
    if (last == d->lastNumbers.end())
        last = d->lastNumbers.insert(year,
            scalar(d->db, QStringLiteral("SELECT last_value FROM sequences WHERE name = ?"), {sequenceName(year)}).toLongLong());
    incident.reference = QStringLiteral("INC-%1-%2").arg(year).arg(++*last, 4, 10, QLatin1Char('0'));
    QVariantList values = valuesOf(incident);
    values.append(incident.reference);
    FieldChanges extra;
    if (!incident.persons.isEmpty())
        extra.append({QStringLiteral("persons"), QVariant(), personsText(incident.persons)});
    const RecordKey key = d->rows.insert(values, context, extra, incident.uuid);
    // A new record has no rows of people or risks yet: nothing to clear first.
    IncidentRepository &r = d->repository;
    if (!incident.persons.isEmpty())
        r.writePersons(key.id, incident.persons);
    if (!incident.riskIds.isEmpty())
        r.writeRisks(key.id, incident.riskIds);
    r.addTimeline(key.id, TimelineKind::Reported,
        incident.reportedBy.isEmpty() ? Text::tr("Reported") : Text::tr("Reported by %1").arg(incident.reportedBy), {},
        {}, 0, incident.reportedAt);
    if (incident.status != IncidentStatus::Reported)
        r.addTimeline(key.id, TimelineKind::Status, context, IncidentStatus::Reported, incident.status);
    return key;
}

void IncidentRepository::Batch::finish()
{
    for (auto it = d->lastNumbers.cbegin(); it != d->lastNumbers.cend(); ++it)
        execute(d->db,
            QStringLiteral("INSERT INTO sequences (name, last_value) VALUES (?, ?) "
                           "ON CONFLICT (name) DO UPDATE SET last_value = excluded.last_value"),
            {sequenceName(it.key()), it.value()});
    d->lastNumbers.clear();
}

void IncidentRepository::save(const Incident &input, const QString &context)
{
    Transaction tx(m_db);
    const Incident before = load(input.id);
    Incident incident = input;
    // The status and its consequences move only through changeStatus.
    incident.reference = before.reference;
    incident.status = before.status;
    incident.closedAt = before.closedAt;
    const QList<FieldProblem> found = problems(incident);
    if (!found.isEmpty())
        throw Error(found.first().message);
    FieldChanges extra;
    if (incident.persons != before.persons)
        extra.append({QStringLiteral("persons"), personsText(before.persons), personsText(incident.persons)});
    if (incident.riskIds != before.riskIds)
        extra.append({QStringLiteral("risks"), QVariant(qsizetype(before.riskIds.size())),
            QVariant(qsizetype(incident.riskIds.size()))});
    RecordStore(m_db, table).update(incident.id, fieldsOf(incident), AuditAction::Update, context, extra);
    if (incident.persons != before.persons)
        writePersons(incident.id, incident.persons);
    if (incident.riskIds != before.riskIds)
        writeRisks(incident.id, incident.riskIds);
    if (incident.assignedToId != before.assignedToId) {
        const QString name = scalar(m_db, QStringLiteral("SELECT name FROM people WHERE id = ?"), {incident.assignedToId}).toString();
        addTimeline(incident.id, TimelineKind::Assignment,
            name.isEmpty() ? Text::tr("Unassigned") : Text::tr("Assigned to %1").arg(name));
    }
    tx.commit();
}

StatusChange IncidentRepository::changeStatus(qint64 id, IncidentStatus to, const QString &reason,
    const QString &rootCause, const QString &lessons)
{
    Transaction tx(m_db);
    Incident incident = loadRow(id); // the workflow needs no people or links
    StatusChange change {id, incident.status, to, 0, incident.rootCause, incident.lessonsLearned, incident.closedAt};
    if (!rootCause.trimmed().isEmpty())
        incident.rootCause = rootCause.trimmed();
    if (!lessons.trimmed().isEmpty())
        incident.lessonsLearned = lessons.trimmed();
    const QString problem = transitionProblem(incident, to, reason);
    if (!problem.isEmpty())
        throw Error(problem);
    QVariantMap fields {{QStringLiteral("status"), incidentStatusKey(to)},
        {QStringLiteral("root_cause"), incident.rootCause}, {QStringLiteral("lessons_learned"), incident.lessonsLearned}};
    if (to == IncidentStatus::Closed)
        fields.insert(QStringLiteral("closed_at"), Clock::current().nowUtc());
    else if (isReopen(incident.status, to))
        fields.insert(QStringLiteral("closed_at"), QVariant());
    RecordStore(m_db, table).update(id, fields, AuditAction::Update, reason);
    change.entryId = addTimeline(id, TimelineKind::Status, reason.trimmed(), incident.status, to);
    tx.commit();
    return change;
}

void IncidentRepository::undoStatusChange(const StatusChange &change)
{
    Transaction tx(m_db);
    const QString context = Text::tr("undone");
    RecordStore(m_db, table)
        .update(change.incidentId,
            {{QStringLiteral("status"), incidentStatusKey(change.from)}, {QStringLiteral("root_cause"), change.rootCauseBefore},
                {QStringLiteral("lessons_learned"), change.lessonsBefore},
                {QStringLiteral("closed_at"), change.closedAtBefore.isValid() ? QVariant(change.closedAtBefore) : QVariant()}},
            AuditAction::Update, context);
    addTimeline(change.incidentId, TimelineKind::Correction,
        Text::tr("Status change undone: back to %1.").arg(incidentStatusTitle(change.from).toLower()), change.to,
        change.from, change.entryId);
    tx.commit();
}

qint64 IncidentRepository::addNote(qint64 id, const QString &text)
{
    if (text.trimmed().isEmpty())
        throw Error(Text::tr("The note is empty."));
    Transaction tx(m_db);
    loadRow(id); // it must exist
    const qint64 entry = addTimeline(id, TimelineKind::Note, text.trimmed());
    tx.commit();
    return entry;
}

qint64 IncidentRepository::addCorrection(qint64 id, qint64 entryId, const QString &text)
{
    if (text.trimmed().isEmpty())
        throw Error(Text::tr("Say what the correction is."));
    Transaction tx(m_db);
    if (scalar(m_db, QStringLiteral("SELECT incident_id FROM incident_timeline WHERE id = ?"), {entryId}).toLongLong() != id)
        throw Error(Text::tr("That entry is not in this incident's timeline."));
    const qint64 entry = addTimeline(id, TimelineKind::Correction, text.trimmed(), {}, {}, entryId);
    tx.commit();
    return entry;
}

QList<TimelineEntry> IncidentRepository::timeline(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT id, at, actor, kind, text, from_status, to_status, corrects_id "
                                 "FROM incident_timeline WHERE incident_id = ? ORDER BY at, id"));
    q.bind(id).exec();
    QList<TimelineEntry> entries;
    while (q.next()) {
        TimelineEntry e;
        e.id = q.value(0).toLongLong();
        e.at = fromStoredUtc(q.value(1).toString());
        e.actor = q.value(2).toString();
        timelineKindFromKey(q.value(3).toString(), &e.kind);
        e.text = q.value(4).toString();
        IncidentStatus status;
        if (incidentStatusFromKey(q.value(5).toString(), &status))
            e.fromStatus = status;
        if (incidentStatusFromKey(q.value(6).toString(), &status))
            e.toStatus = status;
        e.correctsId = q.value(7).toLongLong();
        entries.append(e);
    }
    return entries;
}

qint64 IncidentRepository::addAttachment(qint64 id, const QString &fileName, const QByteArray &bytes)
{
    AttachmentStore::requireSize(bytes.size(), fileName);
    Transaction tx(m_db);
    loadRow(id); // it must exist
    const qint64 attachment = AttachmentStore(m_db).store(bytes, fileName);
    const QString now = toStoredUtc(Clock::current().nowUtc());
    Query q(m_db, QStringLiteral("INSERT INTO incident_attachments (uuid, incident_id, attachment_id, file_name, "
                                 "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bind(m_db.newUuid().toString(QUuid::WithoutBraces)).bind(id).bind(attachment).bind(fileName).bind(now).bind(m_db.actor()).exec();
    const qint64 link = q.lastInsertId();
    RecordStore(m_db, table).update(id, {}, AuditAction::Update, {}, {{QStringLiteral("attachments"), QVariant(), fileName}});
    addTimeline(id, TimelineKind::Attachment, Text::tr("Added %1").arg(fileName));
    tx.commit();
    return link;
}

void IncidentRepository::withdrawAttachment(qint64 linkId, const QString &reason)
{
    Transaction tx(m_db);
    Query q(m_db, QStringLiteral("SELECT incident_id, file_name FROM incident_attachments WHERE id = ?"));
    q.bind(linkId).exec();
    if (!q.next())
        throw Error(Text::tr("The attachment no longer exists."));
    const qint64 id = q.value(0).toLongLong();
    const QString fileName = q.value(1).toString();
    execute(m_db, QStringLiteral("DELETE FROM incident_attachments WHERE id = ?"), {linkId});
    RecordStore(m_db, table).update(id, {}, AuditAction::Update, reason, {{QStringLiteral("attachments"), fileName, QVariant()}});
    addTimeline(id, TimelineKind::Correction, Text::tr("Attachment %1 withdrawn (%2).").arg(fileName, reason));
    tx.commit();
}

QList<IncidentAttachment> IncidentRepository::attachments(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT l.id, l.attachment_id, l.file_name, a.size, a.mime_type, l.added_at, l.added_by, "
                                 "a.thumbnail IS NOT NULL FROM incident_attachments l JOIN attachments a ON a.id = l.attachment_id "
                                 "WHERE l.incident_id = ? ORDER BY l.id"));
    q.bind(id).exec();
    QList<IncidentAttachment> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
            q.value(4).toString(), fromStoredUtc(q.value(5).toString()), q.value(6).toString(), q.value(7).toBool()});
    return list;
}

IncidentSnapshot IncidentRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    IncidentSnapshot s;
    RecordStore store(m_db, table);
    s.row = store.row(id);
    if (s.row.isEmpty())
        throw Error(Text::tr("The incident no longer exists."));
    s.persons = selectRows(m_db, QStringLiteral("incident_persons"), QStringLiteral("incident_id"), id);
    s.risks = selectRows(m_db, QStringLiteral("incident_risks"), QStringLiteral("incident_id"), id);
    s.timeline = selectRows(m_db, QStringLiteral("incident_timeline"), QStringLiteral("incident_id"), id);
    s.attachments = selectRows(m_db, QStringLiteral("incident_attachments"), QStringLiteral("incident_id"), id);
    // Its actions stay (the work may be real) but lose the link, in the audit trail too; without an
    // incident they come from elsewhere ("other"), so they can still be saved.
    Query actions(m_db, QStringLiteral("SELECT id FROM corrective_actions WHERE incident_id = ? ORDER BY id"));
    actions.bind(id);
    actions.exec();
    while (actions.next())
        s.actionIds.append(actions.value(0).toLongLong());
    RecordStore actionStore(m_db, QStringLiteral("corrective_actions"));
    for (qint64 actionId : s.actionIds)
        actionStore.update(actionId,
            {{QStringLiteral("incident_id"), QVariant()}, {QStringLiteral("source_kind"), actionSourceKey(ActionSource::Other)}},
            AuditAction::Update, Text::tr("its incident was deleted"));
    store.remove(id, Text::tr("logged by mistake"));
    tx.commit();
    return s;
}

void IncidentRepository::restore(const IncidentSnapshot &s)
{
    Transaction tx(m_db);
    RecordStore(m_db, table).reinsert(s.row, Text::tr("delete undone"));
    insertRows(m_db, QStringLiteral("incident_persons"), s.persons);
    insertRows(m_db, QStringLiteral("incident_risks"), s.risks);
    insertRows(m_db, QStringLiteral("incident_timeline"), s.timeline);
    insertRows(m_db, QStringLiteral("incident_attachments"), s.attachments);
    const qint64 id = s.row.value(QStringLiteral("id")).toLongLong();
    RecordStore actionStore(m_db, QStringLiteral("corrective_actions"));
    for (qint64 actionId : s.actionIds) {
        if (!actionStore.row(actionId).isEmpty())
            actionStore.update(actionId,
                {{QStringLiteral("incident_id"), id}, {QStringLiteral("source_kind"), actionSourceKey(ActionSource::Incident)}},
                AuditAction::Update, Text::tr("delete undone"));
    }
    tx.commit();
}

void IncidentRepository::writePersons(qint64 id, const QList<InvolvedPerson> &persons)
{
    execute(m_db, QStringLiteral("DELETE FROM incident_persons WHERE incident_id = ?"), {id});
    for (const InvolvedPerson &p : persons)
        execute(m_db, QStringLiteral("INSERT INTO incident_persons (incident_id, name, role, details) VALUES (?, ?, ?, ?)"),
            {id, p.name.trimmed(), involvedRoleKey(p.role), p.details.trimmed()});
}

void IncidentRepository::writeRisks(qint64 id, const QList<qint64> &riskIds)
{
    execute(m_db, QStringLiteral("DELETE FROM incident_risks WHERE incident_id = ?"), {id});
    for (qint64 risk : riskIds)
        execute(m_db, QStringLiteral("INSERT OR IGNORE INTO incident_risks (incident_id, risk_id) VALUES (?, ?)"), {id, risk});
}

qint64 IncidentRepository::addTimeline(qint64 id, TimelineKind kind, const QString &text, std::optional<IncidentStatus> from,
    std::optional<IncidentStatus> to, qint64 corrects, const QDateTime &at)
{
    Query q(m_db, QStringLiteral("INSERT INTO incident_timeline (uuid, incident_id, at, actor, kind, text, from_status, "
                                 "to_status, corrects_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(m_db.newUuid().toString(QUuid::WithoutBraces))
        .bind(id)
        .bind(toStoredUtc(at.isValid() ? at : Clock::current().nowUtc()))
        .bind(m_db.actor())
        .bind(timelineKindKey(kind))
        .bind(text.isNull() ? QStringLiteral("") : text)
        .bind(from ? QVariant(incidentStatusKey(*from)) : QVariant())
        .bind(to ? QVariant(incidentStatusKey(*to)) : QVariant())
        .bind(idOrNull(corrects))
        .exec();
    m_db.recordChange(QStringLiteral("incident_timeline"), id);
    return q.lastInsertId();
}

QStringList incidentsDifferingFromTrail(const Database &db)
{
    // What the newest entry that named them says, per incident (people), and the files added less
    // those withdrawn, in order (attachments).
    QHash<QString, QString> auditedPeople;
    QHash<QString, QHash<QString, int>> auditedFiles;
    {
        Query q(db, QStringLiteral("SELECT record_uuid, json_type(changes, '$.persons'), json_extract(changes, '$.persons.new'), "
                                   "json_extract(changes, '$.attachments.old'), json_extract(changes, '$.attachments.new') "
                                   "FROM audit_log WHERE entity = 'incidents' "
                                   // A plain search first: parsing every entry's JSON cost the decade file a second.
                                   "AND (instr(changes, '\"persons\"') > 0 OR instr(changes, '\"attachments\"') > 0) "
                                   "AND json_valid(changes) AND (json_type(changes, '$.persons') IS NOT NULL "
                                   "OR json_type(changes, '$.attachments') IS NOT NULL) ORDER BY id"));
        q.exec();
        while (q.next()) {
            const QString uuid = q.value(0).toString();
            if (!q.value(1).isNull())
                auditedPeople.insert(uuid, q.value(2).toString());
            if (!q.value(3).isNull())
                --auditedFiles[uuid][q.value(3).toString()];
            if (!q.value(4).isNull())
                ++auditedFiles[uuid][q.value(4).toString()];
        }
    }
    QHash<QString, QList<InvolvedPerson>> people;
    {
        Query q(db, QStringLiteral("SELECT i.uuid, p.name, p.role FROM incident_persons p JOIN incidents i ON i.id = p.incident_id "
                                   "ORDER BY p.incident_id, p.id"));
        q.exec();
        while (q.next()) {
            InvolvedPerson p {q.value(1).toString(), InvolvedRole::Other, {}};
            involvedRoleFromKey(q.value(2).toString(), &p.role);
            people[q.value(0).toString()].append(p);
        }
    }
    QHash<QString, QHash<QString, int>> files;
    {
        Query q(db, QStringLiteral("SELECT i.uuid, a.file_name FROM incident_attachments a JOIN incidents i ON i.id = a.incident_id"));
        q.exec();
        while (q.next())
            ++files[q.value(0).toString()][q.value(1).toString()];
    }
    const auto withoutZeros = [](QHash<QString, int> counts) {
        counts.removeIf([](const auto &entry) { return entry.value() == 0; });
        return counts;
    };
    QStringList found;
    Query q(db, QStringLiteral("SELECT uuid, reference FROM incidents ORDER BY reference"));
    q.exec();
    while (q.next()) {
        const QString uuid = q.value(0).toString();
        QStringList what;
        if (personsText(people.value(uuid)) != auditedPeople.value(uuid))
            what.append(Text::tr("people involved"));
        if (withoutZeros(files.value(uuid)) != withoutZeros(auditedFiles.value(uuid)))
            what.append(Text::tr("attached files"));
        if (!what.isEmpty())
            found.append(QStringLiteral("%1 (%2)").arg(q.value(1).toString(), what.join(QStringLiteral(", "))));
    }
    return found;
}

} // namespace vigil
