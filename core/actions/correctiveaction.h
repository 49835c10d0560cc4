#pragma once

#include "base/fieldproblem.h"
#include "storage/recordstore.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace vigil {

class Database;
struct ExportTable;

enum class ActionStatus { Open, InProgress, Done, VerifiedEffective, NotEffective };
enum class ActionSource { Incident, Audit, Review, Other };
constexpr ActionStatus allActionStatuses[] = {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done,
    ActionStatus::VerifiedEffective, ActionStatus::NotEffective};

QString actionStatusKey(ActionStatus status);
bool actionStatusFromKey(const QString &key, ActionStatus *status);
QString actionStatusTitle(ActionStatus status);
QString actionSourceKey(ActionSource source);
bool actionSourceFromKey(const QString &key, ActionSource *source);
QString actionSourceTitle(ActionSource source);
QString actionFieldTitle(const QString &field);
// Open and in progress actions are outstanding; the others are finished.
bool isOutstanding(ActionStatus status);

// A corrective action, tracked to verified closure: done, then checked to have worked.
struct CorrectiveAction
{
    qint64 id = 0;
    QString uuid;
    QString reference; // ACT-0001
    QString description;
    ActionSource source = ActionSource::Other;
    qint64 incidentId = 0;
    qint64 ownerId = 0;
    QDate dueDate;
    ActionStatus status = ActionStatus::Open;
    QDate completedOn;
    QString verificationNote;
    QDate verifiedOn;
    bool operator==(const CorrectiveAction &) const = default;
};

struct ActionFilter
{
    QString text;
    qint64 ownerId = 0;
    QList<ActionStatus> statuses;
    bool overdueOnly = false;
    qint64 incidentId = 0;
    bool operator==(const ActionFilter &) const = default;
};

enum class ActionColumn { Reference, Description, Source, Owner, Due, Status, Count };

struct ActionRow
{
    qint64 id = 0;
    QString reference;
    QString description;
    ActionSource source = ActionSource::Other;
    QString incidentReference;
    QString ownerName;
    QDate dueDate;
    ActionStatus status = ActionStatus::Open;
};

struct ActionSummary
{
    int outstanding = 0;
    int overdue = 0;
};

class ActionRepository
{
public:
    explicit ActionRepository(Database &db);

    CorrectiveAction load(qint64 id) const;
    QList<FieldProblem> problems(const CorrectiveAction &action) const;
    // Done actions get today as completion date when none is given; verified ones likewise.
    RecordKey create(const CorrectiveAction &action, const QString &context = {});
    void save(const CorrectiveAction &action, const QString &context = {});
    // Undo of a creation.
    QVariantMap remove(qint64 id);
    void restore(const QVariantMap &row);

    int count(const ActionFilter &filter) const;
    QList<ActionRow> rows(const ActionFilter &filter, ActionColumn column, Qt::SortOrder order, int offset, int limit) const;
    QList<qint64> ids(const ActionFilter &filter, ActionColumn column, Qt::SortOrder order) const;
    QList<CorrectiveAction> forIncident(qint64 incidentId) const;
    ExportTable exportTable(const ActionFilter &filter, ActionColumn column = ActionColumn::Reference,
        Qt::SortOrder order = Qt::AscendingOrder) const;
    ActionSummary summary(const QDate &today) const;

private:
    CorrectiveAction completed(CorrectiveAction action) const;
    Database &m_db;
};

} // namespace vigil
