// Demo training for Northgate Distribution Centre: six security posts beside the managers' posts
// of the risk demo, two contractor companies, twelve courses and the post x course grid; 60 people
// (small: the eight managers, the officers who sign the incident demo's reports, a few leavers and
// two starters due next week) or 2,000 over ten years, most of them long gone (decade); their
// training from the day they started, renewed as it runs out (mostly a little early, now and then
// late), with failed attempts, trainers, marks and notes; courses given as sessions, planned
// sessions in the coming weeks for people whose training runs out, and a few certificates.
//
// Each person's standing on the demo's today is chosen first (most valid, some running out within
// 30, 60 or 90 days, some expired, a few never done) and their history is planned backwards from
// it, so every seed shows the same kind of matrix. Everything is then written in time order through
// the repositories with the clock set to each moment, as the site would have entered it.
#include <algorithm>
#include <tuple>

#include <QCoreApplication>

#include "base/clock.h"
#include "demo/trainingdemogenerator.h"
#include "storage/database.h"

namespace vigil {
namespace trainingdemo {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::TrainingDemo)
};

constexpr qint64 minute = 60 * 1000;

} // namespace

void Generator::writeCatalogues()
{
    m_context.setNow(m_start, QTime(9, 50));
    m_context.db.setActor(QStringLiteral("Dana Okafor"));
    EmployerRepository employerRepository(m_context.db);
    for (const EmployerText &e : employers()) {
        Employer employer;
        employer.name = latin1(e.name);
        employer.contact = latin1(e.contact);
        m_employerIds.append(employerRepository.save(employer));
    }
    CourseRepository courseRepository(m_context.db);
    for (const CourseText &c : courses()) {
        Course course;
        course.name = latin1(c.name);
        course.provider = latin1(c.provider);
        course.description = latin1(c.description);
        if (c.validityMonths > 0)
            course.validityMonths = c.validityMonths;
        course.mandatory = c.mandatory;
        m_courseIds.append(courseRepository.save(course));
    }
    // The managers' posts come from the risk demo; they gain a description and requirements.
    PostRepository postRepository(m_context.db);
    for (const PostText &p : posts()) {
        Post post = postRepository.findByName(latin1(p.name)).value_or(Post {});
        post.name = latin1(p.name);
        post.description = latin1(p.description);
        m_postIds.append(postRepository.save(post));
        QList<qint64> needed;
        for (const char *name : p.courses)
            needed.append(m_courseIds.at(courseNamed(name)));
        m_training.setRequiredCourses(m_postIds.last(), needed);
    }
}

void Generator::planEvents()
{
    const qint64 limit = msecs(m_today, 0, 0);
    auto before = [limit](qint64 at) { return std::min(at, limit - 10 * minute); };
    for (int p = 0; p < int(m_people.size()); ++p) {
        PersonPlan &person = m_people[size_t(p)];
        person.createdAt = person.existing ? msecs(m_start, 9, 45)
            : person.created == m_start    ? msecs(m_start, 10, 0)
                                           : officeTime(person.created);
        if (!person.existing)
            addEvent(person.createdAt, Step::Person, p);
        if (person.person.leftOn.isValid()) {
            QDate entered = person.person.leftOn.addDays(m_random.between(0, 3));
            if (entered >= m_today)
                entered = person.person.leftOn;
            addEvent(std::max(officeTime(entered), person.createdAt + minute), Step::Leave, p);
        }
    }
    for (int r = 0; r < int(m_records.size()); ++r) {
        const RecordPlan &record = m_records[size_t(r)];
        if (record.session >= 0)
            continue;
        const PersonPlan &person = m_people[size_t(record.person)];
        // Records from before the person was entered come in with them; the rest within days.
        QDate entered = record.completed.addDays(m_random.between(0, 3));
        if (entered >= m_today)
            entered = record.completed;
        const qint64 at
            = record.completed <= person.created ? person.createdAt + 30 * minute : officeTime(entered);
        addEvent(before(at), Step::Record, r);
    }
    for (int s = 0; s < int(m_sessions.size()); ++s) {
        const SessionPlan &session = m_sessions[size_t(s)];
        if (session.attendees.isEmpty())
            continue;
        addEvent(session.createdAt ? session.createdAt : officeTime(session.created), Step::CreateSession, s);
        if (session.kind == SessionPlan::Kind::Done)
            addEvent(
                before(msecs(session.heldOn, 16, int(m_random.between(30, 59)))), Step::CompleteSession, s);
        else if (session.kind == SessionPlan::Kind::Cancelled)
            addEvent(officeTime(session.heldOn.addDays(-m_random.between(1, 4))), Step::CancelSession, s);
    }
    std::sort(m_events.begin(), m_events.end(),
        [](const Event &a, const Event &b) { return std::tie(a.at, a.order) < std::tie(b.at, b.order); });
}

