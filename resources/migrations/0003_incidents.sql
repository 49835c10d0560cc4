-- Vigil file format 3: the incident log and corrective actions. The category catalogue is
-- added by the migration's seed (core/schema/seeds.cpp).

-- Where on the site: an editable list of areas; an incident can add free text to it.
CREATE TABLE site_areas (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- Categories and their subcategories (parent_id set), built in and editable.
CREATE TABLE incident_categories (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    parent_id   INTEGER REFERENCES incident_categories (id),
    description TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX incident_categories_by_parent ON incident_categories (parent_id, name);

CREATE TABLE incidents (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    reference          TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL DEFAULT '',
    occurred_at        TEXT NOT NULL,
    reported_at        TEXT NOT NULL,
    area_id            INTEGER REFERENCES site_areas (id),
    location           TEXT NOT NULL DEFAULT '',
    category_id        INTEGER NOT NULL REFERENCES incident_categories (id),
    subcategory_id     INTEGER REFERENCES incident_categories (id),
    severity           TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status             TEXT NOT NULL DEFAULT 'reported'
                       CHECK (status IN ('reported', 'investigating', 'contained', 'resolved', 'closed')),
    reported_by        TEXT NOT NULL DEFAULT '',
    assigned_to_id     INTEGER REFERENCES people (id),
    description        TEXT NOT NULL CHECK (length(trim(description)) > 0),
    immediate_action   TEXT NOT NULL DEFAULT '',
    police_reference   TEXT NOT NULL DEFAULT '',
    estimated_loss     REAL CHECK (estimated_loss IS NULL OR estimated_loss >= 0),
    root_cause         TEXT NOT NULL DEFAULT '',
    lessons_learned    TEXT NOT NULL DEFAULT '',
    closed_at          TEXT,
    external_reference TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    CHECK (status <> 'closed' OR (length(trim(root_cause)) > 0 AND length(trim(lessons_learned)) > 0))
);
CREATE INDEX incidents_by_occurred ON incidents (occurred_at, id);
CREATE INDEX incidents_by_reported ON incidents (reported_at);
CREATE INDEX incidents_by_status ON incidents (status, occurred_at);
CREATE INDEX incidents_by_severity ON incidents (severity, occurred_at);
CREATE INDEX incidents_by_category ON incidents (category_id, occurred_at);
CREATE INDEX incidents_by_area ON incidents (area_id, occurred_at);
CREATE INDEX incidents_by_assignee ON incidents (assigned_to_id, occurred_at);
CREATE INDEX incidents_by_external ON incidents (external_reference);

-- People involved (victims, witnesses, suspects, staff): part of the incident, audited with it.
CREATE TABLE incident_persons (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('victim', 'witness', 'suspect', 'staff', 'other')),
    details     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incident_persons_by_incident ON incident_persons (incident_id);

CREATE TABLE incident_risks (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    risk_id     INTEGER NOT NULL REFERENCES risks (id),
    PRIMARY KEY (incident_id, risk_id)
);
CREATE INDEX incident_risks_by_risk ON incident_risks (risk_id);

-- Photos and documents, stored once per content (SHA-256); images keep a small PNG thumbnail.
CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    size       INTEGER NOT NULL,
    mime_type  TEXT NOT NULL DEFAULT '',
    data       BLOB NOT NULL,
    thumbnail  BLOB,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE incident_attachments (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    incident_id   INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    file_name     TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL
);
CREATE INDEX incident_attachments_by_incident ON incident_attachments (incident_id);

-- What happened to an incident, in order: never edited, only corrected by a later entry.
CREATE TABLE incident_timeline (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('reported', 'status', 'note', 'assignment', 'attachment', 'correction')),
    text        TEXT NOT NULL DEFAULT '',
    from_status TEXT,
    to_status   TEXT,
    corrects_id INTEGER REFERENCES incident_timeline (id)
);
CREATE INDEX incident_timeline_by_incident ON incident_timeline (incident_id, at, id);
CREATE INDEX incident_timeline_by_status ON incident_timeline (kind, to_status, at);

CREATE TRIGGER incident_timeline_no_update BEFORE UPDATE ON incident_timeline
BEGIN
    SELECT RAISE(ABORT, 'timeline entries are never edited; add a correction');
END;

-- Entries go only with their incident (an incident deleted by undoing its creation).
CREATE TRIGGER incident_timeline_no_delete BEFORE DELETE ON incident_timeline
WHEN EXISTS (SELECT 1 FROM incidents WHERE id = OLD.incident_id)
BEGIN
    SELECT RAISE(ABORT, 'timeline entries are never deleted; add a correction');
END;

-- Full-text search over what a person remembers of an incident (rowid = incident id).
CREATE VIRTUAL TABLE incident_search USING fts5 (
    reference, title, description, actions, notes, persons,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE corrective_actions (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    reference         TEXT NOT NULL UNIQUE,
    description       TEXT NOT NULL CHECK (length(trim(description)) > 0),
    source_kind       TEXT NOT NULL DEFAULT 'other' CHECK (source_kind IN ('incident', 'audit', 'review', 'other')),
    incident_id       INTEGER REFERENCES incidents (id),
    owner_id          INTEGER REFERENCES people (id),
    due_date          TEXT,
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'done', 'verified_effective', 'not_effective')),
    completed_on      TEXT,
    verification_note TEXT NOT NULL DEFAULT '',
    verified_on       TEXT,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);
CREATE INDEX corrective_actions_by_status ON corrective_actions (status, due_date);
CREATE INDEX corrective_actions_by_owner ON corrective_actions (owner_id, due_date);
CREATE INDEX corrective_actions_by_incident ON corrective_actions (incident_id);
CREATE INDEX corrective_actions_by_due ON corrective_actions (due_date);
