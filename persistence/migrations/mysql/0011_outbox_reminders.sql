-- The outbox carries reminders too (kind reminder): the deadline reminders of the statutory
-- forms, to accounts rather than subscriptions. subscription_id is NULL for them; recipient
-- is the address; reminder_key (recipient, form, unit, period, days before) is unique, so
-- that each reminder exists once and is sent once, like a week's digest. week holds the
-- form's due date.
-- No comments inside statements.
ALTER TABLE outbox MODIFY subscription_id BIGINT NULL;
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS kind VARCHAR(10) NOT NULL DEFAULT 'digest';
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS recipient VARCHAR(254);
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS reminder_key VARCHAR(200);
ALTER TABLE outbox ADD UNIQUE KEY IF NOT EXISTS outbox_reminder (reminder_key);
