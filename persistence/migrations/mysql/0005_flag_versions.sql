-- A delay flag's acknowledgement is edited by people, so it has a version like every other
-- edited record: an official saving over a newer acknowledgement gets a conflict instead of
-- silently replacing it. Scans do not change the version.
ALTER TABLE delay_flags ADD COLUMN version INT NOT NULL DEFAULT 1;
