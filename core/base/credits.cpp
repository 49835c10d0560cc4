#include "credits.h"

namespace vigil {

QList<DataCredit> dataCredits()
{
    // Each catalogue adds its line here when it is built in (and in resources/NOTICE.md).
    return {};
}

} // namespace vigil
