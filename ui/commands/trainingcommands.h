#pragma once

#include "training/training.h"

#include <QHash>
#include <QList>

#include <optional>

namespace vigil {

struct ModuleContext;

namespace commands {

// A certificate to store with a record (or, with no file name, to remove) in the same step.
struct CertificateChange
{
    bool changed = false;
    QString fileName;
    QByteArray bytes;
};

// Each pushes one undoable step; nothing (or false) when refused, after telling the user why.
std::optional<qint64> createTrainingRecord(const ModuleContext &context, const TrainingRecord &record,
    const CertificateChange &certificate = {});
bool editTrainingRecord(const ModuleContext &context, const TrainingRecord &before, const TrainingRecord &after,
    const CertificateChange &certificate = {});
bool deleteTrainingRecord(const ModuleContext &context, qint64 id);
// The courses each post needs, as a whole grid: one step however many posts change.
bool setRequirements(const ModuleContext &context, const QHash<qint64, QList<qint64>> &coursesByPost);

std::optional<qint64> createSession(const ModuleContext &context, const TrainingSession &session);
bool editSession(const ModuleContext &context, const TrainingSession &before, const TrainingSession &after);
bool deleteSession(const ModuleContext &context, qint64 id);
// Marks a planned session done and records the course for every attendee: one step.
bool completeSession(const ModuleContext &context, qint64 sessionId, const QDate &heldOn,
    const QHash<qint64, TrainingResult> &results);
// Plans a session and records it as done at once (bulk entry of a course already given).
std::optional<qint64> recordSession(const ModuleContext &context, const TrainingSession &session,
    const QHash<qint64, TrainingResult> &results);

} // namespace commands
} // namespace vigil
