#include "compliance.h"

#include "base/clock.h"
#include "base/enumnames.h"
#include "base/timeformat.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace vigil {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Compliance)
};

constexpr EnumName<CellStatus> cellStatuses[] = {
    {CellStatus::NotRequired, "not_required", QT_TRANSLATE_NOOP("vigil::Compliance", "Not required")},
    {CellStatus::Valid, "valid", QT_TRANSLATE_NOOP("vigil::Compliance", "Valid")},
    {CellStatus::Expiring, "expiring", QT_TRANSLATE_NOOP("vigil::Compliance", "Expiring")},
    {CellStatus::Expired, "expired", QT_TRANSLATE_NOOP("vigil::Compliance", "Expired")},
    {CellStatus::Missing, "missing", QT_TRANSLATE_NOOP("vigil::Compliance", "Missing")},
};

using PairKey = std::pair<qint64, qint64>; // person, course

// People who count on a day: started by then, and not left (without a leaving date: active).
const QString onTheDay = QStringLiteral(
    "(p.start_date IS NULL OR p.start_date <= ?) "
    "AND CASE WHEN p.left_on IS NOT NULL THEN p.left_on > ? ELSE p.active = 1 END");

// The record that keeps a person qualified longest in each course, among those completed by
// `by` and not failed (a never-expiring record beats any date).
struct BestRecord
{
    qint64 id = 0;
    QDate completedOn;
    QDate expiresOn;
};

// For one person, or for the people who count on `by` (a decade's file is mostly leavers: their
// records are left alone, and the covering index by person answers the rest).
QHash<PairKey, BestRecord> bestRecords(const Database &db, const QDate &by, qint64 onlyPerson = 0)
{
    // SQLite takes the bare columns of an aggregate query from the row holding the max(). The
    // groups follow the index's order (by p.id, not r.person_id, for SQLite to see it through the
    // join), so nothing is sorted.
    const QString select = QStringLiteral("SELECT r.person_id, r.course_id, r.id, r.completed_on, r.expires_on, "
                                          "max(coalesce(r.expires_on, '9999-12-31')) ");
    const QString counted = QStringLiteral(" AND r.completed_on <= ? AND r.result <> 'failed' ");
    QVariantList args;
    QString sql;
    if (onlyPerson > 0) {
        sql = select + QStringLiteral("FROM training_records r WHERE r.person_id = ?") + counted
            + QStringLiteral("GROUP BY r.course_id");
        args = {onlyPerson, toStoredDate(by)};
    } else {
        // CROSS JOIN keeps the people outside: each is looked up in the index once.
        sql = select + QStringLiteral("FROM people p CROSS JOIN training_records r ON r.person_id = p.id WHERE ") + onTheDay
            + counted + QStringLiteral("GROUP BY p.id, r.course_id");
        args = {toStoredDate(by), toStoredDate(by), toStoredDate(by)};
    }
    Query q(db, sql);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QHash<PairKey, BestRecord> best;
    while (q.next())
        best.insert({q.value(0).toLongLong(), q.value(1).toLongLong()},
            {q.value(2).toLongLong(), fromStoredDate(q.value(3).toString()), fromStoredDate(q.value(4).toString())});
    return best;
}

// What every post needs, and what everybody needs.
struct Requirements
{
    QList<Course> courses; // active courses, by name
    QSet<qint64> mandatory;
    QHash<qint64, QSet<qint64>> byPost;

    bool required(qint64 postId, qint64 courseId) const
    {
        return mandatory.contains(courseId) || byPost.value(postId).contains(courseId);
    }
    QList<qint64> forPost(qint64 postId) const
    {
        QList<qint64> ids;
        for (const Course &c : courses) {
            if (required(postId, c.id))
                ids.append(c.id);
        }
        return ids;
    }
};

