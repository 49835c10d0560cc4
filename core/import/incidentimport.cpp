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
    qint64 existingId = 0; // a duplicate of this record
};

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
    QHash<QString, std::pair<qint64, qint64>> categories; // lower-case name -> category, subcategory
    const QList<IncidentCategory> all = CategoryRepository(db).list(true);
    for (const IncidentCategory &c : all) {
        if (c.parentId == 0)
            categories.insert(c.name.toLower(), {c.id, 0});
    }
    for (const IncidentCategory &c : all) {
        if (c.parentId != 0 && !categories.contains(c.name.toLower()))
            categories.insert(c.name.toLower(), {c.parentId, c.id});
    }
    const bool createCategories = profile.createMissing.contains(Field::category);
    QHash<QString, int> unknownCategories;
    QHash<QString, int> unknownSeverities;
    IncidentRepository incidents(db);

    // A big import changes more pages than SQLite's default cache holds: with a larger cache for
    // its transaction they are written to the journal once, at the commit, instead of spilled.
    const int cachePages = scalar(db, QStringLiteral("PRAGMA cache_size")).toInt();
    execute(db, QStringLiteral("PRAGMA cache_size = -262144")); // 256 MiB at most, used only as needed
    const auto restoreCache = qScopeGuard([&] { execute(db, QStringLiteral("PRAGMA cache_size = %1").arg(cachePages)); });
    // Checks and writes in one transaction: the duplicate lookups then read one snapshot instead
    // of locking the file twice a row, and a dry run ends by rolling back what it never wrote.
    Transaction tx(db);
    // A register still empty (the first import into a new file) has nothing to duplicate.
    const bool registerEmpty = !scalar(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM incidents)")).toBool();

    QList<Candidate> candidates;
    QSet<QString> seenReferences;
    QSet<QString> seenEvents;
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
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
        const Qt::TimeSpec clock = profile.utcTimes ? Qt::UTC : Qt::LocalTime;
        if (const std::optional<QDateTime> at = parseImportMoment(occurred, summary.dateFormat, clock))
            i.occurredAt = *at;
        else
            problem(Field::occurredAt, occurred,
                occurred.isEmpty() ? Text::tr("No date: when did it happen?")
                                   : Text::tr("Not a date in the format %1.").arg(dateFormatTitle(summary.dateFormat)));
        const QString reported = reader.value(row, Field::reportedAt);
        if (reported.isEmpty()) {
            i.reportedAt = i.occurredAt;
        } else if (const std::optional<QDateTime> at = parseImportMoment(reported, summary.dateFormat, clock)) {
            i.reportedAt = *at;
        } else {
            problem(Field::reportedAt, reported, Text::tr("Not a date in the format %1.").arg(dateFormatTitle(summary.dateFormat)));
        }
        const QString category = reader.value(row, Field::category);
        if (const auto found = categories.constFind(category.toLower()); found != categories.cend()) {
            i.categoryId = found->first;
            i.subcategoryId = found->second;
        } else if (category.isEmpty()) {
            problem(Field::category, category, Text::tr("No category, and the profile gives none by default."));
        } else {
            ++unknownCategories[category];
            if (createCategories)
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
            ++unknownSeverities[severity];
            problem(Field::severity, severity, Text::tr("Not a severity (low, medium, high or critical): map it to one."));
        }
        if (rowProblems.isEmpty()) {
            Incident checked = i;
            if (!c.newCategory.isEmpty())
                checked.categoryId = 1; // created before it is written
            const QList<FieldProblem> found = incidents.problems(checked);
            for (const FieldProblem &p : found) {
                const QString field = p.field == QLatin1String("category") ? Field::category : p.field;
                problem(field, reader.raw(row, field), p.message);
            }
        }
        if (!rowProblems.isEmpty()) {
            ++summary.invalid;
            summary.problems += rowProblems;
            continue;
        }
        // Duplicates: the same reference, or the same time, place and words; in the file or in
        // the import itself.
        const QString event = QStringLiteral("%1|%2|%3").arg(i.occurredAt.toString(Qt::ISODate), i.location, i.description);
        if ((!i.externalReference.isEmpty() && seenReferences.contains(i.externalReference)) || seenEvents.contains(event)) {
            ++summary.duplicates;
            continue;
        }
        if (!i.externalReference.isEmpty())
            seenReferences.insert(i.externalReference);
        seenEvents.insert(event);
        c.existingId = registerEmpty || i.externalReference.isEmpty()
            ? 0
            : scalar(db, QStringLiteral("SELECT id FROM incidents WHERE external_reference = ?"), {i.externalReference}).toLongLong();
        if (c.existingId == 0 && !registerEmpty)
            c.existingId = scalar(db,
                QStringLiteral("SELECT id FROM incidents WHERE occurred_at = ? AND location = ? AND description = ?"),
                {toStoredUtc(i.occurredAt), i.location, i.description})
                               .toLongLong();
        if (c.existingId != 0 && !profile.updateDuplicates) {
            ++summary.duplicates;
            continue;
        }
        candidates.append(c);
    }
    for (auto it = unknownCategories.cbegin(); it != unknownCategories.cend(); ++it)
        summary.unknown.append({Field::category, it.key(), it.value()});
    for (auto it = unknownSeverities.cbegin(); it != unknownSeverities.cend(); ++it)
        summary.unknown.append({Field::severity, it.key(), it.value()});
    std::sort(summary.unknown.begin(), summary.unknown.end(), [](const UnknownValue &a, const UnknownValue &b) {
        return std::tie(a.field, b.count, a.value) < std::tie(b.field, a.count, b.value);
    });

    if (options.dryRun || (!summary.problems.isEmpty() && !options.skipInvalid) || candidates.isEmpty()) {
        if (options.dryRun) {
            for (const Candidate &c : std::as_const(candidates))
                c.existingId ? ++summary.updated : ++summary.imported;
        }
        return summary;
    }

    // Many rows: the search index is rebuilt once at the end instead of once per record.
    const bool bulk = candidates.size() > 1000;
    incidents.setSearchDeferred(bulk);
    // And the secondary indexes of the tables it fills are built again once at the end, in key
    // order, instead of being updated row by row (the same definitions, read from the file).
    QList<std::pair<QString, QString>> indexes; // name, definition
    if (bulk) {
        Query q(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                   "AND tbl_name IN ('incidents', 'incident_timeline', 'audit_log')"));
        q.exec();
        while (q.next())
            indexes.append({q.value(0).toString(), q.value(1).toString()});
        for (const auto &[name, definition] : std::as_const(indexes))
            execute(db, QStringLiteral("DROP INDEX \"%1\"").arg(name));
    }
    QHash<QString, qint64> created;
    int done = 0;
    const auto cancelled = [&] {
        ++done;
        return options.progress && (done % 50 == 0 || done == candidates.size()) && !options.progress(done, int(candidates.size()));
    };
    const auto contextOf = [&](const Candidate &c) { return Text::tr("Imported from %1, line %2").arg(table.fileName).arg(c.line); };
    // Updates of records already in the file first, then every new record in one pass.
    QList<Incident> fresh;
    QList<int> freshCandidates;
    for (qsizetype n = 0; n < candidates.size(); ++n) {
        Candidate &c = candidates[n];
        if (!c.newCategory.isEmpty()) {
            qint64 &id = created[c.newCategory.toLower()];
            if (id == 0) {
                IncidentCategory category;
                category.name = c.newCategory;
                category.source = Text::tr("Import of %1").arg(table.fileName);
                id = CategoryRepository(db).save(category, Text::tr("Imported from %1").arg(table.fileName));
                ++summary.createdValues;
            }
            c.incident.categoryId = id;
        }
        if (c.existingId == 0) {
            fresh.append(c.incident);
            freshCandidates.append(int(n));
            continue;
        }
        Incident existing = incidents.load(c.existingId);
        const Incident before = existing;
        const Incident &in = c.incident;
        existing.externalReference = in.externalReference;
        existing.occurredAt = in.occurredAt;
        existing.reportedAt = in.reportedAt;
        existing.title = in.title;
        existing.description = in.description;
        existing.location = in.location;
        existing.categoryId = in.categoryId;
        existing.subcategoryId = in.subcategoryId;
        existing.severity = in.severity;
        existing.reportedBy = in.reportedBy;
        incidents.save(existing, contextOf(c));
        summary.updates.append({before, incidents.load(c.existingId)});
        ++summary.updated;
        if (cancelled())
            throw Error(Text::tr("The import was cancelled; nothing was written."));
    }
    bool stopped = false;
    const QList<qint64> ids = incidents.createMany(
        fresh, [&](qsizetype i) { return contextOf(candidates.at(freshCandidates.at(i))); },
        [&](qsizetype) { return !(stopped = cancelled()); });
    if (stopped)
        throw Error(Text::tr("The import was cancelled; nothing was written."));
    summary.createdIds += ids;
    summary.imported += int(ids.size());
    for (const auto &[name, definition] : std::as_const(indexes))
        execute(db, definition);
    if (bulk)
        incidents.rebuildSearch();
    tx.commit();
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
