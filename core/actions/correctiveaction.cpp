#include "correctiveaction.h"

#include "base/clock.h"
#include "base/enumnames.h"
#include "base/timeformat.h"
#include "incidents/incidentrepository.h"
#include "io/exporttable.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/sequence.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::CorrectiveAction)
};

constexpr EnumName<ActionStatus> statuses[] = {
    {ActionStatus::Open, "open", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Open")},
    {ActionStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "In progress")},
    {ActionStatus::Done, "done", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Done")},
    {ActionStatus::VerifiedEffective, "verified_effective", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Verified effective")},
    {ActionStatus::NotEffective, "not_effective", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Not effective")},
};

constexpr EnumName<ActionSource> sources[] = {
    {ActionSource::Incident, "incident", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Incident")},
    {ActionSource::Audit, "audit", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Audit")},
    {ActionSource::Review, "review", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Management review")},
    {ActionSource::Other, "other", QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Other")},
};

const QString table = QStringLiteral("corrective_actions");

QVariantMap fieldsOf(const CorrectiveAction &a)
{
    return {{QStringLiteral("description"), a.description.trimmed()}, {QStringLiteral("source_kind"), actionSourceKey(a.source)},
        {QStringLiteral("incident_id"), idOrNull(a.incidentId)},
        {QStringLiteral("owner_id"), idOrNull(a.ownerId)},
        {QStringLiteral("due_date"), dateOrNull(a.dueDate)}, {QStringLiteral("status"), actionStatusKey(a.status)},
        {QStringLiteral("completed_on"), dateOrNull(a.completedOn)},
        {QStringLiteral("verification_note"), a.verificationNote.trimmed()},
        {QStringLiteral("verified_on"), dateOrNull(a.verifiedOn)}};
}

QString whereClause(const ActionFilter &f, QVariantList *args)
{
    QStringList conditions;
    if (f.ownerId > 0) {
        conditions.append(QStringLiteral("x.owner_id = ?"));
        args->append(f.ownerId);
    }
    if (!f.statuses.isEmpty()) {
        conditions.append(QStringLiteral("x.status IN (%1)").arg(placeholders(f.statuses.size())));
        for (ActionStatus s : f.statuses)
            args->append(actionStatusKey(s));
    }
    if (f.overdueOnly) {
        conditions.append(QStringLiteral("x.due_date < ? AND x.status IN ('open', 'in_progress')"));
        args->append(toStoredDate(Clock::current().today()));
    }
    if (f.incidentId > 0) {
        conditions.append(QStringLiteral("x.incident_id = ?"));
        args->append(f.incidentId);
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (QString word : f.text.split(spaces, Qt::SkipEmptyParts)) {
        word = escapeLike(word);
        conditions.append(QStringLiteral("(x.reference LIKE ? ESCAPE '\\' OR x.description LIKE ? ESCAPE '\\' "
                                         "OR x.verification_note LIKE ? ESCAPE '\\' OR i.reference LIKE ? ESCAPE '\\')"));
        for (int n = 0; n < 4; ++n)
            args->append(u'%' + word + u'%');
    }
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(ActionColumn column, Qt::SortOrder order)
{
    const QString dir = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    switch (column) {
    case ActionColumn::Description:
        return QStringLiteral("x.description COLLATE NOCASE%1, x.id%1").arg(dir);
    case ActionColumn::Source:
        return QStringLiteral("x.source_kind%1, i.reference%1, x.id%1").arg(dir);
    case ActionColumn::Owner:
        return QStringLiteral("p.name IS NULL, p.name COLLATE NOCASE%1, x.id%1").arg(dir);
    case ActionColumn::Due:
        return QStringLiteral("x.due_date IS NULL, x.due_date%1, x.id%1").arg(dir);
    case ActionColumn::Status:
        return QStringLiteral("CASE x.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2 "
                              "WHEN 'not_effective' THEN 3 ELSE 4 END%1, x.due_date%1, x.id%1")
            .arg(dir);
    case ActionColumn::Reference:
    case ActionColumn::Count:
        break;
    }
    return QStringLiteral("x.id%1").arg(dir);
}

const QString fromClause = QStringLiteral(
    "FROM corrective_actions x LEFT JOIN incidents i ON i.id = x.incident_id LEFT JOIN people p ON p.id = x.owner_id");

} // namespace

QString actionStatusKey(ActionStatus status)
{
    return enumKey(statuses, status);
}

bool actionStatusFromKey(const QString &key, ActionStatus *status)
{
    return enumFromKey(statuses, key, status);
}

QString actionStatusTitle(ActionStatus status)
{
    return Text::tr(enumName(statuses, status).title);
}

QString actionSourceKey(ActionSource source)
{
    return enumKey(sources, source);
}

bool actionSourceFromKey(const QString &key, ActionSource *source)
{
    return enumFromKey(sources, key, source);
}

QString actionSourceTitle(ActionSource source)
{
    return Text::tr(enumName(sources, source).title);
}

bool isOutstanding(ActionStatus status)
{
    return status == ActionStatus::Open || status == ActionStatus::InProgress;
}

QString actionFieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("reference"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Reference")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Description")},
        {QStringLiteral("source_kind"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Source")},
        {QStringLiteral("incident_id"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Incident")},
        {QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Owner")},
        {QStringLiteral("due_date"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Due")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Status")},
        {QStringLiteral("completed_on"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Completed")},
        {QStringLiteral("verification_note"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Verification")},
        {QStringLiteral("verified_on"), QT_TRANSLATE_NOOP("vigil::CorrectiveAction", "Verified")},
    };
    const char *title = titles.value(field);
    return title ? Text::tr(title) : field;
}

ActionRepository::ActionRepository(Database &db)
    : m_db(db)
{
}

namespace {

const QString actionColumns = QStringLiteral("id, uuid, reference, description, source_kind, incident_id, owner_id, "
                                             "due_date, status, completed_on, verification_note, verified_on");

CorrectiveAction readAction(const Query &q)
{
    CorrectiveAction a;
    a.id = q.value(0).toLongLong();
    a.uuid = q.value(1).toString();
    a.reference = q.value(2).toString();
    a.description = q.value(3).toString();
    actionSourceFromKey(q.value(4).toString(), &a.source);
    a.incidentId = q.value(5).toLongLong();
    a.ownerId = q.value(6).toLongLong();
    a.dueDate = fromStoredDate(q.value(7).toString());
    actionStatusFromKey(q.value(8).toString(), &a.status);
    a.completedOn = fromStoredDate(q.value(9).toString());
    a.verificationNote = q.value(10).toString();
    a.verifiedOn = fromStoredDate(q.value(11).toString());
    return a;
}

} // namespace

CorrectiveAction ActionRepository::load(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM corrective_actions WHERE id = ?").arg(actionColumns));
    q.bind(id).exec();
    if (!q.next())
        throw Error(Text::tr("The corrective action no longer exists."));
    return readAction(q);
}

QList<FieldProblem> ActionRepository::problems(const CorrectiveAction &a) const
{
    QList<FieldProblem> problems;
    if (a.description.trimmed().isEmpty())
        problems.append({QStringLiteral("description"), Text::tr("Say what is to be done.")});
    if (a.source == ActionSource::Incident && a.incidentId <= 0)
        problems.append({QStringLiteral("incident"), Text::tr("Choose the incident this action comes from.")});
    const bool verified = a.status == ActionStatus::VerifiedEffective || a.status == ActionStatus::NotEffective;
    if (verified && a.verificationNote.trimmed().isEmpty())
        problems.append({QStringLiteral("verification"), Text::tr("Say how the effect was checked.")});
    if (a.completedOn.isValid() && a.completedOn > Clock::current().today())
        problems.append({QStringLiteral("completedOn"), Text::tr("The completion date is in the future.")});
    return problems;
}

CorrectiveAction ActionRepository::completed(CorrectiveAction a) const
{
    const QDate today = Clock::current().today();
    if (!isOutstanding(a.status) && !a.completedOn.isValid())
        a.completedOn = today;
    if (isOutstanding(a.status))
        a.completedOn = QDate();
    const bool verified = a.status == ActionStatus::VerifiedEffective || a.status == ActionStatus::NotEffective;
    if (verified && !a.verifiedOn.isValid())
        a.verifiedOn = today;
    if (!verified)
        a.verifiedOn = QDate();
    if (a.source != ActionSource::Incident)
        a.incidentId = 0;
    return a;
}

RecordKey ActionRepository::create(const CorrectiveAction &input, const QString &context)
{
    const CorrectiveAction action = completed(input);
    const QList<FieldProblem> found = problems(action);
    if (!found.isEmpty())
        throw Error(found.first().message);
    Transaction tx(m_db);
    QVariantMap fields = fieldsOf(action);
    fields.insert(QStringLiteral("reference"),
        QStringLiteral("ACT-%1").arg(nextInSequence(m_db, QStringLiteral("action")), 4, 10, QLatin1Char('0')));
    if (!action.uuid.isEmpty())
        fields.insert(QStringLiteral("uuid"), action.uuid);
    const RecordKey key = RecordStore(m_db, table).insert(fields, context);
    tx.commit();
    return key;
}

void ActionRepository::save(const CorrectiveAction &input, const QString &context)
{
    const CorrectiveAction action = completed(input);
    const QList<FieldProblem> found = problems(action);
    if (!found.isEmpty())
        throw Error(found.first().message);
    Transaction tx(m_db);
    RecordStore(m_db, table).update(action.id, fieldsOf(action), AuditAction::Update, context);
    tx.commit();
}

QVariantMap ActionRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    RecordStore store(m_db, table);
    const QVariantMap row = store.row(id);
    store.remove(id);
    tx.commit();
    return row;
}

void ActionRepository::restore(const QVariantMap &row)
{
    Transaction tx(m_db);
    RecordStore(m_db, table).reinsert(row, Text::tr("delete undone"));
    tx.commit();
}

int ActionRepository::count(const ActionFilter &filter) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    // Only a text search looks at the incident's reference; otherwise the actions alone are
    // counted (joining each to its incident cost 30 ms for the 10,000 actions of a decade).
    const QString from = filter.text.trimmed().isEmpty() ? QStringLiteral("FROM corrective_actions x") : fromClause;
    return scalar(m_db, QStringLiteral("SELECT count(*) %1 %2").arg(from, where), args).toInt();
}

QList<ActionRow> ActionRepository::rows(const ActionFilter &filter, ActionColumn column, Qt::SortOrder order, int offset,
    int limit) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT x.id, x.reference, x.description, x.source_kind, i.reference, p.name, x.due_date, "
                                 "x.status %1 %2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.bind(limit).bind(offset).exec();
    QList<ActionRow> rows;
    while (q.next()) {
        ActionRow row;
        row.id = q.value(0).toLongLong();
        row.reference = q.value(1).toString();
        row.description = q.value(2).toString();
        actionSourceFromKey(q.value(3).toString(), &row.source);
        row.incidentReference = q.value(4).toString();
        row.ownerName = q.value(5).toString();
        row.dueDate = fromStoredDate(q.value(6).toString());
        actionStatusFromKey(q.value(7).toString(), &row.status);
        rows.append(row);
    }
    return rows;
}

QList<qint64> ActionRepository::ids(const ActionFilter &filter, ActionColumn column, Qt::SortOrder order) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT x.id %1 %2 ORDER BY %3").arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QList<CorrectiveAction> ActionRepository::forIncident(qint64 incidentId) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM corrective_actions WHERE incident_id = ? ORDER BY id").arg(actionColumns));
    q.bind(incidentId).exec();
    QList<CorrectiveAction> list;
    while (q.next())
        list.append(readAction(q));
    return list;
}

ExportTable ActionRepository::exportTable(const ActionFilter &filter, ActionColumn column, Qt::SortOrder order) const
{
    ExportTable exported;
    exported.title = Text::tr("Corrective actions");
    exported.headers = {Text::tr("Reference"), Text::tr("Description"), Text::tr("Source"), Text::tr("Incident"),
        Text::tr("Owner"), Text::tr("Due"), Text::tr("Status"), Text::tr("Completed"), Text::tr("Verification"),
        Text::tr("Verified")};
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT x.reference, x.description, x.source_kind, i.reference, p.name, x.due_date, x.status, "
                                 "x.completed_on, x.verification_note, x.verified_on %1 %2 ORDER BY %3")
                      .arg(fromClause, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    auto date = [](const QVariant &v) { return v.isNull() ? QVariant() : QVariant(fromStoredDate(v.toString())); };
    while (q.next()) {
        ActionSource source = ActionSource::Other;
        actionSourceFromKey(q.value(2).toString(), &source);
        ActionStatus status = ActionStatus::Open;
        actionStatusFromKey(q.value(6).toString(), &status);
        exported.rows.append({q.value(0).toString(), q.value(1).toString(), actionSourceTitle(source), q.value(3).toString(),
            q.value(4).toString(), date(q.value(5)), actionStatusTitle(status), date(q.value(7)), q.value(8).toString(),
            date(q.value(9))});
    }
    return exported;
}

ActionSummary ActionRepository::summary(const QDate &today) const
{
    Query q(m_db, QStringLiteral("SELECT count(*), coalesce(sum(due_date < ?), 0) FROM corrective_actions "
                                 "WHERE status IN ('open', 'in_progress')"));
    q.bind(toStoredDate(today)).exec();
    ActionSummary s;
    if (q.next()) {
        s.outstanding = q.value(0).toInt();
        s.overdue = q.value(1).toInt();
    }
    return s;
}

} // namespace vigil
