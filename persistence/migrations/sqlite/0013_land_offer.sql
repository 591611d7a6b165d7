-- What an investor needs to contact a developer about land (Nghị định 32/2024, Điều 19
-- khoản 5: developers publish their unleased industrial land): the developer's published
-- contact and lease terms, free text as the developer gives them.
ALTER TABLE cluster_facts ADD COLUMN developer_contact TEXT;
ALTER TABLE cluster_facts ADD COLUMN lease_terms TEXT;
