CREATE TABLE "log_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"signed_by_user_id" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entries" integer NOT NULL,
	"flagged" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "retention_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"eligible_from" date NOT NULL,
	"due_by" date NOT NULL,
	"culled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"culled" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "handle" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "browser" text;--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "log_review" ADD CONSTRAINT "log_review_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review" ADD CONSTRAINT "log_review_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review" ADD CONSTRAINT "log_review_signed_by_user_id_app_user_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_candidate" ADD CONSTRAINT "retention_candidate_run_id_retention_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_candidate" ADD CONSTRAINT "retention_candidate_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_candidate" ADD CONSTRAINT "retention_candidate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_approved_by_user_id_app_user_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "log_review_unit_id_month_index" ON "log_review" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "retention_candidate_run_id_index" ON "retention_candidate" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "retention_candidate_person_id_index" ON "retention_candidate" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "retention_run_municipality_id_created_at_index" ON "retention_run" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_handle_index" ON "session" USING btree ("handle");--> statement-breakpoint
-- Issue 3, step-up and log review. 1. An audit entry may carry the reason its user gave (revealing a protected
-- identity). The reason joins the hashed content only when present, so every earlier entry's hash stays valid.
CREATE OR REPLACE FUNCTION audit_entry_digest(e audit_entry, prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || '|' || (jsonb_build_object(
    'id', e.id, 'at', extract(epoch from e.at)::text, 'userId', e.user_id, 'role', e.role,
    'municipalityId', e.municipality_id, 'organisationId', e.organisation_id, 'action', e.action,
    'recordType', e.record_type, 'recordId', e.record_id, 'subjectIds', e.subject_ids,
    'outcome', e.outcome, 'requestId', e.request_id, 'chainSeq', e.chain_seq
  ) || jsonb_strip_nulls(jsonb_build_object('reason', e.reason)))::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint

-- 2. A changed role, unit, municipality, organisation or password, or a disabled account, ends that user's
-- sessions at once, whoever makes the change (the API or an operator with SQL).
CREATE FUNCTION app_user_end_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM session WHERE user_id = NEW.id;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER app_user_end_sessions AFTER UPDATE ON app_user
  FOR EACH ROW WHEN (
    OLD.role IS DISTINCT FROM NEW.role OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id
    OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
    OR (NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL)
  ) EXECUTE FUNCTION app_user_end_sessions();--> statement-breakpoint

-- 3. Log reviews belong to their municipality (same fail-closed pattern as 0002).
ALTER TABLE log_review ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON log_review TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);
--> statement-breakpoint

-- 4. The audit log and the accounts are rows of a municipality too: the application role reads only its own
-- municipality's (the log review reads the log inside a request), and appends entries of its own municipality
-- only. The chain trigger must see the whole chain, so it runs as the table's owner.
ALTER FUNCTION audit_entry_chain() SECURITY DEFINER SET search_path = public, pg_temp;--> statement-breakpoint
ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_read ON audit_entry FOR SELECT TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant_append ON audit_entry FOR INSERT TO utvag_app
  WITH CHECK (municipality_id IS NOT DISTINCT FROM (SELECT app_municipality_id()));--> statement-breakpoint
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON app_user TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()))
  WITH CHECK (municipality_id = (SELECT app_municipality_id()));
--> statement-breakpoint

-- 5. Retention runs and their candidates belong to their municipality.
ALTER TABLE retention_run ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON retention_run TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
ALTER TABLE retention_candidate ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON retention_candidate TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);
