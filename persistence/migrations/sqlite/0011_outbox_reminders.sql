-- The outbox carries reminders too (kind reminder): the deadline reminders of the statutory
-- forms, to accounts rather than subscriptions. subscription_id is NULL for them; recipient
-- is the address; reminder_key (recipient, form, unit, period, days before) is unique, so
-- that each reminder exists once and is sent once, like a week's digest. week holds the
-- form's due date. SQLite cannot drop a NOT NULL, so the table is rebuilt.
CREATE TABLE outbox_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id BIGINT REFERENCES subscriptions(id),
    week VARCHAR(10) NOT NULL,
    state VARCHAR(10) NOT NULL,
    message_id VARCHAR(200) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at VARCHAR(25),
    kind VARCHAR(10) NOT NULL DEFAULT 'digest',
    recipient VARCHAR(254),
    reminder_key VARCHAR(200),
    UNIQUE (subscription_id, week),
    UNIQUE (reminder_key)
);
INSERT INTO outbox_rebuilt (id, subscription_id, week, state, message_id, attempts,
    next_attempt_at, last_error, sent_at)
    SELECT id, subscription_id, week, state, message_id, attempts, next_attempt_at, last_error,
    sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
