#include "incidentcommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "incidents/incidentrepository.h"
#include "shell/module.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Incidents)
};

class CreateIncident final : public Command
{
public:
    CreateIncident(const ModuleContext &context, const Incident &incident)
        : Command(context, Text::tr("Log incident"))
        , m_db(context.db)
        , m_incident(incident)
    {
    }
    qint64 incidentId() const { return m_id; }

protected:
    void apply() override
    {
        IncidentRepository incidents(m_db);
        if (m_snapshot) {
            incidents.restore(*m_snapshot);
            return;
        }
        m_id = incidents.create(m_incident).id;
        setText(Text::tr("Log %1").arg(incidents.load(m_id).reference));
    }
    void revert() override { m_snapshot = IncidentRepository(m_db).remove(m_id); }

private:
    Database &m_db;
    Incident m_incident;
    qint64 m_id = 0;
    std::optional<IncidentSnapshot> m_snapshot;
};

class EditIncident final : public Command
{
public:
    EditIncident(const ModuleContext &context, Incident before, Incident after)
        : Command(context, Text::tr("Edit %1").arg(before.reference))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { IncidentRepository(m_db).save(m_after); }
    void revert() override { IncidentRepository(m_db).save(m_before); }

private:
    Database &m_db;
    Incident m_before;
    Incident m_after;
};

class ChangeStatus final : public Command
{
public:
    ChangeStatus(const ModuleContext &context, qint64 id, IncidentStatus to, QString reason, QString rootCause = {},
        QString lessons = {}, QList<CorrectiveAction> actions = {})
        : Command(context, Text::tr("Mark incident %1").arg(incidentStatusTitle(to).toLower()))
        , m_db(context.db)
        , m_id(id)
        , m_to(to)
        , m_reason(std::move(reason))
        , m_rootCause(std::move(rootCause))
        , m_lessons(std::move(lessons))
        , m_actions(std::move(actions))
    {
    }

protected:
    void apply() override
    {
        Transaction tx(m_db);
        m_change = IncidentRepository(m_db).changeStatus(m_id, m_to, m_reason, m_rootCause, m_lessons);
        m_created.clear();
        ActionRepository actions(m_db);
        for (CorrectiveAction action : std::as_const(m_actions)) {
            action.source = ActionSource::Incident;
            action.incidentId = m_id;
            m_created.append(actions.create(action).id);
        }
        tx.commit();
    }
    void revert() override
    {
        Transaction tx(m_db);
        ActionRepository actions(m_db);
        for (qint64 id : std::as_const(m_created))
            actions.remove(id);
        IncidentRepository(m_db).undoStatusChange(m_change);
        tx.commit();
    }

private:
    Database &m_db;
    qint64 m_id;
    IncidentStatus m_to;
    QString m_reason;
    QString m_rootCause;
    QString m_lessons;
    QList<CorrectiveAction> m_actions;
    QList<qint64> m_created;
    StatusChange m_change;
};

// Timeline entries are never removed: undoing a note or an attachment adds an entry saying so.
class AddToTimeline final : public Command
{
public:
    enum class What { Note, Correction, Attachment };
    AddToTimeline(const ModuleContext &context, What what, qint64 id, QString text, qint64 entryId = 0,
        QByteArray bytes = {})
        : Command(context, what == What::Attachment ? Text::tr("Attach %1").arg(text)
                : what == What::Note                ? Text::tr("Add note")
                                                    : Text::tr("Correct timeline entry"))
        , m_db(context.db)
        , m_what(what)
        , m_id(id)
        , m_text(std::move(text))
        , m_entryId(entryId)
        , m_bytes(std::move(bytes))
    {
    }

protected:
    void apply() override
    {
        IncidentRepository incidents(m_db);
        switch (m_what) {
        case What::Note:
            m_added = incidents.addNote(m_id, m_text);
            break;
        case What::Correction:
            m_added = incidents.addCorrection(m_id, m_entryId, m_text);
            break;
        case What::Attachment:
            m_added = incidents.addAttachment(m_id, m_text, m_bytes);
            break;
        }
    }
    void revert() override
    {
        IncidentRepository incidents(m_db);
        if (m_what == What::Attachment)
            incidents.withdrawAttachment(m_added, Text::tr("undone"));
        else
            incidents.addCorrection(m_id, m_added, Text::tr("Withdrawn (undone)."));
    }

private:
    Database &m_db;
    What m_what;
    qint64 m_id;
    QString m_text;
    qint64 m_entryId;
    QByteArray m_bytes;
    qint64 m_added = 0;
};

