// The import date parser on any text, in every format, and the detection of a column's format.
// A value is either a valid date and time or nothing; a format that fits must parse every value.

#include "fuzzsupport.h"

#include "import/importdates.h"

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
    // One value per line: the column of a file.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList values = text.split(u'\n');
    for (const QString &value : values) {
        for (const vigil::DateFormat format : vigil::allDateFormats) {
            const std::optional<QDateTime> parsed = vigil::parseImportDate(value, format);
            if (parsed && !parsed->isValid())
                std::abort();
        }
    }
    for (const vigil::DateFormat format : vigil::dateFormatsFitting(values)) {
        for (const QString &value : values) {
            if (!value.trimmed().isEmpty() && !vigil::parseImportDate(value, format))
                std::abort();
        }
    }
    return 0;
}
