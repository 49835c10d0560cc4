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

// Undo puts back what was there: the earlier value, or no entry (the removed row comes back as
// the same record on redo).
class SetKpiValue final : public Command
{
public:
    SetKpiValue(const ModuleContext &context, const Kpi &kpi, const Period &entered, double value)
        : Command(context, Text::tr("%1 for %2").arg(kpi.name, entered.key()))
        , m_db(context.db)
        , m_kpi(kpi.id)
        , m_start(entered.first())
        , m_value(value)
    {
        const KpiValueRepository values(m_db);
        m_before = values.value(m_kpi, m_start);
        m_note = values.note(m_kpi, m_start);
    }

protected:
    void apply() override
    {
        KpiValueRepository values(m_db);
        if (!m_removed.isEmpty()) { // redo of a first entry: the same record again
            values.restore(m_removed);
            m_removed.clear();
            return;
        }
        values.setValue(m_kpi, m_start, m_value, m_note);
    }
    void revert() override
    {
        KpiValueRepository values(m_db);
        if (m_before)
            values.setValue(m_kpi, m_start, *m_before, m_note);
        else
            m_removed = values.remove(m_kpi, m_start);
    }

private:
    Database &m_db;
    qint64 m_kpi;
    QDate m_start;
    double m_value;
    std::optional<double> m_before;
    QString m_note;
    QVariantMap m_removed;
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
    return pushCommand(context, std::make_unique<SetKpiValue>(context, kpi, *entered, value));
}

} // namespace vigil::commands
