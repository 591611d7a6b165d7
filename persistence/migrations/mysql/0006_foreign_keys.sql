-- The foreign keys that SQLite's migrations 0002 and 0003 declare inline and MySQL's did not:
-- production (MariaDB) now refuses the same orphans as the embedded default. Rows are never
-- deleted from the referenced tables (clusters, users, subscriptions, baselines, work items),
-- so existing data satisfies them. IF NOT EXISTS lets a migration cut short run again.
ALTER TABLE delay_flags
    ADD CONSTRAINT fk_delay_flags_cluster FOREIGN KEY IF NOT EXISTS (cluster_id) REFERENCES clusters(id);
ALTER TABLE outbox
    ADD CONSTRAINT fk_outbox_subscription FOREIGN KEY IF NOT EXISTS (subscription_id) REFERENCES subscriptions(id);
ALTER TABLE user_scopes
    ADD CONSTRAINT fk_user_scopes_user FOREIGN KEY IF NOT EXISTS (user_id) REFERENCES users(id);
ALTER TABLE sessions
    ADD CONSTRAINT fk_sessions_user FOREIGN KEY IF NOT EXISTS (user_id) REFERENCES users(id);
ALTER TABLE api_tokens
    ADD CONSTRAINT fk_api_tokens_user FOREIGN KEY IF NOT EXISTS (user_id) REFERENCES users(id);
ALTER TABLE baselines
    ADD CONSTRAINT fk_baselines_cluster FOREIGN KEY IF NOT EXISTS (cluster_id) REFERENCES clusters(id);
ALTER TABLE baseline_items
    ADD CONSTRAINT fk_baseline_items_baseline FOREIGN KEY IF NOT EXISTS (baseline_id) REFERENCES baselines(id);
ALTER TABLE baseline_items
    ADD CONSTRAINT fk_baseline_items_work_item FOREIGN KEY IF NOT EXISTS (work_item_id) REFERENCES work_items(id);
