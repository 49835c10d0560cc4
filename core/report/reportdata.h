#pragma once

#include "kpi/dashboard.h"
#include "risks/riskcriteria.h"
#include "risks/riskrepository.h"
#include "site/siteprofile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

class Database;

// A table as the report prints it: text already formatted for people.
struct ReportTable
{
    QStringList headers;
    QList<QStringList> rows;
    QList<int> stretch; // relative column widths (empty: equal)
    int total = 0;      // rows there are; more than rows.size() when the list was cut short
};

struct NotableIncident
{
    QString reference;
    QString when;
    QString title;
    QString severity;
    QString status;
    QString description;
};

struct LessonLearned
{
    QString reference;
    QString title;
    QString rootCause;
    QString lesson;
};

// Everything the management review report says about a period, read in one go.
struct ReportData
{
    // Every list stops at this many rows (the most pressing or the newest first) and says how
    // many there were: a review reads a summary, the registers hold the rest.
    static constexpr int listLimit = 40;

    SiteProfile site;
    Period period;
    KpiDashboard dashboard;                     // KPI results and the chart data (see KpiDashboard)
    QList<QList<std::optional<double>>> kpiTrend; // per KPI of dashboard.results: its value per month

    // Risks (the register as it stands, and what changed in the period)
    RiskCriteria criteria;
    HeatMapCounts inherentMap;
    HeatMapCounts residualMap;
    int openRisks = 0;
    ReportTable topRisks;       // the ten highest residual
    ReportTable newRisks;       // created in the period
    ReportTable closedRisks;    // closed or retired in the period
    ReportTable changedRisks;   // re-rated in the period
    ReportTable overdueReviews; // open risks whose review date has passed by the period's end

    // Incidents
    int incidents = 0;
    int previousIncidents = 0;
    int seriousIncidents = 0;       // high and critical
    int lessonsTotal = 0;
    QList<NotableIncident> notable; // high and critical in the period (critical first), up to listLimit
    QList<LessonLearned> lessons;   // closed in the period, up to listLimit

    // Training at the period's end
    double compliance = 100;
    ReportTable complianceByPost;
    ReportTable expiring;   // within 30 days of the period's end
    ReportTable notCleared; // people missing something their post needs

    // Corrective actions
    int actionsOpen = 0;
    int actionsOverdue = 0;
    int actionsCompleted = 0;
    int verifiedEffective = 0;
    int notEffective = 0;
    ReportTable overdueActions;
    ReportTable completedActions;

    QStringList openPoints; // for the next review
};

// Reads the report's data for the period: KPIs and charts as at its end, registers as they stand.
ReportData readReportData(Database &db, const Period &period);

} // namespace vigil
