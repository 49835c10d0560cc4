#pragma once

#include "base/fieldproblem.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vigil {

enum class Treatment { Avoid, Reduce, Transfer, Accept };
enum class RiskStatus { Open, InTreatment, Accepted, Closed };
enum class RatingKind { Inherent, Residual, Target };

QString treatmentKey(Treatment treatment);
bool treatmentFromKey(const QString &key, Treatment *treatment);
QString treatmentTitle(Treatment treatment);
QString riskStatusKey(RiskStatus status);
bool riskStatusFromKey(const QString &key, RiskStatus *status);
QString riskStatusTitle(RiskStatus status);
QString ratingKindKey(RatingKind kind);
QString ratingKindTitle(RatingKind kind);
constexpr RatingKind allRatingKinds[] = {RatingKind::Inherent, RatingKind::Residual, RatingKind::Target};

// The user's name for a stored field of a risk ("review_date" -> "Review date"); the field itself
// when unknown. Used by history views and the activity list.
QString riskFieldTitle(const QString &field);

// Likelihood x impact under the criteria the risk is rated with; level is the index of the
// level in those criteria (computed by core from the grid, never typed in).
struct Rating
{
    int likelihood = 0;
    int impact = 0;
    int level = -1;
    bool isSet() const { return likelihood > 0 && impact > 0; }
    bool operator==(const Rating &) const = default;
};

struct Risk
{
    qint64 id = 0;
    QString uuid;
    QString reference; // RSK-0001, assigned when first saved
    QString title;
    QString description;
    QString category;
    qint64 threatId = 0;
    QString vulnerability;
    qint64 ownerId = 0;
    Treatment treatment = Treatment::Reduce;
    QString justification; // required when the treatment is Accept
    RiskStatus status = RiskStatus::Open;
    QDate reviewDate;
    int reviewMonths = 0; // 0: no fixed frequency
    qint64 criteriaId = 0;
    Rating inherent;
    Rating residual;
    Rating target; // optional
    QList<qint64> controlIds;
    QList<qint64> assetIds;
    QDateTime retiredAt;
    QString retiredReason;

    Rating rating(RatingKind kind) const;
    Rating &rating(RatingKind kind);
    bool isRetired() const { return retiredAt.isValid(); }
    bool operator==(const Risk &) const = default;
};

// One row of the register: what the table shows, joined and ready.
struct RiskRow
{
    qint64 id = 0;
    QString reference;
    QString title;
    QString ownerName;
    QString category;
    int inherentLevel = -1;
    int residualLevel = -1;
    Rating residual;
    Treatment treatment = Treatment::Reduce;
    RiskStatus status = RiskStatus::Open;
    QDate reviewDate;
    bool retired = false;
};

// What the register shows: every condition is optional; all set ones must hold.
struct RiskFilter
{
    QString text;                 // words in the reference, title, description, category or vulnerability
    QList<int> residualLevels;    // level indexes under the current criteria
    QList<int> inherentLevels;
    qint64 ownerId = 0;
    QList<RiskStatus> statuses;
    QString category;
    bool overdueOnly = false;     // review date before today
    bool includeRetired = false;
    // A heat-map cell: only risks rated there (kind, likelihood, impact).
    bool cellSet = false;
    RatingKind cellKind = RatingKind::Residual;
    int cellLikelihood = 0;
    int cellImpact = 0;

    bool operator==(const RiskFilter &) const = default;
};

enum class RiskColumn { Reference, Title, Owner, Inherent, Residual, Treatment, Status, ReviewDate, Count };

} // namespace vigil
