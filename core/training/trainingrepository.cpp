#include "trainingrepository.h"

#include "base/error.h"
#include "base/timeformat.h"
#include "people/person.h"
#include "storage/attachments.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Training)
};

const QString recordsTable = QStringLiteral("training_records");
const QString sessionsTable = QStringLiteral("training_sessions");

QVariantMap fieldsOf(const TrainingRecord &r)
{
    return {{QStringLiteral("person_id"), r.personId}, {QStringLiteral("course_id"), r.courseId},
        {QStringLiteral("completed_on"), dateOrNull(r.completedOn)}, {QStringLiteral("result"), trainingResultKey(r.result)},
        {QStringLiteral("score"), r.score ? QVariant(*r.score) : QVariant()}, {QStringLiteral("trainer"), r.trainer.trimmed()},
        {QStringLiteral("expires_on"), dateOrNull(r.expiresOn)}, {QStringLiteral("expiry_set_by_hand"), r.expirySetByHand},
        {QStringLiteral("certificate_id"), idOrNull(r.certificateId)},
        {QStringLiteral("certificate_name"), r.certificateId > 0 ? r.certificateName.trimmed() : QString()},
        {QStringLiteral("session_id"), idOrNull(r.sessionId)}, {QStringLiteral("notes"), r.notes.trimmed()}};
}

const QString recordColumns = QStringLiteral(
    "r.id, r.uuid, r.person_id, r.course_id, r.completed_on, r.result, r.score, r.trainer, r.expires_on, "
    "r.expiry_set_by_hand, r.certificate_id, r.certificate_name, r.session_id, r.notes");

TrainingRecord readRecord(const Query &q)
{
    TrainingRecord r;
    r.id = q.value(0).toLongLong();
    r.uuid = q.value(1).toString();
    r.personId = q.value(2).toLongLong();
    r.courseId = q.value(3).toLongLong();
    r.completedOn = fromStoredDate(q.value(4).toString());
    trainingResultFromKey(q.value(5).toString(), &r.result);
    if (!q.value(6).isNull())
        r.score = q.value(6).toDouble();
    r.trainer = q.value(7).toString();
    r.expiresOn = fromStoredDate(q.value(8).toString());
    r.expirySetByHand = q.value(9).toBool();
    r.certificateId = q.value(10).toLongLong();
    r.certificateName = q.value(11).toString();
    r.sessionId = q.value(12).toLongLong();
    r.notes = q.value(13).toString();
    return r;
}

