#include "credits.h"

#include <QCoreApplication>

namespace vigil {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Credits)
};

} // namespace

QList<DataCredit> dataCredits()
{
    // Each catalogue adds its line here when it is built in (and in resources/NOTICE.md).
    return {
        {Text::tr("The threat catalogue"), Text::tr("ENISA threat taxonomy, MISP project (CIRCL and contributors)"),
            Text::tr("CC0 1.0 or BSD 2-Clause"), QStringLiteral("https://github.com/MISP/misp-taxonomies")},
        {Text::tr("Incident subcategories marked VERIS"), Text::tr("VERIS, the Vocabulary for Event Recording and "
                                                                   "Incident Sharing (vz-risk/veris)"),
            Text::tr("CC BY-SA 4.0"), QStringLiteral("https://github.com/vz-risk/veris")},
    };
}

} // namespace vigil
