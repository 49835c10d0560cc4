// What the training demo's people have done (see trainingdemo.cpp): where each stands today in
// each course, the records behind it, the sessions past and planned, and the certificates.
#include <algorithm>
#include <tuple>

#include <QMap>

#include "demo/trainingdemogenerator.h"

namespace vigil::trainingdemo {

// Courses given to a group on one day, marked done in Vigil with everyone's records at once:
// on the small site a fire marshal refresher, conflict management and emergency first aid in
// the last months; on the busy one, those and search procedures every eight weeks or so.
void Generator::planPastSessions()
{
    auto add = [&](int c, const QDate &day) {
        SessionPlan s;
        s.course = c;
        s.heldOn = workday(day);
        s.created = s.heldOn.addDays(-m_random.between(20, 40));
        s.trainer = trainerFor(c, {}, s.heldOn);
        m_sessions.push_back(s);
    };
    if (!m_context.decade()) {
        add(courseNamed("Fire marshal"), m_today.addDays(-m_random.between(35, 50)));
        add(courseNamed("Conflict management"), m_today.addDays(-m_random.between(110, 140)));
        add(courseNamed("Emergency first aid at work"), m_today.addDays(-m_random.between(190, 230)));
    } else {
        for (const char *name :
            {"Fire marshal", "Conflict management", "Emergency first aid at work", "Search procedures"}) {
            for (QDate day = m_today.addDays(-1095 + m_random.between(0, 30)); day < m_today.addDays(-10);
                 day = day.addDays(m_random.between(45, 70)))
                add(courseNamed(name), day);
        }
    }
    // A session called off, its people moved to a later date.
    const int cancelled = m_context.decade() ? 8 : 1;
    for (int i = 0; i < cancelled; ++i) {
        SessionPlan s;
        s.course = courseNamed("Radio and incident reporting");
        s.heldOn = workday(m_today.addDays(-m_random.between(60, m_context.decade() ? 3000 : 300)));
        s.created = s.heldOn.addDays(-m_random.between(20, 40));
        s.trainer = trainerFor(s.course, {}, s.heldOn);
        s.kind = SessionPlan::Kind::Cancelled;
        s.notes = latin1(m_random.pick(cancelledReasons()));
        m_sessions.push_back(s);
    }
}

Target Generator::drawTarget(bool leaver)
{
    if (leaver) {
        const double r = m_random.unit();
        return r < 0.86 ? Target::Valid : r < 0.96 ? Target::Expired : Target::Missing;
    }
    static const QList<double> weights {0.86, 0.04, 0.03, 0.03, 0.025, 0.015};
    static const Target targets[] = {Target::Valid, Target::Expiring30, Target::Expiring60,
        Target::Expiring90, Target::Expired, Target::Missing};
    return targets[m_random.weighted(weights)];
}

// Where each person still here stands today in each course their post needs.
void Generator::drawTargets(int p)
{
    PersonPlan &person = m_people[size_t(p)];
    person.targets = QList<Target>(courses().size(), Target::None);
    if (person.person.leftOn.isValid())
        return;
    const QDate start = person.person.startDate;
    const bool newcomer = start > m_today.addDays(-120);
    for (int c : required(person.post)) {
        Target target = drawTarget(false);
        if (newcomer) {
            // Licences come with them; the rest is done in the first weeks, induction first.
            if (course(c).before > 0 || course(c).validityMonths == 0)
                target = Target::Valid;
            else
                target
                    = start.addDays(20) < m_today && m_random.chance(0.6) ? Target::Valid : Target::Missing;
        } else if (course(c).validityMonths == 0) {
            target = Target::Valid; // the induction is never missed for long
        }
        person.targets[c] = target;
    }
}

// A small site left to chance might show no lapsed certificate at all: a few more of each kind,
// taken from people who have been there long enough for it.
void Generator::stageTargets()
{
    const std::pair<Target, int> floors[] = {{Target::Expiring30, 8}, {Target::Expiring60, 4},
        {Target::Expiring90, 4}, {Target::Expired, 8}, {Target::Missing, 4}};
    for (const auto &[target, floor] : floors) {
        QList<std::pair<int, int>> candidates; // person, course
        int found = 0;
        for (int p = 0; p < int(m_people.size()); ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            for (int c = 0; c < person.targets.size(); ++c) {
                found += person.targets.at(c) == target ? 1 : 0;
                const int months = course(c).validityMonths;
                if (person.targets.at(c) == Target::Valid && months > 0
                    && person.person.startDate.addMonths(months).addDays(200) < m_today)
                    candidates.append({p, c});
            }
        }
        for (; found < floor && !candidates.isEmpty(); ++found) {
            const auto [p, c] = candidates.takeAt(m_random.between(0, candidates.size() - 1));
            m_people[size_t(p)].targets[c] = target;
        }
    }
}

void Generator::planPerson(int p)
{
    PersonPlan &person = m_people[size_t(p)];
    const QDate start = person.person.startDate;
    const bool leaver = person.person.leftOn.isValid();
    const QDate end = leaver ? person.person.leftOn : m_today;
    const bool newcomer = !leaver && start > m_today.addDays(-120);
    for (int c : required(person.post))
        planCell(p, c, end, leaver ? drawTarget(true) : person.targets.at(c), !leaver && !newcomer);
    // Often a course or two the post does not need (a first aider at the gate, a licence kept
    // up, a fire marshal in the control room), kept up or left to run out.
    QList<int> extra;
    for (double chance : {0.5, 0.25}) {
        const int c = int(m_random.between(0, courses().size() - 1));
        if (m_random.chance(chance) && !required(person.post).contains(c) && !extra.contains(c)) {
            extra.append(c);
            planCell(p, c, end, m_random.chance(0.7) ? Target::Valid : Target::Expired, false);
        }
    }
}

// The records behind one person's standing in one course on `end`: the last completion chosen
// to give the target, the ones before it stepping back one validity at a time (renewed a little
// early, sometimes late) to the day the person started.
void Generator::planCell(int p, int c, const QDate &end, Target target, bool mayJoinSession)
{
    const PersonPlan &person = m_people[size_t(p)];
    const CourseText &k = course(c);
    const QDate start = person.person.startDate;
    const QDate earliest = start.addDays(-k.before);
    const QDate last = end.addDays(-1);
    const int months = k.validityMonths;
    if (earliest > last)
        return; // not started yet, nothing done before
    if (target == Target::Missing) {
        // Sometimes an attempt that failed, not long ago.
        if (k.scoring != Scoring::Attended && m_random.chance(0.4)) {
            const QDate when = workday(end.addDays(-m_random.between(5, 80)));
            if (when >= earliest && when <= last) {
                RecordPlan r;
                r.person = p;
                r.course = c;
                r.completed = when;
                r.result = TrainingResult::Failed;
                if (k.scoring == Scoring::Percent)
                    r.score = double(m_random.between(38, 68));
                r.trainer = trainerFor(c, person.person.name, when);
                r.notes = latin1(m_random.pick(failedNotes()));
                m_records.push_back(r);
            }
        }
        return;
    }
    QDate completed;
    bool inSession = false;
    if (months == 0) {
        completed = start > m_start ? start : start.addDays(m_random.between(0, 3));
        completed = std::min(completed, last);
    } else {
        QDate expiry;
        switch (target) {
        case Target::Expiring30:
            expiry = end.addDays(m_random.between(0, 30));
            break;
        case Target::Expiring60:
            expiry = end.addDays(m_random.between(31, 60));
            break;
        case Target::Expiring90:
            expiry = end.addDays(m_random.between(61, 90));
            break;
        case Target::Expired:
            expiry = end.addDays(-m_random.between(1, 150));
            break;
        default:
            break;
        }
        if (expiry.isValid())
            completed = expiry.addMonths(-months);
        if (!completed.isValid() || completed < earliest) {
            // Valid (or what cannot be otherwise for someone who started recently).
            QDate low = std::max(earliest, end.addMonths(-months).addDays(91));
            if (start > m_today.addDays(-120) && k.before == 0)
                low = std::max(low, start.addDays(3));
            if (low > last)
                low = std::max(earliest, std::min(last, start.addDays(3)));
            completed = low.addDays(m_random.between(0, std::max<qint64>(0, low.daysTo(last))));
            // Given at one of the sessions of the course then, if the person was on the books
            // when it was planned: on the busy site the one nearest, on the small one any.
            if (mayJoinSession && target == Target::Valid) {
                QList<int> fitting;
                for (int s = 0; s < int(m_sessions.size()); ++s) {
                    const SessionPlan &session = m_sessions[size_t(s)];
                    if (session.kind == SessionPlan::Kind::Done && session.course == c
                        && session.heldOn >= low && session.heldOn <= last && person.created < session.created
                        && session.attendees.size() < 16
                        && (!m_context.decade() || qAbs(session.heldOn.daysTo(completed)) <= 30))
                        fitting.append(s);
                }
                if (!fitting.isEmpty() && m_random.chance(m_context.decade() ? 0.7 : 0.4)) {
                    const int s = m_random.pick(fitting);
                    SessionPlan &session = m_sessions[size_t(s)];
                    session.attendees.append(p);
                    RecordPlan r;
                    r.person = p;
                    r.course = c;
                    r.completed = session.heldOn;
                    r.result
                        = k.scoring == Scoring::Attended ? TrainingResult::Attended : TrainingResult::Passed;
                    r.session = s;
                    if (k.scoring == Scoring::Percent)
                        r.score = double(m_random.between(70, 100));
                    r.trainer = session.trainer;
                    m_records.push_back(r);
                    completed = session.heldOn;
                    inSession = true;
                }
            }
        }
    }
    QList<QDate> dates {completed};
    if (months > 0) {
        QDate current = completed;
        for (;;) {
            const qint64 lead = m_random.chance(0.85) ? m_random.between(0, 45) : -m_random.between(1, 100);
            const QDate previous = workday(current.addDays(lead).addMonths(-months));
            if (previous < earliest || previous >= current.addDays(-20))
                break;
            dates.prepend(previous);
            current = previous;
        }
        // Done within weeks of starting, not a validity later.
        if (dates.first() > start.addDays(180) && start.addDays(10) >= earliest)
            dates.prepend(workday(start.addDays(m_random.between(3, 40))));
    }
    for (int i = 0; i < dates.size(); ++i) {
        if (i == dates.size() - 1 && inSession)
            break;
        // On a weekday, unless that would be before they started (the induction is on the first day).
        const QDate day = workday(dates.at(i));
        addRecord(p, c, std::min(day < earliest ? dates.at(i) : day, last), i > 0, i == dates.size() - 1);
    }
}

void Generator::addRecord(int p, int c, const QDate &completed, bool renewal, bool latest)
{
    const CourseText &k = course(c);
    const PersonPlan &person = m_people[size_t(p)];
    const QDate earliest = person.person.startDate.addDays(-k.before);
    // Now and then a first attempt that failed, a few weeks before.
    if (k.scoring != Scoring::Attended && m_random.chance(0.04)) {
        const QDate failedOn = workday(completed.addDays(-m_random.between(7, 28)));
        if (failedOn >= earliest) {
            RecordPlan r;
            r.person = p;
            r.course = c;
            r.completed = failedOn;
            r.result = TrainingResult::Failed;
            if (k.scoring == Scoring::Percent)
                r.score = double(m_random.between(38, 68));
            r.trainer = trainerFor(c, person.person.name, failedOn);
            r.notes = latin1(m_random.pick(failedNotes()));
            m_records.push_back(r);
        }
    }
    RecordPlan r;
    r.person = p;
    r.course = c;
    r.completed = completed;
    r.result = k.scoring == Scoring::Attended ? TrainingResult::Attended : TrainingResult::Passed;
    if (k.scoring == Scoring::Percent)
        r.score = m_random.chance(0.1) ? 70 + 2.5 * double(m_random.between(0, 12))
                                       : double(m_random.between(70, 100));
    r.trainer = trainerFor(c, person.person.name, completed);
    if (k.before > 0 && m_random.chance(0.5)) {
        r.notes = QStringLiteral("SIA licence number 1015 %1 %2 %3")
                      .arg(m_random.between(1000, 9999))
                      .arg(m_random.between(1000, 9999))
                      .arg(m_random.between(1000, 9999));
        // Now and then the licence itself runs out a little before the course would; its date
        // was typed in. (Not on the latest record: that one decides where the person stands.)
        if (!latest && m_random.chance(0.2)) {
            r.expiresByHand = expiryFor(completed, k.validityMonths).addDays(-m_random.between(1, 20));
            r.notes += QStringLiteral("; expiry as printed on the licence");
        }
    } else if (renewal && m_random.chance(0.03))
        r.notes = latin1(m_random.pick(renewalNotes()));
    m_records.push_back(r);
}

// One of the course's trainers: never the person themselves, and for in-house courses somebody
// who worked at the site by then (else the provider).
QString Generator::trainerFor(int c, const QString &person, const QDate &on)
{
    QStringList trainers;
    for (const char *name : course(c).trainers) {
        const QString trainer = latin1(name);
        const auto started = m_started.constFind(trainer);
        if (trainer != person && (started == m_started.cend() || *started <= on))
            trainers.append(trainer);
    }
    return trainers.isEmpty() ? latin1(course(c).provider) : m_random.pick(trainers);
}

// Sessions in the coming weeks for the courses most people are short of: about two in three of
// those running out or out of date are booked; the starters are booked on their induction.
void Generator::planFutureSessions()
{
    const int capacity = m_context.decade() ? 12 : 10;
    for (int c = 0; c < courses().size(); ++c) {
        if (course(c).validityMonths == 0 || qstrcmp(course(c).location, "Online") == 0)
            continue; // the induction is given on the first day; e-learning is done at a desk
        // The most urgent first: out of date or never done, then by how soon it runs out.
        QList<std::pair<int, int>> candidates; // urgency, person
        for (int p = 0; p < int(m_people.size()); ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            if (person.person.leftOn.isValid() || person.person.startDate >= m_today)
                continue;
            const Target t = person.targets.at(c);
            const int urgency = t == Target::Expired ? 0
                : t == Target::Missing               ? 1
                : t == Target::Expiring30            ? 2
                : t == Target::Expiring60            ? 3
                : t == Target::Expiring90            ? 4
                                                     : -1;
            if (urgency >= 0 && m_random.chance(0.65))
                candidates.append({urgency, p});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        if (candidates.size() < 2)
            continue;
        const int sessions = std::min(4, int((candidates.size() + capacity - 1) / capacity));
        for (int s = 0; s < sessions; ++s) {
            SessionPlan session;
            session.course = c;
            session.kind = SessionPlan::Kind::Planned;
            session.heldOn = workday(m_today.addDays(m_random.between(4, 20) + 14 * s));
            session.created = m_today.addDays(-m_random.between(3, 30));
            session.trainer = trainerFor(c, {}, session.heldOn);
            for (int i = s * capacity; i < std::min(int(candidates.size()), (s + 1) * capacity); ++i) {
                const int p = candidates.at(i).second;
                if (m_people[size_t(p)].created < session.created)
                    session.attendees.append(p);
            }
            if (!session.attendees.isEmpty())
                m_sessions.push_back(session);
        }
    }
    // The starters' induction on their first day.
    QMap<QDate, QList<int>> starters;
    for (int p = 0; p < int(m_people.size()); ++p) {
        if (m_people[size_t(p)].person.startDate >= m_today)
            starters[m_people[size_t(p)].person.startDate].append(p);
    }
    for (auto it = starters.begin(); it != starters.end(); ++it) {
        SessionPlan session;
        session.course = courseNamed("Site induction");
        session.kind = SessionPlan::Kind::Planned;
        session.heldOn = it.key();
        session.created = m_today.addDays(-1);
        session.createdAt = msecs(session.created, 17, 30); // after the starters were entered
        session.trainer = QStringLiteral("Lee Whitfield");
        session.notes = QStringLiteral("First morning: PPE, pass and locker issued after the induction.");
        session.attendees = it.value();
        m_sessions.push_back(session);
    }
    // The cancelled ones had people booked too.
    for (SessionPlan &session : m_sessions) {
        if (session.kind != SessionPlan::Kind::Cancelled)
            continue;
        for (int p = 0; p < int(m_people.size()) && session.attendees.size() < 6; ++p) {
            const PersonPlan &person = m_people[size_t(p)];
            if (person.created < session.created && required(person.post).contains(session.course)
                && (!person.person.leftOn.isValid() || person.person.leftOn > session.heldOn)
                && m_random.chance(0.3))
                session.attendees.append(p);
        }
    }
}

// Three certificates, scanned and attached: a door supervisor's, the supervisor's first aid
// certificate and a fire marshal's.
void Generator::planCertificates()
{
    const std::tuple<const char *, const char *, int> wanted[] = {
        {"Kwame Asante", "SIA Door Supervisor licence", 1},
        {"Lee Whitfield", "First aid at work", 2},
        {"Nadia Hussain", "Fire marshal", 2},
    };
    for (const auto &[name, courseName, kind] : wanted) {
        RecordPlan *found = nullptr;
        for (RecordPlan &r : m_records) {
            if (r.session < 0 && r.result != TrainingResult::Failed
                && m_people[size_t(r.person)].person.name == latin1(name)
                && qstrcmp(course(r.course).name, courseName) == 0
                && (!found || r.completed > found->completed))
                found = &r;
        }
        if (found)
            found->certificate = kind;
    }
}

} // namespace vigil::trainingdemo
