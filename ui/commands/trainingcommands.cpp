#include "trainingcommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "people/person.h"
#include "shell/module.h"
#include "storage/database.h"
#include "training/trainingrepository.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Training)
};

// "First aid at work for Dana Okafor": how a record is named in the Edit menu.
QString recordName(Database &db, const TrainingRecord &r)
{
    const std::optional<Course> course = CourseRepository(db).load(r.courseId);
    const std::optional<Person> person = PeopleRepository(db).load(r.personId);
    return Text::tr("%1 for %2").arg(course ? course->name : QString(), person ? person->name : QString());
}

QString courseName(Database &db, qint64 courseId)
{
    const std::optional<Course> course = CourseRepository(db).load(courseId);
    return course ? course->name : QString();
}

class CreateRecord final : public Command
{
public:
    CreateRecord(const ModuleContext &context, const TrainingRecord &record, CertificateChange certificate)
        : Command(context, Text::tr("Record %1").arg(recordName(context.db, record)))
        , m_db(context.db)
        , m_record(record)
        , m_certificate(std::move(certificate))
    {
    }
    qint64 recordId() const { return m_id; }

protected:
    void apply() override
    {
        TrainingRepository training(m_db);
        if (!m_row.isEmpty()) {
            training.restore(m_row);
            return;
        }
        Transaction tx(m_db);
        m_id = training.create(m_record).id;
        if (m_certificate.changed && !m_certificate.fileName.isEmpty())
            training.setCertificate(m_id, m_certificate.fileName, m_certificate.bytes);
        tx.commit();
        m_certificate = {};
    }
    void revert() override { m_row = TrainingRepository(m_db).remove(m_id); }

private:
    Database &m_db;
    TrainingRecord m_record;
    CertificateChange m_certificate;
    qint64 m_id = 0;
    QVariantMap m_row;
};

// Saves the whole record both ways; the record before holds its old certificate link.
class EditRecord final : public Command
{
public:
    EditRecord(const ModuleContext &context, const QString &text, TrainingRecord before, TrainingRecord after,
        CertificateChange certificate)
        : Command(context, text)
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_certificate(std::move(certificate))
    {
    }

protected:
    void apply() override
    {
        Transaction tx(m_db);
        TrainingRepository training(m_db);
        training.save(m_after);
        if (m_certificate.changed) {
            training.setCertificate(m_after.id, m_certificate.fileName, m_certificate.bytes);
            const TrainingRecord saved = training.load(m_after.id);
            m_after.certificateId = saved.certificateId; // redo needs no file
            m_after.certificateName = saved.certificateName;
            m_certificate = {};
        }
        tx.commit();
    }
    void revert() override { TrainingRepository(m_db).save(m_before); }

private:
    Database &m_db;
    TrainingRecord m_before;
    TrainingRecord m_after;
    CertificateChange m_certificate;
};

class DeleteRecord final : public Command
{
public:
    DeleteRecord(const ModuleContext &context, const QString &name, qint64 id)
        : Command(context, Text::tr("Delete %1").arg(name))
        , m_db(context.db)
        , m_id(id)
    {
    }

protected:
    void apply() override { m_row = TrainingRepository(m_db).remove(m_id); }
    void revert() override { TrainingRepository(m_db).restore(m_row); }

private:
    Database &m_db;
    qint64 m_id;
    QVariantMap m_row;
};

class SetRequirements final : public Command
{
public:
    SetRequirements(const ModuleContext &context, QHash<qint64, QList<qint64>> before, QHash<qint64, QList<qint64>> after)
        : Command(context, Text::tr("Change training requirements"))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { write(m_after); }
    void revert() override { write(m_before); }

private:
    void write(const QHash<qint64, QList<qint64>> &grid)
    {
        Transaction tx(m_db);
        TrainingRepository training(m_db);
        for (auto it = grid.begin(); it != grid.end(); ++it)
            training.setRequiredCourses(it.key(), it.value());
        tx.commit();
    }
    Database &m_db;
    QHash<qint64, QList<qint64>> m_before;
    QHash<qint64, QList<qint64>> m_after;
};

class CreateSession final : public Command
{
public:
    CreateSession(const ModuleContext &context, const TrainingSession &session)
        : Command(context, Text::tr("Plan %1").arg(courseName(context.db, session.courseId)))
        , m_db(context.db)
        , m_session(session)
    {
    }
    qint64 sessionId() const { return m_session.id; }

protected:
    void apply() override
    {
        TrainingRepository training(m_db);
        if (!m_row.isEmpty()) {
            training.restoreSession(m_row, m_session.attendeeIds);
            return;
        }
        m_session.id = training.createSession(m_session).id;
    }
    void revert() override { m_row = TrainingRepository(m_db).removeSession(m_session.id); }

private:
    Database &m_db;
    TrainingSession m_session;
    QVariantMap m_row;
};

class EditSession final : public Command
{
public:
    EditSession(const ModuleContext &context, TrainingSession before, TrainingSession after)
        : Command(context, Text::tr("Edit %1 session").arg(courseName(context.db, after.courseId)))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { TrainingRepository(m_db).saveSession(m_after); }
    void revert() override { TrainingRepository(m_db).saveSession(m_before); }

private:
    Database &m_db;
    TrainingSession m_before;
    TrainingSession m_after;
};

