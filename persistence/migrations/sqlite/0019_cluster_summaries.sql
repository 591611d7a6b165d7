-- Each cluster's tenant count, leased land (tenants that have not left) and latest report
-- (its id, date and cumulative disbursement), one row per cluster, so that lists, the
-- overview and the map never sum 60,000 tenants or search a million reports (issue 12).
-- Every write moves its cluster's row in its own transaction (persistence/cluster_summaries.cpp);
-- `tracker --rebuild-summaries` recomputes them all for repair. Filled here from what is
-- stored, with the query that rebuild uses.
-- No comments inside statements.
CREATE TABLE IF NOT EXISTS cluster_summaries (
    cluster_id INTEGER PRIMARY KEY REFERENCES clusters(id),
    tenant_count INTEGER NOT NULL DEFAULT 0,
    leased_m2 BIGINT NOT NULL DEFAULT 0,
    latest_report_id BIGINT NULL,
    last_report_date VARCHAR(10) NULL,
    disbursed_vnd BIGINT NULL
);
INSERT INTO cluster_summaries (cluster_id, tenant_count, leased_m2, latest_report_id, last_report_date, disbursed_vnd)
SELECT c.id,
    (SELECT COUNT(*) FROM tenants t WHERE t.cluster_id = c.id),
    (SELECT COALESCE(SUM(CASE WHEN t.status <> 'left' THEN t.leased_area_m2 ELSE 0 END), 0) FROM tenants t WHERE t.cluster_id = c.id),
    r.id, r.report_date, r.disbursed_vnd
FROM clusters c LEFT JOIN progress_reports r ON r.id = (SELECT n.id FROM progress_reports n WHERE n.cluster_id = c.id ORDER BY n.report_date DESC, n.id DESC LIMIT 1);
