-- Hand-written (issue 9): two indexes of the follow-up report (0013) that no query needs any more; each costs every
-- case write. Checked with EXPLAIN on the report's own query functions as utvag_app and utvag_regional, at 100,000
-- cases and in src/queries/follow-up-plans.test.ts (docs/performance.md, 2026-11-24):
-- 1. case_report_open_idx on (municipality_id, coalesce(closed_at, 'infinity')): never used under row-level
--    security; since 0028 the report says `closed_at is null or closed_at >= …` on case_report_closed_idx.
-- 2. case_report_opened_idx on (municipality_id, opened_at): the planner still picked it for the opening ranges, but
--    case_list_idx (municipality_id, opened_at, id) from 0026 has the same leading columns and serves the same
--    ranges as index-only scans, the same rows read, no slower at 100k.
-- drizzle runs a migration in a transaction, so not CONCURRENTLY: DROP INDEX holds its ACCESS EXCLUSIVE lock on
-- "case" only for the catalogue change (no scan); lock_timeout makes it give up rather than queue behind a long
-- transaction with every case request behind it.
SET lock_timeout = '5s';--> statement-breakpoint
DROP INDEX IF EXISTS case_report_open_idx;--> statement-breakpoint
DROP INDEX IF EXISTS case_report_opened_idx;
