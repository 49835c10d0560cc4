-- Vigil file format 1: file metadata, the site profile and the audit trail.
--
-- Conventions for every record table (kept by all later migrations):
--   id INTEGER PRIMARY KEY            key for joins inside this file
--   uuid TEXT NOT NULL UNIQUE         identity across sites (merging never collides)
--   created_at / updated_at TEXT      UTC, ISO 8601 with milliseconds and 'Z'
--   created_by / updated_by TEXT      who made the change
-- Text columns are NOT NULL DEFAULT '' so "empty" has one spelling.

CREATE TABLE vigil_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE site_profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    address    TEXT NOT NULL DEFAULT '',
    logo       BLOB,
    paper_size TEXT NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'Letter')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- Append-only: one row per change, written in the same transaction as the change.
-- changes is a JSON object {"field": {"old": value, "new": value}, ...}.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL DEFAULT '{}',
    context     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_record ON audit_log (record_uuid, id);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
