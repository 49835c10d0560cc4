-- Vigil file format 5: the free-text role of format 3 has become a post (format 4's seed step
-- copied every role into posts through the audit trail); the column goes.
ALTER TABLE people DROP COLUMN role;
