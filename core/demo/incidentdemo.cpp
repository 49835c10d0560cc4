// Demo incidents for Northgate Distribution Centre: the site's areas, about 300 incidents over
// two years (small) or 100,000 over ten (decade), each with its history (reported, investigated,
// contained, resolved, closed, sometimes reopened), notes, reassignments, a few photos, and the
// corrective actions that came out of them. Everything is planned first, then written in time
// order through the repositories with the clock set to each moment, so references, timelines
// and the audit trail read as if the site had logged them as they happened.
#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>

#include <QCoreApplication>
#include <QHash>

#include "actions/correctiveaction.h"
#include "base/clock.h"
#include "base/timeformat.h"
#include "demo/democontext.h"
#include "demo/incidentdemotext.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentrepository.h"
#include "people/person.h"
#include "storage/database.h"
#include "storage/query.h"

namespace vigil {
namespace {

using namespace demotext;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::IncidentDemo)
};

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

QDateTime utc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

enum class Step : quint8 {
    Create,
    Status,
    Reopen,
    Note,
    Assign,
    Correct,
    Attach,
    ActionCreate,
    ActionChange
};

struct FlowStep
{
    qint64 at;
    Step step;
    IncidentStatus to;
};

struct Plan
{
    int kind = 0;
    int variant = 0; // which description of its kind
    Area area = Gatehouse;
    Severity severity = Severity::Low;
    Flow flow = Flow::Quick;
    qint64 occurred = 0; // msecs since the epoch, UTC
    qint64 reported = 0;
    qint64 investigating = 0; // when it is first under investigation (0: never, before today)
    qint64 closed = 0; // when it is first closed (0: never, before today)
    qint64 id = 0;
    qint64 assignee = 0;
    qint64 noteEntry = 0;
    int notes = 0; // written so far
    int pending = 0; // events still to run; the filler goes with the last one
    bool lengthy = false; // a long investigation with a long log of notes
    QList<FlowStep> steps; // while planning
    std::unique_ptr<Filler> filler;
};

struct ActionPlan
{
    int plan = -1; // the incident it comes from
    const ActionText *text = nullptr;
    CorrectiveAction action;
};

struct Event
{
    qint64 at = 0;
    int plan = -1; // the incident, or -1
    int action = -1; // the corrective action, or -1
    int order = 0; // breaks ties in time: the order of the record's own events
    Step step = Step::Note;
    quint8 to = 0; // an IncidentStatus, an ActionStatus or a Photo
};

class Generator
{
public:
    explicit Generator(DemoContext &context)
        : m_context(context)
        , m_random(context.random)
        , m_incidents(context.db)
        , m_actions(context.db)
        , m_limit(QDateTime(context.options.today, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())
    {
    }

    void run()
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
        // The search index is built once at the end: refreshing it with every change would
        // flush FTS5 segments thousands of times (most of the decade's time).
        m_incidents.setSearchDeferred(true);
        m_actions.setSearchDeferred(true);
        for (const Event &event : std::as_const(m_events))
            perform(event);
        m_incidents.rebuildSearch();
        m_context.db.setActor(QStringLiteral("demo"));
    }

private:
    struct KindIds
    {
        qint64 category = 0;
        qint64 subcategory = 0;
        const CategoryText *text = nullptr;
        QList<std::tuple<qint64, qint64, qint64>> risks; // id, created, retired (msecs)
    };

    void writeAreas();
    void readCatalogues();
    void planIncidents(int count);
    void drawIncident(Plan &p, const QList<double> &weights, const QDate &first);
    void drawFlow(Plan &p);
    IncidentStatus statusToday(const Plan &p) const;
    void planPhotos();
    void planActions(int fromIncidents, int fromAudits);
    void planActionFlow(int index, qint64 created);
    void addEvent(qint64 at, int plan, int action, Step step, quint8 to = 0);
    void perform(const Event &event);
    void createIncident(Plan &plan, IncidentStatus status);
    void closingTexts(Plan &plan, QString *reason, QString *cause, QString *lessons);
    void changeStatus(Plan &plan, IncidentStatus to, bool reopen);
    void attach(Plan &plan, Photo photo);
    void createAction(ActionPlan &a, ActionStatus status);
    void changeAction(ActionPlan &a, ActionStatus to);
    // The entry of a list that goes with the incident's description, or any entry (incidentdemotext.h).
    template<typename T> const T &of(const QList<T> &list, const Plan &p)
    {
        return list.size() == kinds().at(p.kind).descriptions.size() ? list.at(p.variant)
                                                                     : m_random.pick(list);
    }
    qint64 person(const char *name) const { return m_people.value(latin1(name), m_peopleIds.first()); }
    QString personName(qint64 id) const { return m_names.value(id); }
    qint64 dayTime(qint64 at) { return at - at % day + 11 * hour + m_random.between(0, 179) * minute; }

