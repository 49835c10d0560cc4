#pragma once

#include "demo/demo.h"
#include "demo/demorandom.h"

#include <QDateTime>

namespace vigil {

class Database;
class FixedClock;

// What each module's demo part gets: the file (inside one transaction), the options, a seeded
// random source and the clock, which a part moves to date the records it writes.
struct DemoContext
{
    Database &db;
    const DemoOptions &options;
    DemoRandom &random;
    FixedClock &clock;

    bool decade() const { return options.scale == DemoScale::Decade; }
    QDate startDate() const { return demoStartDate(options); }
    // Makes a date and a time of day the clock's "now" for the records written next. Demo times
    // are UTC, so the file does not depend on the time zone of the machine that made it.
    void setNow(const QDate &date, const QTime &time) const;
};

// The parts, one per module, run in this order by generateDemo (see demo.cpp).
void generateSiteDemo(DemoContext &context);
void generateRiskDemo(DemoContext &context);
void generateIncidentDemo(DemoContext &context);
void generateTrainingDemo(DemoContext &context);

} // namespace vigil
