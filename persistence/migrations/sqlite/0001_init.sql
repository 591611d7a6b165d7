-- Registry, schedule, progress and tenants. Money is integer VND, areas integer m²,
-- dates ISO text (calendar dates in Asia/Ho_Chi_Minh): nothing is binary floating point.
CREATE TABLE IF NOT EXISTS clusters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code VARCHAR(80) NOT NULL UNIQUE,
    name_vi VARCHAR(300) NOT NULL,
    district VARCHAR(100) NOT NULL,
    commune VARCHAR(200),
    total_area_m2 BIGINT CHECK (total_area_m2 >= 0),
    industrial_area_m2 BIGINT CHECK (industrial_area_m2 >= 0),
    planned_investment_vnd BIGINT CHECK (planned_investment_vnd >= 0),
    developer VARCHAR(300),
    decision_number VARCHAR(100),
    decision_date VARCHAR(10),
    status VARCHAR(20) NOT NULL,
    status_provenance VARCHAR(20) NOT NULL DEFAULT 'sourced',
    planned_start VARCHAR(10),
    planned_finish VARCHAR(10),
    latitude_microdeg BIGINT,
    longitude_microdeg BIGINT,
    source_url TEXT,
    source_notes TEXT,
    provenance VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS work_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id),
    kind VARCHAR(40) NOT NULL,
    planned_start VARCHAR(10) NOT NULL,
    planned_finish VARCHAR(10) NOT NULL,
    budget_vnd BIGINT NOT NULL CHECK (budget_vnd >= 0),
    percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
    provenance VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS work_items_cluster ON work_items (cluster_id);

CREATE TABLE IF NOT EXISTS progress_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id),
    report_date VARCHAR(10) NOT NULL,
    disbursed_vnd BIGINT NOT NULL CHECK (disbursed_vnd >= 0),
    note TEXT,
    author VARCHAR(200) NOT NULL,
    provenance VARCHAR(20) NOT NULL,
    created_at VARCHAR(32) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS progress_reports_cluster_date ON progress_reports (cluster_id, report_date);

CREATE TABLE IF NOT EXISTS report_lines (
    report_id INTEGER NOT NULL REFERENCES progress_reports(id),
    work_item_id INTEGER NOT NULL REFERENCES work_items(id),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (report_id, work_item_id)
);

CREATE TABLE IF NOT EXISTS tenants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id INTEGER NOT NULL REFERENCES clusters(id),
    company_name VARCHAR(300) NOT NULL,
    tax_code VARCHAR(14) NOT NULL,
    sector VARCHAR(200),
    supporting_industry INTEGER NOT NULL DEFAULT 0,
    leased_area_m2 BIGINT NOT NULL CHECK (leased_area_m2 >= 0),
    registered_capital_vnd BIGINT NOT NULL CHECK (registered_capital_vnd >= 0),
    jobs INTEGER NOT NULL DEFAULT 0 CHECK (jobs >= 0),
    status VARCHAR(20) NOT NULL,
    lease_start VARCHAR(10),
    provenance VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS tenants_cluster ON tenants (cluster_id);

CREATE TABLE IF NOT EXISTS reported_totals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL,
    cluster_count INTEGER NOT NULL,
    area_m2 BIGINT NOT NULL,
    investment_vnd BIGINT NOT NULL,
    qualifier VARCHAR(100),
    source TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS tracker_meta (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