    DemoContext &m_context;
    DemoRandom &m_random;
    IncidentRepository m_incidents;
    ActionRepository m_actions;
    const qint64 m_limit; // nothing happens from the start of the demo's today
    QList<qint64> m_areaIds;
    QHash<QString, qint64> m_people;
    QHash<qint64, QString> m_names;
    QList<qint64> m_peopleIds;
    QList<KindIds> m_kindIds;
    std::vector<Plan> m_plans;
    std::vector<ActionPlan> m_actionPlans;
    std::vector<Event> m_events;
    int m_order = 0;
};

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

void Generator::perform(const Event &e)
{
    const QDateTime at = utc(e.at);
    m_context.setNow(at.date(), at.time());
    if (e.action >= 0) {
        ActionPlan &a = m_actionPlans[size_t(e.action)];
        if (e.step == Step::ActionCreate)
            createAction(a, ActionStatus(e.to));
        else
            changeAction(a, ActionStatus(e.to));
        return;
    }
    Plan &p = m_plans[size_t(e.plan)];
    switch (e.step) {
    case Step::Create:
        createIncident(p, IncidentStatus(e.to));
        break;
    case Step::Status:
    case Step::Reopen:
        changeStatus(p, IncidentStatus(e.to), e.step == Step::Reopen);
        break;
    case Step::Note: {
        m_context.db.setActor(p.assignee ? personName(p.assignee) : p.filler->value(QStringLiteral("guard")));
        // Each note another one of the category's, never the same twice; a long investigation
        // goes on through the investigator's log.
        const QList<const char *> &notes = m_kindIds.at(p.kind).text->notes;
        const int n = p.notes++;
        const char *note = p.lengthy && n >= notes.size()
            ? investigationNotes().at((n - notes.size()) % investigationNotes().size())
            : notes.at((p.id + n) % notes.size());
        p.noteEntry = m_incidents.addNote(p.id, p.filler->fill(note));
        break;
    }
    case Step::Assign: {
        Incident incident = m_incidents.load(p.id);
        // Escalated: the supervisor hands over to the security manager, serious matters go to
        // the site manager, others back to the supervisor to follow up.
        const qint64 lee = person("Lee Whitfield");
        const qint64 dana = person("Dana Okafor");
        const qint64 martin = person("Martin Lisowski");
        const qint64 now = incident.assignedToId;
        p.assignee = now == 0 ? (*kinds().at(p.kind).owner ? person(kinds().at(p.kind).owner) : lee)
            : now == lee      ? dana
            : now != martin && p.severity >= Severity::High ? martin
            : now == dana                                   ? lee
                                                            : dana;
        incident.assignedToId = p.assignee;
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        m_incidents.save(incident);
        break;
    }
    case Step::Correct:
        if (p.noteEntry)
            m_incidents.addCorrection(p.id, p.noteEntry,
                p.filler->fill(
                    "Correction to the note above: the registration is {reg2}; {reg} was a typing error."));
        break;
    case Step::Attach:
        attach(p, Photo(e.to));
        break;
    case Step::ActionCreate:
    case Step::ActionChange:
        break;
    }
    if (--p.pending == 0)
        p.filler.reset();
}

