#pragma once

#include "kpi/kpi.h"
#include "kpi/period.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace vigil {

class Database;
struct ComplianceSummary;
enum class RatingKind;

// The keys of the built-in KPIs (kpis.key): computed ones name their computation below.
namespace KpiKey {
inline constexpr char IncidentsTotal[] = "incidents.total";
inline constexpr char IncidentsSerious[] = "incidents.serious";
inline constexpr char MeanHoursToClose[] = "incidents.mean_hours_to_close";
inline constexpr char P90HoursToClose[] = "incidents.p90_hours_to_close";
inline constexpr char ClosedWithinTarget[] = "incidents.closed_within_target";
inline constexpr char RisksOpenHigh[] = "risks.open_high";
inline constexpr char RisksPastReview[] = "risks.past_review";
inline constexpr char TrainingCompliance[] = "training.compliance";
inline constexpr char CertificationsExpiring[] = "training.expiring_30_days";
inline constexpr char ActionsOpen[] = "actions.open";
inline constexpr char ActionsOverdue[] = "actions.overdue";
inline constexpr char ActionsClosedOnTime[] = "actions.closed_on_time";
inline constexpr char PatrolsCompleted[] = "manual.patrols_completed";
inline constexpr char AlarmResponseMinutes[] = "manual.alarm_response_minutes";
inline constexpr char AuditScore[] = "manual.audit_score";
} // namespace KpiKey

// One bar of a breakdown: a severity, a category, a risk level.
struct KpiCount
{
    QString key;   // stable: a severity key, a category id, a level index
    QString label; // for people
    int count = 0;
    bool operator==(const KpiCount &) const = default;
};

// A KPI's result for a period, with the previous period's for comparison.
struct KpiResult
{
    Kpi kpi;
    Period period;
    // The target and amber band for this period: a count of what happens (incidents) is
    // targeted per period of the KPI's frequency, so a year has twelve months' worth.
    std::optional<double> target;
    double amberBand = 0;
    std::optional<double> value;    // none: nothing to measure (no closures, no value entered)
    KpiStatus status = KpiStatus::Unknown;
    std::optional<double> previous; // the same KPI over period.previous()
    KpiStatus previousStatus = KpiStatus::Unknown;
};

// The built-in computations, each over the records for one period. Incidents count in the period
// they occurred in. An incident counts as closed in a period when it was closed in it and not
// reopened before the period ended, so a published month does not change later; one reopened
// and closed again counts again, measured from its report to the new close. Actions and training
// are taken as they stood at the end of the period's last day, and so are the risks that existed
// and their residual ratings then (or today, for a period not over yet); but whether a risk is closed and its review date are read as
// they are now (the file keeps no history of them outside the audit trail), so closing or
// reviewing a risk today also changes those two figures for past periods. An engine keeps what it
// has read (several KPIs share one reading): make a new one to see later changes.
class KpiEngine
{
public:
    // Closing within this many days of the report counts as closed within target.
    static constexpr int incidentTargetDays = 7;

    explicit KpiEngine(Database &db);

    int incidentsTotal(const Period &period) const;
    QList<KpiCount> incidentsBySeverity(const Period &period) const; // every severity, lowest first
    QList<KpiCount> incidentsByCategory(const Period &period) const; // categories with incidents, most first
    int seriousIncidents(const Period &period) const;                // high and critical
    // Hours from report to close of the incidents closed in the period, shortest first.
    QList<double> hoursToClose(const Period &period) const;
    std::optional<double> meanHoursToClose(const Period &period) const;
    std::optional<double> p90HoursToClose(const Period &period) const; // nearest rank
    std::optional<double> closedWithinTargetPercent(const Period &period, int days = incidentTargetDays) const;

    // Open risks at the period's end by their inherent or residual level then (every level of
    // the current criteria, lowest first), and how many are at the top two residual levels.
    QList<KpiCount> openRisksByLevel(const Period &period, RatingKind kind) const;
    int openHighRisks(const Period &period) const;
    int risksPastReview(const Period &period) const;

    double trainingCompliancePercent(const Period &period) const;
    int certificationsExpiring(const Period &period, int days = 30) const;

    int actionsOpen(const Period &period) const;
    int actionsOverdue(const Period &period) const;
    int actionsRaised(const Period &period) const;    // created in the period
    int actionsCompleted(const Period &period) const; // completed in the period
    // Of the actions completed in the period, the share completed by their due date.
    std::optional<double> actionsClosedOnTimePercent(const Period &period) const;

    // The KPI with its target and amber band for the period (see KpiResult::target).
    static Kpi scaledToPeriod(const Kpi &kpi, const Period &period);
    // The value of any KPI: computed by its key, or the value entered for the period.
    std::optional<double> value(const Kpi &kpi, const Period &period) const;
    KpiResult result(const Kpi &kpi, const Period &period) const;
    // Every active KPI, in display order.
    QList<KpiResult> results(const Period &period) const;

    // What "as at the period's end" reads for a period not over yet: up to today, never the
    // future (due dates ahead are not overdue, nobody's certificate has run out yet).
    static Period asAtEnd(const Period &period);

private:
    const ComplianceSummary &complianceSummary(const QDate &asOf, int expiringDays) const;

    Database &m_db;
    mutable QHash<QString, QList<double>> m_hoursToClose; // by period key
    mutable QHash<QString, std::shared_ptr<ComplianceSummary>> m_summaries; // by day and window
};

} // namespace vigil
