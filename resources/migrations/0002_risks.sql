-- Vigil file format 2: the risk register and what it refers to: people, the threat catalogue,
-- controls, assets, versioned risk criteria (the matrix), risks and their rating history.
-- Built-in content (the default criteria, the ENISA threat catalogue) is added by the
-- migration's seed step in core/schema.cpp, through the audit trail.

-- A number sequence per name (RSK, INC-2026, ...): numbers are never reused, even after a delete.
CREATE TABLE sequences (
    name       TEXT PRIMARY KEY,
    last_value INTEGER NOT NULL
);

-- People: minimal here; the training tracker adds its columns to this same table.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);

CREATE TABLE threats (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX threats_by_category ON threats (category, name);

CREATE TABLE controls (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL DEFAULT 'preventive'
                CHECK (type IN ('preventive', 'detective', 'corrective', 'deterrent')),
    status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'implemented', 'ineffective')),
    owner_id    INTEGER REFERENCES people (id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE assets (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category    TEXT NOT NULL DEFAULT '',
    location    TEXT NOT NULL DEFAULT '',
    criticality INTEGER NOT NULL DEFAULT 3 CHECK (criticality BETWEEN 1 AND 5),
    owner_id    INTEGER REFERENCES people (id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- The matrix, versioned: the current criteria are the highest version. definition is JSON
-- (likelihood and impact steps, levels with colour, response and deadline, the level grid).
CREATE TABLE risk_criteria (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL UNIQUE CHECK (version > 0),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

-- A risk's three current ratings are made under one criteria version (criteria_id); each
-- level is the index of the level in that version. Retired risks keep their row.
CREATE TABLE risks (
    id                  INTEGER PRIMARY KEY,
    uuid                TEXT NOT NULL UNIQUE,
    reference           TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description         TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL DEFAULT '',
    threat_id           INTEGER REFERENCES threats (id),
    vulnerability       TEXT NOT NULL DEFAULT '',
    owner_id            INTEGER REFERENCES people (id),
    treatment           TEXT NOT NULL DEFAULT 'reduce' CHECK (treatment IN ('avoid', 'reduce', 'transfer', 'accept')),
    justification       TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_treatment', 'accepted', 'closed')),
    review_date         TEXT,
    review_months       INTEGER CHECK (review_months IS NULL OR review_months BETWEEN 1 AND 60),
    criteria_id         INTEGER NOT NULL REFERENCES risk_criteria (id),
    inherent_likelihood INTEGER NOT NULL,
    inherent_impact     INTEGER NOT NULL,
    inherent_level      INTEGER NOT NULL,
    residual_likelihood INTEGER NOT NULL,
    residual_impact     INTEGER NOT NULL,
    residual_level      INTEGER NOT NULL,
    target_likelihood   INTEGER,
    target_impact       INTEGER,
    target_level        INTEGER,
    retired_at          TEXT,
    retired_reason      TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL,
    CHECK (treatment <> 'accept' OR length(trim(justification)) > 0)
);
CREATE INDEX risks_by_residual_level ON risks (residual_level);
CREATE INDEX risks_by_owner ON risks (owner_id);
CREATE INDEX risks_by_status ON risks (status);
CREATE INDEX risks_by_review_date ON risks (review_date);
CREATE INDEX risks_by_category ON risks (category);
CREATE INDEX risks_by_cell ON risks (residual_likelihood, residual_impact);

CREATE TABLE risk_controls (
    risk_id    INTEGER NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
    control_id INTEGER NOT NULL REFERENCES controls (id),
    PRIMARY KEY (risk_id, control_id)
);
CREATE INDEX risk_controls_by_control ON risk_controls (control_id);

CREATE TABLE risk_assets (
    risk_id  INTEGER NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
    asset_id INTEGER NOT NULL REFERENCES assets (id),
    PRIMARY KEY (risk_id, asset_id)
);
CREATE INDEX risk_assets_by_asset ON risk_assets (asset_id);

-- Every rating a risk has had, under the criteria it was made under: what reports use for
-- "changed risks" and trends. Written with the risk's own change (whose audit entry is the
-- authority); never edited.
CREATE TABLE risk_ratings (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    risk_id     INTEGER NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('inherent', 'residual', 'target')),
    criteria_id INTEGER NOT NULL REFERENCES risk_criteria (id),
    likelihood  INTEGER NOT NULL,
    impact      INTEGER NOT NULL,
    level       INTEGER NOT NULL,
    rated_at    TEXT NOT NULL,
    rated_by    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_ratings_by_risk ON risk_ratings (risk_id, kind, rated_at);
CREATE INDEX risk_ratings_by_time ON risk_ratings (rated_at);
