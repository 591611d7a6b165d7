-- Idempotent API writes: a client that sends an Idempotency-Key with a POST and retries it
-- (after a timeout, a reset, a 502 while an instance died) gets the first answer again
-- instead of a second record. The key is recorded in the write's own transaction.
-- request_key is "ACCOUNT_ID:KEY"; fingerprint identifies the request it was first used for.
CREATE TABLE IF NOT EXISTS request_keys (
    request_key VARCHAR(150) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    entity VARCHAR(30) NOT NULL,
    entity_id BIGINT NOT NULL,
    created_at VARCHAR(32) NOT NULL
);
