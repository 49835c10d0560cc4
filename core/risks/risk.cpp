#include "risk.h"

#include "base/enumnames.h"

#include <QCoreApplication>

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
