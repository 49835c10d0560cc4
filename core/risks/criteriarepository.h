#pragma once

#include "risks/risk.h"
#include "risks/riskcriteria.h"

#include <QHash>
#include <QList>

namespace vigil {

class Database;

// How ratings of one kind at one level map to a level of the proposed criteria.
struct LevelMapping
{
    RatingKind kind = RatingKind::Residual;
    QString fromLevel;
    QString toLevel;
    int fromIndex = -1;
    int toIndex = -1;
    int count = 0;
};

// One rating that moves when the criteria change.
struct RatingMove
{
    qint64 riskId = 0;
    QString reference;
    QString title;
    qint64 fromCriteriaId = 0;
    RatingKind kind = RatingKind::Residual;
    Rating from;
    Rating to;
    bool levelChanges() const { return from.level != to.level; }
};

// What adopting new criteria would do, shown before it is done.
struct CriteriaPreview
{
    RiskCriteria from;
    RiskCriteria to;
    QList<LevelMapping> mappings; // old level -> new level, with counts
    QList<RatingMove> moves;      // every rating; levelChanges() tells the ones that change level
    int changedLevels() const;
};

// What apply() did, so that undo can put every rating back.
struct CriteriaChange
{
    qint64 criteriaId = 0;
    int version = 0;
    QList<RatingMove> moves;
};

class RiskCriteriaRepository
{
public:
    explicit RiskCriteriaRepository(Database &db);

    // The criteria new ratings are made under (the highest version).
    RiskCriteria current() const;
    RiskCriteria byId(qint64 id) const;
    QList<RiskCriteria> versions() const;

    CriteriaPreview preview(const RiskCriteria &proposed) const;
    // Adopts the proposed criteria as a new version and maps every risk's ratings onto it, all
    // in one transaction. Throws Error when the criteria are not valid.
    CriteriaChange apply(const RiskCriteria &proposed);
    // Undoes apply(): every rating goes back to its previous criteria and the version is removed.
    void revert(const CriteriaChange &change);

    // Stores criteria as the next version (the first one comes from the file's seed).
    qint64 addVersion(const RiskCriteria &criteria, const QString &context = {});

private:
    QList<RiskCriteria> select(const QString &where, const QVariantList &args) const;
    Database &m_db;
    mutable QHash<qint64, RiskCriteria> m_cache;
};

} // namespace vigil
