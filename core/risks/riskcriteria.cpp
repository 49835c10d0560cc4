#include "riskcriteria.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::RiskCriteria)
};

QJsonArray stepsToJson(const QList<ScaleStep> &steps)
{
    QJsonArray array;
    for (const ScaleStep &step : steps)
        array.append(QJsonObject {{QStringLiteral("label"), step.label}, {QStringLiteral("description"), step.description}});
    return array;
}

QList<ScaleStep> stepsFromJson(const QJsonArray &array)
{
    QList<ScaleStep> steps;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        steps.append({object.value(QStringLiteral("label")).toString(),
            object.value(QStringLiteral("description")).toString()});
    }
    return steps;
}

// The default 5x5 product bands, reused to spread other sizes over their levels.
int defaultBandForFraction(double fraction, int levelCount)
{
    // fraction = score / max score, in (0, 1]. The 5x5 bands end at 4/25, 9/25, 16/25, 25/25.
    static const double ends[] = {4.0 / 25, 9.0 / 25, 16.0 / 25, 1.0};
    if (levelCount == 4) {
        for (int i = 0; i < 4; ++i) {
            if (fraction <= ends[i] + 1e-9)
                return i;
        }
        return 3;
    }
    return qBound(0, int(std::ceil(fraction * levelCount)) - 1, levelCount - 1);
}

} // namespace

int RiskCriteria::levelAt(int likelihoodScore, int impactScore) const
{
    if (likelihoodScore < 1 || likelihoodScore > likelihoodCount() || impactScore < 1 || impactScore > impactCount())
        return -1;
    const qsizetype index = qsizetype(likelihoodScore - 1) * impactCount() + (impactScore - 1);
    return index < grid.size() ? grid.at(index) : -1;
}

void RiskCriteria::setLevelAt(int likelihoodScore, int impactScore, int level)
{
    if (likelihoodScore < 1 || likelihoodScore > likelihoodCount() || impactScore < 1 || impactScore > impactCount())
        return;
    grid.resize(qsizetype(likelihoodCount()) * impactCount());
    grid[qsizetype(likelihoodScore - 1) * impactCount() + (impactScore - 1)] = level;
}

QString RiskCriteria::problem() const
{
    if (name.trimmed().isEmpty())
        return Text::tr("The risk criteria need a name.");
    if (likelihoodCount() < minSize || likelihoodCount() > maxSize || impactCount() < minSize
        || impactCount() > maxSize)
        return Text::tr("The matrix must have 3 to 6 likelihood and impact steps.");
    for (const ScaleStep &step : likelihood + impact) {
        if (step.label.trimmed().isEmpty())
            return Text::tr("Every likelihood and impact step needs a label.");
    }
    if (levels.size() < 2 || levels.size() > 8)
        return Text::tr("The matrix needs 2 to 8 risk levels.");
    for (const RiskLevel &level : levels) {
        if (level.name.trimmed().isEmpty())
            return Text::tr("Every risk level needs a name.");
        if (!level.colour.isValid())
            return Text::tr("Every risk level needs a colour.");
        if (level.deadlineDays < 0)
            return Text::tr("A treatment deadline cannot be negative.");
    }
    if (grid.size() != qsizetype(likelihoodCount()) * impactCount())
        return Text::tr("Every cell of the matrix needs a risk level.");
    for (int level : grid) {
        if (level < 0 || level >= levels.size())
            return Text::tr("Every cell of the matrix needs a risk level.");
    }
    return {};
}

