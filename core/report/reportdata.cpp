#include "reportdata.h"

#include "actions/correctiveaction.h"
#include "base/timeformat.h"
#include "incidents/incident.h"
#include "risks/criteriarepository.h"
#include "risks/risk.h"
#include "storage/database.h"
#include "storage/query.h"
#include "training/compliance.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Report)
};

QString day(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString levelName(const RiskCriteria &criteria, int level)
{
    return level >= 0 && level < criteria.levels.size() ? criteria.levels.at(level).name : QString();
}

// A stored date, or the site's day of a stored UTC time.
QDate storedDay(const QString &text)
{
    return text.size() > 10 ? fromStoredUtc(text).toLocalTime().date() : fromStoredDate(text);
}

// Rows of a query, each column as text; dates (YYYY-MM-DD) in the user's short format. At most
// ReportData::listLimit of them, in the query's order; *total says how many there are.
QList<QStringList> textRows(Database &db, const QString &sql, const QVariantList &args, const QList<int> &dateColumns,
    int *total)
{
    *total = scalar(db, QStringLiteral("SELECT count(*) FROM (%1)").arg(sql), args).toInt();
    Query q(db, sql + QStringLiteral(" LIMIT %1").arg(ReportData::listLimit));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<QStringList> rows;
    const int columns = q.columnCount();
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row.append(dateColumns.contains(c) ? day(storedDay(q.value(c).toString())) : q.value(c).toString());
        rows.append(row);
    }
    return rows;
}

