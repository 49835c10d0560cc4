// The incident log and the actions register on a decade file (100,000 incidents, 300,000
// timeline entries, 10,000 actions): what the officer waits for. Target: each under 50 ms median.
#include "benchmark.h"

#include "actions/actionregistermodel.h"
#include "base/error.h"
#include "incidents/incidentdialog.h"
#include "incidents/incidentlogmodel.h"
#include "shell/firstpaint.h"
#include "storage/database.h"
#include "storage/query.h"

#include <QApplication>
#include <QEventLoop>
#include <QUndoStack>

namespace vigil::bench {
namespace {

constexpr int screenRows = 40;

// What the table shows: the rows of one screen from `first`, every column.
template<typename Model>
void readScreen(Model &model, int first)
{
    for (int row = first; row < qMin(first + screenRows, model.rowCount()); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.data(model.index(row, column));
    }
}

// The incident view needs a host; nothing it asks of one costs time.
class QuietHost : public ModuleHost
{
public:
    void showModule(const QString &, const QVariant &) override {}
    void showError(const QString &) override {}
    void showStatus(const QString &) override {}
    QList<const Module *> modules() const override { return {}; }
};

// An incident with at least 20 timeline entries (the demo gives the long investigations
// 20 to 40); the one with the most if none has that many.
qint64 longIncident(Database &db)
{
    Query q(db, QStringLiteral("SELECT incident_id, count(*) AS n FROM incident_timeline GROUP BY incident_id "
                               "ORDER BY n DESC LIMIT 1"));
    q.exec();
    if (!q.next() || q.value(1).toInt() < 20)
        throw Error(QStringLiteral("no incident in this file has 20 timeline entries: use a demo file"));
    return q.value(0).toLongLong();
}

} // namespace

QList<Operation> incidentOperations()
{
    return {
        {QStringLiteral("incidents.open_log"), QStringLiteral("open the log: count, first screen of rows (newest first)"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentLogModel model(*c.db);
                readScreen(model, 0);
                return -1.0;
            }},
        {QStringLiteral("incidents.first_page"), QStringLiteral("read the first page of 256 rows from SQL"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentRepository(*c.db).rows({}, IncidentColumn::Occurred, Qt::DescendingOrder, 0, 256);
                return -1.0;
            }},
        {QStringLiteral("incidents.jump_to_last_row"),
            QStringLiteral("Ctrl+End in an open log: the last screen of rows (the oldest)"), Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentLogModel model(*c.db);
                readScreen(model, 0);
                readScreen(model, model.rowCount() - screenRows);
                return -1.0;
            }},
        {QStringLiteral("incidents.filter_change"),
            QStringLiteral("filter an open log to open high and critical incidents, first screen"), Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentLogModel model(*c.db);
                readScreen(model, 0);
                IncidentFilter filter;
                filter.severities = {Severity::High, Severity::Critical};
                filter.statuses = {IncidentStatus::Reported, IncidentStatus::Investigating, IncidentStatus::Contained};
                model.setFilter(filter);
                readScreen(model, 0);
                return -1.0;
            }},
        {QStringLiteral("incidents.search_word"),
            QStringLiteral("search as you type: \"fence\" in descriptions, notes and people, first screen"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentLogModel model(*c.db);
                IncidentFilter filter;
                filter.text = QStringLiteral("fence");
                model.setFilter(filter);
                readScreen(model, 0);
                return -1.0;
            }},
        {QStringLiteral("incidents.search_prefix"),
            QStringLiteral("search as you type, the first two letters (\"al\": thousands of matches)"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                IncidentLogModel model(*c.db);
                IncidentFilter filter;
                filter.text = QStringLiteral("al");
                model.setFilter(filter);
                readScreen(model, 0);
                return -1.0;
            }},
        {QStringLiteral("incidents.open_incident"),
            QStringLiteral("open an incident with 20+ timeline entries: the whole view until its first paint"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static qint64 id = longIncident(*c.db);
                QuietHost host;
                QUndoStack undo;
                auto *dialog = new IncidentDialog(ModuleContext {*c.db, undo, host}, id);
                QEventLoop loop;
                whenFirstPainted(dialog, [&loop] { loop.quit(); });
                dialog->show();
                loop.exec();
                delete dialog;
                return -1.0;
            }},
        {QStringLiteral("actions.open_register"), QStringLiteral("open the actions register: outstanding, first screen"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                ActionRegisterModel model(*c.db);
                ActionFilter filter;
                filter.statuses = {ActionStatus::Open, ActionStatus::InProgress};
                model.setFilter(filter);
                readScreen(model, 0);
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
