-- What the statutory forms need of a cluster and the registry did not hold (Thông tư
-- 14/2024/TT-BCT, Nghị định 32/2024): industrial land with finished infrastructure ready to
-- lease (m²), the central wastewater plant (none, building, built) and whether it meets the
-- environmental standard, the approval dates of the detailed plan and of the infrastructure
-- project, and whether it is a craft-village or a specialised cluster. NULL: not known. A
-- tenant is foreign-invested or not (1/0).
CREATE TABLE IF NOT EXISTS cluster_facts (
    cluster_id BIGINT NOT NULL PRIMARY KEY REFERENCES clusters(id),
    ready_to_lease_m2 BIGINT,
    wastewater_state VARCHAR(10),
    wastewater_compliant INTEGER,
    detailed_plan_approved_on VARCHAR(10),
    infra_project_approved_on VARCHAR(10),
    craft_village INTEGER,
    specialised INTEGER,
    source TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
ALTER TABLE tenants ADD COLUMN foreign_invested INTEGER NOT NULL DEFAULT 0;