QString whereClause(const TrainingRecordFilter &f, QVariantList *args)
{
    QStringList conditions;
    if (f.personId > 0) {
        conditions.append(QStringLiteral("r.person_id = ?"));
        args->append(f.personId);
    }
    if (f.courseId > 0) {
        conditions.append(QStringLiteral("r.course_id = ?"));
        args->append(f.courseId);
    }
    if (f.postId > 0) {
        conditions.append(QStringLiteral("p.post_id = ?"));
        args->append(f.postId);
    }
    if (f.employerId > 0) {
        conditions.append(QStringLiteral("p.employer_id = ?"));
        args->append(f.employerId);
    } else if (f.employerId < 0) {
        conditions.append(QStringLiteral("p.employer_id IS NULL"));
    }
    if (f.activePeopleOnly)
        conditions.append(QStringLiteral("p.active = 1"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (QString word : f.text.split(spaces, Qt::SkipEmptyParts)) {
        word = escapeLike(word);
        conditions.append(QStringLiteral("(p.name LIKE ? ESCAPE '\\' OR p.staff_number LIKE ? ESCAPE '\\' "
                                         "OR c.name LIKE ? ESCAPE '\\' OR r.trainer LIKE ? ESCAPE '\\')"));
        const QString pattern = QStringLiteral("%") + word + QStringLiteral("%");
        for (int i = 0; i < 4; ++i)
            args->append(pattern);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(TrainingRecordColumn column, Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    switch (column) {
    case TrainingRecordColumn::Person:
        return QStringLiteral("p.name COLLATE NOCASE %1, r.completed_on DESC, r.id").arg(dir);
    case TrainingRecordColumn::Course:
        return QStringLiteral("c.name COLLATE NOCASE %1, r.completed_on DESC, r.id").arg(dir);
    case TrainingRecordColumn::Result:
        return QStringLiteral("r.result %1, r.completed_on DESC, r.id").arg(dir);
    case TrainingRecordColumn::Expires:
        // Never-expiring records last when soonest first.
        return QStringLiteral("r.expires_on IS NULL %1, r.expires_on %1, r.id").arg(dir);
    case TrainingRecordColumn::Trainer:
        return QStringLiteral("r.trainer COLLATE NOCASE %1, r.completed_on DESC, r.id").arg(dir);
    case TrainingRecordColumn::Completed:
    case TrainingRecordColumn::Count:
        break;
    }
    return QStringLiteral("r.completed_on %1, r.id %1").arg(dir);
}

const QString recordsFrom = QStringLiteral(
    "FROM training_records r JOIN people p ON p.id = r.person_id JOIN courses c ON c.id = r.course_id");

} // namespace

TrainingRepository::TrainingRepository(Database &db)
    : m_db(db)
{
}

// Requirements.

QList<qint64> TrainingRepository::requiredCourses(qint64 postId) const
{
    Query q(m_db, QStringLiteral("SELECT course_id FROM post_courses WHERE post_id = ? ORDER BY course_id"));
    q.bind(postId).exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void TrainingRepository::setRequiredCourses(qint64 postId, QList<qint64> courseIds, const QString &context)
{
    std::sort(courseIds.begin(), courseIds.end());
    courseIds.erase(std::unique(courseIds.begin(), courseIds.end()), courseIds.end());
    Transaction tx(m_db);
    const QList<qint64> before = requiredCourses(postId);
    if (before == courseIds)
        return;
    RecordStore(m_db, QStringLiteral("posts"))
        .update(postId, {}, AuditAction::Update, context,
            {{QStringLiteral("courses"), namesOf(m_db, QStringLiteral("courses"), before).join(QStringLiteral("; ")),
                namesOf(m_db, QStringLiteral("courses"), courseIds).join(QStringLiteral("; "))}});
    execute(m_db, QStringLiteral("DELETE FROM post_courses WHERE post_id = ?"), {postId});
    for (qint64 courseId : courseIds)
        execute(m_db, QStringLiteral("INSERT INTO post_courses (post_id, course_id) VALUES (?, ?)"), {postId, courseId});
    tx.commit();
}

// Records.

QString TrainingRepository::problem(const TrainingRecord &r) const
{
    if (r.personId <= 0)
        return Text::tr("Choose who was trained.");
    if (r.courseId <= 0)
        return Text::tr("Choose the course.");
    if (!r.completedOn.isValid())
        return Text::tr("Give the date the course was completed.");
    if (r.score && (*r.score < 0 || *r.score > 100))
        return Text::tr("A score is a percentage, from 0 to 100.");
    if (r.expiresOn.isValid() && r.expiresOn < r.completedOn)
        return Text::tr("The training cannot expire before it was completed.");
    if (scalar(m_db, QStringLiteral("SELECT count(*) FROM people WHERE id = ?"), {r.personId}).toInt() == 0)
        return Text::tr("That person is no longer in the site file.");
    if (scalar(m_db, QStringLiteral("SELECT count(*) FROM courses WHERE id = ?"), {r.courseId}).toInt() == 0)
        return Text::tr("That course is no longer in the site file.");
    return {};
}

namespace {

// The expiry a record gets on save: the user's own date, or the course's validity.
TrainingRecord withExpiry(Database &db, TrainingRecord r)
{
    if (!r.expirySetByHand) {
        const std::optional<Course> course = CourseRepository(db).load(r.courseId);
        r.expiresOn = course ? expiryFor(r.completedOn, course->validityMonths) : QDate();
    }
    return r;
}

} // namespace

RecordKey TrainingRepository::create(const TrainingRecord &input, const QString &context)
{
    const QString found = problem(input);
    if (!found.isEmpty())
        throw Error(found);
    Transaction tx(m_db);
    const TrainingRecord record = withExpiry(m_db, input);
    QVariantMap fields = fieldsOf(record);
    if (!record.uuid.isEmpty())
        fields.insert(QStringLiteral("uuid"), record.uuid);
    const RecordKey key = RecordStore(m_db, recordsTable).insert(fields, context);
    tx.commit();
    return key;
}

void TrainingRepository::save(const TrainingRecord &input, const QString &context)
{
    const QString found = problem(input);
    if (!found.isEmpty())
        throw Error(found);
    Transaction tx(m_db);
    RecordStore(m_db, recordsTable).update(input.id, fieldsOf(withExpiry(m_db, input)), AuditAction::Update, context);
    tx.commit();
}

TrainingRecord TrainingRepository::load(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM training_records r WHERE r.id = ?").arg(recordColumns));
    q.bind(id).exec();
    if (!q.next())
        throw Error(Text::tr("The training record no longer exists."));
    return readRecord(q);
}

QVariantMap TrainingRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    RecordStore store(m_db, recordsTable);
    const QVariantMap row = store.row(id);
    if (row.isEmpty())
        throw Error(Text::tr("The training record no longer exists."));
    store.remove(id, Text::tr("entered by mistake"));
    tx.commit();
    return row;
}

void TrainingRepository::restore(const QVariantMap &row)
{
    Transaction tx(m_db);
    RecordStore(m_db, recordsTable).reinsert(row, Text::tr("delete undone"));
    tx.commit();
}

void TrainingRepository::setCertificate(qint64 recordId, const QString &fileName, const QByteArray &bytes)
{
    Transaction tx(m_db);
    QVariantMap fields;
    if (fileName.isEmpty()) {
        fields = {{QStringLiteral("certificate_id"), QVariant()}, {QStringLiteral("certificate_name"), QString()}};
    } else {
        const qint64 attachment = AttachmentStore(m_db).store(bytes, fileName);
        fields = {{QStringLiteral("certificate_id"), attachment}, {QStringLiteral("certificate_name"), fileName}};
    }
    RecordStore(m_db, recordsTable).update(recordId, fields);
    tx.commit();
}

QList<TrainingRecord> TrainingRepository::forPerson(qint64 personId) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM training_records r WHERE r.person_id = ? "
                                 "ORDER BY r.completed_on DESC, r.id DESC")
                      .arg(recordColumns));
    q.bind(personId).exec();
    QList<TrainingRecord> records;
    while (q.next())
        records.append(readRecord(q));
    return records;
}

