#include "risk.h"

#include "base/enumnames.h"

#include <QCoreApplication>
#include <QHash>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Risk)
};

constexpr EnumName<Treatment> treatments[] = {
    {Treatment::Avoid, "avoid", QT_TRANSLATE_NOOP("vigil::Risk", "Avoid")},
    {Treatment::Reduce, "reduce", QT_TRANSLATE_NOOP("vigil::Risk", "Reduce")},
    {Treatment::Transfer, "transfer", QT_TRANSLATE_NOOP("vigil::Risk", "Transfer")},
    {Treatment::Accept, "accept", QT_TRANSLATE_NOOP("vigil::Risk", "Accept")},
};

constexpr EnumName<RiskStatus> statuses[] = {
    {RiskStatus::Open, "open", QT_TRANSLATE_NOOP("vigil::Risk", "Open")},
    {RiskStatus::InTreatment, "in_treatment", QT_TRANSLATE_NOOP("vigil::Risk", "In treatment")},
    {RiskStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("vigil::Risk", "Accepted")},
    {RiskStatus::Closed, "closed", QT_TRANSLATE_NOOP("vigil::Risk", "Closed")},
};

constexpr EnumName<RatingKind> kinds[] = {
    {RatingKind::Inherent, "inherent", QT_TRANSLATE_NOOP("vigil::Risk", "Inherent")},
    {RatingKind::Residual, "residual", QT_TRANSLATE_NOOP("vigil::Risk", "Residual")},
    {RatingKind::Target, "target", QT_TRANSLATE_NOOP("vigil::Risk", "Target")},
};

} // namespace

QString riskFieldTitle(const QString &field)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("reference"), QT_TRANSLATE_NOOP("vigil::Risk", "Reference")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("vigil::Risk", "Title")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("vigil::Risk", "Description")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("vigil::Risk", "Category")},
        {QStringLiteral("threat_id"), QT_TRANSLATE_NOOP("vigil::Risk", "Threat")},
        {QStringLiteral("vulnerability"), QT_TRANSLATE_NOOP("vigil::Risk", "Vulnerability")},
        {QStringLiteral("owner_id"), QT_TRANSLATE_NOOP("vigil::Risk", "Owner")},
        {QStringLiteral("treatment"), QT_TRANSLATE_NOOP("vigil::Risk", "Treatment")},
        {QStringLiteral("justification"), QT_TRANSLATE_NOOP("vigil::Risk", "Justification")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("vigil::Risk", "Status")},
        {QStringLiteral("review_date"), QT_TRANSLATE_NOOP("vigil::Risk", "Review date")},
        {QStringLiteral("review_months"), QT_TRANSLATE_NOOP("vigil::Risk", "Review every (months)")},
        {QStringLiteral("criteria_id"), QT_TRANSLATE_NOOP("vigil::Risk", "Risk criteria")},
        {QStringLiteral("inherent_likelihood"), QT_TRANSLATE_NOOP("vigil::Risk", "Inherent likelihood")},
        {QStringLiteral("inherent_impact"), QT_TRANSLATE_NOOP("vigil::Risk", "Inherent impact")},
        {QStringLiteral("inherent_level"), QT_TRANSLATE_NOOP("vigil::Risk", "Inherent level")},
        {QStringLiteral("residual_likelihood"), QT_TRANSLATE_NOOP("vigil::Risk", "Residual likelihood")},
        {QStringLiteral("residual_impact"), QT_TRANSLATE_NOOP("vigil::Risk", "Residual impact")},
        {QStringLiteral("residual_level"), QT_TRANSLATE_NOOP("vigil::Risk", "Residual level")},
        {QStringLiteral("target_likelihood"), QT_TRANSLATE_NOOP("vigil::Risk", "Target likelihood")},
        {QStringLiteral("target_impact"), QT_TRANSLATE_NOOP("vigil::Risk", "Target impact")},
        {QStringLiteral("target_level"), QT_TRANSLATE_NOOP("vigil::Risk", "Target level")},
        {QStringLiteral("controls"), QT_TRANSLATE_NOOP("vigil::Risk", "Controls")},
        {QStringLiteral("assets"), QT_TRANSLATE_NOOP("vigil::Risk", "Affected assets")},
        {QStringLiteral("retired_at"), QT_TRANSLATE_NOOP("vigil::Risk", "Retired")},
        {QStringLiteral("retired_reason"), QT_TRANSLATE_NOOP("vigil::Risk", "Retired because")},
    };
    const char *title = titles.value(field);
    return title ? Text::tr(title) : field;
}

QString treatmentKey(Treatment treatment)
{
    return enumKey(treatments, treatment);
}

bool treatmentFromKey(const QString &key, Treatment *treatment)
{
    return enumFromKey(treatments, key, treatment);
}

QString treatmentTitle(Treatment treatment)
{
    return Text::tr(enumName(treatments, treatment).title);
}

QString riskStatusKey(RiskStatus status)
{
    return enumKey(statuses, status);
}

bool riskStatusFromKey(const QString &key, RiskStatus *status)
{
    return enumFromKey(statuses, key, status);
}

QString riskStatusTitle(RiskStatus status)
{
    return Text::tr(enumName(statuses, status).title);
}

QString ratingKindKey(RatingKind kind)
{
    return enumKey(kinds, kind);
}

QString ratingKindTitle(RatingKind kind)
{
    return Text::tr(enumName(kinds, kind).title);
}

Rating Risk::rating(RatingKind kind) const
{
    switch (kind) {
    case RatingKind::Inherent:
        return inherent;
    case RatingKind::Residual:
        return residual;
    case RatingKind::Target:
        return target;
    }
    return {};
}

Rating &Risk::rating(RatingKind kind)
{
    switch (kind) {
    case RatingKind::Inherent:
        return inherent;
    case RatingKind::Residual:
        return residual;
    case RatingKind::Target:
        break;
    }
    return target;
}

} // namespace vigil
