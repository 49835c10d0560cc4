// Regressions for what the fuzz targets in tests/fuzz/ found: each case is the smallest input
// that showed the bug, and what should have happened.

#include "support/testsupport.h"

#include "base/error.h"
#include "import/sourcetable.h"
#include "io/csv.h"

#include <catch2/catch.hpp>

using namespace vigil;

TEST_CASE("Fuzz: UTF-16 text with a lone surrogate or a stray last byte is refused, not read as other text", "[import][fuzz]")
{
    QString encoding;
    // "a,b\n" and then a low surrogate with no high one before it (UTF-16BE).
    const QByteArray lone("\xFE\xFF\0a\0,\0b\0\n\xDF\xC4\0x", 14);
    CHECK_THROWS_WITH(decodeText(lone, QStringLiteral("lone.csv"), &encoding), Catch::Contains("not valid UTF-16BE text"));
    // A high surrogate at the very end (UTF-16LE).
    const QByteArray high("\xFF\xFE" "a\0,\0b\0\x3D\xD8", 10);
    CHECK_THROWS_WITH(decodeText(high, QStringLiteral("high.csv"), &encoding), Catch::Contains("not valid UTF-16LE text"));
    // An odd number of bytes: the last one was silently dropped.
    const QByteArray odd("\xFF\xFE" "a\0,\0b\0c", 9);
    CHECK_THROWS_WITH(decodeText(odd, QStringLiteral("odd.csv"), &encoding), Catch::Contains("not valid UTF-16LE text"));
    // A well-formed pair still reads: U+1F600.
    const QByteArray pair("\xFF\xFE" "a\0=\0\x3D\xD8\x00\xDE", 10);
    CHECK(decodeText(pair, QStringLiteral("pair.csv"), &encoding) == QStringLiteral("a=\U0001F600"));
}

TEST_CASE("Fuzz: UTF-8 cut off in the middle of a character is not read as shorter UTF-8", "[import][fuzz]")
{
    QString encoding;
    // "café" whose last byte is missing: not UTF-8, so it is Windows-1252 as a whole, nothing dropped.
    const QString text = decodeText("a,b\ncaf\xC3", QStringLiteral("cut.csv"), &encoding);
    CHECK(encoding == QStringLiteral("Windows-1252"));
    CHECK(text == QStringLiteral("a,b\ncafÃ"));
    CHECK_THROWS_WITH(decodeText("\xEF\xBB\xBF" "caf\xC3", QStringLiteral("bom.csv"), &encoding),
        Catch::Contains("not valid UTF-8 text"));
}
