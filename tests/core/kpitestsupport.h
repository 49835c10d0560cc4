#pragma once

#include "kpi/kpi.h"
#include "storage/database.h"

#include <catch2/catch.hpp>

namespace vigil::test {

// The built-in KPI with this key, active or not; fails the test if there is none.
inline Kpi builtIn(Database &db, const char *key)
{
    for (const Kpi &kpi : KpiRepository(db).list(true)) {
        if (kpi.key == QLatin1String(key))
            return kpi;
    }
    FAIL("no built-in KPI " << key);
    return {};
}

} // namespace vigil::test
