-- Hanoi after 1 July 2025 (Resolution 1656/NQ-UBTVQH15): no district level. district and
-- commune now hold the cluster's former district and commune (before 1/7/2025); unit_codes
-- the current xã/phường by statistics code, space-separated, a code ending in ? being one
-- candidate of several; unit_basis how sure that is (resolution, merger, inferred, guess,
-- split, confirmed, unmapped), with the source and its note. cohort is the registry cohort:
-- 2022 for the list the city reported that year, or the year a later cluster was
-- established. user_scopes.kind may now also be commune (value: a unit code).
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS unit_codes VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS unit_basis VARCHAR(20) NOT NULL DEFAULT 'unmapped';
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS unit_source TEXT;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS unit_note TEXT;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS cohort INT NOT NULL DEFAULT 2022;