void readRisks(Database &db, ReportData &d)
{
    const Period &p = d.period;
    d.criteria = RiskCriteriaRepository(db).current();
    RiskRepository risks(db);
    RiskFilter open;
    open.statuses = {RiskStatus::Open, RiskStatus::InTreatment, RiskStatus::Accepted};
    d.inherentMap = risks.heatMap(open, RatingKind::Inherent);
    d.residualMap = risks.heatMap(open, RatingKind::Residual);
    d.openRisks = risks.count(open);

    d.topRisks.headers = {Text::tr("Risk"), Text::tr("Title"), Text::tr("Owner"), Text::tr("Inherent"), Text::tr("Residual"),
        Text::tr("Status"), Text::tr("Review")};
    d.topRisks.stretch = {3, 7, 4, 3, 3, 3, 3};
    const QList<RiskRow> top = risks.rows(open, RiskColumn::Residual, Qt::DescendingOrder, 0, 10);
    for (const RiskRow &r : top)
        d.topRisks.rows.append({r.reference, r.title, r.ownerName, levelName(d.criteria, r.inherentLevel),
            levelName(d.criteria, r.residualLevel), riskStatusTitle(r.status), day(r.reviewDate)});

    const QVariantList range {p.startStored(), p.endStored()};
    d.newRisks.headers = {Text::tr("Risk"), Text::tr("Title"), Text::tr("Owner"), Text::tr("Residual"), Text::tr("Added")};
    d.newRisks.stretch = {3, 9, 4, 3, 3};
    for (QStringList row : textRows(db,
             QStringLiteral("SELECT r.reference, r.title, coalesce(p.name, ''), r.residual_level, r.created_at FROM risks r "
                            "LEFT JOIN people p ON p.id = r.owner_id WHERE r.created_at >= ? AND r.created_at < ? "
                            "ORDER BY r.created_at"),
             range, {4}, &d.newRisks.total)) {
        row[3] = levelName(d.criteria, row.at(3).toInt());
        d.newRisks.rows.append(row);
    }
    // Closed or retired in the period. A closed risk's date is its last change (the file keeps
    // no closing date of its own); a retired one's is its retirement.
    d.closedRisks.headers = {Text::tr("Risk"), Text::tr("Title"), Text::tr("Outcome"), Text::tr("When")};
    d.closedRisks.stretch = {3, 8, 5, 3};
    for (QStringList row : textRows(db,
             QStringLiteral("SELECT r.reference, r.title, CASE WHEN r.retired_at IS NOT NULL THEN r.retired_reason "
                            "ELSE '' END, coalesce(r.retired_at, r.updated_at) FROM risks r "
                            "WHERE (r.retired_at >= ? AND r.retired_at < ?) OR (r.retired_at IS NULL AND r.status = 'closed' "
                            "AND r.updated_at >= ? AND r.updated_at < ?) ORDER BY 4"),
             range + range, {3}, &d.closedRisks.total)) {
        if (row.at(2).isEmpty())
            row[2] = riskStatusTitle(RiskStatus::Closed);
        else
            row[2] = Text::tr("Retired: %1").arg(row.at(2));
        d.closedRisks.rows.append(row);
    }
    // Re-ratings that moved a risk to another level, newest first.
    d.changedRisks.headers = {Text::tr("Risk"), Text::tr("Title"), Text::tr("Rating"), Text::tr("From"), Text::tr("To"),
        Text::tr("Why"), Text::tr("When")};
    d.changedRisks.stretch = {3, 6, 3, 3, 3, 6, 3};
    for (QStringList row : textRows(db,
             QStringLiteral("SELECT reference, title, kind, before, level, reason, rated_at FROM (SELECT r.reference, "
                            "r.title, rr.kind, (SELECT p.level FROM risk_ratings p WHERE p.risk_id = rr.risk_id "
                            "AND p.kind = rr.kind AND (p.rated_at < rr.rated_at OR (p.rated_at = rr.rated_at AND p.id < rr.id)) "
                            "ORDER BY p.rated_at DESC, p.id DESC LIMIT 1) AS before, rr.level, rr.reason, rr.rated_at "
                            "FROM risk_ratings rr JOIN risks r ON r.id = rr.risk_id WHERE rr.rated_at >= ? AND rr.rated_at < ? "
                            "AND rr.kind IN ('inherent', 'residual')) WHERE before IS NOT NULL AND before <> level "
                            "ORDER BY rated_at DESC"),
             range, {6}, &d.changedRisks.total)) {
        for (RatingKind kind : allRatingKinds) {
            if (ratingKindKey(kind) == row.at(2))
                row[2] = ratingKindTitle(kind);
        }
        row[3] = levelName(d.criteria, row.at(3).toInt());
        row[4] = levelName(d.criteria, row.at(4).toInt());
        d.changedRisks.rows.append(row);
    }
    d.overdueReviews.headers = {Text::tr("Risk"), Text::tr("Title"), Text::tr("Owner"), Text::tr("Residual"),
        Text::tr("Review was due")};
    d.overdueReviews.stretch = {3, 8, 4, 3, 3};
    for (QStringList row : textRows(db,
             QStringLiteral("SELECT r.reference, r.title, coalesce(p.name, ''), r.residual_level, r.review_date FROM risks r "
                            "LEFT JOIN people p ON p.id = r.owner_id WHERE r.retired_at IS NULL AND r.status <> 'closed' "
                            "AND r.review_date IS NOT NULL AND r.review_date <= ? ORDER BY r.review_date"),
             {toStoredDate(p.last())}, {4}, &d.overdueReviews.total)) {
        row[3] = levelName(d.criteria, row.at(3).toInt());
        d.overdueReviews.rows.append(row);
    }
}

