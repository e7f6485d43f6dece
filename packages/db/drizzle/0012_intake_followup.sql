CREATE TYPE "public"."investigation_outcome" AS ENUM('opened', 'notOpened', 'alreadyOpen');--> statement-breakpoint
CREATE TYPE "public"."referral_event_kind" AS ENUM('firstContact', 'immediateSafetyAssessment', 'preliminaryAssessment', 'assigned', 'personLinked');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('urgentReferral', 'assigned', 'submissionStatusChanged');--> statement-breakpoint
CREATE TABLE "referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" "referral_event_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"investigation_outcome" "investigation_outcome",
	"note" text,
	"from_unit_id" uuid,
	"to_unit_id" uuid,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"from_person_id" uuid,
	"to_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"referral_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "investigation_outcome" "investigation_outcome";--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "review_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_from_unit_id_unit_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_to_unit_id_unit_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_from_user_id_app_user_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_to_user_id_app_user_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_from_person_id_person_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_to_person_id_person_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_user_id_app_user_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_event_referral_id_recorded_at_index" ON "referral_event" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "notification_recipient_user_id_created_at_index" ON "notification" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "person_municipality_id_birth_date_index" ON "person" USING btree ("municipality_id","birth_date");--> statement-breakpoint
CREATE INDEX "referral_assigned_unit_id_index" ON "referral" USING btree ("assigned_unit_id");--> statement-breakpoint
-- Row-level security for the new tables (issue 5), fail closed as in 0002/0006: an unset tenant matches no row.
-- A referral's history is staff-only, like case_event: partners see only the timeline the API derives.
ALTER TABLE referral_event ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON referral_event TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
-- Notifications are read and marked read by their recipient only; anyone acting in the municipality may leave
-- one for a colleague or a partner of the same municipality (an assignment, a status change).
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY recipient ON notification TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND recipient_user_id = (SELECT app_user_id()));--> statement-breakpoint
CREATE POLICY sender ON notification AS PERMISSIVE FOR INSERT TO utvag_app
  WITH CHECK (municipality_id = (SELECT app_municipality_id()));
