#pragma once

#include "base/fieldproblem.h"
#include "incidents/incident.h"
#include "storage/recordstore.h"

#include <QVariantMap>

namespace vigil {

class Database;
struct ExportTable;

// What the log shows: every condition is optional; all set ones must hold.
struct IncidentFilter
{
    QDate from; // occurred on or after (local date)
    QDate to;   // occurred on or before
    QList<qint64> categoryIds; // a category matches its subcategories too
    QList<Severity> severities;
    QList<IncidentStatus> statuses;
    qint64 areaId = 0;
    qint64 assignedToId = 0; // -1: nobody
    QString text;            // full-text search: every word, as a word prefix
    qint64 riskId = 0;       // linked to this risk
    QDateTime reportedSince; // reported at or after this moment (the overview's "last 24 hours")
    bool operator==(const IncidentFilter &) const = default;
};

enum class IncidentColumn { Reference, Occurred, Category, Location, Severity, Status, Assigned, Count };

struct IncidentRow
{
    qint64 id = 0;
    QString reference;
    QDateTime occurredAt;
    QString category;
    QString subcategory;
    QString location;
    Severity severity = Severity::Medium;
    IncidentStatus status = IncidentStatus::Reported;
    QString assignedTo;
    QString summary; // the title, or the start of the description
};

struct IncidentAttachment
{
    qint64 id = 0; // the link to the incident
    qint64 attachmentId = 0;
    QString fileName;
    qint64 size = 0;
    QString mimeType;
    QDateTime addedAt;
    QString addedBy;
    bool hasThumbnail = false;
};

// What a status change did, so that undo can put it back.
struct StatusChange
{
    qint64 incidentId = 0;
    IncidentStatus from = IncidentStatus::Reported;
    IncidentStatus to = IncidentStatus::Reported;
    qint64 entryId = 0;
    QString rootCauseBefore;
    QString lessonsBefore;
    QDateTime closedAtBefore;
};

// Everything the delete of an incident logged by mistake removes (for undo).
struct IncidentSnapshot
{
    QVariantMap row;
    QList<QVariantMap> persons;
    QList<QVariantMap> risks;
    QList<QVariantMap> timeline;
    QList<QVariantMap> attachments;
    QList<qint64> actionIds; // corrective actions that pointed at it, linked again on restore
};

struct IncidentSummary
{
    int open = 0;                // reported, under investigation or contained
    QList<int> openBySeverity;   // indexed by Severity
    int lastDay = 0;             // reported in the 24 hours before now
};

class IncidentRepository
{
public:
    explicit IncidentRepository(Database &db);

    Incident load(qint64 id) const;
    QList<FieldProblem> problems(const Incident &incident) const;
    // The same without the one check that reads the file (a subcategory's parent): safe on any
    // thread.
    static QList<FieldProblem> fieldProblems(const Incident &incident);

    // Saves a new incident: its reference (INC-year-number, by the year it was reported) is
    // assigned now and never reused; the timeline starts with its report.
    RecordKey create(const Incident &incident, const QString &context = {});
    // Many new incidents (an import of thousands) written one after another in the caller's
    // transaction: each gets what create() gives it (reference, row, audit entry, first timeline
    // entry, search entry) through statements prepared once, without a savepoint and a sequence
    // statement of its own. They must have passed problems(). finish() stores the last reference
    // number of each year; a batch left unfinished must be rolled back with its transaction.
    class Batch
    {
    public:
        explicit Batch(IncidentRepository &repository);
        ~Batch();
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;
        RecordKey add(const Incident &incident, const QString &context = {});
        void finish();

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };
    // Saves changes to the fields, people and links (not the status: see changeStatus).
    void save(const Incident &incident, const QString &context = {});

    // Moves the incident along its status flow (workflow.h) with a timeline entry; rootCause and
    // lessons, when given, are recorded first (closing requires them). Throws Error when refused.
    StatusChange changeStatus(qint64 id, IncidentStatus to, const QString &reason, const QString &rootCause = {},
        const QString &lessons = {});
    // Undo of a status change: the status goes back and the timeline says so.
    void undoStatusChange(const StatusChange &change);

    qint64 addNote(qint64 id, const QString &text);
    // A later entry that corrects an earlier one (entries are never edited).
    qint64 addCorrection(qint64 id, qint64 entryId, const QString &text);
    QList<TimelineEntry> timeline(qint64 id) const;

    // Returns the link id. Throws Error for a file over the size limit.
    qint64 addAttachment(qint64 id, const QString &fileName, const QByteArray &bytes);
    // Undo of addAttachment: the link goes, the timeline says so.
    void withdrawAttachment(qint64 linkId, const QString &reason);
    QList<IncidentAttachment> attachments(qint64 id) const;

    IncidentSnapshot remove(qint64 id);
    void restore(const IncidentSnapshot &snapshot);

    int count(const IncidentFilter &filter) const;
    // total (the count for the filter, when known) lets pages near the end be read backwards.
    QList<IncidentRow> rows(const IncidentFilter &filter, IncidentColumn column, Qt::SortOrder order, int offset,
        int limit, int total = -1) const;
    QList<qint64> ids(const IncidentFilter &filter, IncidentColumn column, Qt::SortOrder order) const;
    ExportTable exportTable(const IncidentFilter &filter, IncidentColumn column = IncidentColumn::Occurred,
        Qt::SortOrder order = Qt::AscendingOrder) const;
    IncidentSummary summary(const QDateTime &now) const;

    // Where the last incident happened: quick entry starts there.
    std::pair<qint64, QString> lastLocation() const;
    // An incident's reference from its id and back; empty or 0 when there is none.
    QString referenceOf(qint64 id) const;
    qint64 idOfReference(const QString &reference) const;
    // Builds the search index again from the records.
    void rebuildSearch();

    // The database keeps the search index up to date itself (triggers; see file format 9). A bulk
    // writer (the demo generator) that changes thousands of older incidents pauses that, inside
    // its transaction, and has the index built once at the end: each change to an older
    // incident would cost FTS5 a flush. finish() puts the triggers back and builds the index; a
    // transaction that does not call it must roll back.
    class SearchPause
    {
    public:
        explicit SearchPause(Database &db);
        ~SearchPause();
        SearchPause(const SearchPause &) = delete;
        SearchPause &operator=(const SearchPause &) = delete;
        void finish();

    private:
        Database &m_db;
        QList<std::pair<QString, QString>> m_triggers; // name, definition
    };

private:
    // The incident's own fields, without its people and risk links (load() adds those).
    Incident loadRow(qint64 id) const;
    void writePersons(qint64 id, const QList<InvolvedPerson> &persons);
    void writeRisks(qint64 id, const QList<qint64> &riskIds);
    qint64 addTimeline(qint64 id, TimelineKind kind, const QString &text, std::optional<IncidentStatus> from = {},
        std::optional<IncidentStatus> to = {}, qint64 corrects = 0, const QDateTime &at = {});
    Database &m_db;
};

// The incidents whose people involved or attached files are not what their audit trail says
// (rows inserted, changed or deleted outside Vigil), as "INC-2026-0042 (people involved)", in
// reference order. For `vigil check`: the audit trail records both as fields of the incident
// ("persons", "attachments"), which the table-by-table comparison does not see. The people are
// compared as the trail wrote them, role titles included.
QStringList incidentsDifferingFromTrail(const Database &db);

} // namespace vigil
