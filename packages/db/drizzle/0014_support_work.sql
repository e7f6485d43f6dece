CREATE TYPE "public"."attendance" AS ENUM('unknown', 'attended', 'absent');--> statement-breakpoint
CREATE TYPE "public"."cost_kind" AS ENUM('perDay', 'perMonth', 'oneOff');--> statement-breakpoint
CREATE TYPE "public"."network_meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."vat_handling" AS ENUM('none', 'included', 'addedOnTop');--> statement-breakpoint
CREATE TABLE "budget" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"programme" "programme" NOT NULL,
	"year" integer NOT NULL,
	"amount_ore" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_amount_not_negative" CHECK ("budget"."amount_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "intervention" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"intervention_type_id" uuid NOT NULL,
	"provider_id" uuid,
	"start_date" date NOT NULL,
	"planned_end_date" date,
	"actual_end_date" date,
	"cost_kind" "cost_kind" NOT NULL,
	"price_ore" bigint NOT NULL,
	"vat_handling" "vat_handling" NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"note" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_price_not_negative" CHECK ("intervention"."price_ore" >= 0),
	CONSTRAINT "intervention_planned_end_after_start" CHECK ("intervention"."planned_end_date" is null or "intervention"."planned_end_date" >= "intervention"."start_date"),
	CONSTRAINT "intervention_actual_end_after_start" CHECK ("intervention"."actual_end_date" is null or "intervention"."actual_end_date" >= "intervention"."start_date")
);
--> statement-breakpoint
CREATE TABLE "intervention_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"cost_kind" "cost_kind" NOT NULL,
	"default_price_ore" bigint NOT NULL,
	"vat_handling" "vat_handling" DEFAULT 'none' NOT NULL,
	"vat_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"placement" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_type_price_not_negative" CHECK ("intervention_type"."default_price_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "network_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"status" "network_meeting_status" DEFAULT 'planned' NOT NULL,
	"notes" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_meeting_agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_meeting_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"attendance" "attendance" DEFAULT 'unknown' NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change" text NOT NULL,
	"saved_by_user_id" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_case_id_version_pk" PRIMARY KEY("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"within_framework_agreement" boolean NOT NULL,
	"intervention_type_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_funding_assessment" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"police_definition_met" boolean NOT NULL,
	"police_protection_need" boolean NOT NULL,
	"motivated" boolean NOT NULL,
	"consent_to_information_sharing" boolean NOT NULL,
	"police_conditions_signed" boolean NOT NULL,
	"not_witness_in_pending_case" boolean NOT NULL,
	"police_judgement_on" date,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_setting" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"meeting_reminder_days" integer DEFAULT 31 NOT NULL,
	"near_limit_percent" integer DEFAULT 90 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget" ADD CONSTRAINT "budget_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget" ADD CONSTRAINT "budget_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_decision_id_case_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."case_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_intervention_type_id_intervention_type_id_fk" FOREIGN KEY ("intervention_type_id") REFERENCES "public"."intervention_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_type" ADD CONSTRAINT "intervention_type_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting" ADD CONSTRAINT "network_meeting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting" ADD CONSTRAINT "network_meeting_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting" ADD CONSTRAINT "network_meeting_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_agenda_item" ADD CONSTRAINT "network_meeting_agenda_item_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_agenda_item" ADD CONSTRAINT "network_meeting_agenda_item_meeting_id_network_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_participant" ADD CONSTRAINT "network_meeting_participant_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_participant" ADD CONSTRAINT "network_meeting_participant_meeting_id_network_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_participant" ADD CONSTRAINT "network_meeting_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_participant" ADD CONSTRAINT "network_meeting_participant_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_participant" ADD CONSTRAINT "network_meeting_participant_invited_by_user_id_app_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_saved_by_user_id_app_user_id_fk" FOREIGN KEY ("saved_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider" ADD CONSTRAINT "provider_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider" ADD CONSTRAINT "provider_intervention_type_id_intervention_type_id_fk" FOREIGN KEY ("intervention_type_id") REFERENCES "public"."intervention_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD CONSTRAINT "state_funding_assessment_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD CONSTRAINT "state_funding_assessment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD CONSTRAINT "state_funding_assessment_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_setting" ADD CONSTRAINT "support_setting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_municipality_id_programme_year_index" ON "budget" USING btree ("municipality_id","programme","year");--> statement-breakpoint
CREATE INDEX "intervention_case_id_start_date_index" ON "intervention" USING btree ("case_id","start_date");--> statement-breakpoint
CREATE INDEX "intervention_municipality_id_start_date_index" ON "intervention" USING btree ("municipality_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_type_municipality_id_name_index" ON "intervention_type" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_type_code_idx" ON "intervention_type" USING btree ("municipality_id","code") WHERE "intervention_type"."code" is not null;--> statement-breakpoint
CREATE INDEX "network_meeting_case_id_scheduled_at_index" ON "network_meeting" USING btree ("case_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "network_meeting_municipality_id_scheduled_at_index" ON "network_meeting" USING btree ("municipality_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "network_meeting_agenda_item_meeting_id_created_at_index" ON "network_meeting_agenda_item" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "network_meeting_participant_meeting_id_user_id_index" ON "network_meeting_participant" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "network_meeting_participant_user_id_index" ON "network_meeting_participant" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_municipality_id_name_index" ON "provider" USING btree ("municipality_id","name");--> statement-breakpoint
-- Support work (issue 7): row-level security for every new table, fail closed like 0002. Staff only (no
-- organisation set) for catalogue, providers, interventions, budgets, settings, state funding and plans.
-- Partners reach network meetings only as invited users, and agenda items only where meant for their
-- organisation; they never write.
ALTER TABLE intervention_type ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE provider ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE intervention ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE budget ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE support_setting ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE state_funding_assessment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE plan_version ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE network_meeting ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE network_meeting_participant ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE network_meeting_agenda_item ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON intervention_type TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON provider TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON intervention TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON budget TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON support_setting TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON state_funding_assessment TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON plan_version TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON network_meeting TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON network_meeting_participant TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON network_meeting_agenda_item TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
-- A partner reads their own invitation rows, the meetings they are invited to, and the items meant for their
-- organisation in those meetings. SELECT only: a partner writes nothing here.
CREATE POLICY invited ON network_meeting_participant FOR SELECT TO utvag_app
  USING (
    municipality_id = (SELECT app_municipality_id())
    AND (SELECT app_organisation_id()) IS NOT NULL
    AND user_id = (SELECT app_user_id())
  );--> statement-breakpoint
CREATE POLICY invited ON network_meeting FOR SELECT TO utvag_app
  USING (
    municipality_id = (SELECT app_municipality_id())
    AND (SELECT app_organisation_id()) IS NOT NULL
    AND EXISTS (
      SELECT 1 FROM network_meeting_participant p
      WHERE p.meeting_id = network_meeting.id AND p.user_id = (SELECT app_user_id())
    )
  );--> statement-breakpoint
CREATE POLICY invited ON network_meeting_agenda_item FOR SELECT TO utvag_app
  USING (
    municipality_id = (SELECT app_municipality_id())
    AND (SELECT app_organisation_id()) = ANY (organisation_ids)
    AND EXISTS (
      SELECT 1 FROM network_meeting_participant p
      WHERE p.meeting_id = network_meeting_agenda_item.meeting_id AND p.user_id = (SELECT app_user_id())
    )
  );--> statement-breakpoint
-- Whether a case's consent covers an organisation (api/src/support/consent.ts). It runs as its owner so that a
-- partner's transaction, which may not read cases, still gets the yes or no (and nothing else), scoped to the
-- transaction's municipality. Interim rule until the consent register exists: the organisation whose referral
-- opened the case, when that referral records the person's consent. Replace this body when consent lands.
CREATE FUNCTION case_consent_covers(p_case_id uuid, p_organisation_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM "case" c JOIN referral r ON r.id = c.referral_id
    WHERE c.id = p_case_id
      AND c.municipality_id = app_municipality_id()
      AND r.source_organisation_id = p_organisation_id
      AND r.consent_to_contact
  )
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION case_consent_covers(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_consent_covers(uuid, uuid) TO utvag_app;
