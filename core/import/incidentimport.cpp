#include "incidentimport.h"

#include "import/importreader.h"

#include "base/error.h"
#include "base/timeformat.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentrepository.h"
#include "io/csv.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QCoreApplication>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <future>
#include <optional>

namespace vigil {
namespace {

using importing::Reader;
using importing::Text;

namespace Field {
const QString externalReference = QStringLiteral("externalReference");
const QString occurredAt = QStringLiteral("occurredAt");
const QString reportedAt = QStringLiteral("reportedAt");
const QString title = QStringLiteral("title");
const QString description = QStringLiteral("description");
const QString category = QStringLiteral("category");
const QString severity = QStringLiteral("severity");
const QString location = QStringLiteral("location");
const QString reportedBy = QStringLiteral("reportedBy");
} // namespace Field

struct Candidate
{
    int line = 0;
    Incident incident;
    QString newCategory; // a category to create for this row (createMissing)
};

// The rows of a stretch of the file checked: what each valid one would become, and what is
// wrong with the others.
struct CheckedRows
{
    QList<Candidate> candidates;
    QList<ImportProblem> problems;
    int invalid = 0;
    int duplicates = 0; // twice in the file
};

using Categories = QHash<QString, std::pair<qint64, qint64>>; // lower-case name -> category, subcategory

// Checks the file's rows in order. It reads nothing from the database, so the next stretch of
// rows is checked on a worker thread while the one before is written; stretches must be checked
// one after another (duplicates within the file and unknown values are counted across them).
class RowChecker
{
public:
    RowChecker(const SourceTable &table, const ImportProfile &profile, const Reader &reader, const Categories &categories,
        DateFormat dateFormat)
        : m_table(table)
        , m_profile(profile)
        , m_reader(reader)
        , m_categories(categories)
        , m_dateFormat(dateFormat)
        , m_createCategories(profile.createMissing.contains(Field::category))
    {
    }