void Generator::createIncident(Plan &p, IncidentStatus status)
{
    const Kind &k = kinds().at(p.kind);
    const KindIds &ids = m_kindIds.at(p.kind);
    p.filler = std::make_unique<Filler>(m_random, p.area, p.occurred, p.reported);
    Filler &f = *p.filler;
    Incident incident;
    incident.occurredAt = utc(p.occurred);
    incident.reportedAt = utc(p.reported);
    incident.areaId = m_areaIds.at(p.area);
    incident.categoryId = ids.category;
    incident.subcategoryId = ids.subcategory;
    incident.severity = p.severity;
    incident.description = f.fill(k.descriptions.at(p.variant));
    if (m_random.chance(0.85))
        incident.title = f.fill(of(k.titles, p));
    // The spot the description names, if any.
    const QLatin1String description(k.descriptions.at(p.variant));
    if (description.contains(QLatin1String("{where}")) && m_random.chance(0.8))
        incident.location = f.location();
    else if (description.contains(QLatin1String("{dock}")))
        incident.location = QStringLiteral("Dock ") + f.value(QStringLiteral("dock"));
    else if (description.contains(QLatin1String("{aisle}")))
        incident.location = QStringLiteral("Aisle ") + f.value(QStringLiteral("aisle"));
    else if (description.contains(QLatin1String("{post}")))
        incident.location = QStringLiteral("Post ") + f.value(QStringLiteral("post"));
    else if (description.contains(QLatin1String("{section}")))
        incident.location = f.fill("{section}");
    incident.reportedBy = f.fill(k.reporter);
    incident.immediateAction = f.fill(of(k.actions, p));
    if (*k.owner && (p.flow != Flow::FalseAlarm || m_random.chance(0.5)))
        p.assignee = person(k.owner);
    incident.assignedToId = p.assignee;
    if (m_random.chance(k.police)) {
        const int year = incident.reportedAt.date().year() % 100;
        incident.policeReference = QStringLiteral("NP-%1-%2")
                                       .arg(year, 2, 10, QLatin1Char('0'))
                                       .arg(m_random.between(1000, 99999), 6, 10, QLatin1Char('0'));
    }
    if (k.lossMax > 0 && m_random.chance(0.85)) {
        const qint64 loss = m_random.between(k.lossMin, k.lossMax);
        if (loss > 0)
            incident.estimatedLoss = double(loss < 1000 ? loss - loss % 5 : loss - loss % 50);
    }
    for (const Involved &who : k.persons) {
        if ((who.variant < 0 || who.variant == p.variant) && m_random.chance(who.chance))
            incident.persons.append({f.fill(who.name), who.role, f.fill(who.details)});
    }
    if (!ids.risks.isEmpty() && m_random.chance(m_context.decade() ? 0.3 : 0.6)) {
        QList<qint64> fitting;
        for (const auto &[id, created, retired] : ids.risks) {
            if (created < p.reported && retired > p.reported)
                fitting.append(id);
        }
        if (!fitting.isEmpty())
            incident.riskIds.append(m_random.pick(fitting));
    }
    QString context;
    if (status == IncidentStatus::Closed) {
        incident.status = status;
        closingTexts(p, &context, &incident.rootCause, &incident.lessonsLearned);
    }
    m_context.db.setActor(f.value(QStringLiteral("guard")));
    p.id = m_incidents.create(incident, context).id;
}

// What is said when the incident is closed: the outcome, its root cause and the lessons.
void Generator::closingTexts(Plan &p, QString *reason, QString *cause, QString *lessons)
{
    const Kind &k = kinds().at(p.kind);
    Filler &f = *p.filler;
    if (p.flow == Flow::FalseAlarm || p.flow == Flow::Quick) {
        *reason = f.fill(of(k.outcomes, p));
    } else {
        *reason = m_random.chance(0.5) ? QStringLiteral("Closed at the weekly incident review.") : QString();
    }
    *cause = f.fill(of(k.causes, p));
    *lessons = f.fill(of(k.lessons, p));
}

