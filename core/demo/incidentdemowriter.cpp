// Writes the incident demo that incidentdemo.cpp planned: one event after another in time
// order, with the clock set to each moment, through the incident and action repositories.
#include <memory>

#include "base/clock.h"
#include "demo/democontext.h"
#include "demo/incidentdemogenerator.h"
#include "storage/database.h"

namespace vigil::incidentdemo {

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

} // namespace vigil::incidentdemo
