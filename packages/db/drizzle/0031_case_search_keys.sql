-- Case search (issue 9): the folded names (utvag_name_key of migration 0026) stored beside the names. A search whose
-- prefix matches more people than findCases reads person-first walks the case list in its order and tests each
-- case's person; folding two names per case there cost about 3.5 µs a call, up to four calls a case, most of the
-- walk. Stored, the test is a plain comparison of text. The name indexes move onto the stored keys (same names,
-- same order, same ranges), so the probe and the walk compare the same values, and they include the person's id:
-- the probe (up to 2,001 ids per name) becomes an index-only range scan, no heap visit per matching person (at
-- 100k 21 buffers instead of 453 for a common prefix; before, the planner could also prefer a bitmap scan that
-- reads every match of the prefix).
--
-- Generated columns, not a trigger: the keys cannot drift from the names (every insert and update computes them,
-- also one that disables user triggers, as the benchmark generator does), and the application never writes them.
-- utvag_name_key is IMMUTABLE (a fixed translate table), which a stored generated column requires.
--
-- Lock: adding a stored generated column rewrites person under an ACCESS EXCLUSIVE lock held to the end of the
-- migration (both columns in one ALTER TABLE: one rewrite; the old name indexes dropped first, so the rewrite does
-- not fold every name again to rebuild them). Measured at 100,000 people (the 100k benchmark, 13 MB of person):
-- 2.1–2.3 s for the whole migration on a busy machine (load 6–8 on two cores); it grows linearly, so about 20 s at
-- a million. person holds the people of referrals, a few thousand per municipality and far below a million
-- nationally, so the pause is a second or two in a release window, reads of cases and referrals waiting for it.
-- The alternative, a nullable column filled by a trigger and backfilled in batches outside the migration, avoids the
-- rewrite but needs a fallback to the function in every search until the backfill ends, and a second release to
-- drop it; not worth it at this size. If person ever grows far beyond: that route, with the indexes built
-- CONCURRENTLY out of band.
--
-- After the release: `VACUUM person` (it cannot run in the migration's transaction). The rewritten table
-- has no page marked all-visible, so until a vacuum the probe reads the heap as it did before (a bitmap scan);
-- autovacuum would get there only after enough new people.
DROP INDEX "person_first_name_key_idx";--> statement-breakpoint
DROP INDEX "person_last_name_key_idx";--> statement-breakpoint
ALTER TABLE "person"
  ADD COLUMN "first_name_key" text GENERATED ALWAYS AS (utvag_name_key(first_name)) STORED,
  ADD COLUMN "last_name_key" text GENERATED ALWAYS AS (utvag_name_key(last_name)) STORED;--> statement-breakpoint
CREATE INDEX "person_first_name_key_idx" ON "person" USING btree ("municipality_id",("first_name_key" collate "C")) INCLUDE ("id");--> statement-breakpoint
CREATE INDEX "person_last_name_key_idx" ON "person" USING btree ("municipality_id",("last_name_key" collate "C")) INCLUDE ("id");--> statement-breakpoint
-- The new columns have no statistics until an ANALYZE, and the rewrite counts as no change for autovacuum: without
-- this the planner guesses a few hundred matches for any prefix (the dropped expression indexes had statistics of
-- their own) and reads a common prefix's people first and sorts, instead of walking the list. It samples 30,000
-- rows, under the lock already held.
ANALYZE "person";