Requirements requirements(Database &db)
{
    Requirements r;
    r.courses = CourseRepository(db).list();
    QSet<qint64> active;
    for (const Course &c : r.courses) {
        active.insert(c.id);
        if (c.mandatory)
            r.mandatory.insert(c.id);
    }
    Query q(db, QStringLiteral("SELECT post_id, course_id FROM post_courses"));
    q.exec();
    while (q.next()) {
        if (active.contains(q.value(1).toLongLong()))
            r.byPost[q.value(0).toLongLong()].insert(q.value(1).toLongLong());
    }
    return r;
}

struct PersonOnDay
{
    qint64 id = 0;
    QString name;
    QString staffNumber;
    qint64 postId = 0;
    QString post;
    qint64 employerId = 0;
    QString employer;
};

QList<PersonOnDay> peopleOn(const Database &db, const QDate &day, const ComplianceFilter &filter)
{
    QString sql = QStringLiteral("SELECT p.id, p.name, p.staff_number, p.post_id, po.name, p.employer_id, e.name "
                                 "FROM people p LEFT JOIN posts po ON po.id = p.post_id "
                                 "LEFT JOIN employers e ON e.id = p.employer_id WHERE ")
        + onTheDay;
    QVariantList args {toStoredDate(day), toStoredDate(day)};
    if (filter.postId > 0) {
        sql += QStringLiteral(" AND p.post_id = ?");
        args.append(filter.postId);
    }
    if (filter.employerId > 0) {
        sql += QStringLiteral(" AND p.employer_id = ?");
        args.append(filter.employerId);
    } else if (filter.employerId < 0) {
        sql += QStringLiteral(" AND p.employer_id IS NULL");
    }
    QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        text = escapeLike(text);
        sql += QStringLiteral(" AND (p.name LIKE ? ESCAPE '\\' OR p.staff_number LIKE ? ESCAPE '\\')");
        args.append(QStringLiteral("%") + text + QStringLiteral("%"));
        args.append(QStringLiteral("%") + text + QStringLiteral("%"));
    }
    sql += QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id");
    Query q(db, sql);
    for (const QVariant &arg : args)
        q.bind(arg);
    q.exec();
    QList<PersonOnDay> people;
    while (q.next())
        people.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
            q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toString()});
    return people;
}

CellStatus statusOn(const BestRecord *record, bool required, const QDate &day, int expiringDays)
{
    if (!record)
        return required ? CellStatus::Missing : CellStatus::NotRequired;
    if (!required)
        return CellStatus::NotRequired;
    if (!record->expiresOn.isValid())
        return CellStatus::Valid;
    if (record->expiresOn < day)
        return CellStatus::Expired;
    if (record->expiresOn <= day.addDays(expiringDays))
        return CellStatus::Expiring;
    return CellStatus::Valid;
}

// The first planned session of each person and course held from `from` through `to`.
QHash<PairKey, Booking> bookings(const Database &db, const QDate &from, const QDate &to)
{
    Query q(db, QStringLiteral("SELECT a.person_id, s.course_id, s.id, min(s.held_on) FROM training_sessions s "
                               "JOIN session_attendees a ON a.session_id = s.id WHERE s.status = 'planned' "
                               "AND s.held_on >= ? AND s.held_on <= ? GROUP BY a.person_id, s.course_id"));
    q.bind(toStoredDate(from)).bind(toStoredDate(to)).exec();
    QHash<PairKey, Booking> found;
    while (q.next())
        found.insert({q.value(0).toLongLong(), q.value(1).toLongLong()},
            {q.value(2).toLongLong(), fromStoredDate(q.value(3).toString())});
    return found;
}

} // namespace

QString cellStatusKey(CellStatus status)
{
    return enumKey(cellStatuses, status);
}

QString cellStatusTitle(CellStatus status)
{
    return QCoreApplication::translate("vigil::Compliance", enumName(cellStatuses, status).title);
}

