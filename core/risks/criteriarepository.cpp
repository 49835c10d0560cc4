#include "criteriarepository.h"

#include "base/clock.h"
#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QMap>

#include <tuple>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RiskCriteriaRepository)
};

QString levelName(const RiskCriteria &criteria, int index)
{
    return index >= 0 && index < criteria.levels.size() ? criteria.levels.at(index).name : Text::tr("(none)");
}

// The rating's place in the proposed matrix: same cell when the sizes agree, the proportional
// cell otherwise.
Rating mapRating(const Rating &rating, const RiskCriteria &from, const RiskCriteria &to)
{
    Rating mapped;
    mapped.likelihood = mapScore(rating.likelihood, from.likelihoodCount(), to.likelihoodCount());
    mapped.impact = mapScore(rating.impact, from.impactCount(), to.impactCount());
    mapped.level = to.levelAt(mapped.likelihood, mapped.impact);
    return mapped;
}

void writeRatings(Database &db, qint64 riskId, qint64 criteriaId, const QList<RatingMove> &moves, bool forward,
    const QString &context, const QString &historyReason)
{
    QVariantMap fields {{QStringLiteral("criteria_id"), criteriaId}};
    for (const RatingMove &move : moves) {
        const Rating r = forward ? move.to : move.from;
        const QString p = ratingKindKey(move.kind);
        fields.insert(p + QStringLiteral("_likelihood"), r.likelihood);
        fields.insert(p + QStringLiteral("_impact"), r.impact);
        fields.insert(p + QStringLiteral("_level"), r.level);
    }
    RecordStore(db, QStringLiteral("risks")).update(riskId, fields, AuditAction::Update, context);
    if (!forward)
        return;
    const QString now = toStoredUtc(Clock::current().nowUtc());
    for (const RatingMove &move : moves) {
        execute(db,
            QStringLiteral("INSERT INTO risk_ratings (uuid, risk_id, kind, criteria_id, likelihood, impact, level, "
                           "rated_at, rated_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {db.newUuid().toString(QUuid::WithoutBraces), riskId, ratingKindKey(move.kind), criteriaId,
                move.to.likelihood, move.to.impact, move.to.level, now, db.actor(), historyReason});
    }
}

} // namespace

int CriteriaPreview::changedLevels() const
{
    int n = 0;
    for (const RatingMove &move : moves)
        n += move.levelChanges() ? 1 : 0;
    return n;
}

RiskCriteriaRepository::RiskCriteriaRepository(Database &db)
    : m_db(db)
{
}

QList<RiskCriteria> RiskCriteriaRepository::select(const QString &where, const QVariantList &args) const
{
    Query q(m_db, QStringLiteral("SELECT id, version, name, definition FROM risk_criteria %1").arg(where));
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<RiskCriteria> list;
    while (q.next()) {
        RiskCriteria c;
        if (!RiskCriteria::fromJson(q.value(3).toString(), &c))
            throw Error(Text::tr("The risk criteria version %1 cannot be read.").arg(q.value(1).toInt()));
        c.id = q.value(0).toLongLong();
        c.version = q.value(1).toInt();
        c.name = q.value(2).toString();
        list.append(c);
    }
    return list;
}

RiskCriteria RiskCriteriaRepository::current() const
{
    const QList<RiskCriteria> found = select(QStringLiteral("ORDER BY version DESC LIMIT 1"), {});
    if (found.isEmpty())
        throw Error(Text::tr("The site file has no risk criteria."));
    return found.first();
}

RiskCriteria RiskCriteriaRepository::byId(qint64 id) const
{
    if (auto it = m_cache.constFind(id); it != m_cache.constEnd())
        return *it;
    const QList<RiskCriteria> found = select(QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty())
        throw Error(Text::tr("The risk criteria a rating refers to are missing."));
    m_cache.insert(id, found.first());
    return found.first();
}

QList<RiskCriteria> RiskCriteriaRepository::versions() const
{
    return select(QStringLiteral("ORDER BY version"), {});
}