class DeleteSession final : public Command
{
public:
    DeleteSession(const ModuleContext &context, TrainingSession session)
        : Command(context, Text::tr("Delete %1 session").arg(courseName(context.db, session.courseId)))
        , m_db(context.db)
        , m_session(std::move(session))
    {
    }

protected:
    void apply() override { m_row = TrainingRepository(m_db).removeSession(m_session.id); }
    void revert() override { TrainingRepository(m_db).restoreSession(m_row, m_session.attendeeIds); }

private:
    Database &m_db;
    TrainingSession m_session;
    QVariantMap m_row;
};

// Marks a session done (creating it first when it is new): every attendee's record at once.
class CompleteSession final : public Command
{
public:
    CompleteSession(const ModuleContext &context, TrainingSession session, QDate heldOn,
        QHash<qint64, TrainingResult> results)
        : Command(context, Text::tr("Record %1 session (%n people)", nullptr, int(session.attendeeIds.size()))
                               .arg(courseName(context.db, session.courseId)))
        , m_db(context.db)
        , m_session(std::move(session))
        , m_heldOn(heldOn)
        , m_results(std::move(results))
        , m_isNew(m_session.id == 0)
    {
    }
    qint64 sessionId() const { return m_session.id; }

protected:
    void apply() override
    {
        Transaction tx(m_db);
        TrainingRepository training(m_db);
        if (m_isNew) {
            if (m_row.isEmpty())
                m_session.id = training.createSession(m_session).id;
            else
                training.restoreSession(m_row, m_session.attendeeIds);
        }
        m_records = training.completeSession(m_session.id, m_heldOn, m_results);
        tx.commit();
    }
    void revert() override
    {
        Transaction tx(m_db);
        TrainingRepository training(m_db);
        training.reopenSession(m_session.id, m_records);
        if (m_isNew)
            m_row = training.removeSession(m_session.id);
        else
            training.saveSession(m_session); // its planned date back
        tx.commit();
    }

private:
    Database &m_db;
    TrainingSession m_session;
    QDate m_heldOn;
    QHash<qint64, TrainingResult> m_results;
    bool m_isNew;
    QList<qint64> m_records;
    QVariantMap m_row;
};

} // namespace

std::optional<qint64> createTrainingRecord(const ModuleContext &context, const TrainingRecord &record,
    const CertificateChange &certificate)
{
    try {
        const QString problem = TrainingRepository(context.db).problem(record);
        if (!problem.isEmpty())
            throw Error(problem);
        auto command = std::make_unique<CreateRecord>(context, record, certificate);
        CreateRecord *raw = command.get();
        if (!pushCommand(context, std::move(command)))
            return std::nullopt;
        return raw->recordId();
    } catch (const Error &e) {
        context.host.showError(e.message());
        return std::nullopt;
    }
}

bool editTrainingRecord(const ModuleContext &context, const TrainingRecord &before, const TrainingRecord &after,
    const CertificateChange &certificate)
{
    if (before == after && !certificate.changed)
        return true;
    return pushCommand(context,
        std::make_unique<EditRecord>(context, Text::tr("Edit %1").arg(recordName(context.db, after)), before, after, certificate));
}

bool deleteTrainingRecord(const ModuleContext &context, qint64 id)
{
    try {
        const TrainingRecord record = TrainingRepository(context.db).load(id);
        return pushCommand(context, std::make_unique<DeleteRecord>(context, recordName(context.db, record), id));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool setRequirements(const ModuleContext &context, const QHash<qint64, QList<qint64>> &coursesByPost)
{
    QHash<qint64, QList<qint64>> before;
    QHash<qint64, QList<qint64>> after;
    try {
        TrainingRepository training(context.db);
        for (auto it = coursesByPost.begin(); it != coursesByPost.end(); ++it) {
            QList<qint64> wanted = it.value();
            std::sort(wanted.begin(), wanted.end());
            const QList<qint64> now = training.requiredCourses(it.key());
            if (now != wanted) {
                before.insert(it.key(), now);
                after.insert(it.key(), wanted);
            }
        }
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
    if (after.isEmpty())
        return true;
    return pushCommand(context, std::make_unique<SetRequirements>(context, before, after));
}

std::optional<qint64> createSession(const ModuleContext &context, const TrainingSession &session)
{
    auto command = std::make_unique<CreateSession>(context, session);
    CreateSession *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->sessionId();
}

bool editSession(const ModuleContext &context, const TrainingSession &before, const TrainingSession &after)
{
    if (before == after)
        return true;
    return pushCommand(context, std::make_unique<EditSession>(context, before, after));
}

bool deleteSession(const ModuleContext &context, qint64 id)
{
    try {
        return pushCommand(context, std::make_unique<DeleteSession>(context, TrainingRepository(context.db).loadSession(id)));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool completeSession(const ModuleContext &context, qint64 sessionId, const QDate &heldOn,
    const QHash<qint64, TrainingResult> &results)
{
    try {
        TrainingSession session = TrainingRepository(context.db).loadSession(sessionId);
        return pushCommand(context, std::make_unique<CompleteSession>(context, std::move(session), heldOn, results));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

std::optional<qint64> recordSession(const ModuleContext &context, const TrainingSession &session,
    const QHash<qint64, TrainingResult> &results)
{
    TrainingSession planned = session;
    planned.id = 0;
    planned.status = SessionStatus::Planned;
    auto command = std::make_unique<CompleteSession>(context, planned, session.heldOn, results);
    CompleteSession *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->sessionId();
}

} // namespace vigil::commands
