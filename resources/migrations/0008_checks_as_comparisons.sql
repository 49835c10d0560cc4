-- Vigil file format 8: every CHECK that a value is one of three or more names is written as
-- comparisons (status = 'open' OR status = 'closed' ...) instead of an IN list. The two accept
-- exactly the same values, but SQLite builds a temporary table for an IN list each time a row is
-- written: a tenth of the time an import of 100,000 incidents spent in its inserts. Only the
-- text of the tables' definitions changes (no row is touched), so the definitions are edited in
-- place; the upgrade's seed step then bumps the schema version so every connection reads them again.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'type IN (''preventive'', ''detective'', ''corrective'', ''deterrent'')', '(type = ''preventive'' OR type = ''detective'' OR type = ''corrective'' OR type = ''deterrent'')') WHERE type = 'table' AND name = 'controls';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''planned'', ''implemented'', ''ineffective'')', '(status = ''planned'' OR status = ''implemented'' OR status = ''ineffective'')') WHERE type = 'table' AND name = 'controls';
UPDATE sqlite_schema SET sql = replace(sql, 'treatment IN (''avoid'', ''reduce'', ''transfer'', ''accept'')', '(treatment = ''avoid'' OR treatment = ''reduce'' OR treatment = ''transfer'' OR treatment = ''accept'')') WHERE type = 'table' AND name = 'risks';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''open'', ''in_treatment'', ''accepted'', ''closed'')', '(status = ''open'' OR status = ''in_treatment'' OR status = ''accepted'' OR status = ''closed'')') WHERE type = 'table' AND name = 'risks';
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''inherent'', ''residual'', ''target'')', '(kind = ''inherent'' OR kind = ''residual'' OR kind = ''target'')') WHERE type = 'table' AND name = 'risk_ratings';
UPDATE sqlite_schema SET sql = replace(sql, 'severity IN (''low'', ''medium'', ''high'', ''critical'')', '(severity = ''low'' OR severity = ''medium'' OR severity = ''high'' OR severity = ''critical'')') WHERE type = 'table' AND name = 'incidents';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''reported'', ''investigating'', ''contained'', ''resolved'', ''closed'')', '(status = ''reported'' OR status = ''investigating'' OR status = ''contained'' OR status = ''resolved'' OR status = ''closed'')') WHERE type = 'table' AND name = 'incidents';
UPDATE sqlite_schema SET sql = replace(sql, 'role IN (''victim'', ''witness'', ''suspect'', ''staff'', ''other'')', '(role = ''victim'' OR role = ''witness'' OR role = ''suspect'' OR role = ''staff'' OR role = ''other'')') WHERE type = 'table' AND name = 'incident_persons';
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''reported'', ''status'', ''note'', ''assignment'', ''attachment'', ''correction'')', '(kind = ''reported'' OR kind = ''status'' OR kind = ''note'' OR kind = ''assignment'' OR kind = ''attachment'' OR kind = ''correction'')') WHERE type = 'table' AND name = 'incident_timeline';
UPDATE sqlite_schema SET sql = replace(sql, 'source_kind IN (''incident'', ''audit'', ''review'', ''other'')', '(source_kind = ''incident'' OR source_kind = ''audit'' OR source_kind = ''review'' OR source_kind = ''other'')') WHERE type = 'table' AND name = 'corrective_actions';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''open'', ''in_progress'', ''done'', ''verified_effective'', ''not_effective'')', '(status = ''open'' OR status = ''in_progress'' OR status = ''done'' OR status = ''verified_effective'' OR status = ''not_effective'')') WHERE type = 'table' AND name = 'corrective_actions';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''planned'', ''done'', ''cancelled'')', '(status = ''planned'' OR status = ''done'' OR status = ''cancelled'')') WHERE type = 'table' AND name = 'training_sessions';
UPDATE sqlite_schema SET sql = replace(sql, 'result IN (''passed'', ''attended'', ''failed'')', '(result = ''passed'' OR result = ''attended'' OR result = ''failed'')') WHERE type = 'table' AND name = 'training_records';
UPDATE sqlite_schema SET sql = replace(sql, 'frequency IN (''month'', ''quarter'', ''year'')', '(frequency = ''month'' OR frequency = ''quarter'' OR frequency = ''year'')') WHERE type = 'table' AND name = 'kpis';
PRAGMA writable_schema = OFF;
