-- The half-yearly forms of Thông tư 14/2024/TT-BCT as filed: form is 01 to 04, unit_key
-- the cluster code (02), tenant id (01), commune code (03) or hanoi (04), period like
-- 2026-H1 or 2026-Y. state is draft, submitted, returned or accepted (then frozen).
-- statutory_values holds each indicator's figure in its base unit (VND, m², hundredths of
-- a per cent, persons, VND per person per month), NULL when unknown, with a note.
CREATE TABLE IF NOT EXISTS statutory_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    form VARCHAR(2) NOT NULL,
    unit_key VARCHAR(100) NOT NULL,
    period VARCHAR(10) NOT NULL,
    state VARCHAR(12) NOT NULL,
    review_comment TEXT,
    filed_by VARCHAR(254),
    reviewed_by VARCHAR(254),
    created_at VARCHAR(32) NOT NULL,
    updated_at VARCHAR(32) NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (form, unit_key, period)
);
CREATE TABLE IF NOT EXISTS statutory_values (
    report_id BIGINT NOT NULL REFERENCES statutory_reports(id),
    indicator VARCHAR(5) NOT NULL,
    value BIGINT,
    note TEXT,
    PRIMARY KEY (report_id, indicator)
);
