-- Multi-model runs; see db/migration/sqlite/V8__task_groups.sql. The same columns.
ALTER TABLE tasks ADD COLUMN model TEXT;
ALTER TABLE tasks ADD COLUMN group_id BIGINT;
CREATE INDEX tasks_by_group ON tasks (group_id, id);
