-- Registry, schedule, progress and tenants. Money is integer VND, areas integer m²,
-- dates DATE (calendar dates in Asia/Ho_Chi_Minh): nothing is binary floating point.
CREATE TABLE IF NOT EXISTS clusters (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
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
    planned_start DATE,
    planned_finish DATE,
    latitude_microdeg BIGINT,
    longitude_microdeg BIGINT,
    source_url TEXT,
    source_notes TEXT,
    provenance VARCHAR(20) NOT NULL,
    version INT NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS work_items (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL,
    planned_start DATE NOT NULL,
    planned_finish DATE NOT NULL,
    budget_vnd BIGINT NOT NULL CHECK (budget_vnd >= 0),
    percent_done INT NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
    provenance VARCHAR(20) NOT NULL,
    version INT NOT NULL DEFAULT 1,
    INDEX work_items_cluster (cluster_id),
    FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS progress_reports (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    report_date DATE NOT NULL,
    disbursed_vnd BIGINT NOT NULL CHECK (disbursed_vnd >= 0),
    note TEXT,
    author VARCHAR(200) NOT NULL,
    provenance VARCHAR(20) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    INDEX progress_reports_cluster_date (cluster_id, report_date),
    FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS report_lines (
    report_id BIGINT NOT NULL,
    work_item_id BIGINT NOT NULL,
    percent INT NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (report_id, work_item_id),
    FOREIGN KEY (report_id) REFERENCES progress_reports(id),
    FOREIGN KEY (work_item_id) REFERENCES work_items(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tenants (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    cluster_id BIGINT NOT NULL,
    company_name VARCHAR(300) NOT NULL,
    tax_code VARCHAR(14) NOT NULL,
    sector VARCHAR(200),
    supporting_industry TINYINT NOT NULL DEFAULT 0,
    leased_area_m2 BIGINT NOT NULL CHECK (leased_area_m2 >= 0),
    registered_capital_vnd BIGINT NOT NULL CHECK (registered_capital_vnd >= 0),
    jobs INT NOT NULL DEFAULT 0 CHECK (jobs >= 0),
    status VARCHAR(20) NOT NULL,
    lease_start DATE,
    provenance VARCHAR(20) NOT NULL,
    version INT NOT NULL DEFAULT 1,
    INDEX tenants_cluster (cluster_id),
    FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS reported_totals (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    year INT NOT NULL,
    cluster_count INT NOT NULL,
    area_m2 BIGINT NOT NULL,
    investment_vnd BIGINT NOT NULL,
    qualifier VARCHAR(100),
    source TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS tracker_meta (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
