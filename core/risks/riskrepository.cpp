#include "riskrepository.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "io/exporttable.h"
#include "risks/criteriarepository.h"
#include "risks/riskcriteria.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/sequence.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlRecord>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RiskRepository)
};

const QString table = QStringLiteral("risks");

QVariant intOrNull(int value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

QString prefix(RatingKind kind)
{
    return ratingKindKey(kind);
}

// Columns of a risk (besides id, uuid and the common columns), in the order load() reads them.
const QStringList &riskColumns()
{
    static const QStringList columns {QStringLiteral("reference"), QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("category"), QStringLiteral("threat_id"),
        QStringLiteral("vulnerability"), QStringLiteral("owner_id"), QStringLiteral("treatment"),
        QStringLiteral("justification"), QStringLiteral("status"), QStringLiteral("review_date"),
        QStringLiteral("review_months"), QStringLiteral("criteria_id"), QStringLiteral("inherent_likelihood"),
        QStringLiteral("inherent_impact"), QStringLiteral("inherent_level"), QStringLiteral("residual_likelihood"),
        QStringLiteral("residual_impact"), QStringLiteral("residual_level"), QStringLiteral("target_likelihood"),
        QStringLiteral("target_impact"), QStringLiteral("target_level"), QStringLiteral("retired_at"),
        QStringLiteral("retired_reason")};
    return columns;
}

QVariantMap fieldsOf(const Risk &r)
{
    QVariantMap f {
        {QStringLiteral("reference"), r.reference},
        {QStringLiteral("title"), r.title.trimmed()},
        {QStringLiteral("description"), r.description.trimmed()},
        {QStringLiteral("category"), r.category.trimmed()},
        {QStringLiteral("threat_id"), idOrNull(r.threatId)},
        {QStringLiteral("vulnerability"), r.vulnerability.trimmed()},
        {QStringLiteral("owner_id"), idOrNull(r.ownerId)},
        {QStringLiteral("treatment"), treatmentKey(r.treatment)},
        {QStringLiteral("justification"), r.justification.trimmed()},
        {QStringLiteral("status"), riskStatusKey(r.status)},
        {QStringLiteral("review_date"), r.reviewDate.isValid() ? QVariant(r.reviewDate) : QVariant()},
        {QStringLiteral("review_months"), intOrNull(r.reviewMonths)},
        {QStringLiteral("criteria_id"), r.criteriaId},
        {QStringLiteral("retired_at"), r.retiredAt.isValid() ? QVariant(r.retiredAt) : QVariant()},
        {QStringLiteral("retired_reason"), r.retiredReason.trimmed()},
    };
    for (RatingKind kind : allRatingKinds) {
        const Rating rating = r.rating(kind);
        const bool set = rating.isSet();
        f.insert(prefix(kind) + QStringLiteral("_likelihood"), set ? QVariant(rating.likelihood) : QVariant());
        f.insert(prefix(kind) + QStringLiteral("_impact"), set ? QVariant(rating.impact) : QVariant());
        f.insert(prefix(kind) + QStringLiteral("_level"), set ? QVariant(rating.level) : QVariant());
    }
    return f;
}

// The WHERE clause of the register, shared by the rows, their count and the heat maps.
QString whereClause(const RiskFilter &f, QVariantList *args)
{
    QStringList conditions;
    if (!f.includeRetired)
        conditions.append(QStringLiteral("r.retired_at IS NULL"));
    if (!f.residualLevels.isEmpty()) {
        conditions.append(QStringLiteral("r.residual_level IN (%1)").arg(placeholders(f.residualLevels.size())));
        for (int level : f.residualLevels)
            args->append(level);
    }
    if (!f.inherentLevels.isEmpty()) {
        conditions.append(QStringLiteral("r.inherent_level IN (%1)").arg(placeholders(f.inherentLevels.size())));
        for (int level : f.inherentLevels)
            args->append(level);
    }
    if (f.ownerId > 0) {
        conditions.append(QStringLiteral("r.owner_id = ?"));
        args->append(f.ownerId);
    }
    if (!f.statuses.isEmpty()) {
        conditions.append(QStringLiteral("r.status IN (%1)").arg(placeholders(f.statuses.size())));
        for (RiskStatus status : f.statuses)
            args->append(riskStatusKey(status));
    }
    if (!f.category.isEmpty()) {
        conditions.append(QStringLiteral("r.category = ?"));
        args->append(f.category);
    }
    if (f.overdueOnly) {
        conditions.append(QStringLiteral("r.review_date < ? AND r.status <> 'closed'"));
        args->append(toStoredDate(Clock::current().today()));
    }
    if (f.cellSet) {
        const QString p = prefix(f.cellKind);
        conditions.append(QStringLiteral("r.%1_likelihood = ? AND r.%1_impact = ?").arg(p));
        args->append(f.cellLikelihood);
        args->append(f.cellImpact);
    }
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList words = f.text.split(spaces, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        conditions.append(QStringLiteral(
            "(r.reference LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\' OR r.description LIKE ? ESCAPE '\\' "
            "OR r.category LIKE ? ESCAPE '\\' OR r.vulnerability LIKE ? ESCAPE '\\')"));
        const QString pattern = u'%' + escapeLike(word) + u'%';
        for (int i = 0; i < 5; ++i)
            args->append(pattern);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(RiskColumn column, Qt::SortOrder order)
{
    const QString dir = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    switch (column) {
    case RiskColumn::Title:
        return QStringLiteral("r.title COLLATE NOCASE%1, r.id%1").arg(dir);
    case RiskColumn::Owner:
        return QStringLiteral("p.name IS NULL, p.name COLLATE NOCASE%1, r.id%1").arg(dir);
    case RiskColumn::Inherent:
        return QStringLiteral("r.inherent_level%1, r.inherent_likelihood * r.inherent_impact%1, r.id%1").arg(dir);
    case RiskColumn::Residual:
        return QStringLiteral("r.residual_level%1, r.residual_likelihood * r.residual_impact%1, r.id%1").arg(dir);
    case RiskColumn::Treatment:
        return QStringLiteral("r.treatment%1, r.id%1").arg(dir);
    case RiskColumn::Status:
        return QStringLiteral("CASE r.status WHEN 'open' THEN 0 WHEN 'in_treatment' THEN 1 WHEN 'accepted' THEN 2 "
                              "ELSE 3 END%1, r.id%1")
            .arg(dir);
    case RiskColumn::ReviewDate:
        return QStringLiteral("r.review_date IS NULL, r.review_date%1, r.id%1").arg(dir);
    case RiskColumn::Reference:
    case RiskColumn::Count:
        break;
    }
    return QStringLiteral("r.id%1").arg(dir);
}

} // namespace

int HeatMapCounts::total() const
{
    int sum = 0;
    for (int count : counts)
        sum += count;
    return sum;
}

RiskRepository::RiskRepository(Database &db)
    : m_db(db)
{
}

Risk RiskRepository::load(qint64 id) const
{
    Query q(m_db, QStringLiteral("SELECT id, uuid, %1 FROM risks WHERE id = ?").arg(riskColumns().join(u", ")));
    q.bind(id).exec();
    if (!q.next())
        throw Error(Text::tr("The risk no longer exists."));
    Risk r;
    int c = 0;
    r.id = q.value(c++).toLongLong();
    r.uuid = q.value(c++).toString();
    r.reference = q.value(c++).toString();
    r.title = q.value(c++).toString();
    r.description = q.value(c++).toString();
    r.category = q.value(c++).toString();
    r.threatId = q.value(c++).toLongLong();
    r.vulnerability = q.value(c++).toString();
    r.ownerId = q.value(c++).toLongLong();
    treatmentFromKey(q.value(c++).toString(), &r.treatment);
    r.justification = q.value(c++).toString();
    riskStatusFromKey(q.value(c++).toString(), &r.status);
    r.reviewDate = fromStoredDate(q.value(c++).toString());
    r.reviewMonths = q.value(c++).toInt();
    r.criteriaId = q.value(c++).toLongLong();
    for (RatingKind kind : allRatingKinds) {
        Rating &rating = r.rating(kind);
        const QVariant likelihood = q.value(c++);
        const QVariant impact = q.value(c++);
        const QVariant level = q.value(c++);
        if (!likelihood.isNull())
            rating = {likelihood.toInt(), impact.toInt(), level.toInt()};
    }
    r.retiredAt = fromStoredUtc(q.value(c++).toString());
    r.retiredReason = q.value(c++).toString();

    for (auto [list, sql] : {std::pair {&r.controlIds, QStringLiteral("SELECT control_id FROM risk_controls WHERE "
                                                                       "risk_id = ? ORDER BY control_id")},
             std::pair {&r.assetIds, QStringLiteral("SELECT asset_id FROM risk_assets WHERE risk_id = ? ORDER BY asset_id")}}) {
        Query links(m_db, sql);
        links.bind(id).exec();
        while (links.next())
            list->append(links.value(0).toLongLong());
    }
    return r;
}

std::optional<qint64> RiskRepository::idByReference(const QString &reference) const
{
    const QVariant id = scalar(m_db, QStringLiteral("SELECT id FROM risks WHERE reference = ?"), {reference.trimmed()});
    return id.isNull() ? std::nullopt : std::optional<qint64>(id.toLongLong());
}

QList<FieldProblem> RiskRepository::problems(const Risk &risk) const
{
    QList<FieldProblem> problems;
    if (risk.title.trimmed().isEmpty())
        problems.append({QStringLiteral("title"), Text::tr("A risk needs a title.")});
    const RiskCriteria criteria = risk.criteriaId > 0 ? RiskCriteriaRepository(m_db).byId(risk.criteriaId)
                                                      : RiskCriteriaRepository(m_db).current();
    for (RatingKind kind : allRatingKinds) {
        const Rating rating = risk.rating(kind);
        if (!rating.isSet()) {
            if (kind != RatingKind::Target)
                problems.append({ratingKindKey(kind),
                    Text::tr("Rate the %1 risk: choose its likelihood and impact.").arg(ratingKindTitle(kind).toLower())});
        } else if (criteria.levelAt(rating.likelihood, rating.impact) < 0) {
            problems.append({ratingKindKey(kind), Text::tr("The %1 rating is outside the %2x%3 matrix.")
                                                      .arg(ratingKindTitle(kind).toLower())
                                                      .arg(criteria.likelihoodCount())
                                                      .arg(criteria.impactCount())});
        }
    }
    if (risk.treatment == Treatment::Accept && risk.justification.trimmed().isEmpty())
        problems.append({QStringLiteral("justification"),
            Text::tr("Accepting a risk needs a justification: why is it tolerable as it is?")});
    if (risk.status == RiskStatus::Accepted && risk.treatment != Treatment::Accept)
        problems.append({QStringLiteral("status"), Text::tr("Only a risk whose treatment is Accept can be accepted.")});
    if (risk.reviewMonths < 0 || risk.reviewMonths > 60)
        problems.append({QStringLiteral("reviewMonths"), Text::tr("Review every 1 to 60 months.")});
    return problems;
}

void RiskRepository::computeLevels(Risk &risk, const RiskCriteria &criteria)
{
    risk.criteriaId = criteria.id;
    for (RatingKind kind : allRatingKinds) {
        Rating &rating = risk.rating(kind);
        rating.level = rating.isSet() ? criteria.levelAt(rating.likelihood, rating.impact) : -1;
    }
}

RecordKey RiskRepository::create(const Risk &input, const QString &context)
{
    Risk risk = input;
    risk.criteriaId = 0;
    const QList<FieldProblem> found = problems(risk);
    if (!found.isEmpty())
        throw Error(found.first().message);
    Transaction tx(m_db);
    computeLevels(risk, RiskCriteriaRepository(m_db).current());
    risk.reference = QStringLiteral("RSK-%1").arg(nextInSequence(m_db, QStringLiteral("risk")), 4, 10, QLatin1Char('0'));
    QVariantMap fields = fieldsOf(risk);
    if (!risk.uuid.isEmpty())
        fields.insert(QStringLiteral("uuid"), risk.uuid);
    FieldChanges links;
    if (!risk.controlIds.isEmpty())
        links.append({QStringLiteral("controls"), QVariant(),
            namesOf(m_db, QStringLiteral("controls"), risk.controlIds).join(QStringLiteral("; "))});
    if (!risk.assetIds.isEmpty())
        links.append({QStringLiteral("assets"), QVariant(),
            namesOf(m_db, QStringLiteral("assets"), risk.assetIds).join(QStringLiteral("; "))});
    const RecordKey key = RecordStore(m_db, table).insert(fields, context, links);
    risk.id = key.id;
    writeLinks(key.id, QStringLiteral("risk_controls"), QStringLiteral("control_id"), risk.controlIds);
    writeLinks(key.id, QStringLiteral("risk_assets"), QStringLiteral("asset_id"), risk.assetIds);
    recordRatings(risk, nullptr, QStringLiteral("assessment"));
    tx.commit();
    return key;
}

void RiskRepository::save(const Risk &input, const QString &context)
{
    Transaction tx(m_db);
    const Risk before = load(input.id);
    Risk risk = input;
    risk.reference = before.reference;
    risk.criteriaId = before.criteriaId;
    const QList<FieldProblem> found = problems(risk);
    if (!found.isEmpty())
        throw Error(found.first().message);
    computeLevels(risk, RiskCriteriaRepository(m_db).byId(before.criteriaId));

    FieldChanges links;
    auto linkChange = [&](const QString &name, const QString &catalogue, const QList<qint64> &from, const QList<qint64> &to) {
        QList<qint64> a = from;
        QList<qint64> b = to;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b)
            links.append({name, namesOf(m_db, catalogue, a).join(QStringLiteral("; ")),
                namesOf(m_db, catalogue, b).join(QStringLiteral("; "))});
        return a != b;
    };
    const bool controlsChanged = linkChange(QStringLiteral("controls"), QStringLiteral("controls"), before.controlIds,
        risk.controlIds);
    const bool assetsChanged = linkChange(QStringLiteral("assets"), QStringLiteral("assets"), before.assetIds, risk.assetIds);
    RecordStore(m_db, table).update(risk.id, fieldsOf(risk), AuditAction::Update, context, links);
    if (controlsChanged)
        writeLinks(risk.id, QStringLiteral("risk_controls"), QStringLiteral("control_id"), risk.controlIds);
    if (assetsChanged)
        writeLinks(risk.id, QStringLiteral("risk_assets"), QStringLiteral("asset_id"), risk.assetIds);
    recordRatings(risk, &before, QStringLiteral("reassessment"));
    tx.commit();
}

void RiskRepository::retire(qint64 id, const QString &reason)
{
    Transaction tx(m_db);
    RecordStore(m_db, table)
        .update(id,
            {{QStringLiteral("retired_at"), Clock::current().nowUtc()},
                {QStringLiteral("retired_reason"), reason.trimmed()}},
            AuditAction::Retire);
    tx.commit();
}

void RiskRepository::reinstate(qint64 id)
{
    Transaction tx(m_db);
    RecordStore(m_db, table)
        .update(id, {{QStringLiteral("retired_at"), QVariant()}, {QStringLiteral("retired_reason"), QString()}},
            AuditAction::Reinstate);
    tx.commit();
}

RiskSnapshot RiskRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    RiskSnapshot snapshot;
    snapshot.risk = load(id);
    RecordStore store(m_db, table);
    snapshot.row = store.row(id);
    Query history(m_db, QStringLiteral("SELECT * FROM risk_ratings WHERE risk_id = ? ORDER BY id"));
    history.bind(id).exec();
    const QSqlRecord record = m_db.connection().record(QStringLiteral("risk_ratings"));
    while (history.next()) {
        QVariantMap row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), history.value(i));
        snapshot.ratingHistory.append(row);
    }
    // Links and rating history go with the risk (ON DELETE CASCADE).
    store.remove(id, Text::tr("created by mistake"));
    tx.commit();
    return snapshot;
}

