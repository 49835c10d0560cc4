// Demo risks for a distribution centre: the owners, controls and assets they refer to, about
// forty risks assessed when the site started using Vigil and reassessed since (small), or five
// thousand risks with ten years of rating history (decade).
#include "demo/democontext.h"

#include "base/clock.h"
#include "people/person.h"
#include "risks/riskcatalogues.h"
#include "risks/riskrepository.h"
#include "storage/database.h"
#include "training/training.h"

#include <QHash>

namespace vigil {
namespace {

struct DemoPerson
{
    const char *name;
    const char *role;
    const char *email;
};

const DemoPerson owners[] = {
    {"Dana Okafor", "Security Manager", "dana.okafor@northgate-dc.example"},
    {"Martin Lisowski", "Site Manager", "martin.lisowski@northgate-dc.example"},
    {"Priya Raman", "Health and Safety Lead", "priya.raman@northgate-dc.example"},
    {"Tom Hadley", "Facilities Manager", "tom.hadley@northgate-dc.example"},
    {"Grace Mensah", "IT Manager", "grace.mensah@northgate-dc.example"},
    {"Owen Price", "Transport Manager", "owen.price@northgate-dc.example"},
    {"Aisha Karim", "HR Business Partner", "aisha.karim@northgate-dc.example"},
    {"Lee Whitfield", "Security Supervisor", "lee.whitfield@northgate-dc.example"},
};

struct DemoControl
{
    const char *name;
    ControlType type;
    ControlStatus status;
    int owner; // index into owners
};

const DemoControl controlList[] = {
    {"CCTV covering loading docks", ControlType::Detective, ControlStatus::Implemented, 0},
    {"Perimeter CCTV with video analytics", ControlType::Detective, ControlStatus::Implemented, 0},
    {"Gatehouse staffed 24/7", ControlType::Preventive, ControlStatus::Implemented, 7},
    {"Vehicle barrier and rising bollards at the main gate", ControlType::Preventive, ControlStatus::Implemented, 3},
    {"Dock door interlocks", ControlType::Preventive, ControlStatus::Planned, 3},
    {"Seal checks on outbound trailers", ControlType::Detective, ControlStatus::Implemented, 5},
    {"High-value cage with logged access", ControlType::Preventive, ControlStatus::Planned, 0},
    {"Random searches policy", ControlType::Deterrent, ControlStatus::Implemented, 6},
    {"Access-controlled turnstiles", ControlType::Preventive, ControlStatus::Implemented, 0},
    {"Anti-tailgating sensors at turnstiles", ControlType::Detective, ControlStatus::Planned, 0},
    {"Night yard patrols", ControlType::Deterrent, ControlStatus::Implemented, 7},
    {"LED yard lighting upgrade", ControlType::Deterrent, ControlStatus::Planned, 3},
    {"Fence line clearance and repair programme", ControlType::Preventive, ControlStatus::Implemented, 3},
    {"Fire suppression in the battery charging room", ControlType::Corrective, ControlStatus::Implemented, 2},
    {"Thermal cameras over charging bays", ControlType::Detective, ControlStatus::Planned, 2},
    {"Waste compound moved away from the building", ControlType::Preventive, ControlStatus::Planned, 3},
    {"Demountable flood barriers at goods-in", ControlType::Corrective, ControlStatus::Planned, 3},
    {"UPS and generator for security systems", ControlType::Corrective, ControlStatus::Implemented, 3},
    {"Off-site copy of CCTV recordings", ControlType::Corrective, ControlStatus::Planned, 4},
    {"4G failover for site network", ControlType::Corrective, ControlStatus::Implemented, 4},
    {"Endpoint detection on warehouse servers", ControlType::Detective, ControlStatus::Implemented, 4},
    {"Carrier and driver verification procedure", ControlType::Preventive, ControlStatus::Implemented, 5},
    {"Conflict management training for officers", ControlType::Preventive, ControlStatus::Implemented, 0},
    {"Lone worker alarm devices", ControlType::Corrective, ControlStatus::Implemented, 2},
    {"Key management cabinet", ControlType::Preventive, ControlStatus::Ineffective, 7},
    {"Contractor permit-to-work", ControlType::Preventive, ControlStatus::Implemented, 2},
    {"Visitor management and escort rule", ControlType::Preventive, ControlStatus::Implemented, 0},
    {"Dual-path alarm signalling to the monitoring centre", ControlType::Detective, ControlStatus::Implemented, 0},
};

struct DemoAsset
{
    const char *name;
    const char *category;
    const char *location;
    int criticality;
    int owner;
};

const DemoAsset assetList[] = {
    {"Main warehouse building", "Building", "Site", 5, 3},
    {"Loading docks 1-24", "Building", "North elevation", 4, 5},
    {"High-value cage", "Storage", "Warehouse, aisle 40", 5, 0},
    {"Trailer yard", "Outdoor area", "East yard", 3, 5},
    {"Gatehouse", "Building", "Main gate", 4, 0},
    {"Battery charging room", "Plant", "Warehouse, south wall", 4, 3},
    {"Warehouse management system", "IT system", "Server room", 5, 4},
    {"CCTV recording server", "Security system", "Control room", 4, 0},
    {"Access control system", "Security system", "Control room", 4, 0},
    {"Diesel tank", "Plant", "East yard", 3, 3},
    {"Staff and visitors", "People", "Site", 5, 1},
    {"Stock in transit", "Goods", "Yard and docks", 4, 5},
    {"Reception", "Building", "Office block", 2, 1},
    {"Waste compound", "Outdoor area", "South-east corner", 2, 3},
    {"Control room", "Building", "Office block, ground floor", 5, 0},
};

struct DemoRisk
{
    const char *title;
    const char *category;
    const char *threat; // a name in the ENISA catalogue, or empty
    const char *vulnerability;
    int owner;
    int il, ii, rl, ri, tl, ti; // inherent, residual, target (0: none)
    QList<int> controls;
    QList<int> assets;
};

// Written for a 40,000 m2 distribution centre with 24 docks, a trailer yard and 300 staff.
const QList<DemoRisk> &riskList()
{
    static const QList<DemoRisk> list = {
        {"Theft of high-value goods from the loading bay", "Theft and crime", "Theft (of devices, storage media and documents)",
            "Dock doors left open during shift changes", 0, 4, 4, 3, 3, 2, 3, {0, 4, 5}, {1, 11}},
        {"Insider theft from the high-value cage", "Theft and crime", "Fraud committed by employees",
            "Cage access is not logged; keys shared between supervisors", 0, 4, 4, 3, 4, 2, 3, {6, 7, 0}, {2}},
        {"Cargo theft from trailers parked overnight", "Theft and crime", "Theft (of devices, storage media and documents)",
            "Gaps in yard lighting on the east side; trailers left unsealed", 5, 4, 4, 3, 4, 2, 3, {10, 11, 1}, {3, 11}},
        {"Unauthorised entry through the perimeter fence", "Intrusion", "Unauthorized physical access / Unauthorised entry to premises",
            "Fence line hidden by vegetation along the rail siding", 0, 3, 3, 2, 3, 0, 0, {12, 1, 10}, {0, 3}},
        {"Tailgating through staff turnstiles", "Intrusion", "Unauthorized physical access / Unauthorised entry to premises",
            "Turnstiles allow two people on one badge at peak times", 0, 4, 2, 3, 2, 2, 2, {8, 9}, {0, 10}},
        {"Hostile vehicle entering at the main gate", "Intrusion", "", "Gate left open for convoys of HGVs", 7, 2, 5, 1, 5, 0, 0,
            {3, 2}, {4, 10}},
        {"Arson in the waste compound", "Fire", "Sabotage", "Compound is 4 m from the cladding and unlit", 3, 3, 4, 3, 4, 1, 4,
            {15, 1}, {13, 0}},
        {"Fire in the battery charging room", "Fire", "Fire", "Old lead-acid chargers; high load at night", 2, 3, 5, 2, 4, 1, 4,
            {13, 14}, {5, 0}},
        {"Forklift strikes a pedestrian in the docks", "Safety", "", "Walkways not segregated at docks 18-24", 2, 4, 4, 3, 4, 2, 4,
            {}, {1, 10}},
        {"Flooding of the goods-in area", "Natural hazard", "Water", "Goods-in is the lowest part of the site", 3, 2, 4, 2, 4, 2, 2,
            {16}, {1, 0}},
        {"Storm damage to roof and cladding", "Natural hazard",
            "Disaster (natural earthquakes, floods, landslides, tsunamis, heavy rains, heavy snowfalls, heavy winds)",
            "Roof panels last replaced in 2004", 3, 2, 4, 2, 3, 0, 0, {}, {0}},
        {"Power cut stops the WMS and access control", "Utilities", "Failure or disruption of power supply",
            "Single feed from the grid", 3, 3, 4, 2, 2, 0, 0, {17}, {6, 8}},
        {"Failure of the CCTV recording server", "Security systems", "Failure of devices or systems",
            "No second copy of recordings", 0, 3, 3, 3, 3, 1, 3, {18}, {7}},
        {"Loss of network links to head office", "Utilities", "Network outage", "One fibre into the site", 4, 3, 3, 2, 2, 0, 0,
            {19}, {6}},
        {"Ransomware on the warehouse management system", "Information security", "Malicious code/ software/ activity",
            "Shared administrator accounts on warehouse PCs", 4, 3, 5, 2, 5, 2, 4, {20}, {6}},
        {"Fictitious carrier collects a load", "Fraud", "Identity theft (Identity Fraud/ Account)",
            "Booking references sent by unencrypted e-mail", 5, 3, 4, 2, 4, 1, 4, {21}, {11}},
        {"Assault on officers at the gate during disputes", "Violence and threats", "",
            "Officers work alone at the gatehouse at night", 0, 3, 3, 2, 3, 0, 0, {22, 23}, {10, 4}},
        {"Aggressive drivers in the yard", "Violence and threats", "", "Long waits at peak times cause arguments", 5, 4, 2, 3, 2,
            0, 0, {22}, {10, 3}},
        {"Bomb threat by telephone", "Violence and threats", "Coercion, extortion or corruption",
            "Reception staff not trained in threat call procedure", 1, 2, 4, 2, 3, 0, 0, {}, {12, 10}},
        {"Blockade of the entrance during a labour dispute", "Personnel", "Strike",
            "Single access road from the roundabout", 1, 2, 3, 2, 3, 0, 0, {}, {4, 11}},
        {"Strike by contract security staff", "Personnel", "Strike", "One contractor supplies all officers", 0, 2, 4, 2, 3, 0, 0,
            {}, {14}},
        {"Control room unstaffed through sickness", "Personnel", "Absence of personnel",
            "Only four trained control room operators", 0, 3, 4, 2, 3, 0, 0, {}, {14}},
        {"Staff working under the influence of drugs or alcohol", "Personnel", "", "No testing policy for contractors", 6, 3, 4,
            2, 4, 0, 0, {7}, {10}},
        {"Loss of master keys", "Access control", "Theft of documents", "Key cabinet not audited; paper key log", 7, 3, 4, 3, 4,
            1, 4, {24}, {0, 2}},
        {"Lost access badges not cancelled", "Access control", "Unauthorized physical access / Unauthorised entry to premises",
            "Agency staff badges returned late or not at all", 0, 4, 3, 2, 3, 0, 0, {8}, {8}},
        {"Contractors unsupervised in restricted areas", "Access control", "", "Maintenance contractors hold their own keys", 3,
            3, 3, 2, 3, 0, 0, {25, 26}, {14, 6}},
        {"Contraband smuggled in inbound containers", "Compliance", "Violation of rules and regulations / Breach of legislation",
            "No random inspection of inbound seals", 5, 2, 4, 2, 4, 0, 0, {5}, {11}},
        {"CCTV images misused against data protection law", "Compliance", "Abuse of personal data",
            "Images exported on USB sticks without a log", 0, 2, 3, 1, 3, 0, 0, {}, {7}},
        {"Failure to meet the insurer's security conditions", "Compliance", "Failure to meet contractual requirements",
            "Conditions reviewed only at renewal", 1, 2, 4, 1, 4, 0, 0, {}, {0}},
        {"Theft of copper cable and scrap metal", "Theft and crime", "Theft of fixed hardware", "Scrap skip kept outside the fence",
            3, 3, 2, 2, 2, 0, 0, {12}, {13}},
        {"Vandalism of perimeter cameras", "Theft and crime", "Vandalism", "Cameras mounted within reach from the road", 0, 3, 2,
            2, 2, 0, 0, {1}, {7}},
        {"Drone surveillance of the yard", "Intrusion", "Corporate espionage", "High-value loads visible from the air", 0, 2, 3,
            2, 3, 0, 0, {}, {3, 11}},
        {"Manifests revealing high-value loads are lost", "Information security", "Theft of documents",
            "Printed manifests left in cabs and at the gatehouse", 5, 3, 3, 2, 3, 0, 0, {21}, {11}},
        {"Spill of hazardous goods in the racking", "Safety", "Pollution, dust, corrosion",
            "Chemicals stored above head height", 2, 2, 4, 2, 3, 0, 0, {}, {0, 10}},
        {"Extreme heat in the warehouse", "Natural hazard", "Unfavourable climatic conditions",
            "No cooling in the mezzanine pick areas", 2, 3, 3, 3, 2, 0, 0, {}, {10}},
        {"Officer injured on a lone night patrol", "Safety", "", "Patrol routes include unlit areas", 0, 3, 3, 2, 3, 0, 0, {23, 10},
            {10}},
        {"Trespass and anti-social behaviour at weekends", "Intrusion",
            "Unauthorized physical access / Unauthorised entry to premises", "Unused rail siding is a known meeting place", 7, 4,
            2, 3, 2, 0, 0, {10, 12}, {3}},
        {"Theft of diesel from the site tank", "Theft and crime", "Theft of fixed hardware", "Tank filler cap unlocked", 3, 3, 2,
            1, 2, 0, 0, {1}, {9}},
        {"Suspicious package at reception", "Violence and threats", "", "Post and parcels opened at the front desk", 1, 2, 4, 2, 3,
            0, 0, {26}, {12, 10}},
        {"Slow key-holder response out of hours", "Security systems", "", "Key holders live over 40 minutes away", 0, 3, 3, 2, 3,
            0, 0, {27}, {0}},
        {"Intruder alarm signalling fails unnoticed", "Security systems", "Failure or disruption of communication links (communication networks)",
            "Single telephone line to the monitoring centre", 0, 2, 4, 1, 4, 0, 0, {27}, {0, 14}},
        {"Metal theft from the roof plant", "Theft and crime", "Theft of fixed hardware", "Roof reached from the rail siding", 3, 2,
            3, 2, 2, 0, 0, {1}, {0}},
    };
    return list;
}

Rating rating(int likelihood, int impact)
{
    return likelihood > 0 ? Rating {likelihood, impact, -1} : Rating {};
}

struct Catalogues
{
    QList<qint64> people;
    QList<qint64> controls;
    QList<qint64> assets;
    QHash<QString, qint64> threats;
};

Catalogues writeCatalogues(DemoContext &context)
{
    Catalogues c;
    PeopleRepository people(context.db);
    PostRepository posts(context.db);
    for (const DemoPerson &p : owners) {
        Person person;
        person.name = QString::fromUtf8(p.name);
        Post post;
        post.name = QString::fromUtf8(p.role);
        const std::optional<Post> existing = posts.findByName(post.name);
        person.postId = existing ? existing->id : posts.save(post);
        person.staffNumber = QStringLiteral("NG%1").arg(c.people.size() + 1, 4, 10, QLatin1Char('0'));
        person.startDate = context.startDate().addDays(-context.random.between(200, 3000));
        person.email = QString::fromUtf8(p.email);
        person.phone = QStringLiteral("+44 1536 55%1").arg(context.random.between(1000, 9999));
        c.people.append(people.save(person));
    }
    ControlRepository controls(context.db);
    for (const DemoControl &d : controlList) {
        Control control;
        control.name = QString::fromUtf8(d.name);
        control.type = d.type;
        control.status = d.status;
        control.ownerId = c.people.at(d.owner);
        c.controls.append(controls.save(control));
    }
    AssetRepository assets(context.db);
    for (const DemoAsset &d : assetList) {
        Asset asset;
        asset.name = QString::fromUtf8(d.name);
        asset.category = QString::fromUtf8(d.category);
        asset.location = QString::fromUtf8(d.location);
        asset.criticality = d.criticality;
        asset.ownerId = c.people.at(d.owner);
        c.assets.append(assets.save(asset));
    }
    for (const Threat &threat : ThreatRepository(context.db).list())
        c.threats.insert(threat.name, threat.id);
    return c;
}

Risk riskFrom(const DemoRisk &d, const Catalogues &c)
{
    Risk risk;
    risk.title = QString::fromUtf8(d.title);
    risk.category = QString::fromUtf8(d.category);
    risk.threatId = c.threats.value(QString::fromUtf8(d.threat));
    risk.vulnerability = QString::fromUtf8(d.vulnerability);
    risk.ownerId = c.people.at(d.owner);
    risk.inherent = rating(d.il, d.ii);
    risk.residual = rating(d.il, d.ii); // before its controls are in place
    risk.target = rating(d.tl, d.ti);
    for (int i : d.controls)
        risk.controlIds.append(c.controls.at(i));
    for (int i : d.assets)
        risk.assetIds.append(c.assets.at(i));
    return risk;
}

void smallRegister(DemoContext &context, const Catalogues &c)
{
    RiskRepository risks(context.db);
    const QDate start = context.startDate();
    const QDate today = context.options.today;
    const QList<DemoRisk> &list = riskList();
    QList<qint64> ids;
    // The first assessment, in the site's first month; a few risks were added later.
    for (qsizetype i = 0; i < list.size(); ++i) {
        const int dayOffset = i < 34 ? int(context.random.between(3, 28)) : int(context.random.between(90, 600));
        context.setNow(start.addDays(dayOffset), QTime(int(context.random.between(8, 16)), int(context.random.between(0, 59))));
        Risk risk = riskFrom(list.at(i), c);
        risk.reviewMonths = list.at(i).ii >= 4 ? 6 : 12;
        risk.reviewDate = start.addDays(dayOffset).addMonths(risk.reviewMonths);
        ids.append(risks.create(risk).id);
    }
    // Reassessments as controls went in: the residual rating drops to today's value; reviews move on.
    for (qsizetype i = 0; i < list.size(); ++i) {
        const DemoRisk &d = list.at(i);
        Risk risk = risks.load(ids.at(i));
        QDate when = risk.reviewDate;
        while (when < today.addDays(-20)) {
            context.setNow(when.addDays(context.random.between(-10, 10)), QTime(10, int(context.random.between(0, 59))));
            risk.residual = rating(d.rl, d.ri);
            risk.status = risk.residual.likelihood * risk.residual.impact < d.il * d.ii ? RiskStatus::InTreatment
                                                                                         : RiskStatus::Open;
            risk.reviewDate = when.addMonths(risk.reviewMonths);
            risks.save(risk);
            when = risk.reviewDate;
        }
    }
    // Some reviews are overdue today; two risks were accepted, one closed and one retired.
    context.setNow(today.addDays(-30), QTime(11, 15));
    for (qsizetype i : {2, 13, 24, 31, 36}) {
        Risk risk = risks.load(ids.at(i));
        risk.reviewDate = today.addDays(-context.random.between(5, 40));
        risks.save(risk);
    }
    for (qsizetype i : {19, 27}) {
        Risk risk = risks.load(ids.at(i));
        risk.treatment = Treatment::Accept;
        risk.status = RiskStatus::Accepted;
        risk.justification = QStringLiteral("Residual risk is within the site's appetite; further controls would cost "
                                            "more than the expected loss. Reviewed with the site manager.");
        risks.save(risk);
    }
    {
        Risk risk = risks.load(ids.at(29));
        risk.status = RiskStatus::Closed;
        risks.save(risk);
    }
    risks.retire(ids.at(41), QStringLiteral("Roof plant removed in the 2025 refurbishment."));
}

// Ten years of a busy multi-site operator's register at this site: variants of the same risks
// across zones, reassessed every six to twelve months, some retired along the way.
void decadeRegister(DemoContext &context, const Catalogues &c)
{
    static const char *zones[] = {"Zone A", "Zone B", "Zone C", "Zone D", "Docks 1-8", "Docks 9-16", "Docks 17-24",
        "East yard", "West yard", "Mezzanine", "Office block", "Gatehouse", "Cold store", "Returns hall", "Cross-dock"};
    RiskRepository risks(context.db);
    const QDate start = context.startDate();
    const QDate today = context.options.today;
    const QList<DemoRisk> &list = riskList();
    const int total = 5000;
    const qint64 spanDays = start.daysTo(today);
    for (int n = 0; n < total; ++n) {
        const DemoRisk &d = list.at(n % list.size());
        const QDate created = start.addDays(qint64(double(n) / total * (spanDays - 30)));
        context.setNow(created, QTime(int(context.random.between(8, 17)), int(context.random.between(0, 59))));
        Risk risk = riskFrom(d, c);
        risk.title = QStringLiteral("%1 (%2)").arg(risk.title, QLatin1String(zones[(n / list.size()) % std::size(zones)]));
        risk.ownerId = c.people.at(context.random.between(0, c.people.size() - 1));
        risk.reviewMonths = context.random.chance(0.5) ? 6 : 12;
        risk.reviewDate = created.addMonths(risk.reviewMonths);
        const qint64 id = risks.create(risk).id;
        // One to three reassessments, each lowering or raising the residual rating a step.
        const int reviews = int(context.random.between(1, 3));
        QDate when = risk.reviewDate;
        for (int r = 0; r < reviews && when < today; ++r) {
            context.setNow(when, QTime(10, int(context.random.between(0, 59))));
            risk.id = id;
            risk.residual.likelihood = int(qBound(qint64(1), risk.residual.likelihood + context.random.between(-1, 1), qint64(5)));
            risk.residual.impact = int(qBound(qint64(1), risk.residual.impact + context.random.between(-1, 0), qint64(5)));
            risk.reviewDate = when.addMonths(risk.reviewMonths);
            risks.save(risk);
            when = risk.reviewDate;
        }
        if (created < today.addYears(-2) && context.random.chance(0.35)) {
            context.setNow(when < today ? when : today.addDays(-1), QTime(15, 0));
            risks.retire(id, QStringLiteral("Superseded after the annual review."));
        }
    }
}

} // namespace

void generateRiskDemo(DemoContext &context)
{
    context.setNow(context.startDate(), QTime(9, 30));
    const Catalogues catalogues = writeCatalogues(context);
    if (context.decade())
        decadeRegister(context, catalogues);
    else
        smallRegister(context, catalogues);
}

} // namespace vigil
