#pragma once

#include "risks/risk.h"
#include "storage/recordstore.h"

#include <QList>
#include <QStringList>

namespace vigil {

class Database;
struct ExportTable;
struct RiskCriteria;

// Counts of risks per cell of the matrix, for one rating kind.
struct HeatMapCounts
{
    int likelihoodCount = 0;
    int impactCount = 0;
    QList<int> counts; // row-major like RiskCriteria::grid
    int at(int likelihood, int impact) const
    {
        return counts.value(qsizetype(likelihood - 1) * impactCount + (impact - 1));
    }
    int total() const;
};

// One entry of a risk's rating history.
struct RatingHistoryEntry
{
    RatingKind kind = RatingKind::Residual;
    qint64 criteriaId = 0;
    Rating rating;
    QDateTime ratedAt;
    QString ratedBy;
    QString reason;
};

// Everything a hard delete removes, so that undo can put it back exactly.
struct RiskSnapshot
{
    Risk risk;
    QVariantMap row; // every column, including the common ones
    QList<QVariantMap> ratingHistory;
};

// Headline numbers for the Overview page, under the current criteria.
struct RiskSummary
{
    int open = 0;            // not closed, not retired
    int overdueReviews = 0;  // review date before today
    QList<int> openByResidualLevel;
};

class RiskRepository
{
public:
    explicit RiskRepository(Database &db);

    Risk load(qint64 id) const;
    std::optional<qint64> idByReference(const QString &reference) const;

    // What stops the risk being saved, field by field (empty: it can be saved).
    QList<FieldProblem> problems(const Risk &risk) const;

    // Saves a new risk: assigns its reference, computes its levels under the current criteria,
    // records its ratings. Throws Error when problems() is not empty.
    RecordKey create(const Risk &risk, const QString &context = {});
    // Saves changes to an existing risk; rating changes are added to its rating history.
    void save(const Risk &risk, const QString &context = {});

    // Retired risks leave the register but stay in history and in reports for their period.
    void retire(qint64 id, const QString &reason);
    void reinstate(qint64 id);

    // A real delete, for a risk created by mistake; restore() undoes it.
    RiskSnapshot remove(qint64 id);
    void restore(const RiskSnapshot &snapshot);

    // The register: filtering, sorting and paging happen in SQL.
    int count(const RiskFilter &filter) const;
    QList<RiskRow> rows(const RiskFilter &filter, RiskColumn sortColumn, Qt::SortOrder order, int offset,
        int limit) const;
    QList<qint64> ids(const RiskFilter &filter, RiskColumn sortColumn, Qt::SortOrder order) const;
    // The register with every field, for CSV and spreadsheet exports (current filter and order).
    ExportTable exportTable(const RiskFilter &filter, RiskColumn sortColumn = RiskColumn::Reference,
        Qt::SortOrder order = Qt::AscendingOrder) const;
    HeatMapCounts heatMap(const RiskFilter &filter, RatingKind kind) const;

    QStringList categories() const;
    QList<RatingHistoryEntry> ratingHistory(qint64 riskId) const;
    RiskSummary summary(const QDate &today) const;

    // Levels for the ratings under the criteria (invalid ratings get level -1).
    static void computeLevels(Risk &risk, const RiskCriteria &criteria);

private:
    void writeLinks(qint64 riskId, const QString &table, const QString &column, const QList<qint64> &ids);
    void recordRatings(const Risk &risk, const Risk *before, const QString &reason);
    Database &m_db;
};

} // namespace vigil