void RiskRepository::restore(const RiskSnapshot &snapshot)
{
    Transaction tx(m_db);
    RecordStore(m_db, table).reinsert(snapshot.row, Text::tr("delete undone"));
    const qint64 id = snapshot.risk.id;
    writeLinks(id, QStringLiteral("risk_controls"), QStringLiteral("control_id"), snapshot.risk.controlIds);
    writeLinks(id, QStringLiteral("risk_assets"), QStringLiteral("asset_id"), snapshot.risk.assetIds);
    for (const QVariantMap &row : snapshot.ratingHistory) {
        const QStringList columns = row.keys();
        Query q(m_db, QStringLiteral("INSERT INTO risk_ratings (%1) VALUES (%2)")
                          .arg(columns.join(u", "), placeholders(columns.size())));
        for (const QString &column : columns)
            q.bind(row.value(column));
        q.exec();
    }
    tx.commit();
}

void RiskRepository::writeLinks(qint64 riskId, const QString &linkTable, const QString &column, const QList<qint64> &ids)
{
    execute(m_db, QStringLiteral("DELETE FROM %1 WHERE risk_id = ?").arg(linkTable), {riskId});
    for (qint64 id : ids)
        execute(m_db, QStringLiteral("INSERT OR IGNORE INTO %1 (risk_id, %2) VALUES (?, ?)").arg(linkTable, column),
            {riskId, id});
    m_db.recordChange(table, riskId);
}

