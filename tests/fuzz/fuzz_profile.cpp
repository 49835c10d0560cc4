// The import profile reader on any bytes: a profile, or an Error naming the file. A profile it
// reads survives being written and read again.

#include "fuzzsupport.h"

#include "base/error.h"
#include "import/importprofile.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    vigil::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    vigil::ImportProfile profile;
    try {
        profile = vigil::ImportProfile::fromJson(bytes, QStringLiteral("fuzz.json"));
    } catch (const vigil::Error &) {
        return 0; // not a profile: refused with a message
    }
    const vigil::ImportProfile again = vigil::ImportProfile::fromJson(profile.toJson(), QStringLiteral("again.json"));
    if (again.kind != profile.kind || again.dateFormat != profile.dateFormat || again.columns != profile.columns
        || again.values != profile.values || again.defaults != profile.defaults
        || again.createMissing != profile.createMissing || again.updateDuplicates != profile.updateDuplicates
        || again.utcTimes != profile.utcTimes)
        std::abort();
    return 0;
}
