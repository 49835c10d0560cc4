-- Vigil file format 9: the incident search index keeps no copy of the text it indexes. It reads
-- the text from the records themselves, through a view (an FTS5 "external content" table), and
-- the database keeps it up to date: triggers take an incident's entry out before anything it
-- reads changes and put it back after. A copy was a fifth of the index's writes and 20 MB of a
-- file with 100,000 incidents; writing the entries by hand after each change could also forget one.
--
-- An external content index must always be taken out with the text it was built from: the view
-- reads notes, actions and people in a fixed order (the order of their indexes, so no sorting),
-- so the same records always give the same text (group_concat follows the ORDER BY of the
-- subquery it reads, as SQLite 3.40 does; `vigil check` compares the index with the records term
-- by term and would show a change in that). No document sizes are kept (columnsize = 0):
-- searches do not rank by them.
--
-- FTS5 writes out what it holds in memory at every savepoint, and a trigger runs inside one:
-- bulk writers (a big import, the demo) take the triggers down for their transaction and build
-- the index once at the end.
DROP TABLE incident_search;

CREATE VIEW incident_search_source AS
SELECT
    i.id AS id,
    i.reference AS reference,
    i.title AS title,
    i.description AS description,
    i.immediate_action || ' ' || coalesce((SELECT group_concat(description, ' ') FROM
        (SELECT description FROM corrective_actions WHERE incident_id = i.id ORDER BY id)), '') AS actions,
    i.root_cause || ' ' || i.lessons_learned || ' ' || coalesce((SELECT group_concat(text, ' ') FROM
        (SELECT text FROM incident_timeline WHERE incident_id = i.id AND (kind = 'note' OR kind = 'correction') ORDER BY at, id)), '') AS notes,
    coalesce((SELECT group_concat(person, ' ') FROM
        (SELECT name || ' ' || details AS person FROM incident_persons WHERE incident_id = i.id ORDER BY id)), '') AS persons
FROM incidents i;

CREATE VIRTUAL TABLE incident_search USING fts5 (
    reference, title, description, actions, notes, persons,
    content = 'incident_search_source', content_rowid = 'id', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO incident_search (incident_search) VALUES ('rebuild');

-- An incident's own text.
CREATE TRIGGER incident_search_incident_added AFTER INSERT ON incidents
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER incident_search_incident_editing BEFORE UPDATE OF reference, title, description, immediate_action, root_cause, lessons_learned ON incidents
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER incident_search_incident_edited AFTER UPDATE OF reference, title, description, immediate_action, root_cause, lessons_learned ON incidents
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = NEW.id;
END;

-- (Its people, notes and actions go after it: their triggers then find no incident and do nothing.)
CREATE TRIGGER incident_search_incident_deleting BEFORE DELETE ON incidents
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.id;
END;

-- Notes and corrections (timeline entries are never edited, and go only with their incident).
CREATE TRIGGER incident_search_note_adding BEFORE INSERT ON incident_timeline
WHEN NEW.kind = 'note' OR NEW.kind = 'correction'
BEGIN
    DELETE FROM incident_search WHERE rowid = NEW.incident_id;
END;

CREATE TRIGGER incident_search_note_added AFTER INSERT ON incident_timeline
WHEN NEW.kind = 'note' OR NEW.kind = 'correction'
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = NEW.incident_id;
END;

-- People involved.
CREATE TRIGGER incident_search_person_adding BEFORE INSERT ON incident_persons
BEGIN
    DELETE FROM incident_search WHERE rowid = NEW.incident_id;
END;

CREATE TRIGGER incident_search_person_added AFTER INSERT ON incident_persons
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = NEW.incident_id;
END;

CREATE TRIGGER incident_search_person_editing BEFORE UPDATE OF incident_id, name, details ON incident_persons
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.incident_id;
    DELETE FROM incident_search WHERE rowid = NEW.incident_id AND NEW.incident_id IS NOT OLD.incident_id;
END;

CREATE TRIGGER incident_search_person_edited AFTER UPDATE OF incident_id, name, details ON incident_persons
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source
    WHERE id = OLD.incident_id OR id = NEW.incident_id;
END;

CREATE TRIGGER incident_search_person_removing BEFORE DELETE ON incident_persons
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.incident_id;
END;

CREATE TRIGGER incident_search_person_removed AFTER DELETE ON incident_persons
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = OLD.incident_id;
END;

-- Corrective actions raised from an incident.
CREATE TRIGGER incident_search_action_adding BEFORE INSERT ON corrective_actions
WHEN NEW.incident_id IS NOT NULL
BEGIN
    DELETE FROM incident_search WHERE rowid = NEW.incident_id;
END;

CREATE TRIGGER incident_search_action_added AFTER INSERT ON corrective_actions
WHEN NEW.incident_id IS NOT NULL
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = NEW.incident_id;
END;

CREATE TRIGGER incident_search_action_editing BEFORE UPDATE OF incident_id, description ON corrective_actions
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.incident_id;
    DELETE FROM incident_search WHERE rowid = NEW.incident_id AND NEW.incident_id IS NOT OLD.incident_id;
END;

CREATE TRIGGER incident_search_action_edited AFTER UPDATE OF incident_id, description ON corrective_actions
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source
    WHERE id = OLD.incident_id OR id = NEW.incident_id;
END;

CREATE TRIGGER incident_search_action_removing BEFORE DELETE ON corrective_actions
WHEN OLD.incident_id IS NOT NULL
BEGIN
    DELETE FROM incident_search WHERE rowid = OLD.incident_id;
END;

CREATE TRIGGER incident_search_action_removed AFTER DELETE ON corrective_actions
WHEN OLD.incident_id IS NOT NULL
BEGIN
    INSERT INTO incident_search (rowid, reference, title, description, actions, notes, persons)
    SELECT id, reference, title, description, actions, notes, persons FROM incident_search_source WHERE id = OLD.incident_id;
END;
