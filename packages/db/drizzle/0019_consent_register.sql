CREATE TYPE "public"."consent_purpose" AS ENUM('networkMeeting', 'statusUpdates', 'informationExchange');--> statement-breakpoint
CREATE TYPE "public"."consent_revoker" AS ENUM('person', 'guardian');--> statement-breakpoint
CREATE TYPE "public"."disclosure_category" AS ENUM('meetingInvitation', 'caseStatus', 'supportPlan', 'personalDetails', 'threatAndProtection', 'other');--> statement-breakpoint
CREATE TYPE "public"."legal_basis" AS ENUM('consent', 'crimePreventionUnder21', 'necessity');--> statement-breakpoint
CREATE TABLE "case_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"purposes" "consent_purpose"[] NOT NULL,
	"signed_on" date NOT NULL,
	"guardian1_signed_on" date,
	"guardian2_signed_on" date,
	"start_date" date NOT NULL,
	"end_date" date,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_on" date,
	"revoked_by" "consent_revoker",
	"revocation_reason" text,
	"revoked_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"category" "disclosure_category" NOT NULL,
	"legal_basis" "legal_basis" NOT NULL,
	"disclosed_on" date NOT NULL,
	"note" text,
	"disclosed_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent" ADD CONSTRAINT "case_consent_revoked_by_user_id_app_user_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_disclosed_by_user_id_app_user_id_fk" FOREIGN KEY ("disclosed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_consent_case_id_organisation_id_index" ON "case_consent" USING btree ("case_id","organisation_id");--> statement-breakpoint
CREATE INDEX "disclosure_case_id_recorded_at_index" ON "disclosure" USING btree ("case_id","recorded_at");--> statement-breakpoint
-- Consent register and disclosure log (issue 6 item 4): row-level security, fail closed like 0002. Staff only (no
-- organisation set): partners never read these tables; they learn only the yes or no of case_consent_covers.
ALTER TABLE case_consent ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE disclosure ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON case_consent TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON disclosure TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
-- The disclosure log is appended, never changed: no UPDATE or DELETE for the application.
CREATE POLICY append_only_update ON disclosure AS RESTRICTIVE FOR UPDATE TO utvag_app USING (false);--> statement-breakpoint
CREATE POLICY append_only_delete ON disclosure AS RESTRICTIVE FOR DELETE TO utvag_app USING (false);--> statement-breakpoint
ALTER TABLE case_consent ADD CONSTRAINT case_consent_dates CHECK (end_date IS NULL OR end_date >= start_date);--> statement-breakpoint
ALTER TABLE case_consent ADD CONSTRAINT case_consent_purposes CHECK (cardinality(purposes) > 0);--> statement-breakpoint
-- Consent drives access: whether an active, unrevoked consent in the register covers the organisation (for the
-- purpose, in the three-argument form) today, in Swedish time. Replaces the interim rule of 0014 (the referral's
-- consent to contact). Runs as its owner so that a partner's transaction, which may not read cases or consents,
-- gets the yes or no and nothing else, scoped to the transaction's municipality.
CREATE OR REPLACE FUNCTION case_consent_covers(p_case_id uuid, p_organisation_id uuid, p_purpose consent_purpose) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_consent k
    WHERE k.case_id = p_case_id
      AND k.municipality_id = app_municipality_id()
      AND k.organisation_id = p_organisation_id
      AND k.revoked_on IS NULL
      AND k.start_date <= (now() AT TIME ZONE 'Europe/Stockholm')::date
      AND (k.end_date IS NULL OR k.end_date >= (now() AT TIME ZONE 'Europe/Stockholm')::date)
      AND (p_purpose IS NULL OR p_purpose = ANY (k.purposes))
  )
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_consent_covers(p_case_id uuid, p_organisation_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT case_consent_covers(p_case_id, p_organisation_id, NULL::consent_purpose)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION case_consent_covers(uuid, uuid, consent_purpose) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_consent_covers(uuid, uuid, consent_purpose) TO utvag_app;