void readIncidents(Database &db, ReportData &d)
{
    const Period &p = d.period;
    const KpiEngine engine(db);
    d.incidents = engine.incidentsTotal(p);
    d.previousIncidents = engine.incidentsTotal(p.previous());
    d.seriousIncidents = engine.seriousIncidents(p);
    d.lessonsTotal = scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE status = 'closed' AND closed_at >= ? "
                                               "AND closed_at < ? AND lessons_learned <> ''"),
        {p.startStored(), p.endStored()})
                         .toInt();
    Query q(db, QStringLiteral("SELECT reference, occurred_at, title, severity, status, description FROM incidents "
                               "WHERE occurred_at >= ? AND occurred_at < ? AND severity IN ('high', 'critical') "
                               "ORDER BY CASE severity WHEN 'critical' THEN 0 ELSE 1 END, occurred_at LIMIT ?"));
    q.bind(p.startStored()).bind(p.endStored()).bind(ReportData::listLimit).exec();
    while (q.next()) {
        NotableIncident n;
        n.reference = q.value(0).toString();
        const QDateTime when = fromStoredUtc(q.value(1).toString()).toLocalTime();
        n.when = QStringLiteral("%1 %2").arg(QLocale().toString(when.date(), QLocale::ShortFormat), when.time().toString(QStringLiteral("HH:mm")));
        n.title = q.value(2).toString();
        Severity severity;
        n.severity = severityFromKey(q.value(3).toString(), &severity) ? severityTitle(severity) : q.value(3).toString();
        IncidentStatus status;
        n.status = incidentStatusFromKey(q.value(4).toString(), &status) ? incidentStatusTitle(status) : q.value(4).toString();
        n.description = q.value(5).toString();
        d.notable.append(n);
    }
    Query l(db, QStringLiteral("SELECT reference, CASE WHEN title <> '' THEN title ELSE substr(description, 1, 80) END, "
                               "root_cause, lessons_learned FROM incidents WHERE status = 'closed' AND closed_at >= ? "
                               "AND closed_at < ? AND lessons_learned <> '' ORDER BY closed_at LIMIT ?"));
    l.bind(p.startStored()).bind(p.endStored()).bind(ReportData::listLimit).exec();
    while (l.next())
        d.lessons.append({l.value(0).toString(), l.value(1).toString(), l.value(2).toString(), l.value(3).toString()});
}

void readTraining(Database &db, ReportData &d)
{
    const QDate asOf = d.period.last();
    const ComplianceMatrix m = Compliance(db).matrix(asOf);
    d.compliance = m.percent();
    struct PostFigures
    {
        int people = 0;
        int required = 0;
        int held = 0;
        int notCleared = 0;
    };
    QMap<QString, PostFigures> byPost;
    d.notCleared.headers = {Text::tr("Person"), Text::tr("Post"), Text::tr("Missing or expired")};
    d.notCleared.stretch = {3, 3, 8};
    for (const ComplianceRow &row : m.rows) {
        PostFigures &f = byPost[row.post.isEmpty() ? Text::tr("(no post)") : row.post];
        ++f.people;
        f.required += row.required;
        f.held += row.held;
        if (row.cleared())
            continue;
        ++f.notCleared;
        QStringList missing;
        for (qsizetype c = 0; c < row.cells.size(); ++c) {
            const ComplianceCell &cell = row.cells.at(c);
            if (cell.required && (cell.status == CellStatus::Missing || cell.status == CellStatus::Expired))
                missing.append(cell.status == CellStatus::Expired
                        ? Text::tr("%1 (expired %2)").arg(m.courses.at(c).name, day(cell.expiresOn))
                        : m.courses.at(c).name);
        }
        ++d.notCleared.total;
        if (d.notCleared.rows.size() < ReportData::listLimit)
            d.notCleared.rows.append({row.name, row.post, missing.join(QStringLiteral(", "))});
    }
    d.complianceByPost.headers = {Text::tr("Post"), Text::tr("People"), Text::tr("Compliance"), Text::tr("Not cleared")};
    d.complianceByPost.stretch = {6, 2, 2, 2};
    for (auto it = byPost.cbegin(); it != byPost.cend(); ++it)
        d.complianceByPost.rows.append({it.key(), QString::number(it->people),
            kpiValueText(it->required ? 100.0 * it->held / it->required : 100.0, QStringLiteral("%")),
            QString::number(it->notCleared)});
    d.expiring.headers = {Text::tr("Person"), Text::tr("Post"), Text::tr("Course"), Text::tr("Runs out")};
    d.expiring.stretch = {4, 3, 5, 2};
    const QList<ExpiringRow> expiring = Compliance(db).expiring(asOf, 30, true);
    d.expiring.total = int(expiring.size());
    for (const ExpiringRow &row : expiring.mid(0, ReportData::listLimit))
        d.expiring.rows.append({row.person, row.post, row.course, day(row.expiresOn)});
}