qint64 RiskCriteriaRepository::addVersion(const RiskCriteria &criteria, const QString &context)
{
    const QString problem = criteria.problem();
    if (!problem.isEmpty())
        throw Error(problem);
    Transaction tx(m_db);
    const int version = scalar(m_db, QStringLiteral("SELECT coalesce(max(version), 0) + 1 FROM risk_criteria")).toInt();
    const qint64 id = RecordStore(m_db, QStringLiteral("risk_criteria"))
                          .insert({{QStringLiteral("version"), version}, {QStringLiteral("name"), criteria.name.trimmed()},
                                      {QStringLiteral("definition"), criteria.toJson()}},
                              context)
                          .id;
    tx.commit();
    return id;
}

CriteriaPreview RiskCriteriaRepository::preview(const RiskCriteria &proposed) const
{
    CriteriaPreview preview;
    preview.from = current();
    preview.to = proposed;
    Query q(m_db, QStringLiteral("SELECT id, reference, title, criteria_id, inherent_likelihood, inherent_impact, "
                                 "inherent_level, residual_likelihood, residual_impact, residual_level, "
                                 "target_likelihood, target_impact, target_level FROM risks ORDER BY id"));
    q.exec();
    QMap<std::tuple<int, int, int>, LevelMapping> mappings;
    while (q.next()) {
        const qint64 criteriaId = q.value(3).toLongLong();
        const RiskCriteria from = criteriaId == preview.from.id ? preview.from : byId(criteriaId);
        int column = 4;
        for (RatingKind kind : allRatingKinds) {
            const QVariant likelihood = q.value(column);
            const Rating rating {likelihood.toInt(), q.value(column + 1).toInt(), q.value(column + 2).toInt()};
            column += 3;
            if (likelihood.isNull())
                continue;
            RatingMove move;
            move.riskId = q.value(0).toLongLong();
            move.reference = q.value(1).toString();
            move.title = q.value(2).toString();
            move.fromCriteriaId = criteriaId;
            move.kind = kind;
            move.from = rating;
            move.to = mapRating(rating, from, proposed);
            preview.moves.append(move);
            LevelMapping &mapping = mappings[{int(kind), rating.level, move.to.level}];
            mapping.kind = kind;
            mapping.fromIndex = rating.level;
            mapping.toIndex = move.to.level;
            mapping.fromLevel = levelName(from, rating.level);
            mapping.toLevel = levelName(proposed, move.to.level);
            ++mapping.count;
        }
    }
    preview.mappings = mappings.values();
    return preview;
}

CriteriaChange RiskCriteriaRepository::apply(const RiskCriteria &proposed)
{
    const QString problem = proposed.problem();
    if (!problem.isEmpty())
        throw Error(problem);
    Transaction tx(m_db);
    const CriteriaPreview plan = preview(proposed);
    CriteriaChange change;
    change.criteriaId = addVersion(proposed);
    change.version = byId(change.criteriaId).version;
    change.moves = plan.moves;
    const QString context = Text::tr("risk criteria version %1").arg(change.version);
    // One update per risk, carrying all its ratings.
    QMap<qint64, QList<RatingMove>> byRisk;
    for (const RatingMove &move : change.moves)
        byRisk[move.riskId].append(move);
    for (auto it = byRisk.cbegin(); it != byRisk.cend(); ++it)
        writeRatings(m_db, it.key(), change.criteriaId, it.value(), true, context, context);
    tx.commit();
    return change;
}

void RiskCriteriaRepository::revert(const CriteriaChange &change)
{
    Transaction tx(m_db);
    const QString context = Text::tr("undo of risk criteria version %1").arg(change.version);
    QMap<qint64, QList<RatingMove>> byRisk;
    for (const RatingMove &move : change.moves)
        byRisk[move.riskId].append(move);
    for (auto it = byRisk.cbegin(); it != byRisk.cend(); ++it)
        writeRatings(m_db, it.key(), it.value().first().fromCriteriaId, it.value(), false, context, {});
    execute(m_db, QStringLiteral("DELETE FROM risk_ratings WHERE criteria_id = ?"), {change.criteriaId});
    RecordStore(m_db, QStringLiteral("risk_criteria")).remove(change.criteriaId, context);
    m_cache.remove(change.criteriaId);
    tx.commit();
}

} // namespace vigil