void Generator::perform(const Event &event)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(event.at, Qt::UTC);
    m_context.setNow(at.date(), at.time());
    switch (event.step) {
    case Step::Person:
        createPerson(m_people[size_t(event.index)]);
        break;
    case Step::Leave: {
        PersonPlan &plan = m_people[size_t(event.index)];
        m_context.db.setActor(
            plan.employer < 0 ? QStringLiteral("Aisha Karim") : QStringLiteral("Lee Whitfield"));
        plan.person.active = false;
        PeopleRepository(m_context.db).save(plan.person);
        break;
    }
    case Step::Record:
        createRecord(m_records[size_t(event.index)]);
        break;
    case Step::CreateSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        TrainingSession session;
        session.courseId = m_courseIds.at(plan.course);
        session.heldOn = plan.heldOn;
        session.trainer = plan.trainer;
        session.location = latin1(course(plan.course).location);
        if (plan.kind != SessionPlan::Kind::Cancelled)
            session.notes = plan.notes;
        for (int p : std::as_const(plan.attendees))
            session.attendeeIds.append(m_people[size_t(p)].person.id);
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        plan.id = m_training.createSession(session).id;
        break;
    }
    case Step::CompleteSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        const QList<qint64> ids = m_training.completeSession(plan.id, plan.heldOn);
        // The trainer's marks follow on the same afternoon.
        QHash<qint64, const RecordPlan *> byPerson;
        for (const RecordPlan &r : m_records) {
            if (r.session == event.index)
                byPerson.insert(m_people[size_t(r.person)].person.id, &r);
        }
        for (qint64 id : ids) {
            TrainingRecord record = m_training.load(id);
            const RecordPlan *r = byPerson.value(record.personId);
            if (r && r->score) {
                record.score = r->score;
                m_context.clock.advanceSeconds(40);
                m_training.save(record, Text::tr("marks from the trainer"));
            }
        }
        break;
    }
    case Step::CancelSession: {
        SessionPlan &plan = m_sessions[size_t(event.index)];
        TrainingSession session = m_training.loadSession(plan.id);
        session.status = SessionStatus::Cancelled;
        session.notes = plan.notes;
        m_context.db.setActor(QStringLiteral("Lee Whitfield"));
        m_training.saveSession(session);
        break;
    }
    }
}

void Generator::createPerson(PersonPlan &plan)
{
    m_context.db.setActor(
        plan.employer < 0 ? QStringLiteral("Aisha Karim") : QStringLiteral("Lee Whitfield"));
    Person person = plan.person;
    person.leftOn = QDate(); // known when they leave
    plan.person.id = PeopleRepository(m_context.db).save(person);
}

void Generator::createRecord(RecordPlan &plan)
{
    const PersonPlan &person = m_people[size_t(plan.person)];
    // In-house trainers enter their own courses; the supervisor enters the rest.
    const QString trainer = plan.trainer;
    const bool inHouse = !trainer.contains(u'(') && m_names.contains(trainer);
    m_context.db.setActor(inHouse ? trainer : QStringLiteral("Lee Whitfield"));
    TrainingRecord record;
    record.personId = person.person.id;
    record.courseId = m_courseIds.at(plan.course);
    record.completedOn = plan.completed;
    record.result = plan.result;
    record.score = plan.score;
    record.trainer = plan.trainer;
    record.notes = plan.notes;
    if (plan.expiresByHand.isValid()) {
        record.expiresOn = plan.expiresByHand;
        record.expirySetByHand = true;
    }
    plan.id = m_training.create(record).id;
    if (plan.certificate)
        attachCertificate(plan);
}

void Generator::attachCertificate(const RecordPlan &plan)
{
    const PersonPlan &person = m_people[size_t(plan.person)];
    const CourseText &k = course(plan.course);
    CertificateText text;
    text.person = person.person.name;
    text.course = latin1(k.name);
    text.provider = latin1(k.provider);
    text.trainer = plan.trainer;
    text.completed = plan.completed;
    text.expires = expiryFor(
        plan.completed, k.validityMonths > 0 ? std::optional<int>(k.validityMonths) : std::nullopt);
    QString file
        = QStringLiteral("%1 %2 %3").arg(text.person, text.course, plan.completed.toString(Qt::ISODate));
    file.replace(u' ', u'-');
    m_context.clock.advanceSeconds(90);
    if (plan.certificate == 1)
        m_training.setCertificate(plan.id,
            QStringLiteral("IMG_%1.png").arg(plan.completed.toString(QStringLiteral("yyyyMMdd"))),
            certificatePng(text));
    else
        m_training.setCertificate(plan.id, file.toLower() + QStringLiteral(".pdf"), certificatePdf(text));
}

} // namespace trainingdemo

void generateTrainingDemo(DemoContext &context)
{
    trainingdemo::Generator(context).run();
}

} // namespace vigil