int TrainingRepository::count(const TrainingRecordFilter &filter) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    return scalar(m_db, QStringLiteral("SELECT count(*) %1 %2").arg(recordsFrom, where), args).toInt();
}

QList<TrainingRecordRow> TrainingRepository::rows(const TrainingRecordFilter &filter, TrainingRecordColumn column,
    Qt::SortOrder order, int offset, int limit) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT r.id, p.name, p.staff_number, c.name, r.completed_on, r.result, r.score, "
                                 "r.expires_on, r.trainer, r.certificate_id IS NOT NULL %1 %2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(recordsFrom, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.bind(limit).bind(offset).exec();
    QList<TrainingRecordRow> rows;
    while (q.next()) {
        TrainingRecordRow row;
        row.id = q.value(0).toLongLong();
        row.person = q.value(1).toString();
        row.staffNumber = q.value(2).toString();
        row.course = q.value(3).toString();
        row.completedOn = fromStoredDate(q.value(4).toString());
        trainingResultFromKey(q.value(5).toString(), &row.result);
        if (!q.value(6).isNull())
            row.score = q.value(6).toDouble();
        row.expiresOn = fromStoredDate(q.value(7).toString());
        row.trainer = q.value(8).toString();
        row.hasCertificate = q.value(9).toBool();
        rows.append(row);
    }
    return rows;
}

