-- The editable fields a record had at a version, kept when a save moves it on (issue 11,
-- item 2): an edit begun from that version and arriving after someone else's save is merged
-- field by field against it, so that only what each person changed is written and a field
-- both changed is put to the person to choose. entity: cluster, tenant, user, delay_flag.
-- No comments inside statements.
CREATE TABLE IF NOT EXISTS kept_versions (
    entity VARCHAR(32) NOT NULL,
    entity_id BIGINT NOT NULL,
    version INT NOT NULL,
    field VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, version, field)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
