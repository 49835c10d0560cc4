#include "peopleimport.h"

#include "import/importreader.h"
#include "people/person.h"
#include "storage/database.h"
#include "storage/query.h"
#include "training/training.h"

#include <QSet>

namespace vigil {
namespace {

using importing::Reader;
using importing::Text;

namespace Field {
const QString name = QStringLiteral("name");
const QString staffNumber = QStringLiteral("staffNumber");
const QString post = QStringLiteral("post");
const QString employer = QStringLiteral("employer");
const QString startDate = QStringLiteral("startDate");
const QString leftOn = QStringLiteral("leftOn");
const QString email = QStringLiteral("email");
const QString phone = QStringLiteral("phone");
} // namespace Field

struct Candidate
{
    int line = 0;
    Person person;
    QString newPost;
    QString newEmployer;
    qint64 existingId = 0;
};

template<typename T>
QHash<QString, qint64> idsByName(const QList<T> &items)
{
    QHash<QString, qint64> ids;
    for (const T &item : items)
        ids.insert(item.name.trimmed().toLower(), item.id);
    return ids;
}

} // namespace

QStringList peopleImportFields()
{
    return {Field::name, Field::staffNumber, Field::post, Field::employer, Field::startDate, Field::leftOn, Field::email,
        Field::phone};
}

ImportSummary importPeople(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options)
{
    ImportSummary summary;
    summary.read = int(table.rows.size());
    const Reader reader(table, profile);
    if (!reader.has(Field::name))
        throw Error(Text::tr("The profile maps no column to %1, which every person needs.").arg(Field::name));
    summary.dateFormat = importing::chooseDateFormat(table, profile, reader, {Field::startDate, Field::leftOn});

    const QHash<QString, qint64> posts = idsByName(PostRepository(db).list(true));
    const QHash<QString, qint64> employers = idsByName(EmployerRepository(db).list(true));
    const QList<Person> everyone = PeopleRepository(db).list(true);
    QHash<QString, qint64> byNumber;
    QHash<QString, qint64> byName;
    for (const Person &p : everyone) {
        if (!p.staffNumber.trimmed().isEmpty())
            byNumber.insert(p.staffNumber.trimmed().toLower(), p.id);
        byName.insert(p.name.trimmed().toLower(), p.id);
    }
    QHash<QString, int> unknownPosts;
    QHash<QString, int> unknownEmployers;
    const bool createPosts = profile.createMissing.contains(Field::post);
    const bool createEmployers = profile.createMissing.contains(Field::employer);

    QList<Candidate> candidates;
    QSet<QString> seen;
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        const int line = r + 2;
        QList<ImportProblem> rowProblems;
        const auto problem = [&](const QString &field, const QString &value, const QString &reason) {
            rowProblems.append({line, reader.header(field), value, reason});
        };
        Candidate c;
        c.line = line;
        Person &p = c.person;
        p.name = reader.value(row, Field::name);
        p.staffNumber = reader.value(row, Field::staffNumber);
        p.email = reader.value(row, Field::email);
        p.phone = reader.value(row, Field::phone);
        for (const QString &field : {Field::startDate, Field::leftOn}) {
            const QString text = reader.value(row, field);
            if (text.isEmpty())
                continue;
            const std::optional<QDateTime> day = parseImportDate(text, summary.dateFormat);
            if (!day)
                problem(field, text, Text::tr("Not a date in the format %1.").arg(dateFormatTitle(summary.dateFormat)));
            else if (field == Field::startDate)
                p.startDate = day->date();
            else
                p.leftOn = day->date();
        }
        if (p.leftOn.isValid())
            p.active = false;
        const auto find = [&](const QString &field, const QHash<QString, qint64> &known, QHash<QString, int> &unknown,
                              bool create, QString *toCreate) -> qint64 {
            const QString value = reader.value(row, field);
            if (value.isEmpty())
                return 0;
            if (const auto found = known.constFind(value.toLower()); found != known.cend())
                return found.value();
            ++unknown[value];
            if (create)
                *toCreate = value;
            else
                problem(field, value, Text::tr("Not one of Vigil's: map it to one or create it."));
            return 0;
        };
        p.postId = find(Field::post, posts, unknownPosts, createPosts, &c.newPost);
        p.employerId = find(Field::employer, employers, unknownEmployers, createEmployers, &c.newEmployer);
        if (rowProblems.isEmpty()) {
            Person checked = p;
            CatalogueTraits<Person>::settle(checked, nullptr);
            const QString found = CatalogueTraits<Person>::problem(checked);
            if (!found.isEmpty())
                problem(Field::name, p.name, found);
        }
        if (!rowProblems.isEmpty()) {
            ++summary.invalid;
            summary.problems += rowProblems;
            continue;
        }
        const QString key = p.staffNumber.isEmpty() ? QStringLiteral("n:") + p.name.toLower() : QStringLiteral("s:") + p.staffNumber.toLower();
        if (seen.contains(key)) {
            ++summary.duplicates;
            continue;
        }
        seen.insert(key);
        c.existingId = p.staffNumber.isEmpty() ? byName.value(p.name.toLower()) : byNumber.value(p.staffNumber.toLower());
        if (c.existingId != 0 && !profile.updateDuplicates) {
            ++summary.duplicates;
            continue;
        }
        candidates.append(c);
    }
    for (auto it = unknownPosts.cbegin(); it != unknownPosts.cend(); ++it)
        summary.unknown.append({Field::post, it.key(), it.value()});
    for (auto it = unknownEmployers.cbegin(); it != unknownEmployers.cend(); ++it)
        summary.unknown.append({Field::employer, it.key(), it.value()});

    if (options.dryRun || (!summary.problems.isEmpty() && !options.skipInvalid) || candidates.isEmpty()) {
        if (options.dryRun) {
            for (const Candidate &c : std::as_const(candidates))
                c.existingId ? ++summary.updated : ++summary.imported;
        }
        return summary;
    }
    Transaction tx(db);
    QHash<QString, qint64> createdPosts;
    QHash<QString, qint64> createdEmployers;
    PeopleRepository people(db);
    const QString imported = Text::tr("Imported from %1").arg(table.fileName);
    int done = 0;
    for (Candidate &c : candidates) {
        if (!c.newPost.isEmpty()) {
            qint64 &id = createdPosts[c.newPost.toLower()];
            if (id == 0) {
                Post post;
                post.name = c.newPost;
                id = PostRepository(db).save(post, imported);
                ++summary.createdValues;
            }
            c.person.postId = id;
        }
        if (!c.newEmployer.isEmpty()) {
            qint64 &id = createdEmployers[c.newEmployer.toLower()];
            if (id == 0) {
                Employer employer;
                employer.name = c.newEmployer;
                id = EmployerRepository(db).save(employer, imported);
                ++summary.createdValues;
            }
            c.person.employerId = id;
        }
        const QString context = Text::tr("Imported from %1, line %2").arg(table.fileName).arg(c.line);
        if (c.existingId != 0) {
            Person updated = c.person;
            updated.id = c.existingId;
            updated.uuid = people.load(c.existingId).value().uuid;
            people.save(updated, context);
            ++summary.updated;
        } else {
            summary.createdIds.append(people.save(c.person, context));
            ++summary.imported;
        }
        ++done;
        if (options.progress && (done % 50 == 0 || done == candidates.size()) && !options.progress(done, int(candidates.size())))
            throw Error(Text::tr("The import was cancelled; nothing was written."));
    }
    tx.commit();
    summary.written = true;
    return summary;
}

} // namespace vigil
