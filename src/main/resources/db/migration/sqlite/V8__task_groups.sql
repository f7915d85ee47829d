-- Multi-model runs (issue 9): one submission for a list of models queues one task per model, all
-- with the same group_id (the id of the group's first task). model is the model a task runs for
-- (EVIDENT_MODEL, {{model}}, the run's model attribute), or NULL for a task without one.
ALTER TABLE tasks ADD COLUMN model TEXT;
ALTER TABLE tasks ADD COLUMN group_id INTEGER;
CREATE INDEX tasks_by_group ON tasks (group_id, id);
