-- Security in the database itself (issue 3): the audit log is append-only and hash-chained, and case data is
-- guarded by row-level security for the application role, so a forgotten check in the API still cannot read
-- another municipality's rows.

-- 1. The audit hash chain. The digest covers the entry's content and the previous entry's hash; times are
-- hashed as epoch numbers so the session's TimeZone cannot change the text that is hashed.
CREATE FUNCTION audit_entry_digest(e audit_entry, prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || '|' || jsonb_build_object(
    'id', e.id, 'at', extract(epoch from e.at)::text, 'userId', e.user_id, 'role', e.role,
    'municipalityId', e.municipality_id, 'organisationId', e.organisation_id, 'action', e.action,
    'recordType', e.record_type, 'recordId', e.record_id, 'subjectIds', e.subject_ids,
    'outcome', e.outcome, 'requestId', e.request_id, 'chainSeq', e.chain_seq
  )::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint

-- Appends under a transaction-level advisory lock, so two writers can never take the same predecessor.
CREATE FUNCTION audit_entry_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727003);
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_entry WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_entry_digest(NEW, last_hash);
  RETURN NEW;
END
$$;--> statement-breakpoint

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint

-- Entries written before the chain existed join it in id order.
DO $$
DECLARE
  r audit_entry;
  seq bigint := 0;
  prev text := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.hash := audit_entry_digest(r, prev);
    UPDATE audit_entry SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
END
$$;--> statement-breakpoint

CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();--> statement-breakpoint
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();--> statement-breakpoint

-- 2. The application role: owns nothing, is no superuser, cannot bypass RLS. Request transactions run as it
-- (SET LOCAL ROLE). Roles are cluster-wide, so a parallel migration of another database may create it first.
DO $$
BEGIN
  CREATE ROLE utvag_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO utvag_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO utvag_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO utvag_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM utvag_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO utvag_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO utvag_app;--> statement-breakpoint

-- 3. The request's tenant, set with set_config(…, true) inside its transaction. Unset means NULL, and NULL
-- matches no row: fail closed.
CREATE FUNCTION app_municipality_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$;--> statement-breakpoint
CREATE FUNCTION app_organisation_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;--> statement-breakpoint

ALTER TABLE person ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE referral ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;--> statement-breakpoint

-- `(select …)` makes PostgreSQL evaluate the setting once per query, not once per row.
CREATE POLICY tenant ON person TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()))
  WITH CHECK (municipality_id = (SELECT app_municipality_id()));--> statement-breakpoint
CREATE POLICY tenant ON "case" TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON case_event TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
-- A partner (organisation set) reaches only its own organisation's referrals; staff the whole municipality's.
CREATE POLICY tenant ON referral TO utvag_app
  USING (
    municipality_id = (SELECT app_municipality_id())
    AND ((SELECT app_organisation_id()) IS NULL OR source_organisation_id = (SELECT app_organisation_id()))
  )
  WITH CHECK (
    municipality_id = (SELECT app_municipality_id())
    AND ((SELECT app_organisation_id()) IS NULL OR source_organisation_id = (SELECT app_organisation_id()))
  );
