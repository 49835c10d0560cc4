#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace vigil {

// One step of a likelihood or impact scale ("Likely": "Expected to happen in most years").
struct ScaleStep
{
    QString label;
    QString description;
    bool operator==(const ScaleStep &) const = default;
};

// A risk level of the matrix, ordered from the lowest: its name, colour, what it demands and by
// when (days from the rating; 0 = no deadline).
struct RiskLevel
{
    QString name;
    QColor colour;
    QString response;
    int deadlineDays = 0;
    bool operator==(const RiskLevel &) const = default;
};

// The risk criteria (the matrix) a rating is made under. Sizes run from 3x3 to 6x6; the grid
// assigns a level to every cell, so it need not be the product of the two scores.
struct RiskCriteria
{
    qint64 id = 0;   // 0 until stored
    int version = 0; // 1, 2, ... in the order they were adopted
    QString name;
    QList<ScaleStep> likelihood; // index 0 is likelihood 1
    QList<ScaleStep> impact;     // index 0 is impact 1
    QList<RiskLevel> levels;     // index 0 is the lowest level
    QList<int> grid;             // level index per cell, row-major: (likelihood-1) * impact count + (impact-1)

    static constexpr int minSize = 3;
    static constexpr int maxSize = 6;

    int likelihoodCount() const { return int(likelihood.size()); }
    int impactCount() const { return int(impact.size()); }

    // The level index for a cell (1-based scores); -1 when the cell is outside the matrix.
    int levelAt(int likelihoodScore, int impactScore) const;
    void setLevelAt(int likelihoodScore, int impactScore, int level);

    // Empty when the criteria can be used; otherwise one sentence saying what is wrong.
    QString problem() const;

    // The matrix of DOMAIN.md: 5x5, levels Low (1-4), Medium (5-9), High (10-16), Extreme (20-25).
    static RiskCriteria defaults();
    // A matrix of the given size whose grid follows the product of the scores, spread over the
    // levels the way the 5x5 default spreads them; a starting point for editing.
    static RiskCriteria sized(int likelihoodCount, int impactCount, const QList<RiskLevel> &levels);

    // Stored as JSON (labels, levels, grid); id, version and name are columns of their own.
    QString toJson() const;
    static bool fromJson(const QString &json, RiskCriteria *criteria);

    bool sameMatrix(const RiskCriteria &other) const
    {
        return likelihood == other.likelihood && impact == other.impact && levels == other.levels
            && grid == other.grid;
    }
};

// Where a score on a scale of `from` steps lands on a scale of `to` steps: the same step when
// the sizes agree, otherwise the proportional step (1 stays 1, the top stays the top).
int mapScore(int score, int from, int to);

} // namespace vigil
