#pragma once

#include "io/exporttable.h"
#include "training/training.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace vigil {

class Database;

// A person's standing for one course on a day.
enum class CellStatus { NotRequired, Valid, Expiring, Expired, Missing };
QString cellStatusKey(CellStatus status);
QString cellStatusTitle(CellStatus status);

struct ComplianceCell
{
    CellStatus status = CellStatus::NotRequired;
    qint64 recordId = 0; // the record that decides it (the one valid longest)
    QDate completedOn;
    QDate expiresOn;     // invalid: never
    bool required = false;
};

struct ComplianceRow
{
    qint64 personId = 0;
    QString name;
    QString staffNumber;
    qint64 postId = 0;
    QString post;
    qint64 employerId = 0;
    QString employer; // empty: own staff
    QList<ComplianceCell> cells; // one per course of the matrix, in its order
    int required = 0;
    int held = 0; // required and valid (expiring soon included)
    bool cleared() const { return held == required; }
};

struct ComplianceFilter
{
    qint64 postId = 0;
    qint64 employerId = 0; // -1: own staff
    enum class Show { Everyone, NotCleared, Expiring } show = Show::Everyone;
    QString text; // part of a name or staff number
    bool operator==(const ComplianceFilter &) const = default;
};

struct ComplianceMatrix
{
    QDate asOf;
    int expiringDays = 30;
    QList<Course> courses; // columns: every course some post needs or every person must hold
    QList<ComplianceRow> rows;
    int requiredCells = 0;
    int heldCells = 0;
    double percent() const { return requiredCells ? 100.0 * heldCells / requiredCells : 100.0; }
};

struct ComplianceSummary
{
    QDate asOf;
    int people = 0;     // active on the day
    double percent = 100.0;
    int requiredCells = 0;
    int heldCells = 0;
    int expiring = 0;   // required certifications expiring within the window
    int notCleared = 0; // people missing or out of date on something their post needs
};

// Who is booked on a planned session for a course before a day.
struct Booking
{
    qint64 sessionId = 0;
    QDate heldOn;
};

// Why someone is not cleared: one course they lack on the day.
struct ReadinessGap
{
    qint64 courseId = 0;
    QString course;
    CellStatus status = CellStatus::Missing; // Missing, or Expired (on or before the day)
    QDate expiresOn;  // when the course ran out or runs out
    Booking booking;  // a planned session before the day, if any
};
QString describeGap(const ReadinessGap &gap, const QDate &day);

struct ReadinessRow
{
    qint64 personId = 0;
    QString name;
    QString post;
    QString employer;
    bool holdsPost = false; // their own post; otherwise somebody who could cover it
    QList<ReadinessGap> gaps;
    bool cleared() const { return gaps.isEmpty(); }
};

// One person's standing in a course their post needs or that they hold.
struct Standing
{
    Course course;
    ComplianceCell cell;
};

struct ExpiringRow
{
    qint64 recordId = 0;
    qint64 personId = 0;
    QString person;
    QString post;
    qint64 courseId = 0;
    QString course;
    QDate expiresOn;
    bool required = false;
    Booking booking;
};

// Compliance, as of a day: who holds what their post needs. Everything is computed from the
// records, so any day in the past or future can be asked. A person counts on a day when they
// had started by then and had not left (or, without a leaving date, is active).
class Compliance
{
public:
    explicit Compliance(Database &db);

    ComplianceMatrix matrix(const QDate &asOf, const ComplianceFilter &filter = {}, int expiringDays = 30) const;
    ComplianceSummary summary(const QDate &asOf, int expiringDays = 30) const;
    // summary(day).percent for each day (a trend), reading people and records once.
    QList<double> percentOn(const QList<QDate> &days) const;
    // Every course the person's post needs (first) or that they have a record of, with where
    // they stand on the day; leavers too.
    QList<Standing> standing(qint64 personId, const QDate &asOf, int expiringDays = 30) const;
    // Everyone in the post (and, with everyone, every other active person) and whether each
    // holds every course the post needs on the day.
    QList<ReadinessRow> readiness(qint64 postId, const QDate &day, bool everyone = false) const;
    // Certifications of active people running out from asOf through asOf + days (the newest
    // record of each person and course only), soonest first.
    QList<ExpiringRow> expiring(const QDate &asOf, int days, bool requiredOnly = false) const;

    // The matrix as a table: one row per person, one column per course (status and expiry).
    ExportTable exportTable(const ComplianceMatrix &matrix) const;

private:
    Database &m_db;
};

} // namespace vigil
