-- Background imports, so that their page survives a restart and shows on every instance.
-- state is running, written (set in the import's own transaction), finished or failed;
-- outcome is the finished import's summary as JSON (its first 500 row errors and their
-- total). heartbeat_at (unix seconds) moves with the progress; a running import whose
-- heartbeat stopped was interrupted and rolled back, a written one had written every row.
CREATE TABLE IF NOT EXISTS import_jobs (
    id VARCHAR(32) PRIMARY KEY,
    owner VARCHAR(254) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    dry_run INTEGER NOT NULL,
    state VARCHAR(10) NOT NULL,
    phase VARCHAR(10) NOT NULL DEFAULT '',
    done_count BIGINT NOT NULL DEFAULT 0,
    total_count BIGINT NOT NULL DEFAULT 0,
    outcome TEXT,
    started_at VARCHAR(25) NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
