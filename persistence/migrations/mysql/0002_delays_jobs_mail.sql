-- Delay flags with their life (raised, acknowledged, resolved), scheduled jobs (a lease per
-- job and a record of every run), subscriptions and the mail outbox.
-- delay_flags.open_key is cluster|rule|subject while the flag is open and NULL once it is
-- resolved, so that at most one flag per key is open. job_leases.slot is the slot claimed
-- last and done_slot the last one a run finished, both local date and time. expires_at is
-- in unix seconds, so that the claim of a crashed holder lapses. outbox.week is the Monday
-- the digest covers up to, and state is pending, sending, sent or empty.
-- No comments inside statements: SOCI's MySQL backend mangles them.
CREATE TABLE IF NOT EXISTS delay_flags (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    rule VARCHAR(40) NOT NULL,
    subject VARCHAR(80) NOT NULL DEFAULT '',
    severity VARCHAR(10) NOT NULL,
    measure VARCHAR(300) NOT NULL,
    measure_vi VARCHAR(300) NOT NULL DEFAULT '',
    late_since DATE,
    raised_on DATE NOT NULL,
    resolved_on DATE,
    acknowledged_by VARCHAR(200),
    acknowledged_on DATE,
    acknowledgement TEXT,
    open_key VARCHAR(200) UNIQUE,
    INDEX delay_flags_cluster (cluster_id),
    INDEX delay_flags_resolved (resolved_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS job_leases (
    job VARCHAR(40) PRIMARY KEY,
    slot VARCHAR(20) NOT NULL,
    done_slot VARCHAR(20) NOT NULL,
    holder VARCHAR(100),
    expires_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS job_runs (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    job VARCHAR(40) NOT NULL,
    slot VARCHAR(20) NOT NULL,
    instance VARCHAR(100) NOT NULL,
    started_at VARCHAR(25) NOT NULL,
    finished_at VARCHAR(25),
    outcome VARCHAR(20) NOT NULL,
    detail TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS subscriptions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    name VARCHAR(200),
    language VARCHAR(2) NOT NULL,
    scope_kind VARCHAR(10) NOT NULL,
    scope_value VARCHAR(200) NOT NULL DEFAULT '',
    token VARCHAR(200) NOT NULL UNIQUE,
    created_on DATE NOT NULL,
    unsubscribed_on DATE,
    UNIQUE (email, scope_kind, scope_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS outbox (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    subscription_id BIGINT NOT NULL,
    week DATE NOT NULL,
    state VARCHAR(10) NOT NULL,
    message_id VARCHAR(200) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at VARCHAR(25),
    UNIQUE (subscription_id, week)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
