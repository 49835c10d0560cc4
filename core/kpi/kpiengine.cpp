#include "kpiengine.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "incidents/incident.h"
#include "risks/criteriarepository.h"
#include "risks/risk.h"
#include "storage/database.h"
#include "storage/query.h"
#include "training/compliance.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigil {
namespace {

int intScalar(const Database &db, const QString &sql, const QVariantList &args)
{
    return scalar(db, sql, args).toInt();
}

// Risks still open at the end of the period: created before it ended, not retired or closed by then.
const char openRisksAtEnd[] = "FROM risks r WHERE r.created_at < ? AND (r.retired_at IS NULL OR r.retired_at >= ?) "
                              "AND r.status <> 'closed'";

} // namespace

KpiEngine::KpiEngine(Database &db)
    : m_db(db)
{
}

Period KpiEngine::asAtEnd(const Period &period)
{
    return period.endingBy(Clock::current().today());
}

int KpiEngine::incidentsTotal(const Period &period) const
{
    return intScalar(m_db, QStringLiteral("SELECT count(*) FROM incidents WHERE occurred_at >= ? AND occurred_at < ?"),
        {period.startStored(), period.endStored()});
}

QList<KpiCount> KpiEngine::incidentsBySeverity(const Period &period) const
{
    Query q(m_db, QStringLiteral("SELECT severity, count(*) FROM incidents WHERE occurred_at >= ? AND occurred_at < ? "
                                 "GROUP BY severity"));
    q.bind(period.startStored()).bind(period.endStored()).exec();
    QHash<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    QList<KpiCount> result;
    for (Severity severity : allSeverities)
        result.append({severityKey(severity), severityTitle(severity), counts.value(severityKey(severity))});
    return result;
}

QList<KpiCount> KpiEngine::incidentsByCategory(const Period &period) const
{
    Query q(m_db, QStringLiteral("SELECT c.id, c.name, n FROM (SELECT category_id, count(*) AS n FROM incidents "
                                 "WHERE occurred_at >= ? AND occurred_at < ? GROUP BY category_id) AS i "
                                 "JOIN incident_categories c ON c.id = i.category_id ORDER BY n DESC, c.name"));
    q.bind(period.startStored()).bind(period.endStored()).exec();
    QList<KpiCount> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()});
    return result;
}

int KpiEngine::seriousIncidents(const Period &period) const
{
    return intScalar(m_db,
        QStringLiteral("SELECT count(*) FROM incidents WHERE severity IN ('high', 'critical') "
                       "AND occurred_at >= ? AND occurred_at < ?"),
        {period.startStored(), period.endStored()});
}

QList<double> KpiEngine::hoursToClose(const Period &period) const
{
    const QString cacheKey = period.key();
    if (const auto found = m_hoursToClose.constFind(cacheKey); found != m_hoursToClose.cend())
        return *found;
    // A status entry (or the correction of one) to closed in the period that no later status
    // entry of the same incident follows before the period ends: the incident's close, as the
    // period saw it.
    Query q(m_db, QStringLiteral(
                      "SELECT (julianday(t.at) - julianday(i.reported_at)) * 24 FROM incident_timeline t "
                      "JOIN incidents i ON i.id = t.incident_id "
                      "WHERE t.kind IN ('status', 'correction') AND t.to_status = 'closed' AND t.at >= ? AND t.at < ? "
                      "AND NOT EXISTS (SELECT 1 FROM incident_timeline l WHERE l.incident_id = t.incident_id "
                      "AND l.to_status IS NOT NULL AND l.at < ? AND (l.at > t.at OR (l.at = t.at AND l.id > t.id)))"));
    const QString end = period.endStored();
    q.bind(period.startStored()).bind(end).bind(end).exec();
    QList<double> hours;
    while (q.next())
        hours.append(std::max(0.0, q.value(0).toDouble()));
    std::sort(hours.begin(), hours.end());
    m_hoursToClose.insert(cacheKey, hours);
    return hours;
}

std::optional<double> KpiEngine::meanHoursToClose(const Period &period) const
{
    const QList<double> hours = hoursToClose(period);
    if (hours.isEmpty())
        return std::nullopt;
    return std::accumulate(hours.begin(), hours.end(), 0.0) / double(hours.size());
}

std::optional<double> KpiEngine::p90HoursToClose(const Period &period) const
{
    const QList<double> hours = hoursToClose(period);
    if (hours.isEmpty())
        return std::nullopt;
    const auto rank = qsizetype(std::ceil(0.9 * double(hours.size())));
    return hours.at(std::max<qsizetype>(rank, 1) - 1);
}

