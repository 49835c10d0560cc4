#!/usr/bin/env bash
# Rebuilds the seed corpus of fuzz_database (corpus/database/): an empty site file made from
# Vigil's migrations by the sqlite3 tool (schema version, application id "VGIL" and WAL as Vigil
# sets them; 512-byte pages keep it small), and copies of it damaged where Database::open looks:
# the header, the application id, the schema version, the page size and count, a page, the end.
# Needs sqlite3 and python3. Run from anywhere; rewrites the folder's files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/corpus/database"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$here"/../../resources/migrations/*.sql | sqlite3 "$work/site.vigil"
version=$(ls "$here"/../../resources/migrations/*.sql | wc -l)
sqlite3 "$work/site.vigil" "PRAGMA user_version = $version; PRAGMA application_id = 1447512396;
    PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL;" >/dev/null
mkdir -p "$out"
python3 - "$work/site.vigil" "$out" <<'PY'
import struct, sys
site, out = sys.argv[1], sys.argv[2]
b = bytes(open(site, 'rb').read())
def write(name, data):
    open(f'{out}/{name}', 'wb').write(bytes(data))
def patched(offset, data):
    x = bytearray(b); x[offset:offset + len(data)] = data; return x
page = len(b) // 512 // 2
write('empty-site.vigil', b)
write('header-only.vigil', b[:100])
write('truncated.vigil', b[:len(b) // 2])
write('foreign-sqlite.vigil', patched(68, b'\0\0\0\0'))
write('newer-schema.vigil', patched(60, struct.pack('>I', 99)))
write('bad-page-size.vigil', patched(16, b'\x03\x00'))
write('wrong-page-count.vigil', patched(28, struct.pack('>I', 100000)))
write('damaged-page.vigil', patched(page * 512, b'\xff' * 512))
write('not-a-database.vigil', b'Case No,Date,Details\nC-1,2026-03-02,not a site file\n')
write('zero-length.vigil', b'')
PY
