-- The follow-up report at a million cases (issue 9). Measured at 100,000 cases as utvag_app with the tenant set
-- (docs/performance.md, 2026-11-24): 1. the trends count eight half-years of referrals by index range; with status
-- and the row-level security's column in the index the count is an index-only scan (no heap visit per referral).
-- It replaces referral_report_idx (same key columns), so the period's scans keep their index.
SET lock_timeout = '5s';--> statement-breakpoint
DROP INDEX IF EXISTS referral_report_idx;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS referral_report_idx ON referral (municipality_id, received_at) INCLUDE (status, source_organisation_id);--> statement-breakpoint
-- 2. Cases by closing instant: under row-level security the expression index on coalesce(closed_at, 'infinity')
-- was never used (a sequential scan of every case per count); closed_at ranges and `closed_at is null` are.
CREATE INDEX IF NOT EXISTS case_report_closed_idx ON "case" (municipality_id, closed_at);
