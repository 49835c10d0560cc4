#pragma once

#include "base/clock.h"
#include "incidents/incidentcatalogues.h"
#include "incidents/incidentrepository.h"
#include "storage/database.h"

namespace vigil::test {

inline qint64 categoryId(Database &db, const QString &name)
{
    const auto category = CategoryRepository(db).findByName(name);
    return category ? category->id : 0;
}

inline qint64 addArea(Database &db, const QString &name)
{
    SiteArea area;
    area.name = name;
    return AreaRepository(db).save(area);
}

// An incident that happened an hour before the clock's now.
inline Incident makeIncident(Database &db, const QString &description, const QString &category = QStringLiteral("Theft"))
{
    Incident incident;
    incident.occurredAt = Clock::current().nowUtc().addSecs(-3600);
    incident.categoryId = categoryId(db, category);
    incident.severity = Severity::Medium;
    incident.description = description;
    return incident;
}

} // namespace vigil::test
