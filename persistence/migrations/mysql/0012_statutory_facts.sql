-- What the statutory forms need of a cluster and the registry did not hold (Thông tư
-- 14/2024/TT-BCT, Nghị định 32/2024): industrial land with finished infrastructure ready to
-- lease (m²), the central wastewater plant (none, building, built) and whether it meets the
-- environmental standard, the approval dates of the detailed plan and of the infrastructure
-- project, and whether it is a craft-village or a specialised cluster. NULL: not known. A
-- tenant is foreign-invested or not (1/0).
-- No comments inside statements.
CREATE TABLE IF NOT EXISTS cluster_facts (
    cluster_id BIGINT NOT NULL PRIMARY KEY,
    ready_to_lease_m2 BIGINT,
    wastewater_state VARCHAR(10),
    wastewater_compliant INT,
    detailed_plan_approved_on VARCHAR(10),
    infra_project_approved_on VARCHAR(10),
    craft_village INT,
    specialised INT,
    source TEXT,
    version INT NOT NULL DEFAULT 1,
    CONSTRAINT cluster_facts_cluster FOREIGN KEY (cluster_id) REFERENCES clusters(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE tenants ADD COLUMN IF NOT EXISTS foreign_invested INT NOT NULL DEFAULT 0;
