#include "integritycheck.h"

#include "shell/background.h"
#include "storage/database.h"


#include <memory>

namespace vigil {

void verifyIntegrityInBackground(QObject *receiver, const QString &path, std::function<void(const QString &)> done)
{
    auto result = std::make_shared<QString>();
    runInBackground(
        receiver, [path, result] { *result = Database::verifyIntegrity(path); },
        [result, done = std::move(done)] { done(*result); });
}

} // namespace vigil
