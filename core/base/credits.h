#pragma once

#include <QList>
#include <QString>

namespace vigil {

// Third-party data shipped in Vigil's built-in catalogues, credited in Help > About.
struct DataCredit
{
    QString what;    // what Vigil uses it for
    QString source;  // who made it
    QString licence;
    QString url;
};

QList<DataCredit> dataCredits();

} // namespace vigil
