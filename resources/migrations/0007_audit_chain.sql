-- Vigil file format 7: the audit trail becomes a hash chain. Each entry carries the seal of the
-- entry before it (prev_hash; empty for the first entry) and its own seal (hash), a SHA-256 over
-- its stored fields and prev_hash; core/storage/auditchain.cpp defines the exact format. `vigil
-- check` and Help > Verify Records walk the chain in id order and name the first entry that does
-- not match, e.g. after someone edited the file with a SQLite tool. This step's seed seals the
-- entries already in the file, in id order (the append-only triggers stay as they are).
ALTER TABLE audit_log ADD COLUMN prev_hash BLOB NOT NULL DEFAULT X'';
ALTER TABLE audit_log ADD COLUMN hash BLOB NOT NULL DEFAULT X'';
