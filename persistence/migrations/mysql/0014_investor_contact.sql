-- Investors reach developers, and anyone may follow the tracker without an account
-- (Nghị định 32/2024, Điều 19 khoản 5; issue 15):
-- * enquiries: what an investor asked a developer about a cluster; never public. status is
--   new, answered or closed; client_address and created_at bound how many one address sends.
-- * mail_queue: an email whose text is decided when it is queued (an enquiry passed on, its
--   receipt, an opt-in confirmation, a saved-search alert). Its outbox row (kind message,
--   reminder_key message-<id>) is written in the same transaction and sends it once.
-- * subscriptions gain double opt-in: confirmed_on is NULL until the link in the
--   confirmation email is used; confirm_hash is the SHA-256 of that link's secret, cleared
--   once used; confirm_expires_at bounds it. Subscriptions made before (by an admin or on the
--   command line) count as confirmed. scope_kind land is a saved search of /land (its query in
--   scope_value); alert_state is what its last alert said, to alert once per change.
-- * cluster_plots: plots a developer publishes (label, area, status available, reserved or
--   leased, sectors allowed as free text).
-- No comments inside statements.
CREATE TABLE IF NOT EXISTS enquiries (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    company VARCHAR(200) NOT NULL DEFAULT '',
    email VARCHAR(254) NOT NULL,
    phone VARCHAR(40) NOT NULL DEFAULT '',
    area_m2 BIGINT,
    sector VARCHAR(200) NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    language VARCHAR(2) NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'new',
    client_address VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    created_on VARCHAR(10) NOT NULL,
    answered_on VARCHAR(10),
    closed_on VARCHAR(10),
    version INT NOT NULL DEFAULT 1,
    KEY enquiries_by_address (client_address, created_at),
    KEY enquiries_by_cluster (cluster_id, created_at),
    CONSTRAINT enquiries_cluster FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS mail_queue (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient VARCHAR(254) NOT NULL,
    recipient_name VARCHAR(200) NOT NULL DEFAULT '',
    subject VARCHAR(300) NOT NULL,
    body TEXT NOT NULL,
    language VARCHAR(2) NOT NULL,
    unsubscribe_url VARCHAR(600) NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS confirmed_on VARCHAR(10);
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS confirm_hash VARCHAR(64);
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS confirm_expires_at BIGINT;
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS alert_state TEXT;
UPDATE subscriptions SET confirmed_on = created_on WHERE confirmed_on IS NULL;
CREATE TABLE IF NOT EXISTS cluster_plots (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    label VARCHAR(50) NOT NULL,
    area_m2 BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL,
    sectors VARCHAR(300) NOT NULL DEFAULT '',
    UNIQUE KEY cluster_plot_label (cluster_id, label),
    CONSTRAINT cluster_plots_cluster FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
