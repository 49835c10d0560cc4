#include "incidentcatalogues.h"

#include <QCoreApplication>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentCatalogues)
};

} // namespace

QString CatalogueTraits<SiteArea>::table()
{
    return QStringLiteral("site_areas");
}

QStringList CatalogueTraits<SiteArea>::columns()
{
    return {QStringLiteral("description")};
}

QVariantMap CatalogueTraits<SiteArea>::fields(const SiteArea &area)
{
    return {{QStringLiteral("description"), area.description.trimmed()}};
}

void CatalogueTraits<SiteArea>::read(SiteArea &area, const Query &q, int first)
{
    area.description = q.value(first).toString();
}

QString CatalogueTraits<SiteArea>::problem(const SiteArea &area)
{
    return area.name.trimmed().isEmpty() ? Text::tr("An area needs a name.") : QString();
}

QString CatalogueTraits<IncidentCategory>::table()
{
    return QStringLiteral("incident_categories");
}

QStringList CatalogueTraits<IncidentCategory>::columns()
{
    return {QStringLiteral("parent_id"), QStringLiteral("description"), QStringLiteral("source")};
}

QVariantMap CatalogueTraits<IncidentCategory>::fields(const IncidentCategory &category)
{
    return {{QStringLiteral("parent_id"), idOrNull(category.parentId)},
        {QStringLiteral("description"), category.description.trimmed()}, {QStringLiteral("source"), category.source}};
}

void CatalogueTraits<IncidentCategory>::read(IncidentCategory &category, const Query &q, int first)
{
    category.parentId = q.value(first).toLongLong();
    category.description = q.value(first + 1).toString();
    category.source = q.value(first + 2).toString();
}

QString CatalogueTraits<IncidentCategory>::problem(const IncidentCategory &category)
{
    return category.name.trimmed().isEmpty() ? Text::tr("A category needs a name.") : QString();
}

const QList<CategorySeed> &builtInIncidentCategories()
{
    static const QList<CategorySeed> seeds = {
        {"Theft", {{"Theft (taking assets without permission)", true}, {"Theft of stock", false},
                      {"Theft of equipment", false}, {"Theft from a vehicle", false}, {"Cargo theft", false},
                      {"Fuel theft", false}, {"Theft of personal property", false}}},
        {"Burglary", {{"Forced entry to a building", false}, {"Forced entry to a trailer or vehicle", false},
                         {"Attempted burglary", false}}},
        {"Trespass / unauthorised entry", {{"Bypassed physical barriers or controls", true},
                                              {"Found in a restricted area", false}, {"Fence breach", false}}},
        {"Vandalism / criminal damage", {{"Destruction (deliberate damaging or disabling)", true},
                                            {"Tampering (alter physical form or function)", true}, {"Graffiti", false},
                                            {"Arson or attempted arson", false}}},
        {"Assault / violence", {{"Assault (threats or acts of physical violence)", true},
                                   {"Assault on a security officer", false}, {"Fight between staff", false}}},
        {"Threat or harassment", {{"Verbal threat", false}, {"Bomb threat", false}, {"Harassment", false},
                                     {"Abusive visitor or driver", false}}},
        {"Suspicious person / vehicle / package", {{"Suspicious person", false}, {"Suspicious vehicle", false},
                                                      {"Suspicious package", false},
                                                      {"Surveillance (monitoring and observation)", true},
                                                      {"Snooping (sneak about to gain info or access)", true}}},
        {"Alarm activation", {{"Intruder alarm, real", false}, {"Intruder alarm, false", false},
                                 {"Fire alarm, false", false}, {"Panic alarm", false}, {"Equipment fault alarm", false}}},
        {"Access control breach", {{"Tailgating", false}, {"Lost or stolen badge", false}, {"Door forced", false},
                                      {"Door held open", false}, {"Disabled physical barriers or controls", true}}},
        {"Fire / smoke", {{"Fire", true}, {"Smoke without fire", false}, {"Hot work incident", false}}},
        {"Medical emergency", {{"Injury", false}, {"Illness", false}, {"First aid given", false}, {"Ambulance called", false}}},
        {"Safety hazard", {{"Spill or leak", false}, {"Slip or trip", false}, {"Vehicle near miss", false},
                              {"Unsafe structure or racking", false}}},
        {"Utility failure", {{"Power failure", true}, {"Water leak", false}, {"Heating or cooling failure", false},
                                {"Communications failure", false}}},
        {"Lost and found property", {{"Item found", false}, {"Item reported lost", false}, {"Item returned to owner", false}}},
        {"Information security", {{"Data loss", false}, {"Device theft", false}, {"Documents left unsecured", false},
                                     {"Unauthorised CCTV access", false}}},
        {"Fraud", {{"Fictitious pickup", false}, {"Invoice fraud", false}, {"Time and attendance fraud", false},
                      {"Identity fraud", false}}},
    };
    return seeds;
}

} // namespace vigil
