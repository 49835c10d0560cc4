#include "incidentsmodule.h"

#include "base/clock.h"
#include "incidents/incidentrepository.h"
#include "shell/icons.h"
#include "storage/recordstore.h"
#include "widgets/displaytext.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentsModule)
};

} // namespace

QString IncidentsModule::id() const
{
    return QStringLiteral("incidents");
}

QString IncidentsModule::title() const
{
    return Text::tr("Incidents");
}

QIcon IncidentsModule::icon() const
{
    return themedIcon(QStringLiteral("incidents"));
}

QList<OverviewFigure> IncidentsModule::overviewFigures() const
{
    const IncidentSummary s = IncidentRepository(m_context.db).summary(Clock::current().nowUtc());
    const QVariantMap open {{QStringLiteral("status"), QStringLiteral("open")}};
    QVariantMap openHigh = open;
    openHigh.insert(QStringLiteral("severity"), QStringLiteral("high+"));
    QStringList bySeverity;
    for (int i = int(std::size(allSeverities)) - 1; i >= 0; --i) { // worst first
        const Severity severity = allSeverities[i];
        if (const int n = s.openBySeverity.value(int(severity)))
            bySeverity.append(Text::tr("%1 %2", "count and severity: 3 high").arg(n).arg(severityTitle(severity).toLower()));
    }
    OverviewFigure openFigure {Text::tr("open incidents"), QString::number(s.open), id(), open};
    openFigure.detail = bySeverity.join(QStringLiteral(" · "));
    return {
        openFigure,
        {Text::tr("open high or critical"),
            QString::number(s.openBySeverity.value(int(Severity::High)) + s.openBySeverity.value(int(Severity::Critical))), id(),
            openHigh},
        {Text::tr("reported in 24 hours"), QString::number(s.lastDay), id(),
            QVariantMap {{QStringLiteral("reportedWithinHours"), 24}}},
    };
}

QList<AttentionItem> IncidentsModule::attentionItems(const QDate &) const
{
    const IncidentSummary s = IncidentRepository(m_context.db).summary(Clock::current().nowUtc());
    QList<AttentionItem> items;
    const int critical = s.openBySeverity.value(int(Severity::Critical));
    const int high = s.openBySeverity.value(int(Severity::High));
    if (critical > 0)
        items.append({AttentionItem::Level::Critical, Text::tr("%n critical incidents are open.", nullptr, critical), id(),
            QVariantMap {{QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("severity"), QStringLiteral("critical")}}});
    if (high > 0)
        items.append({AttentionItem::Level::Warning, Text::tr("%n high-severity incidents are open.", nullptr, high), id(),
            QVariantMap {{QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("severity"), QStringLiteral("high")}}});
    if (s.lastDay > 0)
        items.append({AttentionItem::Level::Info, Text::tr("%n incidents were reported in the last 24 hours.", nullptr, s.lastDay),
            id(), QVariantMap {{QStringLiteral("reportedWithinHours"), 24}}});
    return items;
}

QString IncidentsModule::entityTitle(const QString &entity) const
{
    if (entity == QLatin1String("incidents"))
        return Text::tr("Incident");
    if (entity == QLatin1String("site_areas"))
        return Text::tr("Site area");
    if (entity == QLatin1String("incident_categories"))
        return Text::tr("Incident category");
    return {};
}

QString IncidentsModule::recordLabel(const QString &entity, const QString &uuid) const
{
    if (entity == QLatin1String("incidents")) {
        RecordStore store(m_context.db, entity);
        const QString reference = store.valueOf(uuid, QStringLiteral("reference")).toString();
        QString summary = store.valueOf(uuid, QStringLiteral("title")).toString();
        if (summary.isEmpty())
            summary = elideWords(store.valueOf(uuid, QStringLiteral("description")).toString(), 60);
        return reference.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(reference, summary);
    }
    if (entity == QLatin1String("site_areas") || entity == QLatin1String("incident_categories"))
        return RecordStore(m_context.db, entity).valueOf(uuid, QStringLiteral("name")).toString();
    return {};
}

QString IncidentsModule::fieldTitle(const QString &entity, const QString &field) const
{
    return entity == QLatin1String("incidents") ? incidentFieldTitle(field) : QString();
}

} // namespace vigil
