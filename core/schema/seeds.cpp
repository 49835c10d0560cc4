// The seed steps of the migrations: built-in content each file format brings, written through
// the repositories so that it is audited like everything else. A seed belongs to its migration
// for good: change what a new file starts with in a new migration, never here.
#include "storage/migrations.h"

#include "incidents/incidentcatalogues.h"
#include "risks/criteriarepository.h"
#include "risks/riskcatalogues.h"
#include "storage/database.h"
#include "storage/query.h"
#include "storage/recordstore.h"
#include "training/training.h"

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

// File format 4: the free-text roles of format 3 become posts (one per distinct role, ignoring
// case and spaces) and each person points at theirs; format 5 drops the old column.
void seedTraining(Database &db)
{
    Transaction tx(db);
    Query q(db, QStringLiteral("SELECT id, trim(role) FROM people WHERE trim(role) <> '' ORDER BY id"));
    q.exec();
    QList<std::pair<qint64, QString>> roles;
    while (q.next())
        roles.append({q.value(0).toLongLong(), q.value(1).toString()});
    QHash<QString, qint64> posts;
    PostRepository postRepository(db);
    RecordStore people(db, QStringLiteral("people"));
    const QString upgrade = Text::tr("file upgrade: roles became posts");
    for (const auto &[personId, role] : roles) {
        const QString key = role.simplified().toCaseFolded();
        if (!posts.contains(key)) {
            Post post;
            post.name = role.simplified();
            posts.insert(key, postRepository.save(post, upgrade));
        }
        people.update(personId, {{QStringLiteral("post_id"), posts.value(key)}}, AuditAction::Update, upgrade);
    }
    tx.commit();
}

} // namespace

std::function<void(Database &)> migrationSeed(int version)
{
    switch (version) {
    case 2:
        return seedRisks;
    case 3:
        return seedIncidents;
    case 4:
        return seedTraining;
    default:
        return {};
    }
}

} // namespace vigil
