-- The SQLite flavour's V7 moves texts to rows appended in arrival order with a unique index on the
-- content id. A PostgreSQL table is that already (a heap with a B-tree on its primary key), so
-- nothing changes here but the note; the version keeps both flavours in step.
COMMENT ON TABLE texts IS 'failure texts and output excerpts by content id (see Texts)';