ExportTable TrainingRepository::exportTable(const TrainingRecordFilter &filter, TrainingRecordColumn column,
    Qt::SortOrder order) const
{
    ExportTable table;
    table.title = Text::tr("Training records");
    table.headers = {Text::tr("Person"), Text::tr("Staff number"), Text::tr("Post"), Text::tr("Employer"),
        Text::tr("Course"), Text::tr("Provider"), Text::tr("Completed on"), Text::tr("Result"), Text::tr("Score"),
        Text::tr("Expires on"), Text::tr("Trainer"), Text::tr("Certificate"), Text::tr("Notes")};
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT p.name, p.staff_number, po.name, e.name, c.name, c.provider, r.completed_on, "
                                 "r.result, r.score, r.expires_on, r.trainer, r.certificate_name, r.notes %1 "
                                 "LEFT JOIN posts po ON po.id = p.post_id LEFT JOIN employers e ON e.id = p.employer_id "
                                 "%2 ORDER BY %3")
                      .arg(recordsFrom, where, orderClause(column, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    while (q.next()) {
        TrainingResult result = TrainingResult::Passed;
        trainingResultFromKey(q.value(7).toString(), &result);
        const QDate expires = fromStoredDate(q.value(9).toString());
        table.rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).isNull() ? Text::tr("Own staff") : q.value(3).toString(), q.value(4).toString(),
            q.value(5).toString(), fromStoredDate(q.value(6).toString()), trainingResultTitle(result),
            q.value(8).isNull() ? QVariant() : QVariant(q.value(8).toDouble()),
            expires.isValid() ? QVariant(expires) : QVariant(Text::tr("Never")), q.value(10).toString(),
            q.value(11).toString(), q.value(12).toString()});
    }
    return table;
}

// Sessions.