QString describeGap(const ReadinessGap &gap, const QDate &day)
{
    const QLocale locale;
    QString text;
    if (gap.status == CellStatus::Missing)
        text = Text::tr("%1: never done").arg(gap.course);
    else if (gap.expiresOn < Clock::current().today())
        text = Text::tr("%1: expired on %2").arg(gap.course, locale.toString(gap.expiresOn, QLocale::ShortFormat));
    else
        text = Text::tr("%1: runs out on %2, before %3")
                   .arg(gap.course, locale.toString(gap.expiresOn, QLocale::ShortFormat),
                       locale.toString(day, QLocale::ShortFormat));
    if (gap.booking.sessionId > 0)
        text += Text::tr(" (booked on the session of %1)").arg(locale.toString(gap.booking.heldOn, QLocale::ShortFormat));
    return text;
}

Compliance::Compliance(Database &db)
    : m_db(db)
{
}

ComplianceMatrix Compliance::matrix(const QDate &asOf, const ComplianceFilter &filter, int expiringDays) const
{
    ComplianceMatrix m;
    m.asOf = asOf;
    m.expiringDays = expiringDays;
    const Requirements req = requirements(m_db);
    // Columns: what somebody must hold (for one post, what that post needs).
    for (const Course &course : req.courses) {
        const bool needed = filter.postId > 0 ? req.required(filter.postId, course.id)
                                              : req.mandatory.contains(course.id)
                || std::any_of(req.byPost.begin(), req.byPost.end(),
                    [&](const QSet<qint64> &courses) { return courses.contains(course.id); });
        if (needed)
            m.courses.append(course);
    }
    const QHash<PairKey, BestRecord> best = bestRecords(m_db, asOf);
    for (const PersonOnDay &person : peopleOn(m_db, asOf, filter)) {
        ComplianceRow row;
        row.personId = person.id;
        row.name = person.name;
        row.staffNumber = person.staffNumber;
        row.postId = person.postId;
        row.post = person.post;
        row.employerId = person.employerId;
        row.employer = person.employer;
        bool expiring = false;
        for (const Course &course : m.courses) {
            const auto found = best.constFind({person.id, course.id});
            const BestRecord *record = found == best.cend() ? nullptr : &found.value();
            ComplianceCell cell;
            cell.required = req.required(person.postId, course.id);
            cell.status = statusOn(record, cell.required, asOf, expiringDays);
            if (record) {
                cell.recordId = record->id;
                cell.completedOn = record->completedOn;
                cell.expiresOn = record->expiresOn;
            }
            if (cell.required) {
                ++row.required;
                if (cell.status == CellStatus::Valid || cell.status == CellStatus::Expiring)
                    ++row.held;
            }
            expiring |= cell.status == CellStatus::Expiring;
            row.cells.append(cell);
        }
        if (filter.show == ComplianceFilter::Show::NotCleared && row.cleared())
            continue;
        if (filter.show == ComplianceFilter::Show::Expiring && !expiring)
            continue;
        m.requiredCells += row.required;
        m.heldCells += row.held;
        m.rows.append(std::move(row));
    }
    return m;
}

ComplianceSummary Compliance::summary(const QDate &asOf, int expiringDays) const
{
    const ComplianceMatrix m = matrix(asOf, {}, expiringDays);
    ComplianceSummary s;
    s.asOf = asOf;
    s.people = int(m.rows.size());
    s.requiredCells = m.requiredCells;
    s.heldCells = m.heldCells;
    s.percent = m.percent();
    for (const ComplianceRow &row : m.rows) {
        if (!row.cleared())
            ++s.notCleared;
        for (const ComplianceCell &cell : row.cells)
            s.expiring += cell.status == CellStatus::Expiring ? 1 : 0;
    }
    return s;
}

