-- Vigil file format 4: training and competence. Posts (the roles people are trained for),
-- employers (contractor companies), courses, the post x course requirements, training records
-- with certificates, and planned sessions. People gain a staff number, a post, an employer, a
-- start date and a leaving date. The seed step (core/schema/seeds.cpp) turns each free-text role
-- of format 3 into a post, through the audit trail; format 5 drops the old role column.

CREATE TABLE posts (
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
CREATE UNIQUE INDEX posts_by_name ON posts (name COLLATE NOCASE);

-- Contractor companies; a person without an employer is the site's own staff.
CREATE TABLE employers (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    contact    TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE UNIQUE INDEX employers_by_name ON employers (name COLLATE NOCASE);

ALTER TABLE people ADD COLUMN staff_number TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN post_id INTEGER REFERENCES posts (id);
ALTER TABLE people ADD COLUMN employer_id INTEGER REFERENCES employers (id);
ALTER TABLE people ADD COLUMN start_date TEXT;
ALTER TABLE people ADD COLUMN left_on TEXT;
CREATE INDEX people_by_post ON people (post_id);
CREATE INDEX people_by_employer ON people (employer_id);

-- validity_months NULL: the course never expires. Mandatory: every active person needs it,
-- whatever their post.
CREATE TABLE courses (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    provider        TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    validity_months INTEGER CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 240),
    mandatory       INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE UNIQUE INDEX courses_by_name ON courses (name COLLATE NOCASE);

-- Which posts need which courses. Changes are audited on the post ("courses").
CREATE TABLE post_courses (
    post_id   INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    course_id INTEGER NOT NULL REFERENCES courses (id),
    PRIMARY KEY (post_id, course_id)
) WITHOUT ROWID;
CREATE INDEX post_courses_by_course ON post_courses (course_id);

CREATE TABLE training_sessions (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    course_id    INTEGER NOT NULL REFERENCES courses (id),
    held_on      TEXT NOT NULL,
    trainer      TEXT NOT NULL DEFAULT '',
    location     TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX training_sessions_by_date ON training_sessions (status, held_on);

-- Who is booked on a session. Changes are audited on the session ("attendees").
CREATE TABLE session_attendees (
    session_id INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;
CREATE INDEX session_attendees_by_person ON session_attendees (person_id);

-- One completed course. expires_on is computed from the course's validity when the record is
-- saved (expiry_set_by_hand keeps a date the user typed); NULL never expires. A failed result
-- never counts towards compliance.
CREATE TABLE training_records (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    person_id          INTEGER NOT NULL REFERENCES people (id),
    course_id          INTEGER NOT NULL REFERENCES courses (id),
    completed_on       TEXT NOT NULL,
    result             TEXT NOT NULL DEFAULT 'passed' CHECK (result IN ('passed', 'attended', 'failed')),
    score              REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    trainer            TEXT NOT NULL DEFAULT '',
    expires_on         TEXT,
    expiry_set_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (expiry_set_by_hand IN (0, 1)),
    certificate_id     INTEGER REFERENCES attachments (id),
    certificate_name   TEXT NOT NULL DEFAULT '',
    session_id         INTEGER REFERENCES training_sessions (id),
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= completed_on)
);
-- Covers compliance's "best record of each person and course" (result and expiry included), so
-- the matrix reads the index alone.
CREATE INDEX training_records_by_person ON training_records (person_id, course_id, completed_on, result, expires_on);
CREATE INDEX training_records_by_course ON training_records (course_id, completed_on);
-- The records list, newest (or oldest) first, a page at a time.
CREATE INDEX training_records_by_date ON training_records (completed_on);
CREATE INDEX training_records_by_expiry ON training_records (expires_on);
CREATE INDEX training_records_by_session ON training_records (session_id);
