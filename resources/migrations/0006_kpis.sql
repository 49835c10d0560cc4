-- Vigil file format 6: key performance indicators. A KPI is computed by core from the records
-- (key names the built-in computation) or entered by hand per period (kpi_values). The seed
-- step (core/schema/seeds.cpp) adds the built-in KPIs through the audit trail.
CREATE TABLE kpis (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    key         TEXT UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('computed', 'manual')),
    target      REAL,
    direction   TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
    -- How far on the wrong side of the target still counts as amber, in the KPI's unit.
    amber_band  REAL NOT NULL DEFAULT 0 CHECK (amber_band >= 0),
    owner_id    INTEGER REFERENCES people (id),
    frequency   TEXT NOT NULL DEFAULT 'month' CHECK (frequency IN ('month', 'quarter', 'year')),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    CHECK (source = 'manual' OR key IS NOT NULL)
);
CREATE INDEX kpis_by_owner ON kpis (owner_id);

-- A manual KPI's value for one period, which starts on period_start (YYYY-MM-DD) and has the
-- KPI's frequency.
CREATE TABLE kpi_values (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    kpi_id       INTEGER NOT NULL REFERENCES kpis (id),
    period_start TEXT NOT NULL,
    value        REAL NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (kpi_id, period_start)
);

-- "Closed on time" counts the corrective actions completed in a period.
CREATE INDEX corrective_actions_by_completed ON corrective_actions (completed_on);