std::optional<double> KpiEngine::closedWithinTargetPercent(const Period &period, int days) const
{
    const QList<double> hours = hoursToClose(period);
    if (hours.isEmpty())
        return std::nullopt;
    const auto within = std::count_if(hours.begin(), hours.end(), [&](double h) { return h <= days * 24.0; });
    return 100.0 * double(within) / double(hours.size());
}

QList<KpiCount> KpiEngine::openRisksByLevel(const Period &period, RatingKind kind) const
{
    // The level a risk had at the period's end: its last rating of the kind made by then (the
    // risk's current level when no rating is that old).
    const QString kindKey = ratingKindKey(kind);
    Query q(m_db, QStringLiteral("SELECT level, count(*) FROM (SELECT coalesce((SELECT rr.level FROM risk_ratings rr "
                                 "WHERE rr.risk_id = r.id AND rr.kind = ? AND rr.rated_at < ? "
                                 "ORDER BY rr.rated_at DESC, rr.id DESC LIMIT 1), r.%1_level) AS level %2) AS s "
                                 "GROUP BY level")
                      .arg(kindKey, QLatin1String(openRisksAtEnd)));
    const QString end = asAtEnd(period).endStored();
    q.bind(kindKey).bind(end).bind(end).bind(end).exec();
    QHash<int, int> counts;
    while (q.next())
        counts.insert(q.value(0).toInt(), q.value(1).toInt());
    const RiskCriteria criteria = RiskCriteriaRepository(m_db).current();
    QList<KpiCount> result;
    for (int level = 0; level < criteria.levels.size(); ++level)
        result.append({QString::number(level), criteria.levels.at(level).name, counts.value(level)});
    return result;
}

int KpiEngine::openHighRisks(const Period &period) const
{
    const QList<KpiCount> levels = openRisksByLevel(period, RatingKind::Residual);
    int count = 0;
    for (qsizetype i = std::max<qsizetype>(0, levels.size() - 2); i < levels.size(); ++i)
        count += levels.at(i).count;
    return count;
}

int KpiEngine::risksPastReview(const Period &period) const
{
    const Period p = asAtEnd(period);
    const QString end = p.endStored();
    return intScalar(m_db,
        QStringLiteral("SELECT count(*) %1 AND r.review_date IS NOT NULL AND r.review_date <= ?")
            .arg(QLatin1String(openRisksAtEnd)),
        {end, end, toStoredDate(p.last())});
}

const ComplianceSummary &KpiEngine::complianceSummary(const QDate &asOf, int expiringDays) const
{
    const QString cacheKey = QStringLiteral("%1+%2").arg(toStoredDate(asOf)).arg(expiringDays);
    std::shared_ptr<ComplianceSummary> &summary = m_summaries[cacheKey];
    if (!summary)
        summary = std::make_shared<ComplianceSummary>(Compliance(m_db).summary(asOf, expiringDays));
    return *summary;
}

double KpiEngine::trainingCompliancePercent(const Period &period) const
{
    return complianceSummary(asAtEnd(period).last(), 30).percent;
}

int KpiEngine::certificationsExpiring(const Period &period, int days) const
{
    return complianceSummary(asAtEnd(period).last(), days).expiring;
}

// Actions not completed by the end of the period: still open, or completed after it. Two
// counts so that each reads the few rows it needs through the completion-date index.
int KpiEngine::actionsOpen(const Period &period) const
{
    const QString end = asAtEnd(period).endStored();
    const QString last = toStoredDate(asAtEnd(period).last());
    return intScalar(m_db,
        QStringLiteral("SELECT (SELECT count(*) FROM corrective_actions WHERE completed_on IS NULL AND created_at < ?) "
                       "+ (SELECT count(*) FROM corrective_actions WHERE completed_on > ? AND created_at < ?)"),
        {end, last, end});
}

int KpiEngine::actionsOverdue(const Period &period) const
{
    const QString end = asAtEnd(period).endStored();
    const QString last = toStoredDate(asAtEnd(period).last());
    return intScalar(m_db,
        QStringLiteral("SELECT (SELECT count(*) FROM corrective_actions WHERE completed_on IS NULL AND created_at < ? "
                       "AND due_date <= ?) + (SELECT count(*) FROM corrective_actions WHERE completed_on > ? "
                       "AND created_at < ? AND due_date <= ?)"),
        {end, last, last, end, last});
}