namespace {

QVariantMap fieldsOf(const TrainingSession &s)
{
    return {{QStringLiteral("course_id"), s.courseId}, {QStringLiteral("held_on"), dateOrNull(s.heldOn)},
        {QStringLiteral("trainer"), s.trainer.trimmed()}, {QStringLiteral("location"), s.location.trimmed()},
        {QStringLiteral("notes"), s.notes.trimmed()}, {QStringLiteral("status"), sessionStatusKey(s.status)}};
}

QList<qint64> attendeesOf(const Database &db, qint64 sessionId)
{
    Query q(db, QStringLiteral("SELECT person_id FROM session_attendees WHERE session_id = ? ORDER BY person_id"));
    q.bind(sessionId).exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void writeAttendees(const Database &db, qint64 sessionId, const QList<qint64> &ids)
{
    execute(db, QStringLiteral("DELETE FROM session_attendees WHERE session_id = ?"), {sessionId});
    for (qint64 id : ids)
        execute(db, QStringLiteral("INSERT INTO session_attendees (session_id, person_id) VALUES (?, ?)"), {sessionId, id});
}

QList<qint64> sortedUnique(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

QString TrainingRepository::problem(const TrainingSession &s) const
{
    if (s.courseId <= 0)
        return Text::tr("Choose the course the session gives.");
    if (!s.heldOn.isValid())
        return Text::tr("Give the session's date.");
    return {};
}

RecordKey TrainingRepository::createSession(const TrainingSession &input, const QString &context)
{
    const QString found = problem(input);
    if (!found.isEmpty())
        throw Error(found);
    const QList<qint64> attendees = sortedUnique(input.attendeeIds);
    Transaction tx(m_db);
    QVariantMap fields = fieldsOf(input);
    if (!input.uuid.isEmpty())
        fields.insert(QStringLiteral("uuid"), input.uuid);
    FieldChanges links;
    if (!attendees.isEmpty())
        links.append({QStringLiteral("attendees"), QVariant(),
            namesOf(m_db, QStringLiteral("people"), attendees).join(QStringLiteral("; "))});
    const RecordKey key = RecordStore(m_db, sessionsTable).insert(fields, context, links);
    writeAttendees(m_db, key.id, attendees);
    tx.commit();
    return key;
}

void TrainingRepository::saveSession(const TrainingSession &input, const QString &context)
{
    const QString found = problem(input);
    if (!found.isEmpty())
        throw Error(found);
    const QList<qint64> attendees = sortedUnique(input.attendeeIds);
    Transaction tx(m_db);
    const QList<qint64> before = attendeesOf(m_db, input.id);
    FieldChanges links;
    if (before != attendees)
        links.append({QStringLiteral("attendees"), namesOf(m_db, QStringLiteral("people"), before).join(QStringLiteral("; ")),
            namesOf(m_db, QStringLiteral("people"), attendees).join(QStringLiteral("; "))});
    RecordStore(m_db, sessionsTable).update(input.id, fieldsOf(input), AuditAction::Update, context, links);
    if (before != attendees)
        writeAttendees(m_db, input.id, attendees);
    tx.commit();
}

namespace {

const QString sessionColumns = QStringLiteral("id, uuid, course_id, held_on, trainer, location, notes, status");

TrainingSession readSession(const Query &q)
{
    TrainingSession s;
    s.id = q.value(0).toLongLong();
    s.uuid = q.value(1).toString();
    s.courseId = q.value(2).toLongLong();
    s.heldOn = fromStoredDate(q.value(3).toString());
    s.trainer = q.value(4).toString();
    s.location = q.value(5).toString();
    s.notes = q.value(6).toString();
    sessionStatusFromKey(q.value(7).toString(), &s.status);
    return s;
}

} // namespace

TrainingSession TrainingRepository::loadSession(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT %1 FROM training_sessions WHERE id = ?").arg(sessionColumns));
    q.bind(id).exec();
    if (!q.next())
        throw Error(Text::tr("The training session no longer exists."));
    TrainingSession s = readSession(q);
    s.attendeeIds = attendeesOf(m_db, id);
    return s;
}

// Two queries however many sessions: the sessions, then every attendee in session order.
QList<TrainingSession> TrainingRepository::sessions(bool includeFinished) const
{
    const QString where = includeFinished ? QString() : QStringLiteral("WHERE status = 'planned'");
    Query q(m_db, QStringLiteral("SELECT %1 FROM training_sessions %2 ORDER BY held_on, id").arg(sessionColumns, where));
    q.exec();
    QList<TrainingSession> list;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        list.append(readSession(q));
        index.insert(list.last().id, list.size() - 1);
    }
    Query attendees(m_db, QStringLiteral("SELECT a.session_id, a.person_id FROM session_attendees a "
                                         "JOIN training_sessions s ON s.id = a.session_id %1 "
                                         "ORDER BY a.session_id, a.person_id")
                              .arg(includeFinished ? QString() : QStringLiteral("WHERE s.status = 'planned'")));
    attendees.exec();
    while (attendees.next()) {
        const auto it = index.constFind(attendees.value(0).toLongLong());
        if (it != index.constEnd())
            list[*it].attendeeIds.append(attendees.value(1).toLongLong());
    }
    return list;
}

QVariantMap TrainingRepository::removeSession(qint64 id)
{
    Transaction tx(m_db);
    if (scalar(m_db, QStringLiteral("SELECT count(*) FROM training_records WHERE session_id = ?"), {id}).toInt() > 0)
        throw Error(Text::tr("The session has been recorded as done; reopen it before deleting it."));
    RecordStore store(m_db, sessionsTable);
    const QVariantMap row = store.row(id);
    if (row.isEmpty())
        throw Error(Text::tr("The training session no longer exists."));
    execute(m_db, QStringLiteral("DELETE FROM session_attendees WHERE session_id = ?"), {id});
    store.remove(id, Text::tr("entered by mistake"));
    tx.commit();
    return row;
}

void TrainingRepository::restoreSession(const QVariantMap &row, const QList<qint64> &attendeeIds)
{
    Transaction tx(m_db);
    RecordStore(m_db, sessionsTable).reinsert(row, Text::tr("delete undone"));
    writeAttendees(m_db, row.value(QStringLiteral("id")).toLongLong(), attendeeIds);
    tx.commit();
}

QList<qint64> TrainingRepository::completeSession(qint64 sessionId, const QDate &completedOn,
    const QHash<qint64, TrainingResult> &results, const QString &context)
{
    Transaction tx(m_db);
    const TrainingSession session = loadSession(sessionId);
    if (session.status != SessionStatus::Planned)
        throw Error(Text::tr("Only a planned session can be marked done."));
    if (session.attendeeIds.isEmpty())
        throw Error(Text::tr("Nobody is booked on the session."));
    if (!completedOn.isValid())
        throw Error(Text::tr("Give the date the session was held."));
    RecordStore(m_db, sessionsTable)
        .update(sessionId, {{QStringLiteral("status"), sessionStatusKey(SessionStatus::Done)},
                               {QStringLiteral("held_on"), toStoredDate(completedOn)}},
            AuditAction::Update, context);
    QList<qint64> ids;
    for (qint64 personId : session.attendeeIds) {
        TrainingRecord record;
        record.personId = personId;
        record.courseId = session.courseId;
        record.completedOn = completedOn;
        record.result = results.value(personId, TrainingResult::Passed);
        record.trainer = session.trainer;
        record.sessionId = sessionId;
        ids.append(create(record, context).id);
    }
    tx.commit();
    return ids;
}

void TrainingRepository::reopenSession(qint64 sessionId, const QList<qint64> &recordIds)
{
    Transaction tx(m_db);
    RecordStore records(m_db, recordsTable);
    for (qint64 id : recordIds)
        records.remove(id, Text::tr("session reopened"));
    RecordStore(m_db, sessionsTable)
        .update(sessionId, {{QStringLiteral("status"), sessionStatusKey(SessionStatus::Planned)}}, AuditAction::Update,
            Text::tr("session reopened"));
    tx.commit();
}

ExportTable peopleExportTable(Database &db, const std::optional<QSet<qint64>> &only)
{
    ExportTable table;
    table.title = Text::tr("People");
    table.headers = {Text::tr("Name"), Text::tr("Staff number"), Text::tr("Post"), Text::tr("Employer"),
        Text::tr("Start date"), Text::tr("E-mail"), Text::tr("Phone"), Text::tr("Active"), Text::tr("Left on")};
    Query q(db, QStringLiteral("SELECT p.name, p.staff_number, po.name, e.name, p.start_date, p.email, p.phone, p.active, "
                               "p.left_on, p.id FROM people p LEFT JOIN posts po ON po.id = p.post_id "
                               "LEFT JOIN employers e ON e.id = p.employer_id ORDER BY p.name COLLATE NOCASE, p.id"));
    q.exec();
    while (q.next()) {
        if (only && !only->contains(q.value(9).toLongLong()))
            continue;
        const QDate start = fromStoredDate(q.value(4).toString());
        const QDate left = fromStoredDate(q.value(8).toString());
        table.rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).isNull() ? Text::tr("Own staff") : q.value(3).toString(),
            start.isValid() ? QVariant(start) : QVariant(), q.value(5).toString(), q.value(6).toString(),
            q.value(7).toBool() ? Text::tr("Yes") : Text::tr("No"), left.isValid() ? QVariant(left) : QVariant()});
    }
    return table;
}

} // namespace vigil