void RiskRepository::recordRatings(const Risk &risk, const Risk *before, const QString &reason)
{
    const QString now = toStoredUtc(Clock::current().nowUtc());
    for (RatingKind kind : allRatingKinds) {
        const Rating rating = risk.rating(kind);
        if (!rating.isSet())
            continue;
        if (before && before->rating(kind) == rating && before->criteriaId == risk.criteriaId)
            continue;
        execute(m_db,
            QStringLiteral("INSERT INTO risk_ratings (uuid, risk_id, kind, criteria_id, likelihood, impact, level, "
                           "rated_at, rated_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {m_db.newUuid().toString(QUuid::WithoutBraces), risk.id, ratingKindKey(kind), risk.criteriaId,
                rating.likelihood, rating.impact, rating.level, now, m_db.actor(), reason});
    }
}

int RiskRepository::count(const RiskFilter &filter) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    return scalar(m_db, QStringLiteral("SELECT count(*) FROM risks r %1").arg(where), args).toInt();
}

QList<RiskRow> RiskRepository::rows(const RiskFilter &filter, RiskColumn sortColumn, Qt::SortOrder order, int offset,
    int limit) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT r.id, r.reference, r.title, p.name, r.category, r.inherent_level, "
                                 "r.residual_level, r.residual_likelihood, r.residual_impact, r.treatment, r.status, "
                                 "r.review_date, r.retired_at IS NOT NULL FROM risks r "
                                 "LEFT JOIN people p ON p.id = r.owner_id %1 ORDER BY %2 LIMIT ? OFFSET ?")
                      .arg(where, orderClause(sortColumn, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.bind(limit).bind(offset).exec();
    QList<RiskRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        RiskRow row;
        row.id = q.value(0).toLongLong();
        row.reference = q.value(1).toString();
        row.title = q.value(2).toString();
        row.ownerName = q.value(3).toString();
        row.category = q.value(4).toString();
        row.inherentLevel = q.value(5).toInt();
        row.residualLevel = q.value(6).toInt();
        row.residual = {q.value(7).toInt(), q.value(8).toInt(), row.residualLevel};
        treatmentFromKey(q.value(9).toString(), &row.treatment);
        riskStatusFromKey(q.value(10).toString(), &row.status);
        row.reviewDate = fromStoredDate(q.value(11).toString());
        row.retired = q.value(12).toBool();
        rows.append(std::move(row));
    }
    return rows;
}