int KpiEngine::actionsRaised(const Period &period) const
{
    return intScalar(m_db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE created_at >= ? AND created_at < ?"),
        {period.startStored(), period.endStored()});
}

int KpiEngine::actionsCompleted(const Period &period) const
{
    return intScalar(m_db,
        QStringLiteral("SELECT count(*) FROM corrective_actions WHERE completed_on >= ? AND completed_on <= ?"),
        {toStoredDate(period.first()), toStoredDate(period.last())});
}

std::optional<double> KpiEngine::actionsClosedOnTimePercent(const Period &period) const
{
    Query q(m_db, QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN due_date IS NULL OR completed_on <= due_date "
                                 "THEN 1 ELSE 0 END), 0) FROM corrective_actions "
                                 "WHERE completed_on >= ? AND completed_on <= ?"));
    q.bind(toStoredDate(period.first())).bind(toStoredDate(period.last())).exec();
    q.next();
    const int completed = q.value(0).toInt();
    if (completed == 0)
        return std::nullopt;
    return 100.0 * q.value(1).toDouble() / completed;
}

std::optional<double> KpiEngine::value(const Kpi &kpi, const Period &period) const
{
    if (kpi.source == KpiSource::Manual) {
        const std::optional<Period> entered = entryPeriod(kpi, period);
        return entered ? KpiValueRepository(m_db).value(kpi.id, entered->first()) : std::nullopt;
    }
    const QByteArray key = kpi.key.toUtf8();
    if (key == KpiKey::IncidentsTotal)
        return incidentsTotal(period);
    if (key == KpiKey::IncidentsSerious)
        return seriousIncidents(period);
    if (key == KpiKey::MeanHoursToClose)
        return meanHoursToClose(period);
    if (key == KpiKey::P90HoursToClose)
        return p90HoursToClose(period);
    if (key == KpiKey::ClosedWithinTarget)
        return closedWithinTargetPercent(period);
    if (key == KpiKey::RisksOpenHigh)
        return openHighRisks(period);
    if (key == KpiKey::RisksPastReview)
        return risksPastReview(period);
    if (key == KpiKey::TrainingCompliance)
        return trainingCompliancePercent(period);
    if (key == KpiKey::CertificationsExpiring)
        return certificationsExpiring(period);
    if (key == KpiKey::ActionsOpen)
        return actionsOpen(period);
    if (key == KpiKey::ActionsOverdue)
        return actionsOverdue(period);
    if (key == KpiKey::ActionsClosedOnTime)
        return actionsClosedOnTimePercent(period);
    return std::nullopt; // a computation this program does not know (a newer file's)
}

Kpi KpiEngine::scaledToPeriod(const Kpi &kpi, const Period &period)
{
    // Only counts of events add up over time; levels at a period's end, shares and durations
    // do not, and a manual value is entered for one period of the KPI's frequency.
    const bool adds = kpi.source == KpiSource::Computed
        && (kpi.key == QLatin1String(KpiKey::IncidentsTotal) || kpi.key == QLatin1String(KpiKey::IncidentsSerious));
    if (!adds)
        return kpi;
    double months = 1;
    switch (period.kind()) {
    case Period::Kind::Month:
        break;
    case Period::Kind::Quarter:
        months = 3;
        break;
    case Period::Kind::Year:
        months = 12;
        break;
    case Period::Kind::Custom:
        months = double(period.first().daysTo(period.last()) + 1) / (365.25 / 12);
        break;
    }
    const double factor = months / kpiFrequencyMonths(kpi.frequency);
    Kpi scaled = kpi;
    if (scaled.target)
        scaled.target = *scaled.target * factor;
    scaled.amberBand *= factor;
    return scaled;
}

KpiResult KpiEngine::result(const Kpi &kpi, const Period &period) const
{
    KpiResult r;
    r.kpi = kpi;
    r.period = period;
    const Kpi scaled = scaledToPeriod(kpi, period);
    r.target = scaled.target;
    r.amberBand = scaled.amberBand;
    r.value = value(kpi, period);
    r.status = kpiStatus(scaled, r.value);
    const Period previous = period.previous();
    r.previous = value(kpi, previous);
    r.previousStatus = kpiStatus(scaledToPeriod(kpi, previous), r.previous);
    return r;
}

QList<KpiResult> KpiEngine::results(const Period &period) const
{
    QList<KpiResult> all;
    for (const Kpi &kpi : activeKpis(m_db))
        all.append(result(kpi, period));
    return all;
}

} // namespace vigil