RiskCriteria RiskCriteria::defaults()
{
    RiskCriteria c;
    c.name = Text::tr("Site risk criteria");
    c.likelihood = {
        {Text::tr("Rare"), Text::tr("May happen only in exceptional circumstances (less than once in 20 years).")},
        {Text::tr("Unlikely"), Text::tr("Could happen at some time (once in 5 to 20 years).")},
        {Text::tr("Possible"), Text::tr("Might happen (once in 1 to 5 years).")},
        {Text::tr("Likely"), Text::tr("Will probably happen (about once a year).")},
        {Text::tr("Almost certain"), Text::tr("Expected to happen (several times a year).")},
    };
    c.impact = {
        {Text::tr("Insignificant"), Text::tr("No injury; loss under 1,000; no disruption.")},
        {Text::tr("Minor"), Text::tr("First-aid injury; loss up to 10,000; disruption of hours.")},
        {Text::tr("Moderate"), Text::tr("Medical treatment; loss up to 100,000; disruption of a day.")},
        {Text::tr("Major"), Text::tr("Serious injury; loss up to 1 million; disruption of a week; regulator involved.")},
        {Text::tr("Catastrophic"), Text::tr("Death; loss over 1 million; site closed; lasting harm to reputation.")},
    };
    c.levels = {
        {Text::tr("Low"), QColor(0x4c, 0xaf, 0x50), Text::tr("Accept; manage by routine procedures."), 0},
        {Text::tr("Medium"), QColor(0xf2, 0xc9, 0x4c), Text::tr("Treat within 6 months; the risk owner monitors."), 182},
        {Text::tr("High"), QColor(0xf2, 0x8c, 0x28), Text::tr("Treat within 3 months; report to management."), 91},
        {Text::tr("Extreme"), QColor(0xd3, 0x2f, 0x2f), Text::tr("Treat now and escalate to the site manager."), 7},
    };
    for (int l = 1; l <= 5; ++l) {
        for (int i = 1; i <= 5; ++i) {
            const int score = l * i;
            c.grid.append(score <= 4 ? 0 : score <= 9 ? 1 : score <= 16 ? 2 : 3);
        }
    }
    return c;
}

RiskCriteria RiskCriteria::sized(int likelihoodCount, int impactCount, const QList<RiskLevel> &levels)
{
    const RiskCriteria base = defaults();
    RiskCriteria c;
    c.name = base.name;
    c.levels = levels.isEmpty() ? base.levels : levels;
    for (int l = 1; l <= likelihoodCount; ++l) {
        const int from = mapScore(l, likelihoodCount, 5);
        c.likelihood.append(likelihoodCount == 5 ? base.likelihood.at(l - 1)
                                                 : ScaleStep {base.likelihood.at(from - 1).label, QString()});
    }
    for (int i = 1; i <= impactCount; ++i) {
        const int from = mapScore(i, impactCount, 5);
        c.impact.append(impactCount == 5 ? base.impact.at(i - 1) : ScaleStep {base.impact.at(from - 1).label, QString()});
    }
    const double maxScore = double(likelihoodCount) * impactCount;
    for (int l = 1; l <= likelihoodCount; ++l) {
        for (int i = 1; i <= impactCount; ++i)
            c.grid.append(defaultBandForFraction(l * i / maxScore, int(c.levels.size())));
    }
    return c;
}

QString RiskCriteria::toJson() const
{
    QJsonArray levelArray;
    for (const RiskLevel &level : levels)
        levelArray.append(QJsonObject {{QStringLiteral("name"), level.name},
            {QStringLiteral("colour"), level.colour.name()}, {QStringLiteral("response"), level.response},
            {QStringLiteral("deadlineDays"), level.deadlineDays}});
    QJsonArray gridArray;
    for (int level : grid)
        gridArray.append(level);
    const QJsonObject object {{QStringLiteral("likelihood"), stepsToJson(likelihood)},
        {QStringLiteral("impact"), stepsToJson(impact)}, {QStringLiteral("levels"), levelArray},
        {QStringLiteral("grid"), gridArray}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool RiskCriteria::fromJson(const QString &json, RiskCriteria *criteria)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    criteria->likelihood = stepsFromJson(object.value(QStringLiteral("likelihood")).toArray());
    criteria->impact = stepsFromJson(object.value(QStringLiteral("impact")).toArray());
    criteria->levels.clear();
    for (const QJsonValue &value : object.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject level = value.toObject();
        criteria->levels.append({level.value(QStringLiteral("name")).toString(),
            QColor(level.value(QStringLiteral("colour")).toString()), level.value(QStringLiteral("response")).toString(),
            level.value(QStringLiteral("deadlineDays")).toInt()});
    }
    criteria->grid.clear();
    for (const QJsonValue &value : object.value(QStringLiteral("grid")).toArray())
        criteria->grid.append(value.toInt(-1));
    return true;
}

int mapScore(int score, int from, int to)
{
    if (from == to || from < 2 || to < 2)
        return qBound(1, score, qMax(1, to));
    const double position = double(score - 1) / (from - 1);
    return qBound(1, int(std::lround(position * (to - 1))) + 1, to);
}

} // namespace vigil
