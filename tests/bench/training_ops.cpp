// Training and competence on a decade file (2,000 people, most of them leavers, 60,000 training
// records): the questions the Training window and the Overview ask. Target: each under 50 ms median.
#include "base/error.h"
#include "benchmark.h"
#include "storage/database.h"
#include "storage/query.h"
#include "training/compliance.h"
#include "training/trainingrepository.h"

namespace vigil::bench {
namespace {

// The post with the most people on it (Patrol Officer in the demo).
qint64 busiestPost(Database &db)
{
    const qint64 id = scalar(db,
        QStringLiteral("SELECT post_id FROM people WHERE active = 1 AND post_id IS NOT NULL "
                       "GROUP BY post_id ORDER BY count(*) DESC, post_id LIMIT 1"))
                          .toLongLong();
    if (id <= 0)
        throw Error(QStringLiteral("nobody in this file has a post: use a demo file"));
    return id;
}

} // namespace

QList<Operation> trainingOperations()
{
    return {
        {QStringLiteral("training.matrix_all_active"),
            QStringLiteral(
                "compliance matrix on the file's today: every active person x every required course"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const QDate today = fileToday(*c.db);
                Compliance(*c.db).matrix(today);
                return -1.0;
            }},
        {QStringLiteral("training.expiring_90_days"),
            QStringLiteral("certifications of active people running out within 90 days, with bookings"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const QDate today = fileToday(*c.db);
                Compliance(*c.db).expiring(today, 90);
                return -1.0;
            }},
        {QStringLiteral("training.readiness"),
            QStringLiteral("readiness: who is cleared to stand the busiest post in 30 days, and why not"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const QDate today = fileToday(*c.db);
                static const qint64 post = busiestPost(*c.db);
                Compliance(*c.db).readiness(post, today.addDays(30));
                return -1.0;
            }},
        {QStringLiteral("training.summary"),
            QStringLiteral("the Overview's figures: compliance %, expiring in 30 days, people not cleared"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                static const QDate today = fileToday(*c.db);
                Compliance(*c.db).summary(today);
                return -1.0;
            }},
        {QStringLiteral("training.records_first_page"),
            QStringLiteral(
                "records list: count and the first page of 256 rows (newest first, active people)"),
            Operation::Needs::OpenDatabase,
            [](Context &c) {
                TrainingRepository training(*c.db);
                training.count({});
                training.rows({}, TrainingRecordColumn::Completed, Qt::DescendingOrder, 0, 256);
                return -1.0;
            }},
    };
}

} // namespace vigil::bench
