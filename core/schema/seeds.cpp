// The seed steps of the migrations: built-in content each file format brings, written through
// the repositories so that it is audited like everything else. A seed belongs to its migration
// for good: change what a new file starts with in a new migration, never here.
#include "storage/migrations.h"

#include "incidents/incidentcatalogues.h"
#include "risks/criteriarepository.h"
#include "risks/riskcatalogues.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QFile>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Seeds)
};

// File format 2: the default 5x5 risk criteria and the ENISA threat catalogue.
void seedRisks(Database &db)
{
    RiskCriteriaRepository(db).addVersion(RiskCriteria::defaults(), Text::tr("built in"));
    QFile file(QStringLiteral(":/catalogues/enisa-threat-taxonomy.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Text::tr("The built-in threat catalogue is missing from this program."));
    ThreatRepository threats(db);
    for (const Threat &threat : readEnisaThreats(file.readAll()))
        threats.save(threat, Text::tr("built in: ENISA threat taxonomy"));
}

// File format 3: the incident categories of DOMAIN.md, with subcategories (some from VERIS).
void seedIncidents(Database &db)
{
    CategoryRepository categories(db);
    const QString builtIn = Text::tr("built in");
    for (const CategorySeed &seed : builtInIncidentCategories()) {
        IncidentCategory category;
        category.name = QString::fromUtf8(seed.name);
        const qint64 parent = categories.save(category, builtIn);
        for (const auto &[name, veris] : seed.subcategories) {
            IncidentCategory sub;
            sub.name = QString::fromUtf8(name);
            sub.parentId = parent;
            sub.source = veris ? QStringLiteral("VERIS") : QString();
            categories.save(sub, builtIn);
        }
    }
}

} // namespace

std::function<void(Database &)> migrationSeed(int version)
{
    switch (version) {
    case 2:
        return seedRisks;
    case 3:
        return seedIncidents;
    default:
        return {};
    }
}

} // namespace vigil
