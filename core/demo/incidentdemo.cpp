// Demo incidents for Northgate Distribution Centre: the site's areas, about 300 incidents over
// two years (small) or 100,000 over ten (decade), each with its history (reported, investigated,
// contained, resolved, closed, sometimes reopened), notes, reassignments, a few photos, and the
// corrective actions that came out of them. Everything is planned first, then written in time
// order through the repositories with the clock set to each moment, so references, timelines
// and the audit trail read as if the site had logged them as they happened.
#include <algorithm>
#include <limits>
#include <tuple>

#include <QCoreApplication>
#include <QHash>

#include "base/timeformat.h"
#include "demo/democontext.h"
#include "demo/incidentdemogenerator.h"
#include "incidents/incidentcatalogues.h"
#include "people/person.h"
#include "storage/database.h"
#include "storage/query.h"

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentDemo)
};

} // namespace

namespace incidentdemo {

void Generator::run()
{
    writeAreas();
    readCatalogues();
    const int count = m_context.decade() ? 100000 : 300;
    planIncidents(count);
    planPhotos();
    planActions(m_context.decade() ? 9400 : 25, m_context.decade() ? 600 : 5);
    std::sort(m_events.begin(), m_events.end(), [](const Event &a, const Event &b) {
        return std::tie(a.at, a.plan, a.action, a.order) < std::tie(b.at, b.plan, b.action, b.order);
    });
    // The search index is built once at the end: keeping it up to date with every change
    // would flush FTS5 segments thousands of times (most of the decade's time).
    IncidentRepository::SearchPause searchPause(m_context.db);
    for (const Event &event : std::as_const(m_events))
        perform(event);
    searchPause.finish();
    m_context.db.setActor(QStringLiteral("demo"));
}

void Generator::writeAreas()
{
    m_context.setNow(m_context.startDate(), QTime(9, 40));
    m_context.db.setActor(QStringLiteral("Dana Okafor"));
    AreaRepository repository(m_context.db);
    for (const AreaText &a : areas()) {
        SiteArea area;
        area.name = latin1(a.name);
        area.description = latin1(a.description);
        m_areaIds.append(repository.save(area));
    }
}

void Generator::readCatalogues()
{
    for (const Person &p : PeopleRepository(m_context.db).list()) {
        m_people.insert(p.name, p.id);
        m_names.insert(p.id, p.name);
        m_peopleIds.append(p.id);
    }
    if (m_peopleIds.size() < 8)
        throw Error(Text::tr("The incident demo needs the people of the risk demo."));
    QHash<QString, IncidentCategory> byName;
    QHash<qint64, QString> names;
    for (const IncidentCategory &c : CategoryRepository(m_context.db).list(true)) {
        byName.insert(c.name, c);
        names.insert(c.id, c.name);
    }
    QHash<QString, const CategoryText *> texts;
    for (const CategoryText &t : categoryTexts())
        texts.insert(latin1(t.category), &t);
    struct RiskRow
    {
        qint64 id, created, retired;
        QString title;
    };
    QList<RiskRow> risks;
    Query q(m_context.db, QStringLiteral("SELECT id, title, created_at, retired_at FROM risks ORDER BY id"));
    q.exec();
    while (q.next()) {
        const QDateTime retired = fromStoredUtc(q.value(3).toString());
        risks.append({q.value(0).toLongLong(), fromStoredUtc(q.value(2).toString()).toMSecsSinceEpoch(),
            retired.isValid() ? retired.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max(),
            q.value(1).toString()});
    }
    for (const Kind &k : kinds()) {
        KindIds ids;
        const IncidentCategory sub = byName.value(latin1(k.subcategory));
        ids.subcategory = sub.id;
        ids.category = sub.parentId;
        ids.text = texts.value(names.value(sub.parentId));
        const QString words = latin1(k.risk);
        for (const RiskRow &r : std::as_const(risks)) {
            if (!words.isEmpty() && r.title.contains(words, Qt::CaseInsensitive))
                ids.risks.append({r.id, r.created, r.retired});
        }
        m_kindIds.append(ids);
    }
}

void Generator::planIncidents(int count)
{
    QList<double> weights;
    for (qsizetype i = 0; i < kinds().size(); ++i)
        weights.append(m_kindIds.at(i).category > 0 && m_kindIds.at(i).text ? kinds().at(i).weight : 0);
    const QDate first = m_context.startDate().addDays(1);
    m_plans.resize(count);
    // The last few are staged: picked so that today finds them at each open stage of the
    // workflow, whatever the seed (at 0.4 incidents a day, chance alone would leave gaps).
    const IncidentStatus staged[] = {IncidentStatus::Reported, IncidentStatus::Reported,
        IncidentStatus::Investigating, IncidentStatus::Investigating, IncidentStatus::Contained,
        IncidentStatus::Contained, IncidentStatus::Resolved, IncidentStatus::Resolved};
    const int normal = count - int(std::size(staged));
    for (int i = 0; i < count; ++i) {
        Plan &p = m_plans[size_t(i)];
        for (int tries = 0;; ++tries) {
            const bool fresh = i >= normal && staged[i - normal] == IncidentStatus::Reported;
            drawIncident(p, weights, i < normal ? first : m_context.options.today.addDays(fresh ? -2 : -21));
            if (i < normal || tries >= 500 || statusToday(p) == staged[i - normal])
                break;
        }
    }
    // Written in the order they were reported, so references count up with time.
    std::sort(
        m_plans.begin(), m_plans.end(), [](const Plan &a, const Plan &b) { return a.reported < b.reported; });
    for (int i = 0; i < count; ++i) {
        Plan &p = m_plans[size_t(i)];
        for (const FlowStep &s : std::as_const(p.steps)) {
            if (s.at >= m_limit)
                break;
            addEvent(s.at, i, -1, s.step, quint8(s.to));
            if (s.to == IncidentStatus::Investigating && !p.investigating)
                p.investigating = s.at;
            if (s.to == IncidentStatus::Closed && !p.closed)
                p.closed = s.at;
        }
        p.steps = {};
    }
}

void Generator::drawIncident(Plan &p, const QList<double> &weights, const QDate &first)
{
    const qint64 span = first.daysTo(m_context.options.today) - 1;
    p.kind = int(m_random.weighted(weights));
    const Kind &k = kinds().at(p.kind);
    p.variant = int(m_random.between(0, k.descriptions.size() - 1));
    p.area = of(k.areas, p);
    p.severity = Severity(m_random.weighted(k.severity));
    p.flow = p.severity == Severity::Critical ? Flow::Serious
        : p.severity == Severity::High        ? std::max(k.flow, Flow::Standard)
                                              : k.flow;
    do {
        QDate date = first.addDays(m_random.between(0, span));
        if (date.dayOfWeek() < 6 && m_random.chance(k.weekend)) {
            date = date.addDays(6 - date.dayOfWeek() + m_random.between(0, 1));
            if (date >= m_context.options.today)
                date = date.addDays(-7);
        }
        const qint64 hourOfDay = m_random.weighted(hourWeights(k.hours));
        p.occurred = QDateTime(date, QTime(int(hourOfDay), int(m_random.between(0, 59))), Qt::UTC)
                         .toMSecsSinceEpoch();
        if (m_random.chance(k.later))
            p.reported = p.occurred + m_random.between(2 * 60, 30 * 60) * minute;
        else
            p.reported = p.occurred + m_random.between(1, p.flow == Flow::FalseAlarm ? 8 : 45) * minute;
    } while (p.reported + 20 * minute >= m_limit);
    drawFlow(p);
}

void Generator::addEvent(qint64 at, int plan, int action, Step step, quint8 to)
{
    m_events.push_back({at, plan, action, ++m_order, step, to});
    if (plan >= 0 && action < 0)
        ++m_plans[size_t(plan)].pending;
}

IncidentStatus Generator::statusToday(const Plan &p) const
{
    IncidentStatus status = IncidentStatus::Reported;
    for (const FlowStep &s : p.steps) {
        if (s.at >= m_limit)
            break;
        if (s.step == Step::Create || s.step == Step::Status || s.step == Step::Reopen)
            status = s.to;
    }
    return status;
}

// The incident's history, each step some time after the one before. Steps that would fall on
// or after today are cut when the events are planned: the newest incidents are still open.
void Generator::drawFlow(Plan &p)
{
    const bool small = !m_context.decade();
    using enum IncidentStatus;
    qint64 t = p.reported + m_random.between(1, 20) * minute;
    p.steps = {};
    p.lengthy = false;
    // Officers act at any hour; the managers who investigate, review and close work weekdays
    // 08:00-18:00, so their steps wait for the next working morning.
    auto anyTime = [&](qint64 delay, Step s, IncidentStatus to = Reported) {
        t += delay;
        p.steps.append({t, s, to});
    };
    auto office = [&](qint64 delay, Step s, IncidentStatus to = Reported) {
        t += delay + m_random.between(0, 59) * minute;
        const QDateTime at = utc(t);
        const int hourOfDay = at.time().hour();
        if (hourOfDay < 8 || hourOfDay >= 18 || at.date().dayOfWeek() > 5) {
            QDate date = hourOfDay >= 18 ? at.date().addDays(1) : at.date();
            while (date.dayOfWeek() > 5)
                date = date.addDays(1);
            t = QDateTime(date, QTime(8, 0), Qt::UTC).toMSecsSinceEpoch() + m_random.between(0, 150) * minute;
        }
        p.steps.append({t, s, to});
    };
    auto between
        = [this](qint64 low, qint64 high, qint64 unit) { return m_random.between(low, high) * unit; };
    // Officers log most false alarms (and, on a busy site, many small matters) after dealing
    // with them: already closed. The rest wait for the supervisor's review.
    if ((p.flow == Flow::FalseAlarm && m_random.chance(small ? 0.4 : 0.6))
        || (p.flow == Flow::Quick && !small && m_random.chance(0.55))) {
        anyTime(between(10, 60, minute), Step::Create, Closed);
        return;
    }
    anyTime(0, Step::Create);
    bool closed = false;
    switch (p.flow) {
    case Flow::FalseAlarm:
        anyTime(between(10, 90, minute), Step::Status, Resolved);
        if (!m_random.chance(0.02))
            office(between(8, 96, hour), Step::Status, Closed);
        return;
    case Flow::Quick:
        if (m_random.chance(small ? 0.5 : 0.1))
            office(between(30, 480, minute), Step::Status, Investigating);
        anyTime(between(1, 72, hour) + between(0, 59, minute), Step::Status, Resolved);
        if (!m_random.chance(0.02))
            office(between(1, 10, day), Step::Status, Closed);
        return;
    case Flow::Standard:
        if (m_random.chance(small ? 0.2 : 0.05))
            office(between(10, 180, minute), Step::Assign);
        office(between(30, 720, minute), Step::Status, Investigating);
        if (m_random.chance(small ? 0.4 : 0.1))
            office(between(2, 72, hour), Step::Note);
        if (m_random.chance(small ? 0.5 : 0.1))
            office(between(1, 48, hour), Step::Status, Contained);
        if (!small && m_random.chance(0.35)) { // closed at the review that ends the investigation
            office(between(2, 20, day), Step::Status, Closed);
            closed = true;
            break;
        }
        office(between(1, 14, day), Step::Status, Resolved);
        closed = !m_random.chance(0.02);
        if (closed)
            office(between(1, 10, day), Step::Status, Closed);
        break;
    case Flow::Serious: {
        anyTime(between(10, 120, minute), Step::Status, Investigating); // the manager on call
        anyTime(between(1, 24, hour) + between(0, 59, minute), Step::Status, Contained);
        // Now and then a long investigation (police, insurer, a dismissal) with a note a day or two.
        p.lengthy = m_random.chance(0.05);
        const qint64 notes = p.lengthy ? m_random.between(20, 32)
            : small                    ? m_random.between(1, 3)
                                       : m_random.between(0, 1);
        for (qint64 n = 0; n < notes; ++n)
            office(p.lengthy ? between(20, 50, hour) : between(6, 120, hour), Step::Note);
        if (notes > 0 && m_random.chance(0.08))
            office(between(10, 90, minute), Step::Correct);
        if (m_random.chance(small ? 0.3 : 0.1))
            office(between(1, 72, hour), Step::Assign);
        if (m_random.chance(0.01))
            return; // a long police investigation: still open
        office(between(5, 40, day), Step::Status, Resolved);
        closed = !m_random.chance(0.02);
        if (closed)
            office(between(3, 20, day), Step::Status, Closed);
        break;
    }
    }
    if (closed && m_random.chance(small ? 0.04 : 0.01)) {
        office(between(5, 60, day), Step::Reopen, Investigating);
        office(between(1, 72, hour), Step::Note);
        office(between(3, 20, day), Step::Status, Resolved);
        office(between(1, 10, day), Step::Status, Closed);
    }
}

// A few photos, on recent incidents of a fitting kind.
void Generator::planPhotos()
{
    const QList<std::pair<Photo, QList<const char *>>> wanted = {
        {Photo::CctvStill, {"Cargo theft", "Intruder alarm, real", "Suspicious vehicle"}},
        {Photo::Curtain, {"Cargo theft", "Forced entry to a trailer or vehicle"}},
        {Photo::Fence, {"Fence breach"}},
        {Photo::Door, {"Door forced", "Attempted burglary"}},
        {Photo::Racking, {"Unsafe structure or racking"}},
        {Photo::Graffiti, {"Graffiti", "Destruction (deliberate damaging or disabling)"}},
        {Photo::Leak, {"Water leak"}},
    };
    int cctvPlan = -1;
    for (const auto &[photo, subcategories] : wanted) {
        // The curtain goes with the CCTV still when that shows a cargo theft.
        int chosen = photo == Photo::Curtain && cctvPlan >= 0
                && latin1(kinds().at(m_plans[size_t(cctvPlan)].kind).subcategory)
                    == QLatin1String("Cargo theft")
            ? cctvPlan
            : -1;
        QList<int> candidates;
        for (int i = int(m_plans.size()) - 1; i >= 0 && candidates.size() < 5 && chosen < 0; --i) {
            const Plan &p = m_plans[size_t(i)];
            if (p.reported < m_limit - 3 * day
                && std::any_of(subcategories.begin(), subcategories.end(),
                    [&](const char *s) { return qstrcmp(s, kinds().at(p.kind).subcategory) == 0; }))
                candidates.append(i);
        }
        if (chosen < 0 && !candidates.isEmpty())
            chosen = m_random.pick(candidates);
        if (chosen < 0)
            continue;
        if (photo == Photo::CctvStill)
            cctvPlan = chosen;
        addEvent(m_plans[size_t(chosen)].reported + m_random.between(30, 240) * minute, chosen, -1,
            Step::Attach, quint8(photo));
    }
}

void Generator::planActions(int fromIncidents, int fromAudits)
{
    // Mostly from closed incidents that were investigated; a few from ones still open.
    QList<int> closed, open;
    for (int i = 0; i < int(m_plans.size()); ++i) {
        const Plan &p = m_plans[size_t(i)];
        if ((p.flow != Flow::Standard && p.flow != Flow::Serious) || kinds().at(p.kind).remedies.isEmpty())
            continue;
        if (p.closed)
            closed.append(i);
        else if (p.investigating)
            open.append(i);
    }
    auto choose = [this](QList<int> &from, int wanted) {
        QList<int> chosen;
        for (int n = 0; n < wanted && !from.isEmpty(); ++n)
            chosen.append(from.takeAt(m_random.between(0, from.size() - 1)));
        std::sort(chosen.begin(), chosen.end());
        return chosen;
    };
    const int fromOpen = std::max(2, fromIncidents / 10);
    const QList<int> openChosen = choose(open, fromOpen);
    for (int i : choose(closed, fromIncidents - int(openChosen.size())) + openChosen) {
        const Plan &p = m_plans[size_t(i)];
        ActionPlan a;
        a.plan = i;
        a.text = &of(kinds().at(p.kind).remedies, p);
        a.action.source = ActionSource::Incident;
        const qint64 created = p.closed ? p.closed + m_random.between(1, 4) * day
                                        : p.investigating + m_random.between(2, 10) * day;
        if (created >= m_limit)
            continue;
        m_actionPlans.push_back(a);
        planActionFlow(int(m_actionPlans.size()) - 1, created);
    }
    const qint64 start = QDateTime(m_context.startDate(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int n = 0; n < fromAudits; ++n) {
        ActionPlan a;
        const SourcedAction &sourced = auditActions().at(n % auditActions().size());
        a.text = &sourced.text;
        actionSourceFromKey(latin1(sourced.source), &a.action.source);
        a.action.ownerId = person(sourced.owner);
        m_actionPlans.push_back(a);
        planActionFlow(
            int(m_actionPlans.size()) - 1, start + m_random.between(30, (m_limit - start) / day - 5) * day);
    }
}

// Open, then in progress, done and checked: effective or not. Some stall and run overdue.
void Generator::planActionFlow(int index, qint64 created)
{
    ActionPlan &a = m_actionPlans[size_t(index)];
    qint64 t = dayTime(created);
    a.action.dueDate = utc(t).date().addDays(m_random.between(14, 90));
    const qint64 due = t + (utc(t).date().daysTo(a.action.dueDate)) * day;
    auto step = [&](qint64 at, Step s, ActionStatus to = ActionStatus::Open) {
        t = dayTime(at);
        if (t >= m_limit)
            return false;
        addEvent(t, -1, index, s, quint8(to));
        return true;
    };
    // On the busy site half the actions are started as they are raised.
    const bool startedAtOnce = m_context.decade() && m_random.chance(0.5);
    if (!step(t, Step::ActionCreate, startedAtOnce ? ActionStatus::InProgress : ActionStatus::Open))
        return;
    const bool stalls = m_random.chance(0.15);
    if (!startedAtOnce && m_random.chance(0.85)
        && !step(t + m_random.between(2, 20) * day, Step::ActionChange, ActionStatus::InProgress))
        return;
    if (stalls)
        return;
    if (!step(std::max(t + 3 * day, due + m_random.between(-40, 20) * day), Step::ActionChange,
            ActionStatus::Done))
        return;
    step(t + m_random.between(20, 90) * day, Step::ActionChange,
        m_random.chance(0.75) ? ActionStatus::VerifiedEffective : ActionStatus::NotEffective);
}

} // namespace incidentdemo

void generateIncidentDemo(DemoContext &context)
{
    // A bigger page cache for this part (64 MiB; the decade writes half a gigabyte in one
    // transaction), then SQLite's default again. The file does not depend on it.
    const QVariant cacheSize = scalar(context.db, QStringLiteral("PRAGMA cache_size"));
    execute(context.db, QStringLiteral("PRAGMA cache_size = -65536"));
    incidentdemo::Generator(context).run();
    execute(context.db, QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize.toLongLong()));
}

} // namespace vigil
