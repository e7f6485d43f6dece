CREATE TYPE "public"."case_task_kind" AS ENUM('reviewBreach');--> statement-breakpoint
CREATE TYPE "public"."closing_outcome" AS ENUM('completed', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."criterion" AS ENUM('definitionFit', 'motivation', 'consent', 'commitment', 'policeProtectionNeed', 'drugFree', 'notWitnessInPendingCase');--> statement-breakpoint
CREATE TYPE "public"."criterion_state" AS ENUM('met', 'notMet', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('granted', 'denied', 'partlyGranted');--> statement-breakpoint
CREATE TYPE "public"."decision_stage" AS ENUM('investigation', 'signed');--> statement-breakpoint
CREATE TYPE "public"."drug_test_result" AS ENUM('negative', 'positive', 'refused');--> statement-breakpoint
CREATE TYPE "public"."follow_up_kind" AS ENUM('drugTest', 'breach', 'other');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('woman', 'man', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."termination_reason" AS ENUM('relapse', 'withdrew', 'moved', 'consentRevoked', 'other');--> statement-breakpoint
ALTER TYPE "public"."case_status" ADD VALUE 'reopened';--> statement-breakpoint
CREATE TABLE "case_commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"conditions" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" "decision_stage" DEFAULT 'investigation' NOT NULL,
	"outcome" "decision_outcome",
	"grounds" text,
	"has_children" boolean,
	"child_impact" text,
	"interventions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by_user_id" uuid,
	"first_contact_at" timestamp with time zone,
	"days_from_first_contact" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "follow_up_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"result" "drug_test_result",
	"note" text,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_task_kind" NOT NULL,
	"follow_up_id" uuid,
	"assigned_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_user_id" uuid,
	"done_note" text
);
--> statement-breakpoint
CREATE TABLE "eligibility_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"criterion" "criterion" NOT NULL,
	"state" "criterion_state" NOT NULL,
	"assessed_on" date NOT NULL,
	"basis" text,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by_user_id" uuid,
	"corrects_entry_id" uuid,
	"oral_source_at" timestamp with time zone,
	"oral_source_from" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "decision_mandate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "gender" "gender" DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "coordinator_user_id" uuid;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "age_band_reason" text;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "first_contact_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "closing_outcome" "closing_outcome";--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "termination_reason" "termination_reason";--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "closing_note" text;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "case_commitment" ADD CONSTRAINT "case_commitment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_commitment" ADD CONSTRAINT "case_commitment_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_commitment" ADD CONSTRAINT "case_commitment_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decision" ADD CONSTRAINT "case_decision_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decision" ADD CONSTRAINT "case_decision_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decision" ADD CONSTRAINT "case_decision_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decision" ADD CONSTRAINT "case_decision_signed_by_user_id_app_user_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_follow_up_id_case_follow_up_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."case_follow_up"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_assigned_user_id_app_user_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_done_by_user_id_app_user_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_record" ADD CONSTRAINT "eligibility_record_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_record" ADD CONSTRAINT "eligibility_record_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_record" ADD CONSTRAINT "eligibility_record_recorded_by_user_id_app_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_signed_by_user_id_app_user_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_corrects_entry_id_journal_entry_id_fk" FOREIGN KEY ("corrects_entry_id") REFERENCES "public"."journal_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_commitment_case_id_recorded_at_index" ON "case_commitment" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "case_decision_case_id_created_at_index" ON "case_decision" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_follow_up_case_id_occurred_on_index" ON "case_follow_up" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "case_task_case_id_created_at_index" ON "case_task" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_task_open_idx" ON "case_task" USING btree ("assigned_user_id") WHERE "case_task"."done_at" is null;--> statement-breakpoint
CREATE INDEX "eligibility_record_case_id_criterion_recorded_at_index" ON "eligibility_record" USING btree ("case_id","criterion","recorded_at");--> statement-breakpoint
CREATE INDEX "journal_entry_case_id_written_at_index" ON "journal_entry" USING btree ("case_id","written_at");--> statement-breakpoint
CREATE INDEX "journal_entry_corrects_entry_id_index" ON "journal_entry" USING btree ("corrects_entry_id");--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_coordinator_user_id_app_user_id_fk" FOREIGN KEY ("coordinator_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_municipality_id_unit_id_index" ON "case" USING btree ("municipality_id","unit_id");--> statement-breakpoint
CREATE INDEX "case_responsible_user_id_index" ON "case" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "case_coordinator_user_id_index" ON "case" USING btree ("coordinator_user_id");--> statement-breakpoint
-- Hand-written (issue 6). Existing cases start their decision clock at the referral's first contact, or its receipt.
UPDATE "case" c SET first_contact_at = coalesce(r.first_contact_at, r.received_at, c.opened_at)
  FROM referral r WHERE r.id = c.referral_id;--> statement-breakpoint

-- Row-level security, staff only, like "case" in 0002: a partner (organisation set) reaches none of these rows.
ALTER TABLE eligibility_record ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_decision ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE journal_entry ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_commitment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_follow_up ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_task ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON eligibility_record TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON case_decision TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON journal_entry TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON case_commitment TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON case_follow_up TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY tenant ON case_task TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint

-- A signed journal entry or decision never changes and is never deleted (§10), whatever the API does. Only the
-- tenant may change, so a transfer between municipalities (issue 6 item 9) can move the record intact.
CREATE FUNCTION refuse_change_when_signed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NULL THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'municipality_id') = (to_jsonb(OLD) - 'municipality_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is signed and cannot change', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER journal_entry_signed BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change_when_signed();--> statement-breakpoint
CREATE TRIGGER case_decision_signed BEFORE UPDATE OR DELETE ON case_decision
  FOR EACH ROW EXECUTE FUNCTION refuse_change_when_signed();--> statement-breakpoint

-- The eligibility history is append-only, apart from the tenant (transfer).
CREATE FUNCTION refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'municipality_id') = (to_jsonb(OLD) - 'municipality_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER eligibility_record_append_only BEFORE UPDATE OR DELETE ON eligibility_record
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