    CheckedRows check(int begin, int end);
    QList<UnknownValue> unknown() const;

private:
    const SourceTable &m_table;
    const ImportProfile &m_profile;
    const Reader &m_reader;
    const Categories &m_categories;
    const DateFormat m_dateFormat;
    const bool m_createCategories;
    QHash<QString, int> m_unknownCategories;
    QHash<QString, int> m_unknownSeverities;
    QSet<QString> m_seenReferences;
    QSet<QString> m_seenEvents;
};

CheckedRows RowChecker::check(int begin, int end)
{
    CheckedRows out;
    const Reader &reader = m_reader;
    const Qt::TimeSpec clock = m_profile.utcTimes ? Qt::UTC : Qt::LocalTime;
    for (int r = begin; r < end; ++r) {
        const QStringList &row = m_table.rows.at(r);
        const int line = r + 2;
        QList<ImportProblem> rowProblems;
        const auto problem = [&](const QString &field, const QString &value, const QString &reason) {
            rowProblems.append({line, reader.header(field), value, reason});
        };
        Candidate c;
        c.line = line;
        Incident &i = c.incident;
        i.externalReference = reader.value(row, Field::externalReference);
        i.title = reader.value(row, Field::title);
        i.description = reader.value(row, Field::description);
        i.location = reader.value(row, Field::location);
        i.reportedBy = reader.value(row, Field::reportedBy);
        // A record without the time it happened is taken to have happened when it was reported.
        QString occurred = reader.value(row, Field::occurredAt);
        if (occurred.isEmpty())
            occurred = reader.value(row, Field::reportedAt);
        if (const std::optional<QDateTime> at = parseImportMoment(occurred, m_dateFormat, clock))
            i.occurredAt = *at;
        else
            problem(Field::occurredAt, occurred,
                occurred.isEmpty() ? Text::tr("No date: when did it happen?")
                                   : Text::tr("Not a date in the format %1.").arg(dateFormatTitle(m_dateFormat)));
        const QString reported = reader.value(row, Field::reportedAt);
        if (reported.isEmpty()) {
            i.reportedAt = i.occurredAt;
        } else if (const std::optional<QDateTime> at = parseImportMoment(reported, m_dateFormat, clock)) {
            i.reportedAt = *at;
        } else {
            problem(Field::reportedAt, reported, Text::tr("Not a date in the format %1.").arg(dateFormatTitle(m_dateFormat)));
        }
        const QString category = reader.value(row, Field::category);
        if (const auto found = m_categories.constFind(category.toLower()); found != m_categories.cend()) {
            i.categoryId = found->first;
            i.subcategoryId = found->second;
        } else if (category.isEmpty()) {
            problem(Field::category, category, Text::tr("No category, and the profile gives none by default."));
        } else {
            ++m_unknownCategories[category];
            if (m_createCategories)
                c.newCategory = category;
            else
                problem(Field::category, category, Text::tr("Not one of Vigil's incident categories: map it to one or create it."));
        }
        const QString severity = reader.value(row, Field::severity);
        bool severityKnown = severity.isEmpty();
        for (Severity s : allSeverities) {
            if (severity.compare(severityKey(s), Qt::CaseInsensitive) == 0 || severity.compare(severityTitle(s), Qt::CaseInsensitive) == 0) {
                i.severity = s;
                severityKnown = true;
            }
        }
        if (!severityKnown) {
            ++m_unknownSeverities[severity];
            problem(Field::severity, severity, Text::tr("Not a severity (low, medium, high or critical): map it to one."));
        }
        if (rowProblems.isEmpty()) {
            // The subcategory came from Vigil's own list with its category: only the checks
            // that read nothing from the file remain.
            Incident checked = i;
            if (!c.newCategory.isEmpty())
                checked.categoryId = 1; // created before it is written
            const QList<FieldProblem> found = IncidentRepository::fieldProblems(checked);
            for (const FieldProblem &p : found) {
                const QString field = p.field == QLatin1String("category") ? Field::category : p.field;
                problem(field, reader.raw(row, field), p.message);
            }
        }
        if (!rowProblems.isEmpty()) {
            ++out.invalid;
            out.problems += rowProblems;
            continue;
        }
        // The same reference, or the same time, place and words, twice in the file.
        const QString event = QStringLiteral("%1|%2|%3").arg(i.occurredAt.toString(Qt::ISODate), i.location, i.description);
        if ((!i.externalReference.isEmpty() && m_seenReferences.contains(i.externalReference)) || m_seenEvents.contains(event)) {
            ++out.duplicates;
            continue;
        }
        if (!i.externalReference.isEmpty())
            m_seenReferences.insert(i.externalReference);
        m_seenEvents.insert(event);
        out.candidates.append(std::move(c));
    }
    return out;
}

QList<UnknownValue> RowChecker::unknown() const
{
    QList<UnknownValue> unknown;
    for (auto it = m_unknownCategories.cbegin(); it != m_unknownCategories.cend(); ++it)
        unknown.append({Field::category, it.key(), it.value()});
    for (auto it = m_unknownSeverities.cbegin(); it != m_unknownSeverities.cend(); ++it)
        unknown.append({Field::severity, it.key(), it.value()});
    std::sort(unknown.begin(), unknown.end(), [](const UnknownValue &a, const UnknownValue &b) {
        return std::tie(a.field, b.count, a.value) < std::tie(b.field, a.count, b.value);
    });
    return unknown;
}

// Rows checked per stretch: enough that handing a stretch to the worker costs nothing next to
// checking it, few enough that writing starts at once.
constexpr int stretch = 2048;

} // namespace

QStringList incidentImportFields()
{
    return {Field::externalReference, Field::occurredAt, Field::reportedAt, Field::title, Field::description,
        Field::category, Field::severity, Field::location, Field::reportedBy};
}

ImportSummary importIncidents(Database &db, const SourceTable &table, const ImportProfile &profile, const ImportOptions &options)
{
    ImportSummary summary;
    summary.read = int(table.rows.size());
    const Reader reader(table, profile);
    for (const QString &required : {Field::occurredAt, Field::description}) {
        if (!reader.has(required) && profile.defaults.value(required).isEmpty())
            throw Error(Text::tr("The profile maps no column to %1, which every incident needs.").arg(required));
    }
    summary.dateFormat = importing::chooseDateFormat(table, profile, reader, {Field::occurredAt, Field::reportedAt});

    // Vigil's categories by name (a subcategory names its parent too), and its severities.
    Categories categories;
    const QList<IncidentCategory> all = CategoryRepository(db).list(true);
    for (const IncidentCategory &c : all) {
        if (c.parentId == 0)
            categories.insert(c.name.toLower(), {c.id, 0});
    }
    for (const IncidentCategory &c : all) {
        if (c.parentId != 0 && !categories.contains(c.name.toLower()))
            categories.insert(c.name.toLower(), {c.parentId, c.id});
    }
    IncidentRepository incidents(db);

    // A big import changes more pages than SQLite's default cache holds: with a larger cache for
    // its transaction they are written to the journal once, at the commit, instead of spilled.
    const int cachePages = scalar(db, QStringLiteral("PRAGMA cache_size")).toInt();
    execute(db, QStringLiteral("PRAGMA cache_size = -262144")); // 256 MiB at most, used only as needed
    const auto restoreCache = qScopeGuard([&] { setPragmaQuietly(db, "cache_size", cachePages); });
    // Checks and writes in one transaction: the duplicate lookups then read one snapshot instead
    // of locking the file twice a row, and whatever was written is rolled back when the import
    // ends without landing (a dry run, a refusal, a cancel).
    Transaction tx(db);
    // A register still empty (the first import into a new file) has nothing to duplicate.
    const qint64 inRegister = scalar(db, QStringLiteral("SELECT count(*) FROM incidents")).toLongLong();
    const bool registerEmpty = inRegister == 0;

    // Many rows, and not few next to the register: the secondary indexes of the tables the
    // import fills are built again once at the end, in key order, instead of being updated row
    // by row (the same definitions, read from the file). Those the duplicate lookups read stay,
    // and so do those the import only adds to at their end (new uuids and times are later than
    // any before): they cost least kept. (Building them again costs in proportion to the whole
    // register.)
    const bool bulk = table.rows.size() > 1000 && qint64(table.rows.size()) * 4 > inRegister;
    SchemaObjects indexes;
    const auto dropIndexes = [&] {
        indexes = dropSchemaObjects(db, QStringLiteral("index"),
            QStringLiteral("tbl_name IN ('incidents', 'incident_timeline', 'audit_log') "
                           "AND name NOT IN ('audit_log_by_record', 'audit_log_by_time', 'incident_timeline_by_incident') "
                           "AND (? OR name NOT IN ('incidents_by_external', 'incidents_by_occurred'))"),
            {registerEmpty});
    };

    // The rows are checked a stretch at a time, the next on a worker thread while this thread
    // writes the last. Writing stops at the first invalid row unless invalid rows are skipped
    // (the checks go on, to list every problem), and a dry run writes nothing.
    RowChecker checker(table, profile, reader, categories, summary.dateFormat);
    const int rows = int(table.rows.size());
    std::future<CheckedRows> next = std::async(std::launch::async, [&] { return checker.check(0, qMin(stretch, rows)); });
    std::optional<IncidentRepository::SearchPause> searchPause;
    std::optional<IncidentRepository::Batch> batch;
    QHash<QString, qint64> created; // categories created, by lower-case name
    int imported = 0;
    int updated = 0;
    int looked = 0;
    const auto contextOf = [&](const Candidate &c) { return Text::tr("Imported from %1, line %2").arg(table.fileName).arg(c.line); };
    for (int begin = 0; begin < rows; begin += stretch) {
        const CheckedRows checked = next.get();
        const int end = qMin(begin + stretch, rows);
        if (end < rows)
            next = std::async(std::launch::async, [&, end] { return checker.check(end, qMin(end + stretch, rows)); });
        summary.invalid += checked.invalid;
        summary.duplicates += checked.duplicates;
        summary.problems += checked.problems;
        const bool writing = !options.dryRun && (summary.problems.isEmpty() || options.skipInvalid);
        // Progress, and a chance to cancel, every 50 rows looked at, written or not.
        if (checked.candidates.isEmpty() && options.progress && !options.progress(end, rows))
            throw Error(Text::tr("The import was cancelled; nothing was written."));
        for (const Candidate &c : checked.candidates) {
            if (options.progress && ++looked % 50 == 0 && !options.progress(c.line - 1, rows))
                throw Error(Text::tr("The import was cancelled; nothing was written."));
            // A duplicate of a record already in the file: updated, or skipped.
            const Incident &in = c.incident;
            qint64 existingId = registerEmpty || in.externalReference.isEmpty()
                ? 0
                : scalar(db, QStringLiteral("SELECT id FROM incidents WHERE external_reference = ?"), {in.externalReference}).toLongLong();
            if (existingId == 0 && !registerEmpty)
                existingId = scalar(db,
                    QStringLiteral("SELECT id FROM incidents WHERE occurred_at = ? AND location = ? AND description = ?"),
                    {toStoredUtc(in.occurredAt), in.location, in.description})
                                 .toLongLong();
            if (existingId != 0 && !profile.updateDuplicates) {
                ++summary.duplicates;
                continue;
            }
            if (!writing) {
                existingId ? ++updated : ++imported;
                continue;
            }
            if (!batch) {
                if (bulk) {
                    dropIndexes();
                    searchPause.emplace(db);
                }
                batch.emplace(incidents);
            }
            qint64 categoryId = in.categoryId;
            if (!c.newCategory.isEmpty()) {
                qint64 &id = created[c.newCategory.toLower()];
                if (id == 0) {
                    IncidentCategory category;
                    category.name = c.newCategory;
                    category.source = Text::tr("Import of %1").arg(table.fileName);
                    id = CategoryRepository(db).save(category, Text::tr("Imported from %1").arg(table.fileName));
                }
                categoryId = id;
            }
            if (existingId == 0) {
                Incident incident = in;
                incident.categoryId = categoryId;
                summary.createdIds.append(batch->add(incident, contextOf(c)).id);
                ++imported;
            } else {
                Incident existing = incidents.load(existingId);
                const Incident before = existing;
                existing.externalReference = in.externalReference;
                existing.occurredAt = in.occurredAt;
                existing.reportedAt = in.reportedAt;
                existing.title = in.title;
                existing.description = in.description;
                existing.location = in.location;
                existing.categoryId = categoryId;
                existing.subcategoryId = in.subcategoryId;
                existing.severity = in.severity;
                existing.reportedBy = in.reportedBy;
                incidents.save(existing, contextOf(c));
                summary.updates.append({before, incidents.load(existingId)});
                ++updated;
            }
        }
    }
    summary.unknown = checker.unknown();
    if (!batch) {
        // Nothing written: a dry run says what would be, a refusal writes nothing.
        if (options.dryRun) {
            summary.imported = imported;
            summary.updated = updated;
        }
        return summary;
    }
    if (!summary.problems.isEmpty() && !options.skipInvalid) {
        // An invalid row came after rows were written: they go back.
        summary.createdIds.clear();
        summary.updates.clear();
        return summary;
    }
    if (options.progress && !options.progress(rows, rows))
        throw Error(Text::tr("The import was cancelled; nothing was written."));
    batch->finish();
    if (!indexes.isEmpty()) {
        // SQLite sorts the keys of an index it builds on helper threads when allowed to.
        const int threads = scalar(db, QStringLiteral("PRAGMA threads")).toInt();
        execute(db, QStringLiteral("PRAGMA threads = %1").arg(qMax(threads, QThread::idealThreadCount())));
        const auto restoreThreads = qScopeGuard([&] { setPragmaQuietly(db, "threads", threads); });
        recreateSchemaObjects(db, indexes);
    }
    if (searchPause)
        searchPause->finish();
    tx.commit();
    summary.imported = imported;
    summary.updated = updated;
    summary.createdValues = int(created.size());
    summary.written = true;
    return summary;
}

QByteArray problemsCsv(const QList<ImportProblem> &problems)
{
    QList<QStringList> rows {{Text::tr("Line"), Text::tr("Column"), Text::tr("Value"), Text::tr("Problem")}};
    for (const ImportProblem &p : problems)
        rows.append({QString::number(p.row), p.column, p.value, p.reason});
    return csvDocument(rows);
}

} // namespace vigil
