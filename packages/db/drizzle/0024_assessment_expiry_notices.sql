CREATE TYPE "public"."assessment_notice_kind" AS ENUM('expiring', 'expired');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentExpiring';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentExpired';--> statement-breakpoint
CREATE TABLE "police_assessment_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" "assessment_notice_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "police_assessment_notice" ADD CONSTRAINT "police_assessment_notice_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_notice" ADD CONSTRAINT "police_assessment_notice_assessment_id_police_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."police_assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "police_assessment_notice_assessment_id_kind_index" ON "police_assessment_notice" USING btree ("assessment_id","kind");--> statement-breakpoint
-- Hand-written: the notices belong to staff of the municipality (the nightly job runs as its municipality with no
-- organisation); partners never read them. Fail closed like 0002.
ALTER TABLE police_assessment_notice ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON police_assessment_notice TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);
