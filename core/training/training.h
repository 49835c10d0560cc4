#pragma once

#include "storage/catalogue.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace vigil {

// A post (or role) people stand and are trained for: gate officer, patrol officer, control
// room operator, supervisor. Requirements (which courses a post needs) are kept beside it.
struct Post
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString description;
    bool active = true;
    bool operator==(const Post &) const = default;
};

// A contractor company. People without one are the site's own staff.
struct Employer
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString contact;
    bool active = true;
    bool operator==(const Employer &) const = default;
};

struct Course
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString provider;
    QString description;
    std::optional<int> validityMonths; // none: never expires
    bool mandatory = false;            // needed by every active person, whatever their post
    bool active = true;
    bool operator==(const Course &) const = default;
};

template<>
struct CatalogueTraits<Post>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Post &post);
    static void read(Post &post, const Query &q, int first);
    static QString problem(const Post &post);
};

template<>
struct CatalogueTraits<Employer>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Employer &employer);
    static void read(Employer &employer, const Query &q, int first);
    static QString problem(const Employer &employer);
};

template<>
struct CatalogueTraits<Course>
{
    static QString table();
    static QStringList columns();
    static QVariantMap fields(const Course &course);
    static void read(Course &course, const Query &q, int first);
    static QString problem(const Course &course);
};

using PostRepository = Catalogue<Post>;
using EmployerRepository = Catalogue<Employer>;
using CourseRepository = Catalogue<Course>;

enum class TrainingResult { Passed, Attended, Failed };
constexpr TrainingResult allTrainingResults[] = {TrainingResult::Passed, TrainingResult::Attended, TrainingResult::Failed};
QString trainingResultKey(TrainingResult result);
bool trainingResultFromKey(const QString &key, TrainingResult *result);
QString trainingResultTitle(TrainingResult result);

// When a course completed on `completed` expires: the same day `months` later, or the last day
// of that month when it is shorter (completed 31 January, 1 month: 28 or 29 February). No
// validity: never (an invalid date).
QDate expiryFor(const QDate &completed, std::optional<int> months);

// One completed (or attempted) course.
struct TrainingRecord
{
    qint64 id = 0;
    QString uuid;
    qint64 personId = 0;
    qint64 courseId = 0;
    QDate completedOn;
    TrainingResult result = TrainingResult::Passed;
    std::optional<double> score; // percent
    QString trainer;
    QDate expiresOn;             // invalid: never expires
    bool expirySetByHand = false; // otherwise recomputed from the course's validity on save
    qint64 certificateId = 0;    // attachments.id; 0: none
    QString certificateName;
    qint64 sessionId = 0;
    QString notes;
    bool operator==(const TrainingRecord &) const = default;

    // Counts towards compliance on `day`: passed or attended, completed by then, not expired.
    bool validOn(const QDate &day) const;
};

enum class SessionStatus { Planned, Done, Cancelled };
QString sessionStatusKey(SessionStatus status);
bool sessionStatusFromKey(const QString &key, SessionStatus *status);
QString sessionStatusTitle(SessionStatus status);

// A course given on one day to several people; marking it done records every attendee at once.
struct TrainingSession
{
    qint64 id = 0;
    QString uuid;
    qint64 courseId = 0;
    QDate heldOn;
    QString trainer;
    QString location;
    QString notes;
    SessionStatus status = SessionStatus::Planned;
    QList<qint64> attendeeIds; // sorted
    bool operator==(const TrainingSession &) const = default;
};

// The user's name for a stored training field ("completed_on" -> "Completed on").
QString trainingFieldTitle(const QString &field);

} // namespace vigil