void Generator::changeStatus(Plan &p, IncidentStatus to, bool reopen)
{
    const Kind &k = kinds().at(p.kind);
    Filler &f = *p.filler;
    const QString guard = f.value(QStringLiteral("guard"));
    // Officers resolve false alarms and quick matters themselves, at any hour; the assignee (or
    // the supervisor) investigates, reviews and closes.
    const bool officer = !reopen && to != IncidentStatus::Closed
        && (p.flow == Flow::FalseAlarm || (p.flow == Flow::Quick && to == IncidentStatus::Resolved)
            || !p.assignee);
    m_context.db.setActor(officer ? guard
            : p.assignee          ? personName(p.assignee)
                                  : QStringLiteral("Lee Whitfield"));
    QString reason, cause, lessons;
    if (reopen) {
        reason = latin1(m_random.pick(words().reopenReasons));
    } else if (to == IncidentStatus::Closed) {
        closingTexts(p, &reason, &cause, &lessons);
        if (p.flow == Flow::Quick || p.flow == Flow::FalseAlarm) // the outcome came with "resolved"
            reason = m_random.chance(0.5) ? QStringLiteral("Reviewed; no further action.") : QString();
    } else if (to == IncidentStatus::Resolved) {
        reason = f.fill(of(k.outcomes, p));
    } else if (to == IncidentStatus::Contained) {
        static const QList<const char *> contained {"Area made safe and evidence saved.",
            "Immediate risk removed; investigation continues.", "Secured until the contractor attends."};
        reason = latin1(m_random.pick(contained));
    } else if (to == IncidentStatus::Investigating && m_random.chance(0.5)) {
        static const QList<const char *> starting {
            "Started with a CCTV review.", "Statements requested.", "Taken on at the morning briefing."};
        reason = latin1(m_random.pick(starting));
    }
    m_incidents.changeStatus(p.id, to, reason, cause, lessons);
}

void Generator::attach(Plan &p, Photo photo)
{
    Filler &f = *p.filler;
    const QDateTime taken
        = siteTime(p.occurred + (photo == Photo::CctvStill ? m_random.between(0, 1799) * 1000 : 0));
    QString caption, fileName;
    if (photo == Photo::CctvStill) {
        const QString cam = f.value(QStringLiteral("cam"));
        caption = QStringLiteral("CAM %1  %2  %3")
                      .arg(cam, latin1(areas().at(p.area).name),
                          taken.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                      .toUpper();
        fileName = QStringLiteral("CCTV cam %1 %2.png")
                       .arg(cam, taken.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    } else {
        const QDateTime now = siteTime(Clock::current().nowUtc().toMSecsSinceEpoch());
        caption = now.toString(QStringLiteral("dd/MM/yyyy HH:mm"));
        fileName = now.toString(QStringLiteral("'IMG_'yyyyMMdd'_'HHmmss'.png'"));
    }
    m_context.db.setActor(f.value(QStringLiteral("guard")));
    m_incidents.addAttachment(p.id, fileName, demotext::photo(photo, caption));
}

void Generator::createAction(ActionPlan &a, ActionStatus status)
{
    a.action.status = status;
    if (a.plan >= 0) {
        const Plan &p = m_plans[size_t(a.plan)];
        a.action.incidentId = p.id;
        // The manager who owns that kind of problem, whoever investigated the incident.
        const char *owner = kinds().at(p.kind).owner;
        a.action.ownerId = *owner ? person(owner) : p.assignee;
    }
    a.action.description = latin1(a.text->description);
    m_context.db.setActor(personName(a.action.ownerId));
    const RecordKey key = m_actions.create(a.action);
    a.action.id = key.id;
    a.action.uuid = key.uuid;
}

void Generator::changeAction(ActionPlan &a, ActionStatus to)
{
    const QDate today = Clock::current().nowUtc().date();
    a.action.status = to;
    if (to == ActionStatus::Done)
        a.action.completedOn = today;
    if (to == ActionStatus::VerifiedEffective || to == ActionStatus::NotEffective) {
        const char *note = to == ActionStatus::VerifiedEffective ? a.text->effective : a.text->notEffective;
        a.action.verificationNote = *note ? latin1(note)
            : to == ActionStatus::VerifiedEffective
            ? QStringLiteral("Checked on site: done as described and working.")
            : QStringLiteral("Checked after two months: the problem came back. A different fix is needed.");
        a.action.verifiedOn = today;
    }
    m_context.db.setActor(to == ActionStatus::VerifiedEffective || to == ActionStatus::NotEffective
            ? QStringLiteral("Dana Okafor")
            : personName(a.action.ownerId));
    m_actions.save(a.action);
}

} // namespace

void generateIncidentDemo(DemoContext &context)
{
    // A bigger page cache for this part (64 MiB; the decade writes half a gigabyte in one
    // transaction), then SQLite's default again. The file does not depend on it.
    const QVariant cacheSize = scalar(context.db, QStringLiteral("PRAGMA cache_size"));
    execute(context.db, QStringLiteral("PRAGMA cache_size = -65536"));
    Generator(context).run();
    execute(context.db, QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize.toLongLong()));
}

} // namespace vigil
