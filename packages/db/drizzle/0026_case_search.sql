-- Case search by name (issue 9): names folded for case- and accent-insensitive prefix search. The letters are
-- listed, not left to lower() or unaccent, so the result does not depend on the locale or an extension, and
-- @utvag/domain nameKey folds the search term by the same table (a test in packages/db compares them).
-- LEAKPROOF (translate raises no error on any text), and SET keeps PostgreSQL from inlining it into translate(),
-- which is not: under row-level security only a leakproof qual can be an index condition (docs/performance.md,
-- finding 1), so without both the name indexes would be useless to the application role. Needs a superuser,
-- as migrations run.
CREATE FUNCTION utvag_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF SET search_path = pg_catalog
  RETURN translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅàáâãäåÆæÇçÈÉÊËèéêëÌÍÎÏìíîïÐðÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžŁł', 'abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaææcceeeeeeeeiiiiiiiiððnnoooooooooooouuuuuuuuyyysszzll');--> statement-breakpoint
DROP INDEX "case_municipality_id_status_opened_at_index";--> statement-breakpoint
CREATE INDEX "person_first_name_key_idx" ON "person" USING btree ("municipality_id",(utvag_name_key("first_name") collate "C"));--> statement-breakpoint
CREATE INDEX "person_last_name_key_idx" ON "person" USING btree ("municipality_id",(utvag_name_key("last_name") collate "C"));--> statement-breakpoint
CREATE INDEX "case_list_idx" ON "case" USING btree ("municipality_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "case_list_open_idx" ON "case" USING btree ("municipality_id","opened_at","id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "case_list_closed_idx" ON "case" USING btree ("municipality_id","opened_at","id") WHERE status = 'closed';--> statement-breakpoint
CREATE INDEX "case_referral_id_index" ON "case" USING btree ("referral_id");--> statement-breakpoint
-- The same rule, the organisation test moved inside the sub-select: `(SELECT …) IS NULL` is estimated per row at
-- 0.5 % (a null test on an unknown value), so the planner expected ~50 rows of a whole municipality's cases and
-- preferred a sequential scan and a sort to the list's index; a bare boolean is estimated at one half.
ALTER POLICY tenant ON "case" TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id() IS NULL))
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id() IS NULL));
