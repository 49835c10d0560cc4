#include "recordimport.h"

#include "actions/correctiveaction.h"
#include "base/timeformat.h"
#include "import/importreader.h"
#include "people/person.h"
#include "risks/criteriarepository.h"
#include "risks/risk.h"
#include "risks/riskrepository.h"
#include "storage/database.h"
#include "storage/query.h"
#include "training/training.h"
#include "training/trainingrepository.h"

#include <QSet>

#include <cmath>
#include <functional>

namespace vigil {
namespace {

using importing::Reader;
using importing::Text;

using Problem = std::function<void(const QString &field, const QString &value, const QString &reason)>;

// Vigil's names of something (people, courses) in lower case, to their ids.
struct Names
{
    QHash<QString, qint64> ids;
    qint64 find(const QString &name) const { return ids.value(name.trimmed().toLower()); }
};

// People by staff number first, then by name.
struct PeopleFinder
{
    explicit PeopleFinder(Database &db)
    {
        for (const Person &p : PeopleRepository(db).list(true)) {
            if (!p.staffNumber.trimmed().isEmpty())
                byNumber.insert(p.staffNumber.trimmed().toLower(), p.id);
            byName.insert(p.name.trimmed().toLower(), p.id);
        }
    }
    qint64 find(const QString &text) const
    {
        const QString key = text.trimmed().toLower();
        return byNumber.value(key, byName.value(key));
    }
    QHash<QString, qint64> byNumber;
    QHash<QString, qint64> byName;
};

// The frame every row importer shares: each row built and checked (build() reports problems
// and returns false when the row cannot be used), duplicates in the file and in Vigil skipped,
// then everything written in one transaction (write() returns the new record's id).
template<typename C>
ImportSummary importRows(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options,
    const QStringList &required, const QStringList &dateFields,
    const std::function<bool(const Reader &, const QStringList &, DateFormat, C &, const Problem &)> &build,
    const std::function<QString(const C &)> &key, const std::function<bool(const C &)> &inVigil,
    const std::function<qint64(C &, const QString &context)> &write)
{
    ImportSummary summary;
    summary.read = int(table.rows.size());
    const Reader reader(table, profile);
    for (const QString &field : required) {
        if (!reader.has(field) && profile.defaults.value(field).isEmpty())
            throw Error(Text::tr("The profile maps no column to %1, which every record needs.").arg(field));
    }
    summary.dateFormat = importing::chooseDateFormat(table, profile, reader, dateFields);
    QList<std::pair<int, C>> candidates;
    QSet<QString> seen;
    for (int r = 0; r < table.rows.size(); ++r) {
        const int line = r + 2;
        QList<ImportProblem> rowProblems;
        const Problem problem = [&](const QString &field, const QString &value, const QString &reason) {
            rowProblems.append({line, reader.header(field), value, reason});
        };
        C c;
        const bool usable = build(reader, table.rows.at(r), summary.dateFormat, c, problem);
        if (!usable || !rowProblems.isEmpty()) {
            ++summary.invalid;
            summary.problems += rowProblems;
            continue;
        }
        const QString k = key(c);
        if (seen.contains(k) || inVigil(c)) {
            ++summary.duplicates;
            continue;
        }
        seen.insert(k);
        candidates.append({line, c});
    }
    if (options.dryRun || (!summary.problems.isEmpty() && !options.skipInvalid) || candidates.isEmpty()) {
        if (options.dryRun)
            summary.imported = int(candidates.size());
        return summary;
    }
    Transaction tx(db);
    int done = 0;
    for (auto &[line, c] : candidates) {
        summary.createdIds.append(write(c, Text::tr("Imported from %1, line %2").arg(table.fileName).arg(line)));
        ++summary.imported;
        ++done;
        if (options.progress && (done % 50 == 0 || done == candidates.size()) && !options.progress(done, int(candidates.size())))
            throw Error(Text::tr("The import was cancelled; nothing was written."));
    }
    tx.commit();
    summary.written = true;
    return summary;
}

std::optional<QDate> dayOf(const Reader &reader, const QStringList &row, const QString &field, DateFormat format,
    const Problem &problem)
{
    const QString text = reader.value(row, field);
    if (text.isEmpty())
        return QDate();
    const std::optional<QDateTime> at = parseImportDate(text, format);
    if (!at) {
        problem(field, text, Text::tr("Not a date in the format %1.").arg(dateFormatTitle(format)));
        return std::nullopt;
    }
    return at->date();
}

void addUnknown(ImportSummary &summary, const QString &field, const QHash<QString, int> &counts)
{
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        summary.unknown.append({field, it.key(), it.value()});
}

struct TrainingRow
{
    TrainingRecord record;
    QString newCourse;
};

} // namespace

QStringList trainingImportFields()
{
    return {QStringLiteral("person"), QStringLiteral("course"), QStringLiteral("completedOn"), QStringLiteral("result"),
        QStringLiteral("score"), QStringLiteral("trainer"), QStringLiteral("expiresOn"), QStringLiteral("notes")};
}

ImportSummary importTraining(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options)
{
    const PeopleFinder people(db);
    Names courses;
    for (const Course &c : CourseRepository(db).list(true))
        courses.ids.insert(c.name.trimmed().toLower(), c.id);
    const bool createCourses = profile.createMissing.contains(QStringLiteral("course"));
    QHash<QString, int> unknownPeople;
    QHash<QString, int> unknownCourses;
    QHash<QString, int> unknownResults;
    TrainingRepository records(db);
    QHash<QString, qint64> created;
    ImportSummary summary = importRows<TrainingRow>(db, table, profile, options,
        {QStringLiteral("person"), QStringLiteral("course"), QStringLiteral("completedOn")},
        {QStringLiteral("completedOn"), QStringLiteral("expiresOn")},
        [&](const Reader &reader, const QStringList &row, DateFormat format, TrainingRow &t, const Problem &problem) {
            TrainingRecord &r = t.record;
            const QString person = reader.value(row, QStringLiteral("person"));
            r.personId = people.find(person);
            if (r.personId == 0) {
                ++unknownPeople[person];
                problem(QStringLiteral("person"), person, Text::tr("Nobody in Vigil has this staff number or name: add them first."));
            }
            const QString course = reader.value(row, QStringLiteral("course"));
            r.courseId = courses.find(course);
            if (r.courseId == 0) {
                ++unknownCourses[course];
                if (createCourses && !course.isEmpty())
                    t.newCourse = course;
                else
                    problem(QStringLiteral("course"), course, Text::tr("Not one of Vigil's courses: map it to one or create it."));
            }
            const std::optional<QDate> completed = dayOf(reader, row, QStringLiteral("completedOn"), format, problem);
            if (completed && !completed->isValid())
                problem(QStringLiteral("completedOn"), QString(), Text::tr("No date: when was it completed?"));
            r.completedOn = completed.value_or(QDate());
            const std::optional<QDate> expires = dayOf(reader, row, QStringLiteral("expiresOn"), format, problem);
            if (expires && expires->isValid()) {
                r.expiresOn = *expires;
                r.expirySetByHand = true;
            }
            const QString result = reader.value(row, QStringLiteral("result"));
            bool known = result.isEmpty();
            for (TrainingResult tr : allTrainingResults) {
                if (result.compare(trainingResultKey(tr), Qt::CaseInsensitive) == 0
                    || result.compare(trainingResultTitle(tr), Qt::CaseInsensitive) == 0) {
                    r.result = tr;
                    known = true;
                }
            }
            if (!known) {
                ++unknownResults[result];
                problem(QStringLiteral("result"), result, Text::tr("Not a result (passed, attended or failed): map it to one."));
            }
            const QString score = reader.value(row, QStringLiteral("score")).remove(u'%');
            if (!score.isEmpty()) {
                bool ok = false;
                const double value = score.toDouble(&ok);
                // The same rule as the repository's, so the dry run finds every row the import
                // would refuse (NaN and infinities read as numbers).
                if (!ok || !std::isfinite(value))
                    problem(QStringLiteral("score"), score, Text::tr("Not a number."));
                else if (value < 0 || value > 100)
                    problem(QStringLiteral("score"), score, Text::tr("A score is a percentage, from 0 to 100."));
                else
                    r.score = value;
            }
            r.trainer = reader.value(row, QStringLiteral("trainer"));
            r.notes = reader.value(row, QStringLiteral("notes"));
            return true;
        },
        [](const TrainingRow &t) {
            return QStringLiteral("%1|%2|%3|%4").arg(t.record.personId).arg(t.record.courseId).arg(t.newCourse.toLower(),
                t.record.completedOn.toString(Qt::ISODate));
        },
        [&db](const TrainingRow &t) {
            return t.record.courseId != 0
                && scalar(db, QStringLiteral("SELECT count(*) FROM training_records WHERE person_id = ? AND course_id = ? "
                                             "AND completed_on = ?"),
                       {t.record.personId, t.record.courseId, toStoredDate(t.record.completedOn)})
                       .toInt()
                > 0;
        },
        [&](TrainingRow &t, const QString &context) {
            if (!t.newCourse.isEmpty()) {
                qint64 &id = created[t.newCourse.toLower()];
                if (id == 0) {
                    Course course;
                    course.name = t.newCourse;
                    id = CourseRepository(db).save(course, Text::tr("Imported from %1").arg(table.fileName));
                }
                t.record.courseId = id;
            }
            return records.create(t.record, context).id;
        });
    summary.createdValues = int(created.size());
    addUnknown(summary, QStringLiteral("person"), unknownPeople);
    addUnknown(summary, QStringLiteral("course"), unknownCourses);
    addUnknown(summary, QStringLiteral("result"), unknownResults);
    return summary;
}

QStringList actionImportFields()
{
    return {QStringLiteral("description"), QStringLiteral("owner"), QStringLiteral("dueDate"), QStringLiteral("status"),
        QStringLiteral("completedOn")};
}

ImportSummary importActions(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options)
{
    const PeopleFinder people(db);
    QHash<QString, int> unknownOwners;
    QHash<QString, int> unknownStatuses;
    ActionRepository actions(db);
    ImportSummary summary = importRows<CorrectiveAction>(db, table, profile, options, {QStringLiteral("description")},
        {QStringLiteral("dueDate"), QStringLiteral("completedOn")},
        [&](const Reader &reader, const QStringList &row, DateFormat format, CorrectiveAction &a, const Problem &problem) {
            a.description = reader.value(row, QStringLiteral("description"));
            const QString owner = reader.value(row, QStringLiteral("owner"));
            if (!owner.isEmpty()) {
                a.ownerId = people.find(owner);
                if (a.ownerId == 0) {
                    ++unknownOwners[owner];
                    problem(QStringLiteral("owner"), owner, Text::tr("Nobody in Vigil has this staff number or name: add them first."));
                }
            }
            a.dueDate = dayOf(reader, row, QStringLiteral("dueDate"), format, problem).value_or(QDate());
            a.completedOn = dayOf(reader, row, QStringLiteral("completedOn"), format, problem).value_or(QDate());
            const QString status = reader.value(row, QStringLiteral("status"));
            bool known = status.isEmpty();
            for (ActionStatus s : allActionStatuses) {
                if (status.compare(actionStatusKey(s), Qt::CaseInsensitive) == 0
                    || status.compare(actionStatusTitle(s), Qt::CaseInsensitive) == 0) {
                    a.status = s;
                    known = true;
                }
            }
            if (!known) {
                ++unknownStatuses[status];
                problem(QStringLiteral("status"), status, Text::tr("Not an action status: map it to one."));
            }
            if (a.completedOn.isValid() && a.status != ActionStatus::VerifiedEffective && a.status != ActionStatus::NotEffective)
                a.status = ActionStatus::Done; // a completion date says it is done
            for (const FieldProblem &p : actions.problems(a))
                problem(p.field, reader.raw(row, p.field), p.message);
            return true;
        },
        [](const CorrectiveAction &a) { return a.description.toLower() + u'|' + a.dueDate.toString(Qt::ISODate); },
        [&db](const CorrectiveAction &a) {
            return scalar(db, QStringLiteral("SELECT count(*) FROM corrective_actions WHERE description = ? AND due_date IS ?"),
                       {a.description, a.dueDate.isValid() ? QVariant(toStoredDate(a.dueDate)) : QVariant()})
                       .toInt()
                > 0;
        },
        [&](CorrectiveAction &a, const QString &context) { return actions.create(a, context).id; });
    addUnknown(summary, QStringLiteral("owner"), unknownOwners);
    addUnknown(summary, QStringLiteral("status"), unknownStatuses);
    return summary;
}

QStringList riskImportFields()
{
    return {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("category"), QStringLiteral("owner"),
        QStringLiteral("inherentLikelihood"), QStringLiteral("inherentImpact"), QStringLiteral("residualLikelihood"),
        QStringLiteral("residualImpact"), QStringLiteral("treatment"), QStringLiteral("status"), QStringLiteral("reviewDate")};
}

ImportSummary importRisks(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options)
{
    const PeopleFinder people(db);
    const RiskCriteria criteria = RiskCriteriaRepository(db).current();
    RiskRepository risks(db);
    QSet<QString> titles;
    {
        Query q(db, QStringLiteral("SELECT lower(title) FROM risks"));
        q.exec();
        while (q.next())
            titles.insert(q.value(0).toString());
    }
    QHash<QString, int> unknownOwners;
    QHash<QString, int> unknownTreatments;
    QHash<QString, int> unknownStatuses;
    // A score by number, or by the name of its step on the scale.
    const auto score = [](const QString &text, const QList<ScaleStep> &scale) {
        bool number = false;
        const int value = text.toInt(&number);
        if (number)
            return value >= 1 && value <= scale.size() ? value : 0;
        for (int i = 0; i < scale.size(); ++i) {
            if (scale.at(i).label.compare(text, Qt::CaseInsensitive) == 0)
                return i + 1;
        }
        return 0;
    };
    ImportSummary summary = importRows<Risk>(db, table, profile, options,
        {QStringLiteral("title"), QStringLiteral("inherentLikelihood"), QStringLiteral("inherentImpact"),
            QStringLiteral("residualLikelihood"), QStringLiteral("residualImpact")},
        {QStringLiteral("reviewDate")},
        [&](const Reader &reader, const QStringList &row, DateFormat format, Risk &r, const Problem &problem) {
            r.title = reader.value(row, QStringLiteral("title"));
            r.description = reader.value(row, QStringLiteral("description"));
            r.category = reader.value(row, QStringLiteral("category"));
            const QString owner = reader.value(row, QStringLiteral("owner"));
            if (!owner.isEmpty()) {
                r.ownerId = people.find(owner);
                if (r.ownerId == 0) {
                    ++unknownOwners[owner];
                    problem(QStringLiteral("owner"), owner, Text::tr("Nobody in Vigil has this staff number or name: add them first."));
                }
            }
            const auto rate = [&](const QString &field, const QList<ScaleStep> &scale) {
                const QString text = reader.value(row, field);
                const int value = score(text, scale);
                if (value == 0)
                    problem(field, text, Text::tr("Not a score from 1 to %1, nor the name of one.").arg(scale.size()));
                return value;
            };
            r.inherent = {rate(QStringLiteral("inherentLikelihood"), criteria.likelihood), rate(QStringLiteral("inherentImpact"), criteria.impact), -1};
            r.residual = {rate(QStringLiteral("residualLikelihood"), criteria.likelihood), rate(QStringLiteral("residualImpact"), criteria.impact), -1};
            const QString treatment = reader.value(row, QStringLiteral("treatment"));
            bool known = treatment.isEmpty();
            for (Treatment t : {Treatment::Avoid, Treatment::Reduce, Treatment::Transfer, Treatment::Accept}) {
                if (treatment.compare(treatmentKey(t), Qt::CaseInsensitive) == 0 || treatment.compare(treatmentTitle(t), Qt::CaseInsensitive) == 0) {
                    r.treatment = t;
                    known = true;
                }
            }
            const QString status = reader.value(row, QStringLiteral("status"));
            bool statusKnown = status.isEmpty();
            for (RiskStatus s : {RiskStatus::Open, RiskStatus::InTreatment, RiskStatus::Accepted, RiskStatus::Closed}) {
                if (status.compare(riskStatusKey(s), Qt::CaseInsensitive) == 0 || status.compare(riskStatusTitle(s), Qt::CaseInsensitive) == 0) {
                    r.status = s;
                    statusKnown = true;
                }
            }
            if (!known) {
                ++unknownTreatments[treatment];
                problem(QStringLiteral("treatment"), treatment, Text::tr("Not a treatment (avoid, reduce, transfer, accept): map it to one."));
            }
            if (!statusKnown) {
                ++unknownStatuses[status];
                problem(QStringLiteral("status"), status, Text::tr("Not a risk status: map it to one."));
            }
            r.reviewDate = dayOf(reader, row, QStringLiteral("reviewDate"), format, problem).value_or(QDate());
            if (r.inherent.isSet() && r.residual.isSet()) {
                for (const FieldProblem &p : risks.problems(r))
                    problem(p.field, reader.raw(row, p.field), p.message);
            }
            return true;
        },
        [](const Risk &r) { return r.title.trimmed().toLower(); },
        [&titles](const Risk &r) { return titles.contains(r.title.trimmed().toLower()); },
        [&](Risk &r, const QString &context) { return risks.create(r, context).id; });
    addUnknown(summary, QStringLiteral("owner"), unknownOwners);
    addUnknown(summary, QStringLiteral("treatment"), unknownTreatments);
    addUnknown(summary, QStringLiteral("status"), unknownStatuses);
    return summary;
}

} // namespace vigil
