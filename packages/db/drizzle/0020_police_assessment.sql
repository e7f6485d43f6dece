CREATE TYPE "public"."assessment_legal_basis" AS ENUM('consent', 'crimePreventionUnder21', 'necessity');--> statement-breakpoint
CREATE TYPE "public"."assessment_request_status" AS ENUM('requested', 'answered', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."protection_need" AS ENUM('none', 'latent', 'concrete');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentRequested';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentAnswered';--> statement-breakpoint
CREATE TABLE "police_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"protection_need" "protection_need" NOT NULL,
	"threat_summary" text NOT NULL,
	"valid_until" date NOT NULL,
	"answered_by_user_id" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" uuid NOT NULL,
	CONSTRAINT "police_assessment_summary_length" CHECK (char_length("police_assessment"."threat_summary") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "police_assessment_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"question" text NOT NULL,
	"legal_basis" "assessment_legal_basis" NOT NULL,
	"subject_name" text,
	"subject_identity_number" char(12),
	"subject_protected" boolean DEFAULT false NOT NULL,
	"status" "assessment_request_status" DEFAULT 'requested' NOT NULL,
	"previous_request_id" uuid,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_by_user_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" ALTER COLUMN "referral_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "link_path" text;--> statement-breakpoint
ALTER TABLE "police_assessment" ADD CONSTRAINT "police_assessment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment" ADD CONSTRAINT "police_assessment_request_id_police_assessment_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."police_assessment_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment" ADD CONSTRAINT "police_assessment_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment" ADD CONSTRAINT "police_assessment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment" ADD CONSTRAINT "police_assessment_answered_by_user_id_app_user_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_request" ADD CONSTRAINT "police_assessment_request_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_request" ADD CONSTRAINT "police_assessment_request_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_request" ADD CONSTRAINT "police_assessment_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_request" ADD CONSTRAINT "police_assessment_request_requested_by_user_id_app_user_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_request" ADD CONSTRAINT "police_assessment_request_withdrawn_by_user_id_app_user_id_fk" FOREIGN KEY ("withdrawn_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "police_assessment_request_id_index" ON "police_assessment" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "police_assessment_organisation_id_idempotency_key_index" ON "police_assessment" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "police_assessment_case_id_answered_at_index" ON "police_assessment" USING btree ("case_id","answered_at");--> statement-breakpoint
CREATE INDEX "police_assessment_request_case_id_requested_at_index" ON "police_assessment_request" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE INDEX "police_assessment_request_org_status_idx" ON "police_assessment_request" USING btree ("organisation_id","status","requested_at");--> statement-breakpoint
-- Police assessments (issue 6 item 3): row-level security, fail closed like 0002. Staff of the municipality
-- (no organisation set) keep the requests; need-to-know on the case is the API's (withCase). A partner reads and
-- answers only the requests addressed to their own organisation, and reads only the answers it wrote. Staff only
-- read answers: nobody in social services can write or change the police's judgement.
ALTER TABLE police_assessment_request ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE police_assessment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON police_assessment_request TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY addressed ON police_assessment_request FOR SELECT TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND organisation_id = (SELECT app_organisation_id()));--> statement-breakpoint
CREATE POLICY addressed_answer ON police_assessment_request FOR UPDATE TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND organisation_id = (SELECT app_organisation_id()))
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND organisation_id = (SELECT app_organisation_id()));--> statement-breakpoint
CREATE POLICY tenant_read ON police_assessment FOR SELECT TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY author ON police_assessment FOR SELECT TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND organisation_id = (SELECT app_organisation_id()));--> statement-breakpoint
CREATE POLICY author_insert ON police_assessment FOR INSERT TO utvag_app
  WITH CHECK (
    municipality_id = (SELECT app_municipality_id())
    AND organisation_id = (SELECT app_organisation_id())
    AND answered_by_user_id = (SELECT app_user_id())
    AND EXISTS (
      SELECT 1 FROM police_assessment_request r
      WHERE r.id = police_assessment.request_id AND r.case_id = police_assessment.case_id
        AND r.organisation_id = police_assessment.organisation_id AND r.municipality_id = police_assessment.municipality_id
    )
  );--> statement-breakpoint
-- A partner's UPDATE of a request may only mark it answered (and bump its version); nothing else about it changes.
CREATE FUNCTION police_request_partner_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF app_organisation_id() IS NOT NULL AND (
    (to_jsonb(NEW) - 'status' - 'version') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'version')
    OR NOT (OLD.status = 'requested' AND NEW.status = 'answered')
  ) THEN
    RAISE EXCEPTION 'a partner may only answer a police assessment request' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER police_request_partner_update BEFORE UPDATE ON police_assessment_request
  FOR EACH ROW EXECUTE FUNCTION police_request_partner_update();--> statement-breakpoint
-- Whom to tell of an answer: the case's responsible case worker (else the requester). Runs as its owner because a
-- partner's transaction may not read cases; answers only for a request addressed to the caller's organisation.
CREATE FUNCTION police_assessment_notify_user(p_request_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(c.responsible_user_id, r.requested_by_user_id)
  FROM police_assessment_request r JOIN "case" c ON c.id = r.case_id
  WHERE r.id = p_request_id
    AND r.municipality_id = app_municipality_id()
    AND r.organisation_id = app_organisation_id()
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION police_assessment_notify_user(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION police_assessment_notify_user(uuid) TO utvag_app;
