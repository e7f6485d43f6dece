CREATE TYPE "public"."audit_outcome" AS ENUM('allowed', 'denied');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."organisation_type" AS ENUM('police', 'probationService', 'school');--> statement-breakpoint
CREATE TYPE "public"."programme" AS ENUM('sig', 'youthExitProgramme', 'adultExitProgramme', 'ordinarySupport');--> statement-breakpoint
CREATE TYPE "public"."referral_kind" AS ENUM('referral', 'concernReport', 'selfApplication');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('draft', 'submitted', 'underReview', 'caseOpened', 'passedToSig', 'routedToOrdinarySupport', 'notForUs');--> statement-breakpoint
CREATE TYPE "public"."triage_decision" AS ENUM('openCase', 'passToSig', 'routeToOrdinarySupport', 'notForUs');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('normal', 'high', 'immediate');--> statement-breakpoint
CREATE TYPE "public"."user_kind" AS ENUM('staff', 'partner');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('intake', 'caseWorker', 'coordinator', 'fieldWorker', 'unitManager', 'administrator', 'police', 'probationOfficer', 'schoolStaff');--> statement-breakpoint
CREATE SEQUENCE "public"."referral_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "municipality" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_name_unique" UNIQUE("name"),
	CONSTRAINT "municipality_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"type" "organisation_type" NOT NULL,
	"name" text NOT NULL,
	"requires_mfa" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"kind" "user_kind" NOT NULL,
	"role" "user_role" NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid,
	"organisation_id" uuid,
	"locale" text DEFAULT 'sv' NOT NULL,
	"qualified_social_worker" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_email_unique" UNIQUE("email"),
	CONSTRAINT "partner_has_organisation" CHECK ("app_user"."kind" <> 'partner' OR "app_user"."organisation_id" IS NOT NULL),
	CONSTRAINT "staff_has_no_organisation" CHECK ("app_user"."kind" <> 'staff' OR "app_user"."organisation_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"identity_number" char(12),
	"birth_date" date,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"source_organisation_id" uuid,
	"submitted_by_user_id" uuid NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"threat_or_protection_need" boolean DEFAULT false NOT NULL,
	"person_wants_out" boolean DEFAULT false NOT NULL,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" "referral_status" DEFAULT 'submitted' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"triaged_at" timestamp with time zone,
	"triaged_by_user_id" uuid,
	"triage_decision" "triage_decision",
	"triage_programme" "programme",
	"triage_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"programme" "programme" NOT NULL,
	"unit_id" uuid,
	"responsible_user_id" uuid,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"age_at_start" integer,
	"referral_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"role" text,
	"municipality_id" uuid,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"subject_ids" uuid[],
	"outcome" "audit_outcome" DEFAULT 'allowed' NOT NULL,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_source_organisation_id_organisation_id_fk" FOREIGN KEY ("source_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_submitted_by_user_id_app_user_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_triaged_by_user_id_app_user_id_fk" FOREIGN KEY ("triaged_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_responsible_user_id_app_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_municipality_id_name_index" ON "organisation" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_municipality_id_name_index" ON "unit" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_municipality_id_identity_number_index" ON "person" USING btree ("municipality_id","identity_number") WHERE "person"."identity_number" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_submitted_by_user_id_idempotency_key_index" ON "referral" USING btree ("submitted_by_user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "referral_inbox_idx" ON "referral" USING btree ("municipality_id","status","received_at","id");--> statement-breakpoint
CREATE INDEX "referral_source_idx" ON "referral" USING btree ("source_organisation_id","received_at","id");--> statement-breakpoint
CREATE INDEX "referral_person_id_index" ON "referral" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_event_case_id_at_index" ON "case_event" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_municipality_id_status_opened_at_index" ON "case" USING btree ("municipality_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "case_person_id_index" ON "case" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_entry_municipality_id_at_index" ON "audit_entry" USING btree ("municipality_id","at");--> statement-breakpoint
CREATE INDEX "audit_entry_record_type_record_id_index" ON "audit_entry" USING btree ("record_type","record_id");