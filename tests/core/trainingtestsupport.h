#pragma once

#include "people/person.h"
#include "storage/database.h"
#include "training/compliance.h"
#include "training/trainingrepository.h"

namespace vigil::test {

// A small site to test training on: gate officers need first aid (36 months) and conflict
// management (12 months); the control room needs CCTV operation (24 months); everybody needs
// the site induction (never expires). Dana and Lee stand the gate, Priya the control room.
struct TrainingSite
{
    explicit TrainingSite(Database &database)
        : db(database)
    {
        gateOfficer = post(QStringLiteral("Gate officer"));
        controlRoom = post(QStringLiteral("Control room operator"));
        induction = course(QStringLiteral("Site induction"), std::nullopt, true);
        firstAid = course(QStringLiteral("First aid at work"), 36);
        conflict = course(QStringLiteral("Conflict management"), 12);
        cctv = course(QStringLiteral("CCTV operation"), 24);
        requireCourses(gateOfficer, {firstAid, conflict});
        requireCourses(controlRoom, {cctv});
        dana = person(QStringLiteral("Dana Okafor"), gateOfficer);
        lee = person(QStringLiteral("Lee Whitfield"), gateOfficer);
        priya = person(QStringLiteral("Priya Raman"), controlRoom);
    }

    qint64 post(const QString &name)
    {
        Post p;
        p.name = name;
        return PostRepository(db).save(p);
    }
    qint64 course(const QString &name, std::optional<int> months, bool mandatory = false)
    {
        Course c;
        c.name = name;
        c.validityMonths = months;
        c.mandatory = mandatory;
        return CourseRepository(db).save(c);
    }
    qint64 person(const QString &name, qint64 postId)
    {
        Person p;
        p.name = name;
        p.postId = postId;
        return PeopleRepository(db).save(p);
    }
    void requireCourses(qint64 postId, const QList<qint64> &courses)
    {
        TrainingRepository(db).setRequiredCourses(postId, courses);
    }
    qint64 record(qint64 personId, qint64 courseId, const QDate &completed, TrainingResult result = TrainingResult::Passed)
    {
        TrainingRecord r;
        r.personId = personId;
        r.courseId = courseId;
        r.completedOn = completed;
        r.result = result;
        return TrainingRepository(db).create(r).id;
    }

    Database &db;
    qint64 gateOfficer = 0;
    qint64 controlRoom = 0;
    qint64 induction = 0;
    qint64 firstAid = 0;
    qint64 conflict = 0;
    qint64 cctv = 0;
    qint64 dana = 0;
    qint64 lee = 0;
    qint64 priya = 0;
};

} // namespace vigil::test
