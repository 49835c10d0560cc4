#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace vigil {

class Database;

namespace bench {

struct Context
{
    QString databasePath;
    QString vigilBinary;
    QString emptyWindowBinary;
    std::unique_ptr<Database> db; // open (read-write) for operations that need it
};

// One named, timed operation. run() is called once to warm up and then --runs times; it
// returns the milliseconds to record, or a negative number to time the whole call instead
// (operations that run another process report the time that process measured itself).
struct Operation
{
    enum class Needs { ClosedFile, OpenDatabase };
    QString name;
    QString description;
    Needs needs = Needs::OpenDatabase;
    std::function<double(Context &)> run;
};

// Every operation, in the order they run; see operations.cpp.
QList<Operation> allOperations();

// Each area's operations (one function per *_ops.cpp file).
QList<Operation> shellOperations();
QList<Operation> riskOperations();
QList<Operation> incidentOperations();
QList<Operation> trainingOperations();
QList<Operation> kpiOperations();
QList<Operation> reportOperations();
QList<Operation> importOperations();
QList<Operation> checkOperations();

// The file's own today: the day after its last change (a demo file's --today), so the figures do
// not depend on the day the benchmark runs. Throws Error for a file with no audit trail.
QDate fileToday(Database &db);

// Runs `program args`, and returns the number in its "… N ms" line (or a negative number).
double runAndReadMilliseconds(const QString &program, const QStringList &args);

} // namespace bench
} // namespace vigil
