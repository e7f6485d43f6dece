CREATE TYPE "public"."applicant" AS ENUM('self', 'guardian');--> statement-breakpoint
CREATE TYPE "public"."guardians_informed" AS ENUM('yes', 'no');--> statement-breakpoint
CREATE TYPE "public"."intake_channel" AS ENUM('phone', 'visit', 'letter', 'email');--> statement-breakpoint
CREATE TYPE "public"."intake_source" AS ENUM('police', 'probationService', 'school', 'direct');--> statement-breakpoint
CREATE TABLE "referral_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"source" "intake_source" NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "contact_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "contact_phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "contact_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "inbox_rank" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "child_at_receipt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "release_date" date;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "supervision_end_date" date;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "stated_motivation" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "school_name" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "school_class" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "guardians" jsonb;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "guardians_informed" "guardians_informed";--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "suspected_violence_at_home" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "intake_channel" "intake_channel";--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "applicant" "applicant";--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "first_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "safety_assessed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "investigation_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "investigation_already_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "assigned_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "assigned_user_id" uuid;--> statement-breakpoint
ALTER TABLE "referral_draft" ADD CONSTRAINT "referral_draft_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_draft" ADD CONSTRAINT "referral_draft_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_draft" ADD CONSTRAINT "referral_draft_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_draft_user_id_idempotency_key_index" ON "referral_draft" USING btree ("user_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_assigned_unit_id_unit_id_fk" FOREIGN KEY ("assigned_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_assigned_user_id_app_user_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_inbox_rank_idx" ON "referral" USING btree ("municipality_id","status","inbox_rank","received_at","id");