-- A figure questioned by tracker/plausibility.h (a decrease, disbursement far above the plan,
-- a report contradicting a later one, leases above the cluster's land, a tax code another
-- company holds) is stored only when the person confirmed it; what they confirmed and why
-- ("progress_decrease: <reason>") is kept with the record and shown beside it (issue 11,
-- item 3). NULL: nothing was questioned.
ALTER TABLE progress_reports ADD COLUMN confirmed_doubts TEXT NULL;
ALTER TABLE tenants ADD COLUMN confirmed_doubts TEXT NULL;