QList<double> Compliance::percentOn(const QList<QDate> &days) const
{
    if (days.isEmpty())
        return {};
    const auto [firstDay, lastDay] = std::minmax_element(days.begin(), days.end());
    const Requirements req = requirements(m_db);
    // Everyone who counts on some day of the trend: started by the last, not left by the first.
    struct Someone
    {
        qint64 postId = 0;
        QDate start;
        QDate left;
        bool active = false;
    };
    QHash<qint64, Someone> people;
    {
        Query q(m_db, QStringLiteral("SELECT p.id, p.post_id, p.start_date, p.left_on, p.active FROM people p "
                                     "WHERE (p.start_date IS NULL OR p.start_date <= ?) "
                                     "AND CASE WHEN p.left_on IS NOT NULL THEN p.left_on > ? ELSE p.active = 1 END"));
        q.bind(toStoredDate(*lastDay)).bind(toStoredDate(*firstDay)).exec();
        while (q.next())
            people.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), fromStoredDate(q.value(2).toString()),
                                                      fromStoredDate(q.value(3).toString()), q.value(4).toBool()});
    }
    // Their passed records up to the last day: what each held from when to when (never
    // expiring: to the end of the trend).
    QHash<PairKey, QList<std::pair<QDate, QDate>>> held;
    {
        Query q(m_db, QStringLiteral("SELECT r.person_id, r.course_id, r.completed_on, r.expires_on FROM training_records r "
                                     "WHERE r.completed_on <= ? AND r.result <> 'failed'"));
        q.bind(toStoredDate(*lastDay)).exec();
        while (q.next()) {
            const qint64 person = q.value(0).toLongLong();
            if (!people.contains(person))
                continue;
            const QDate expires = fromStoredDate(q.value(3).toString());
            held[{person, q.value(1).toLongLong()}].append(
                {fromStoredDate(q.value(2).toString()), expires.isValid() ? expires : *lastDay});
        }
    }
    QHash<qint64, QList<qint64>> needs; // by post
    for (const Someone &p : std::as_const(people)) {
        if (!needs.contains(p.postId))
            needs.insert(p.postId, req.forPost(p.postId));
    }
    QList<double> percents;
    for (const QDate &day : days) {
        int required = 0;
        int valid = 0;
        for (auto it = people.cbegin(); it != people.cend(); ++it) {
            const Someone &p = it.value();
            const bool counts = (!p.start.isValid() || p.start <= day) && (p.left.isValid() ? p.left > day : p.active);
            if (!counts)
                continue;
            for (qint64 course : needs.value(p.postId)) {
                ++required;
                const auto found = held.constFind({it.key(), course});
                if (found == held.cend())
                    continue;
                // Held on the day: completed by then and not expired before it (as statusOn).
                valid += std::any_of(found->begin(), found->end(),
                    [&](const std::pair<QDate, QDate> &r) { return r.first <= day && r.second >= day; });
            }
        }
        percents.append(required ? 100.0 * valid / required : 100.0);
    }
    return percents;
}

QList<Standing> Compliance::standing(qint64 personId, const QDate &asOf, int expiringDays) const
{
    const Requirements req = requirements(m_db);
    const qint64 postId = scalar(m_db, QStringLiteral("SELECT post_id FROM people WHERE id = ?"), {personId}).toLongLong();
    const QHash<PairKey, BestRecord> best = bestRecords(m_db, asOf, personId);
    QList<Standing> required;
    QList<Standing> others;
    for (const Course &course : CourseRepository(m_db).list(true)) {
        const auto found = best.constFind({personId, course.id});
        const BestRecord *record = found == best.cend() ? nullptr : &found.value();
        Standing s {course, {}};
        s.cell.required = course.active && req.required(postId, course.id);
        if (!s.cell.required && !record)
            continue;
        s.cell.status = statusOn(record, s.cell.required, asOf, expiringDays);
        if (record) {
            s.cell.recordId = record->id;
            s.cell.completedOn = record->completedOn;
            s.cell.expiresOn = record->expiresOn;
        }
        (s.cell.required ? required : others).append(s);
    }
    return required + others;
}

