-- Accounts, sessions, API tokens, failed logins, the audit log and baselines.
-- users.role is admin, city_official, district_official, developer or viewer, and
-- password_hash an argon2id string from libsodium. user_scopes.kind is district or cluster.
-- sessions and api_tokens keep only a hash of what the browser or client holds, so that a
-- copy of the database logs nobody in. Times in unix seconds are for expiry and
-- throttling, times as text are for people. audit_log is append-only, and triggers refuse
-- UPDATE and DELETE. Its cluster_id is the cluster a change belongs to, if any. A baseline is a numbered snapshot of a cluster's work-item plan,
-- and re-baselining adds the next number and keeps the old ones.
-- outbox.state may now also be committed (all but the final dot is with the mail server,
-- so it is never sent again) or rejected (the server refuses the address for good).
-- No comments inside statements.
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(254) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL DEFAULT '',
    role VARCHAR(20) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at VARCHAR(25) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS user_scopes (
    user_id BIGINT NOT NULL REFERENCES users(id),
    kind VARCHAR(10) NOT NULL,
    value VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, kind, value)
);

CREATE TABLE IF NOT EXISTS sessions (
    id_hash VARCHAR(64) PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    address VARCHAR(64) NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);

CREATE TABLE IF NOT EXISTS api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at VARCHAR(25) NOT NULL,
    revoked_at VARCHAR(25)
);

CREATE TABLE IF NOT EXISTS login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(254) NOT NULL,
    address VARCHAR(64) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_email ON login_failures (email, at);
CREATE INDEX IF NOT EXISTS login_failures_address ON login_failures (address, at);

CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at VARCHAR(25) NOT NULL,
    actor VARCHAR(254) NOT NULL,
    address VARCHAR(64) NOT NULL,
    entity VARCHAR(30) NOT NULL,
    entity_id BIGINT NOT NULL,
    cluster_id BIGINT,
    action VARCHAR(20) NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX IF NOT EXISTS audit_log_cluster ON audit_log (cluster_id);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE IF NOT EXISTS baselines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id BIGINT NOT NULL REFERENCES clusters(id),
    number INTEGER NOT NULL,
    reason TEXT NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at VARCHAR(25) NOT NULL,
    UNIQUE (cluster_id, number)
);

CREATE TABLE IF NOT EXISTS baseline_items (
    baseline_id BIGINT NOT NULL REFERENCES baselines(id),
    work_item_id BIGINT NOT NULL REFERENCES work_items(id),
    planned_start VARCHAR(10) NOT NULL,
    planned_finish VARCHAR(10) NOT NULL,
    budget_vnd BIGINT NOT NULL,
    PRIMARY KEY (baseline_id, work_item_id)
);
