#pragma once

#include "people/person.h"
#include "risks/criteriarepository.h"
#include "risks/riskcatalogues.h"
#include "risks/riskrepository.h"
#include "storage/database.h"

namespace vigil::test {

// A risk rated (likelihood x impact) inherent and residual, ready to create.
inline Risk makeRisk(const QString &title, int il, int ii, int rl, int ri)
{
    Risk risk;
    risk.title = title;
    risk.inherent = {il, ii, -1};
    risk.residual = {rl, ri, -1};
    return risk;
}

inline qint64 addPerson(Database &db, const QString &name)
{
    Person person;
    person.name = name;
    return PeopleRepository(db).save(person);
}

} // namespace vigil::test
