#pragma once

#include <QSet>
#include <optional>

#include "io/exporttable.h"
#include "storage/recordstore.h"
#include "training/training.h"

#include <QDate>
#include <QList>
#include <QVariantMap>

namespace vigil {

class Database;

struct TrainingRecordFilter
{
    qint64 personId = 0;
    qint64 courseId = 0;
    qint64 postId = 0;
    qint64 employerId = 0; // -1: own staff
    bool activePeopleOnly = true;
    QString text; // words of a person's name, staff number, course or trainer
    bool operator==(const TrainingRecordFilter &) const = default;
};

enum class TrainingRecordColumn { Person, Course, Completed, Result, Expires, Trainer, Count };

struct TrainingRecordRow
{
    qint64 id = 0;
    QString person;
    QString staffNumber;
    QString course;
    QDate completedOn;
    TrainingResult result = TrainingResult::Passed;
    std::optional<double> score;
    QDate expiresOn;
    QString trainer;
    bool hasCertificate = false;
};

// Training records, the requirements of posts and planned sessions. Every change is one
// transaction with its audit entry.
class TrainingRepository
{
public:
    explicit TrainingRepository(Database &db);

    // Requirements: the courses a post needs (sorted ids); changes are audited on the post.
    QList<qint64> requiredCourses(qint64 postId) const;
    void setRequiredCourses(qint64 postId, QList<qint64> courseIds, const QString &context = {});

    // Why a record cannot be saved (empty when it can).
    QString problem(const TrainingRecord &record) const;
    // Saves a new record; the expiry is computed from the course unless set by hand.
    RecordKey create(const TrainingRecord &record, const QString &context = {});
    void save(const TrainingRecord &record, const QString &context = {});
    TrainingRecord load(qint64 id) const;
    // For a record entered by mistake; restore() puts it back (undo).
    QVariantMap remove(qint64 id);
    void restore(const QVariantMap &row);
    // Stores the certificate file in the site file (deduplicated; 50 MB at most) and points the
    // record at it; an empty fileName removes the link.
    void setCertificate(qint64 recordId, const QString &fileName, const QByteArray &bytes);

    QList<TrainingRecord> forPerson(qint64 personId) const; // newest first
    int count(const TrainingRecordFilter &filter) const;
    QList<TrainingRecordRow> rows(const TrainingRecordFilter &filter, TrainingRecordColumn column, Qt::SortOrder order,
        int offset, int limit) const;
    ExportTable exportTable(const TrainingRecordFilter &filter, TrainingRecordColumn column = TrainingRecordColumn::Completed,
        Qt::SortOrder order = Qt::DescendingOrder) const;

    // Sessions.
    QString problem(const TrainingSession &session) const;
    RecordKey createSession(const TrainingSession &session, const QString &context = {});
    void saveSession(const TrainingSession &session, const QString &context = {});
    TrainingSession loadSession(qint64 id) const;
    QList<TrainingSession> sessions(bool includeFinished) const; // by date
    QVariantMap removeSession(qint64 id);
    void restoreSession(const QVariantMap &row, const QList<qint64> &attendeeIds);
    // Marks a planned session done and records the course for every attendee at once, with
    // the result given for each (passed when not given). Returns the new records' ids.
    QList<qint64> completeSession(qint64 sessionId, const QDate &completedOn,
        const QHash<qint64, TrainingResult> &results = {}, const QString &context = {});
    // Undoes completeSession: the records go, the session is planned again.
    void reopenSession(qint64 sessionId, const QList<qint64> &recordIds);

private:
    Database &m_db;
};

// The people register as a table (for export): every person, leavers included.
// Everyone (leavers included), or only the people whose ids are in `only`.
ExportTable peopleExportTable(Database &db, const std::optional<QSet<qint64>> &only = std::nullopt);

} // namespace vigil
