// Opening any file as a site: the bytes are written to a file and opened read-only and for
// inspection (as `vigil check` does). Either it opens, or Database::open refuses with an
// OpenError; any other exception, a crash or a hang is a bug.

#include "fuzzsupport.h"

#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

QTemporaryDir *folder = nullptr;

void openAs(const QString &path, vigil::OpenMode mode)
{
    try {
        const std::unique_ptr<vigil::Database> db = vigil::Database::open(path, mode);
        (void)db->schemaVersion();
    } catch (const vigil::OpenError &) {
        // refused with a clear message: right for a file that is not a usable site
    } catch (const std::exception &e) {
        std::fprintf(stderr, "Database::open threw something other than OpenError: %s\n", e.what());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    vigil::fuzz::initialise(argc, argv);
    folder = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/vigil-fuzz-XXXXXX"));
    std::atexit([] { delete folder; });
    return folder->isValid() ? 0 : 1;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = folder->filePath(QStringLiteral("site.vigil"));
    // Journal and lock files a previous input may have left are not part of this input.
    for (const QString &name : QDir(folder->path()).entryList(QDir::Files | QDir::Hidden))
        QFile::remove(folder->filePath(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        std::abort();
    file.close();
    openAs(path, vigil::OpenMode::ReadOnly);
    openAs(path, vigil::OpenMode::Inspect);
    return 0;
}
