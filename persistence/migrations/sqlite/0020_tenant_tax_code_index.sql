-- A tenant's tax code (MST) is looked up on every tenant write, to question a code that
-- another company already holds (tracker/plausibility.h). Without an index that was a scan
-- of every tenant: about 7 ms of CPU per write at national scale (60,000 tenants), the
-- larger part of a write's cost (issue 12, measured with perf under scripts/bench-writes).
CREATE INDEX IF NOT EXISTS tenants_tax_code ON tenants (tax_code);