QList<qint64> RiskRepository::ids(const RiskFilter &filter, RiskColumn sortColumn, Qt::SortOrder order) const
{
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db, QStringLiteral("SELECT r.id FROM risks r LEFT JOIN people p ON p.id = r.owner_id %1 ORDER BY %2")
                      .arg(where, orderClause(sortColumn, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

ExportTable RiskRepository::exportTable(const RiskFilter &filter, RiskColumn sortColumn, Qt::SortOrder order) const
{
    ExportTable exported;
    exported.title = Text::tr("Risk register");
    exported.headers = {Text::tr("Reference"), Text::tr("Title"), Text::tr("Description"), Text::tr("Category"),
        Text::tr("Threat"), Text::tr("Vulnerability"), Text::tr("Owner"), Text::tr("Existing controls"),
        Text::tr("Planned controls"), Text::tr("Affected assets"), Text::tr("Treatment"), Text::tr("Justification"),
        Text::tr("Status"), Text::tr("Review date"), Text::tr("Review every (months)"), Text::tr("Criteria version"),
        Text::tr("Inherent likelihood"), Text::tr("Inherent impact"), Text::tr("Inherent level"),
        Text::tr("Residual likelihood"), Text::tr("Residual impact"), Text::tr("Residual level"),
        Text::tr("Target likelihood"), Text::tr("Target impact"), Text::tr("Target level"), Text::tr("Retired"),
        Text::tr("Retired because")};
    QVariantList args;
    const QString where = whereClause(filter, &args);
    Query q(m_db,
        QStringLiteral(
            "SELECT r.reference, r.title, r.description, r.category, t.name, r.vulnerability, p.name, "
            "(SELECT group_concat(c.name || CASE c.status WHEN 'ineffective' THEN ' (ineffective)' ELSE '' END, '; ') "
            " FROM risk_controls rc JOIN controls c ON c.id = rc.control_id WHERE rc.risk_id = r.id "
            " AND c.status <> 'planned'), "
            "(SELECT group_concat(c.name, '; ') FROM risk_controls rc JOIN controls c ON c.id = rc.control_id "
            " WHERE rc.risk_id = r.id AND c.status = 'planned'), "
            "(SELECT group_concat(a.name, '; ') FROM risk_assets ra JOIN assets a ON a.id = ra.asset_id "
            " WHERE ra.risk_id = r.id), "
            "r.treatment, r.justification, r.status, r.review_date, r.review_months, r.criteria_id, "
            "r.inherent_likelihood, r.inherent_impact, r.inherent_level, r.residual_likelihood, r.residual_impact, "
            "r.residual_level, r.target_likelihood, r.target_impact, r.target_level, r.retired_at, r.retired_reason "
            "FROM risks r LEFT JOIN threats t ON t.id = r.threat_id LEFT JOIN people p ON p.id = r.owner_id "
            "%1 ORDER BY %2")
            .arg(where, orderClause(sortColumn, order)));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    RiskCriteriaRepository criteria(m_db);
    while (q.next()) {
        QVariantList row;
        for (int c = 0; c < 10; ++c)
            row.append(q.value(c).toString());
        Treatment treatment = Treatment::Reduce;
        treatmentFromKey(q.value(10).toString(), &treatment);
        RiskStatus status = RiskStatus::Open;
        riskStatusFromKey(q.value(12).toString(), &status);
        row << treatmentTitle(treatment) << q.value(11).toString() << riskStatusTitle(status)
            << (q.value(13).isNull() ? QVariant() : QVariant(fromStoredDate(q.value(13).toString())))
            << (q.value(14).isNull() ? QVariant() : QVariant(q.value(14).toInt()));
        const RiskCriteria used = criteria.byId(q.value(15).toLongLong());
        row << used.version;
        for (int c = 16; c < 25; c += 3) {
            if (q.value(c).isNull()) {
                row << QVariant() << QVariant() << QVariant();
                continue;
            }
            const int level = q.value(c + 2).toInt();
            row << q.value(c).toInt() << q.value(c + 1).toInt()
                << (level >= 0 && level < used.levels.size() ? used.levels.at(level).name : QString());
        }
        row << (q.value(25).isNull() ? QVariant() : QVariant(fromStoredUtc(q.value(25).toString())))
            << q.value(26).toString();
        exported.rows.append(row);
    }
    return exported;
}

HeatMapCounts RiskRepository::heatMap(const RiskFilter &filter, RatingKind kind) const
{
    const RiskCriteria criteria = RiskCriteriaRepository(m_db).current();
    HeatMapCounts map;
    map.likelihoodCount = criteria.likelihoodCount();
    map.impactCount = criteria.impactCount();
    map.counts.fill(0, qsizetype(map.likelihoodCount) * map.impactCount);
    RiskFilter withoutCell = filter;
    withoutCell.cellSet = false;
    QVariantList args;
    QString where = whereClause(withoutCell, &args);
    const QString p = prefix(kind);
    where += (where.isEmpty() ? QStringLiteral("WHERE ") : QStringLiteral(" AND "))
        + QStringLiteral("r.%1_likelihood IS NOT NULL").arg(p);
    Query q(m_db, QStringLiteral("SELECT r.%1_likelihood, r.%1_impact, count(*) FROM risks r %2 GROUP BY 1, 2").arg(p, where));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    while (q.next()) {
        const int likelihood = q.value(0).toInt();
        const int impact = q.value(1).toInt();
        if (likelihood >= 1 && likelihood <= map.likelihoodCount && impact >= 1 && impact <= map.impactCount)
            map.counts[qsizetype(likelihood - 1) * map.impactCount + (impact - 1)] += q.value(2).toInt();
    }
    return map;
}

QStringList RiskRepository::categories() const
{
    Query q(m_db, QStringLiteral("SELECT DISTINCT category FROM risks WHERE category <> '' ORDER BY category COLLATE NOCASE"));
    q.exec();
    QStringList categories;
    while (q.next())
        categories.append(q.value(0).toString());
    return categories;
}

QList<RatingHistoryEntry> RiskRepository::ratingHistory(qint64 riskId) const
{
    Query q(m_db, QStringLiteral("SELECT kind, criteria_id, likelihood, impact, level, rated_at, rated_by, reason "
                                 "FROM risk_ratings WHERE risk_id = ? ORDER BY rated_at, id"));
    q.bind(riskId).exec();
    QList<RatingHistoryEntry> entries;
    while (q.next()) {
        RatingHistoryEntry e;
        const QString kind = q.value(0).toString();
        for (RatingKind k : allRatingKinds) {
            if (ratingKindKey(k) == kind)
                e.kind = k;
        }
        e.criteriaId = q.value(1).toLongLong();
        e.rating = {q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt()};
        e.ratedAt = fromStoredUtc(q.value(5).toString());
        e.ratedBy = q.value(6).toString();
        e.reason = q.value(7).toString();
        entries.append(e);
    }
    return entries;
}

RiskSummary RiskRepository::summary(const QDate &today) const
{
    RiskSummary s;
    const RiskCriteria criteria = RiskCriteriaRepository(m_db).current();
    s.openByResidualLevel.fill(0, criteria.levels.size());
    Query q(m_db, QStringLiteral("SELECT residual_level, count(*), sum(review_date < ?) FROM risks "
                                 "WHERE retired_at IS NULL AND status <> 'closed' GROUP BY residual_level"));
    q.bind(toStoredDate(today)).exec();
    while (q.next()) {
        const int level = q.value(0).toInt();
        const int count = q.value(1).toInt();
        s.open += count;
        s.overdueReviews += q.value(2).toInt();
        if (level >= 0 && level < s.openByResidualLevel.size())
            s.openByResidualLevel[level] += count;
    }
    return s;
}

} // namespace vigil
