#include "kpicommands.h"

#include "base/error.h"
#include "commands/command.h"
#include "shell/module.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace vigil::commands {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::commands::Kpis)
};

// Undo puts back what was there: the earlier value, or no entry. A row one step took away comes
// back as the same record when the step is undone or redone.
class SetKpiValues final : public Command
{
public:
    SetKpiValues(const ModuleContext &context, const QList<KpiValueChange> &changes, const QString &text)
        : Command(context, text)
        , m_db(context.db)
    {
        const KpiValueRepository values(m_db);
        for (const KpiValueChange &change : changes)
            m_steps.append({change, values.value(change.kpiId, change.periodStart),
                values.note(change.kpiId, change.periodStart), {}});
    }

protected:
    void apply() override
    {
        Transaction tx(m_db);
        KpiValueRepository values(m_db);
        for (Step &step : m_steps)
            put(values, step, step.change.value);
        tx.commit();
    }
    void revert() override
    {
        Transaction tx(m_db);
        KpiValueRepository values(m_db);
        for (auto step = m_steps.rbegin(); step != m_steps.rend(); ++step)
            put(values, *step, step->before);
        tx.commit();
    }

private:
    struct Step
    {
        KpiValueChange change;
        std::optional<double> before;
        QString note;
        QVariantMap removed;
    };

    static void put(KpiValueRepository &values, Step &step, std::optional<double> value)
    {
        const qint64 kpi = step.change.kpiId;
        const QDate start = step.change.periodStart;
        if (!value) {
            step.removed = values.remove(kpi, start);
        } else if (!step.removed.isEmpty()) {
            values.restore(step.removed);
            step.removed.clear();
            if (values.value(kpi, start) != value) // the row held another value than the one wanted
                values.setValue(kpi, start, *value, step.note);
        } else {
            values.setValue(kpi, start, *value, step.note);
        }
    }

    Database &m_db;
    QList<Step> m_steps;
};

QString frequencyText(KpiFrequency frequency)
{
    switch (frequency) {
    case KpiFrequency::Quarter:
        return Text::tr("a quarter");
    case KpiFrequency::Year:
        return Text::tr("a year");
    case KpiFrequency::Month:
        break;
    }
    return Text::tr("a month");
}

} // namespace

bool setKpiValue(const ModuleContext &context, const Kpi &kpi, const Period &period, double value)
{
    const std::optional<Period> entered = entryPeriod(kpi, period);
    if (!entered) {
        context.host.showError(Text::tr("%1 is entered for %2 at a time: choose %2 to enter it.")
                                   .arg(kpi.name, frequencyText(kpi.frequency)));
        return false;
    }
    return setKpiValues(context, {{kpi.id, entered->first(), value}}, Text::tr("%1 for %2").arg(kpi.name, entered->key()));
}

bool setKpiValues(const ModuleContext &context, const QList<KpiValueChange> &changes, const QString &text)
{
    if (changes.isEmpty())
        return true;
    return pushCommand(context, std::make_unique<SetKpiValues>(context, changes, text));
}

} // namespace vigil::commands
