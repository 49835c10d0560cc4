// The training demo's generator (see trainingdemo.cpp): the plans it makes for each person,
// record and session, and the class that makes them (trainingdemopeople.cpp,
// trainingdemoplan.cpp) and writes them in time order (trainingdemo.cpp).
#pragma once

#include <optional>
#include <vector>

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "demo/democontext.h"
#include "demo/trainingdemotext.h"
#include "people/person.h"
#include "training/trainingrepository.h"

namespace vigil::trainingdemo {

using namespace trainingtext;

inline QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

inline qint64 msecs(const QDate &date, int hourOfDay, int minuteOfHour)
{
    return QDateTime(date, QTime(hourOfDay, minuteOfHour), Qt::UTC).toMSecsSinceEpoch();
}

// Where a person stands in a course on the demo's today (or, for a leaver, the day they left).
enum class Target : quint8 { None, Valid, Expiring30, Expiring60, Expiring90, Expired, Missing };

struct PersonPlan
{
    Person person;
    int post = -1; // index into posts()
    int employer = -1; // index into employers(); -1: own staff
    QDate created; // entered in Vigil (the demo's start for those already there)
    qint64 createdAt = 0;
    bool existing = false;
    QList<Target> targets; // per course
};

struct RecordPlan
{
    int person = 0;
    int course = 0;
    QDate completed;
    TrainingResult result = TrainingResult::Passed;
    std::optional<double> score;
    QString trainer;
    QString notes;
    QDate expiresByHand;
    int session = -1; // recorded by completing this session
    int certificate = 0; // 1: a PNG certificate, 2: a PDF one
    qint64 id = 0;
};

struct SessionPlan
{
    enum class Kind : quint8 { Done, Planned, Cancelled };
    int course = 0;
    QDate heldOn;
    QDate created;
    QString trainer;
    QString notes;
    Kind kind = Kind::Done;
    QList<int> attendees; // person indexes
    qint64 createdAt = 0; // when it was entered, if not in office hours of `created`
    qint64 id = 0;
};

enum class Step : quint8 { Person, Leave, Record, CreateSession, CompleteSession, CancelSession };

struct Event
{
    qint64 at = 0;
    int order = 0;
    Step step = Step::Record;
    int index = 0;
};

class Generator
{
public:
    explicit Generator(DemoContext &context)
        : m_context(context)
        , m_random(context.random)
        , m_training(context.db)
        , m_today(context.options.today)
        , m_start(context.startDate())
    {
    }

    void run()
    {
        writeCatalogues();
        if (m_context.decade())
            planDecadePeople();
        else
            planSmallPeople();
        numberPeople();
        for (const PersonPlan &p : m_people)
            m_started.insert(p.person.name, p.person.startDate);
        planPastSessions();
        for (int p = 0; p < int(m_people.size()); ++p)
            drawTargets(p);
        if (!m_context.decade())
            stageTargets();
        for (int p = 0; p < int(m_people.size()); ++p)
            planPerson(p);
        planFutureSessions();
        planCertificates();
        planEvents();
        for (const Event &event : std::as_const(m_events))
            perform(event);
        m_context.db.setActor(QStringLiteral("demo"));
    }

private:
    void writeCatalogues();
    void planSmallPeople();
    void planDecadePeople();
    void addManagersAndOfficers(qint64 latest, qint64 earliest);
    static int postNamed(const char *name);
    static int courseNamed(const char *name);
    void addPerson(const QString &name, int post, int employer, const QDate &start, const QDate &left);
    QString newName();
    void numberPeople();
    void planPastSessions();
    void drawTargets(int p);
    void stageTargets();
    void planPerson(int p);
    Target drawTarget(bool leaver);
    void planCell(int p, int c, const QDate &end, Target target, bool mayJoinSession);
    void addRecord(int p, int c, const QDate &completed, bool renewal, bool latest);
    void planFutureSessions();
    void planCertificates();
    void planEvents();
    void addEvent(qint64 at, Step step, int index) { m_events.push_back({at, ++m_order, step, index}); }
    qint64 officeTime(const QDate &date)
    {
        return msecs(date, int(m_random.between(8, 16)), int(m_random.between(0, 59)));
    }
    void perform(const Event &event);
    void createPerson(PersonPlan &plan);
    void createRecord(RecordPlan &plan);
    void attachCertificate(const RecordPlan &plan);
    QDate workday(const QDate &date) const;
    QList<int> required(int post) const;
    const CourseText &course(int c) const { return courses().at(c); }
    QString trainerFor(int c, const QString &person, const QDate &on);

    DemoContext &m_context;
    DemoRandom &m_random;
    TrainingRepository m_training;
    const QDate m_today;
    const QDate m_start;
    QList<qint64> m_postIds;
    QList<qint64> m_employerIds;
    QList<qint64> m_courseIds;
    std::vector<PersonPlan> m_people;
    QSet<QString> m_names;
    QSet<QString> m_phones;
    QHash<QString, QDate> m_started; // by name
    std::vector<RecordPlan> m_records;
    std::vector<SessionPlan> m_sessions;
    std::vector<Event> m_events;
    int m_order = 0;
};

} // namespace vigil::trainingdemo
