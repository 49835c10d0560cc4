#pragma once

// The incident demo's generator, shared by its two halves: incidentdemo.cpp plans every
// incident, its history and the corrective actions; incidentdemowriter.cpp writes them in time
// order through the repositories. Internal to the incident demo.

#include <memory>
#include <tuple>
#include <vector>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include "actions/correctiveaction.h"
#include "demo/democontext.h"
#include "demo/incidentdemotext.h"
#include "incidents/incidentrepository.h"

namespace vigil::incidentdemo {

using namespace demotext;

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

inline QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

inline QDateTime utc(qint64 msecs)
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

    void run();

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

} // namespace vigil::incidentdemo
