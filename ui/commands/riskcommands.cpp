#include "riskcommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "risks/criteriarepository.h"
#include "risks/riskrepository.h"
#include "shell/module.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Risks)
};

class CreateRisk final : public Command
{
public:
    CreateRisk(const ModuleContext &context, const Risk &risk)
        : Command(context, Text::tr("New risk %1").arg(risk.title))
        , m_db(context.db)
        , m_risk(risk)
    {
    }
    qint64 riskId() const { return m_snapshot ? m_snapshot->risk.id : m_id; }

protected:
    void apply() override
    {
        RiskRepository risks(m_db);
        if (m_snapshot) {
            risks.restore(*m_snapshot); // redo: the same risk, same reference
            return;
        }
        m_id = risks.create(m_risk).id;
        setText(Text::tr("New risk %1").arg(risks.load(m_id).reference));
    }
    void revert() override { m_snapshot = RiskRepository(m_db).remove(riskId()); }

private:
    Database &m_db;
    Risk m_risk;
    qint64 m_id = 0;
    std::optional<RiskSnapshot> m_snapshot;
};

class EditRisk final : public Command
{
public:
    EditRisk(const ModuleContext &context, Risk before, Risk after)
        : Command(context, Text::tr("Edit %1").arg(before.reference))
        , m_db(context.db)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    void apply() override { RiskRepository(m_db).save(m_after); }
    void revert() override { RiskRepository(m_db).save(m_before); }

private:
    Database &m_db;
    Risk m_before;
    Risk m_after;
};

class RetireRisk final : public Command
{
public:
    RetireRisk(const ModuleContext &context, const QString &reference, qint64 id, QString reason, bool retire)
        : Command(context, retire ? Text::tr("Retire %1").arg(reference) : Text::tr("Reinstate %1").arg(reference))
        , m_db(context.db)
        , m_id(id)
        , m_reason(std::move(reason))
        , m_retire(retire)
    {
    }

protected:
    void apply() override { set(m_retire); }
    void revert() override { set(!m_retire); }

private:
    void set(bool retired)
    {
        RiskRepository risks(m_db);
        if (retired)
            risks.retire(m_id, m_reason);
        else
            risks.reinstate(m_id);
    }
    Database &m_db;
    qint64 m_id;
    QString m_reason;
    bool m_retire;
};

class DeleteRisk final : public Command
{
public:
    DeleteRisk(const ModuleContext &context, const QString &reference, qint64 id)
        : Command(context, Text::tr("Delete %1").arg(reference))
        , m_db(context.db)
        , m_id(id)
    {
    }

protected:
    void apply() override { m_snapshot = RiskRepository(m_db).remove(m_id); }
    void revert() override { RiskRepository(m_db).restore(m_snapshot); }

private:
    Database &m_db;
    qint64 m_id;
    RiskSnapshot m_snapshot;
};

class ChangeCriteria final : public Command
{
public:
    ChangeCriteria(const ModuleContext &context, RiskCriteria proposed)
        : Command(context, Text::tr("Change risk criteria"))
        , m_db(context.db)
        , m_proposed(std::move(proposed))
    {
    }

protected:
    void apply() override { m_change = RiskCriteriaRepository(m_db).apply(m_proposed); }
    void revert() override { RiskCriteriaRepository(m_db).revert(m_change); }

private:
    Database &m_db;
    RiskCriteria m_proposed;
    CriteriaChange m_change;
};

QString referenceOf(const ModuleContext &context, qint64 id)
{
    return RiskRepository(context.db).load(id).reference;
}

} // namespace

std::optional<qint64> createRisk(const ModuleContext &context, const Risk &risk)
{
    auto command = std::make_unique<CreateRisk>(context, risk);
    CreateRisk *raw = command.get();
    if (!pushCommand(context, std::move(command)))
        return std::nullopt;
    return raw->riskId();
}

bool editRisk(const ModuleContext &context, const Risk &before, const Risk &after)
{
    if (before == after)
        return true;
    return pushCommand(context, std::make_unique<EditRisk>(context, before, after));
}

bool retireRisk(const ModuleContext &context, qint64 id, const QString &reason)
{
    try {
        return pushCommand(context, std::make_unique<RetireRisk>(context, referenceOf(context, id), id, reason, true));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool reinstateRisk(const ModuleContext &context, qint64 id)
{
    try {
        return pushCommand(context, std::make_unique<RetireRisk>(context, referenceOf(context, id), id, QString(), false));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool deleteRisk(const ModuleContext &context, qint64 id)
{
    try {
        return pushCommand(context, std::make_unique<DeleteRisk>(context, referenceOf(context, id), id));
    } catch (const Error &e) {
        context.host.showError(e.message());
        return false;
    }
}

bool changeRiskCriteria(const ModuleContext &context, const RiskCriteria &proposed)
{
    return pushCommand(context, std::make_unique<ChangeCriteria>(context, proposed));
}

} // namespace vigil::commands