QList<ReadinessRow> Compliance::readiness(qint64 postId, const QDate &day, bool everyone) const
{
    const Requirements req = requirements(m_db);
    const QList<qint64> needed = req.forPost(postId);
    QHash<qint64, QString> courseNames;
    for (const Course &c : req.courses)
        courseNames.insert(c.id, c.name);
    const QHash<PairKey, BestRecord> best = bestRecords(m_db, day);
    const QHash<PairKey, Booking> booked = bookings(m_db, Clock::current().today(), day);
    ComplianceFilter filter;
    filter.postId = everyone ? 0 : postId;
    QList<ReadinessRow> rows;
    for (const PersonOnDay &person : peopleOn(m_db, day, filter)) {
        ReadinessRow row;
        row.personId = person.id;
        row.name = person.name;
        row.post = person.post;
        row.employer = person.employer;
        row.holdsPost = person.postId == postId;
        for (qint64 courseId : needed) {
            const auto found = best.constFind({person.id, courseId});
            if (found != best.cend() && (!found->expiresOn.isValid() || found->expiresOn >= day))
                continue;
            ReadinessGap gap;
            gap.courseId = courseId;
            gap.course = courseNames.value(courseId);
            gap.status = found == best.cend() ? CellStatus::Missing : CellStatus::Expired;
            if (found != best.cend())
                gap.expiresOn = found->expiresOn;
            gap.booking = booked.value({person.id, courseId});
            row.gaps.append(gap);
        }
        rows.append(row);
    }
    // The post's own people first, those not cleared at the top, then by name.
    std::stable_sort(rows.begin(), rows.end(), [](const ReadinessRow &a, const ReadinessRow &b) {
        if (a.holdsPost != b.holdsPost)
            return a.holdsPost;
        return a.cleared() != b.cleared() && !a.cleared();
    });
    return rows;
}

QList<ExpiringRow> Compliance::expiring(const QDate &asOf, int days, bool requiredOnly) const
{
    const Requirements req = requirements(m_db);
    QHash<qint64, QString> courseNames;
    for (const Course &c : req.courses)
        courseNames.insert(c.id, c.name);
    const QHash<PairKey, BestRecord> best = bestRecords(m_db, asOf);
    const QHash<PairKey, Booking> booked = bookings(m_db, asOf, asOf.addDays(days + 365));
    const QDate last = asOf.addDays(days);
    QList<ExpiringRow> rows;
    for (const PersonOnDay &person : peopleOn(m_db, asOf, {})) {
        for (const Course &course : req.courses) {
            const auto found = best.constFind({person.id, course.id});
            if (found == best.cend() || !found->expiresOn.isValid() || found->expiresOn < asOf || found->expiresOn > last)
                continue;
            const bool required = req.required(person.postId, course.id);
            if (requiredOnly && !required)
                continue;
            rows.append({found->id, person.id, person.name, person.post, course.id, course.name, found->expiresOn, required,
                booked.value({person.id, course.id})});
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
        [](const ExpiringRow &a, const ExpiringRow &b) { return a.expiresOn < b.expiresOn; });
    return rows;
}

ExportTable Compliance::exportTable(const ComplianceMatrix &m) const
{
    ExportTable table;
    table.title = Text::tr("Training compliance on %1").arg(QLocale().toString(m.asOf, QLocale::ShortFormat));
    table.sheet = Text::tr("Compliance on %1").arg(toStoredDate(m.asOf));
    table.headers = {Text::tr("Name"), Text::tr("Staff number"), Text::tr("Post"), Text::tr("Employer"), Text::tr("Cleared")};
    for (const Course &course : m.courses)
        table.headers.append(course.name);
    for (const ComplianceRow &row : m.rows) {
        QVariantList cells {row.name, row.staffNumber, row.post, row.employer.isEmpty() ? Text::tr("Own staff") : row.employer,
            row.cleared() ? Text::tr("Yes") : Text::tr("No")};
        for (const ComplianceCell &cell : row.cells) {
            const QString expiry = cell.expiresOn.isValid() ? toStoredDate(cell.expiresOn) : Text::tr("no expiry");
            switch (cell.status) {
            case CellStatus::NotRequired:
                cells.append(cell.recordId ? Text::tr("Not required (held, %1)").arg(expiry) : QString());
                break;
            case CellStatus::Missing:
                cells.append(cellStatusTitle(cell.status));
                break;
            case CellStatus::Valid:
            case CellStatus::Expiring:
            case CellStatus::Expired:
                cells.append(QStringLiteral("%1 (%2)").arg(cellStatusTitle(cell.status), expiry));
                break;
            }
        }
        table.rows.append(cells);
    }
    return table;
}

} // namespace vigil