class CreateAction final : public Command
{
public:
    CreateAction(const ModuleContext &context, const CorrectiveAction &action)
        : Command(context, Text::tr("New corrective action"))
        , m_db(context.db)
        , m_action(action)
    {
    }
    qint64 actionId() const { return m_id; }

protected:
    void apply() override
    {
        ActionRepository actions(m_db);
        if (!m_row.isEmpty()) {
            actions.restore(m_row);
            return;
        }
        m_id = actions.create(m_action).id;
    }
    void revert() override { m_row = ActionRepository(m_db).remove(m_id); }

private:
    Database &m_db;
    CorrectiveAction m_action;
    qint64 m_id = 0;
    QVariantMap m_row;
};

class EditAction final : public Command
{
public:
    EditAction(const ModuleContext &context, CorrectiveAction before, CorrectiveAction after)
        : Command(context, Text::tr("Edit %1").arg(before.reference))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { ActionRepository(m_db).save(m_after); }
    void revert() override { ActionRepository(m_db).save(m_before); }

private:
    Database &m_db;
    CorrectiveAction m_before;
    CorrectiveAction m_after;
};

class DeleteIncident final : public Command
{
public:
    DeleteIncident(const ModuleContext &context, const QString &reference, qint64 id)
        : Command(context, Text::tr("Delete %1").arg(reference))
        , m_db(context.db)
        , m_id(id)
    {
    }

protected:
    void apply() override { m_snapshot = IncidentRepository(m_db).remove(m_id); }
    void revert() override { IncidentRepository(m_db).restore(m_snapshot); }

private:
    Database &m_db;
    qint64 m_id;
    IncidentSnapshot m_snapshot;
};

class DeleteAction final : public Command
{
public:
    DeleteAction(const ModuleContext &context, const QString &reference, qint64 id)
        : Command(context, Text::tr("Delete %1").arg(reference))
        , m_db(context.db)
        , m_id(id)
    {
    }

protected:
    void apply() override { m_row = ActionRepository(m_db).remove(m_id); }
    void revert() override { ActionRepository(m_db).restore(m_row); }

private:
    Database &m_db;
    qint64 m_id;
    QVariantMap m_row;
};

} // namespace

std::optional<qint64> createIncident(const ModuleContext &context, const Incident &incident)
{
    auto command = std::make_unique<CreateIncident>(context, incident);
    CreateIncident *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->incidentId();
}

bool editIncident(const ModuleContext &context, const Incident &before, const Incident &after)
{
    if (before == after)
        return true;
    return pushCommand(context, std::make_unique<EditIncident>(context, before, after));
}

bool deleteIncident(const ModuleContext &context, qint64 id)
{
    try {
        const QString reference = IncidentRepository(context.db).load(id).reference;
        return pushCommand(context, std::make_unique<DeleteIncident>(context, reference, id));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool changeIncidentStatus(const ModuleContext &context, qint64 id, IncidentStatus to, const QString &reason)
{
    return pushCommand(context, std::make_unique<ChangeStatus>(context, id, to, reason));
}

bool closeIncident(const ModuleContext &context, qint64 id, const QString &rootCause, const QString &lessons,
    const QList<CorrectiveAction> &actions)
{
    return pushCommand(context,
        std::make_unique<ChangeStatus>(context, id, IncidentStatus::Closed, QString(), rootCause, lessons, actions));
}

bool addIncidentNote(const ModuleContext &context, qint64 id, const QString &text)
{
    return pushCommand(context, std::make_unique<AddToTimeline>(context, AddToTimeline::What::Note, id, text));
}

bool correctTimelineEntry(const ModuleContext &context, qint64 id, qint64 entryId, const QString &text)
{
    return pushCommand(context, std::make_unique<AddToTimeline>(context, AddToTimeline::What::Correction, id, text, entryId));
}

bool addIncidentAttachment(const ModuleContext &context, qint64 id, const QString &fileName, const QByteArray &bytes)
{
    return pushCommand(context,
        std::make_unique<AddToTimeline>(context, AddToTimeline::What::Attachment, id, fileName, 0, bytes));
}

std::optional<qint64> createAction(const ModuleContext &context, const CorrectiveAction &action)
{
    auto command = std::make_unique<CreateAction>(context, action);
    CreateAction *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->actionId();
}

bool deleteAction(const ModuleContext &context, qint64 id)
{
    try {
        const QString reference = ActionRepository(context.db).load(id).reference;
        return pushCommand(context, std::make_unique<DeleteAction>(context, reference, id));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool editAction(const ModuleContext &context, const CorrectiveAction &before, const CorrectiveAction &after)
{
    if (before == after)
        return true;
    return pushCommand(context, std::make_unique<EditAction>(context, before, after));
}

} // namespace vigil::commands
