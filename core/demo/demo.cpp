#include "demo.h"

#include <QCoreApplication>
#include <QTime>

#include "base/clock.h"
#include "demo/democontext.h"
#include "storage/database.h"
#include "storage/query.h"

namespace vigil {
namespace {

struct DemoPart
{
    const char *step;
    void (*generate)(DemoContext &);
};

// The one list of demo parts; each module issue adds its generator here.
const DemoPart parts[] = {
    {QT_TRANSLATE_NOOP("vigil::Demo", "Site profile"), generateSiteDemo},
    {QT_TRANSLATE_NOOP("vigil::Demo", "Risk register"), generateRiskDemo},
    {QT_TRANSLATE_NOOP("vigil::Demo", "Incident log"), generateIncidentDemo},
    {QT_TRANSLATE_NOOP("vigil::Demo", "Training"), generateTrainingDemo},
};

} // namespace

bool demoScaleFromKey(const QString &key, DemoScale *scale)
{
    if (key == QLatin1String("small"))
        *scale = DemoScale::Small;
    else if (key == QLatin1String("decade"))
        *scale = DemoScale::Decade;
    else
        return false;
    return true;
}

QDate demoStartDate(const DemoOptions &options)
{
    return options.today.addYears(options.scale == DemoScale::Decade ? -10 : -2);
}

void DemoContext::setNow(const QDate &date, const QTime &time) const
{
    clock.set(QDateTime(date, time, Qt::UTC));
}

void generateDemo(
    const QString &path, const DemoOptions &options, const std::function<void(const QString &step)> &progress)
{
    DemoOptions resolved = options;
    if (!resolved.today.isValid())
        resolved.today = Clock::current().today();
    // Everything is dated from the demo's own clock, so the file depends only on seed and date.
    const QDateTime start(demoStartDate(resolved), QTime(9, 0), Qt::UTC);
    auto clock = std::make_shared<FixedClock>(start);
    ScopedClock scopedClock(clock);
    DemoRandom random(resolved.seed);

    Database::create(
        path,
        [&](Database &db) {
            db.setActor(QStringLiteral("demo"));
            // Every repository call nests a savepoint in the one transaction below; SQLite keeps
            // their journals in a temporary file unless told otherwise, and writing it page by
            // page was a third of the decade's time. Set before BEGIN: SQLite reads it there.
            execute(db, QStringLiteral("PRAGMA temp_store = MEMORY"));
            DemoContext context {db, resolved, random, *clock};
            Transaction tx(db);
            for (const DemoPart &part : parts) {
                if (progress)
                    progress(QCoreApplication::translate("vigil::Demo", part.step));
                clock->set(start);
                part.generate(context);
            }
            tx.commit();
        },
        [&random] { return random.uuid(); });
}

} // namespace vigil