void readActions(Database &db, ReportData &d)
{
    const Period &p = d.period;
    const KpiEngine engine(db);
    d.actionsOpen = engine.actionsOpen(p);
    d.actionsOverdue = engine.actionsOverdue(p);
    d.actionsCompleted = engine.actionsCompleted(p);
    const QString first = toStoredDate(p.first());
    const QString last = toStoredDate(p.last());
    d.verifiedEffective = scalar(db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE status = 'verified_effective' "
                                                    "AND verified_on >= ? AND verified_on <= ?"),
        {first, last})
                              .toInt();
    d.notEffective = scalar(db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE status = 'not_effective' "
                                               "AND verified_on >= ? AND verified_on <= ?"),
        {first, last})
                         .toInt();
    d.overdueActions.headers = {Text::tr("Action"), Text::tr("What"), Text::tr("Owner"), Text::tr("Due")};
    d.overdueActions.stretch = {3, 10, 4, 3};
    d.overdueActions.rows = textRows(db,
        QStringLiteral("SELECT a.reference, a.description, coalesce(p.name, ''), a.due_date FROM corrective_actions a "
                       "LEFT JOIN people p ON p.id = a.owner_id WHERE a.due_date <= ? AND a.created_at < ? "
                       "AND (a.completed_on IS NULL OR a.completed_on > ?) ORDER BY a.due_date, a.reference"),
        {last, p.endStored(), last}, {3}, &d.overdueActions.total);
    d.completedActions.headers = {Text::tr("Action"), Text::tr("What"), Text::tr("Owner"), Text::tr("Due"),
        Text::tr("Completed")};
    d.completedActions.stretch = {3, 9, 4, 3, 3};
    d.completedActions.rows = textRows(db,
        QStringLiteral("SELECT a.reference, a.description, coalesce(p.name, ''), a.due_date, a.completed_on "
                       "FROM corrective_actions a LEFT JOIN people p ON p.id = a.owner_id "
                       "WHERE a.completed_on >= ? AND a.completed_on <= ? ORDER BY a.completed_on DESC"),
        {first, last}, {3, 4}, &d.completedActions.total);
}

void readOpenPoints(Database &db, ReportData &d)
{
    if (d.actionsOverdue > 0)
        d.openPoints.append(Text::tr("%n corrective actions are overdue: agree new dates or escalate.", nullptr, d.actionsOverdue));
    if (d.overdueReviews.total > 0)
        d.openPoints.append(Text::tr("%n risks are past their review date.", nullptr, d.overdueReviews.total));
    if (d.notCleared.total > 0)
        d.openPoints.append(Text::tr("%n people are not cleared for their post.", nullptr, d.notCleared.total));
    const int longOpen = scalar(db, QStringLiteral("SELECT count(*) FROM incidents WHERE status <> 'closed' AND reported_at < ?"),
        {toStoredUtc(QDateTime(d.period.last().addDays(-29), QTime(0, 0)).toUTC())})
                             .toInt();
    if (longOpen > 0)
        d.openPoints.append(Text::tr("%n incidents reported more than 30 days before the period's end are still open.", nullptr, longOpen));
    for (const KpiResult &r : d.dashboard.results) {
        if (r.kpi.source == KpiSource::Manual && !r.value) {
            // A monthly figure has no one value for a quarter: only a missing entry for the
            // KPI's own period is an open point.
            if (entryPeriod(r.kpi, d.period))
                d.openPoints.append(Text::tr("No value was entered for %1.").arg(r.kpi.name));
        }
        else if (r.status == KpiStatus::Red)
            d.openPoints.append(Text::tr("%1 is red: %2 against a target of %3.")
                                    .arg(r.kpi.name, kpiValueText(r.value, r.kpi.unit), kpiValueText(r.target, r.kpi.unit)));
    }
}

} // namespace

ReportData readReportData(Database &db, const Period &period)
{
    ReportData d;
    d.site = SiteRepository(db).load().value_or(SiteProfile {});
    d.period = period;
    d.dashboard = computeDashboard(db, period);
    const KpiEngine engine(db);
    for (const KpiResult &r : std::as_const(d.dashboard.results)) {
        QList<std::optional<double>> values;
        for (const Period &month : std::as_const(d.dashboard.months))
            values.append(engine.value(r.kpi, month));
        d.kpiTrend.append(values);
    }
    readRisks(db, d);
    readIncidents(db, d);
    readTraining(db, d);
    readActions(db, d);
    readOpenPoints(db, d);
    return d;
}

} // namespace vigil
