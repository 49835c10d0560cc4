// The seed steps of the migrations: built-in content each file format brings, written through
// the repositories so that it is audited like everything else. A seed belongs to its migration
// for good: change what a new file starts with in a new migration, never here.
#include "storage/migrations.h"

#include "incidents/incidentcatalogues.h"
#include "kpi/kpiengine.h"
#include "risks/criteriarepository.h"
#include "risks/riskcatalogues.h"
#include "storage/auditchain.h"
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

// File format 6: the built-in KPIs of DOMAIN.md, computed from the records, and three that the
// control room or the auditor measures and the officer enters per period.
void seedKpis(Database &db)
{
    struct Seed
    {
        const char *key;
        KpiSource source;
        QString name;
        QString description;
        QString unit;
        double target;
        KpiDirection direction;
        double amberBand;
        KpiFrequency frequency;
    };
    const auto lower = KpiDirection::LowerIsBetter;
    const auto higher = KpiDirection::HigherIsBetter;
    const auto computed = KpiSource::Computed;
    const auto manual = KpiSource::Manual;
    const auto month = KpiFrequency::Month;
    const QString count; // a count has no unit: the KPI's name says what is counted
    const QString hours = Text::tr("hours");
    const QString percent = QStringLiteral("%");
    const Seed seeds[] = {
        {KpiKey::IncidentsTotal, computed, Text::tr("Incidents"), Text::tr("Incidents that occurred in the period."),
            count, 20, lower, 5, month},
        {KpiKey::IncidentsSerious, computed, Text::tr("Serious incidents"),
            Text::tr("Incidents of high or critical severity that occurred in the period."), count, 1, lower, 1, month},
        {KpiKey::MeanHoursToClose, computed, Text::tr("Mean time to close"),
            Text::tr("Mean hours from report to close of the incidents closed in the period."), hours, 72, lower, 24,
            month},
        {KpiKey::P90HoursToClose, computed, Text::tr("Time to close, 90th percentile"),
            Text::tr("Nine in ten of the incidents closed in the period were closed within this many hours of their "
                     "report."),
            hours, 168, lower, 72, month},
        {KpiKey::ClosedWithinTarget, computed, Text::tr("Closed within %n days", nullptr, KpiEngine::incidentTargetDays),
            Text::tr("Share of the incidents closed in the period that were closed within %n days of their report.",
                nullptr, KpiEngine::incidentTargetDays),
            percent, 80, higher, 10, month},
        {KpiKey::RisksOpenHigh, computed, Text::tr("High and extreme risks"),
            Text::tr("Open risks at the two highest residual levels at the end of the period (open as the register stands now)."), count, 0,
            lower, 2, month},
        {KpiKey::RisksPastReview, computed, Text::tr("Risks past review date"),
            Text::tr("Open risks whose review date, as the register stands now, had passed by the end of the period."), count, 0, lower,
            2, month},
        {KpiKey::TrainingCompliance, computed, Text::tr("Training compliance"),
            Text::tr("Share of the certifications their posts need that people held at the end of the period."),
            percent, 95, higher, 5, month},
        {KpiKey::CertificationsExpiring, computed, Text::tr("Certifications expiring in 30 days"),
            Text::tr("Required certifications running out within 30 days of the end of the period."),
            count, 5, lower, 5, month},
        {KpiKey::ActionsOpen, computed, Text::tr("Corrective actions open"),
            Text::tr("Corrective actions not completed at the end of the period."), count, 10, lower, 5,
            month},
        {KpiKey::ActionsOverdue, computed, Text::tr("Corrective actions overdue"),
            Text::tr("Corrective actions past their due date and not completed at the end of the period."),
            count, 0, lower, 2, month},
        {KpiKey::ActionsClosedOnTime, computed, Text::tr("Corrective actions closed on time"),
            Text::tr("Share of the corrective actions completed in the period that were completed by their due date."),
            percent, 90, higher, 10, month},
        {KpiKey::PatrolsCompleted, manual, Text::tr("Patrols completed"),
            Text::tr("Share of the scheduled patrols that were completed, from the patrol log."), percent, 98, higher,
            3, month},
        {KpiKey::AlarmResponseMinutes, manual, Text::tr("Alarm response time"),
            Text::tr("Mean minutes from alarm to a guard on the scene, as measured by the control room."),
            Text::tr("minutes"), 5, lower, 2, month},
        {KpiKey::AuditScore, manual, Text::tr("Audit score"),
            Text::tr("Score of the quarter's internal security audit."), percent, 90, higher, 5,
            KpiFrequency::Quarter},
    };
    Transaction tx(db);
    KpiRepository kpis(db);
    const QString builtIn = Text::tr("built in");
    int order = 0;
    for (const Seed &seed : seeds) {
        Kpi kpi;
        kpi.key = QLatin1String(seed.key);
        kpi.source = seed.source;
        kpi.name = seed.name;
        kpi.description = seed.description;
        kpi.unit = seed.unit;
        kpi.target = seed.target;
        kpi.direction = seed.direction;
        kpi.amberBand = seed.amberBand;
        kpi.frequency = seed.frequency;
        kpi.sortOrder = (++order) * 10;
        kpis.save(kpi, builtIn);
    }
    tx.commit();
}

// Format 8 (0008_checks_as_comparisons.sql) edited the tables' definitions in sqlite_schema: a new schema version makes every
// connection, this one too, read them again.
constexpr int checksAsComparisonsFormat = 8;

void rereadSchema(Database &db)
{
    const int version = scalar(db, QStringLiteral("PRAGMA schema_version")).toInt();
    execute(db, QStringLiteral("PRAGMA schema_version = %1").arg(version + 1));
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
    case 6:
        return seedKpis;
    case auditChainFormat:
        return sealAuditTrailOnUpgrade;
    case checksAsComparisonsFormat:
        return rereadSchema;
    default:
        return {};
    }
}

} // namespace vigil
