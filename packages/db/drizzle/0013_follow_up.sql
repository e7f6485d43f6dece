ALTER TYPE "public"."user_role" ADD VALUE 'regional' BEFORE 'police';--> statement-breakpoint
CREATE TABLE "clock_due" (
	"received_hour" timestamp with time zone PRIMARY KEY NOT NULL,
	"first_contact_due_at" timestamp with time zone NOT NULL,
	"safety_assessment_due_at" timestamp with time zone NOT NULL,
	"preliminary_assessment_due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_setting" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"suppression_threshold" smallint DEFAULT 5 NOT NULL,
	CONSTRAINT "follow_up_setting_threshold" CHECK ("follow_up_setting"."suppression_threshold" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"suppression_threshold" smallint DEFAULT 5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "region_data_sharing" (
	"region_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"since" date DEFAULT now() NOT NULL,
	CONSTRAINT "region_data_sharing_region_id_municipality_id_pk" PRIMARY KEY("region_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "regional_account" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_setting" ADD CONSTRAINT "follow_up_setting_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_data_sharing" ADD CONSTRAINT "region_data_sharing_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_data_sharing" ADD CONSTRAINT "region_data_sharing_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_account" ADD CONSTRAINT "regional_account_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_account" ADD CONSTRAINT "regional_account_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written (issue 8). 1. Indexes the follow-up report's range scans use: referrals by receipt, and cases still
-- open at a period's start (an open case counts as closing at infinity), so a half-year reads only its own rows.
CREATE INDEX referral_report_idx ON referral (municipality_id, received_at);--> statement-breakpoint
CREATE INDEX case_report_open_idx ON "case" (municipality_id, (coalesce(closed_at, 'infinity'::timestamptz)));--> statement-breakpoint
CREATE INDEX case_report_opened_idx ON "case" (municipality_id, opened_at);--> statement-breakpoint

-- 2. The regional view runs as a role of its own, `utvag_regional`, so the application role's policies (and the
-- plans of every other query) stay as they were. It may read, never write, the rows of the municipalities that
-- share with the region set in app.region_id; it writes only its audit entry and the clock calendar. Tables with
-- row-level security and no policy for it show it nothing; an unset region matches no row (fail closed).
DO $$
BEGIN
  CREATE ROLE utvag_regional NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO utvag_regional;--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA public TO utvag_regional;--> statement-breakpoint
GRANT INSERT ON audit_entry, clock_due TO utvag_regional;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO utvag_regional;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO utvag_regional;--> statement-breakpoint
CREATE FUNCTION app_region_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.region_id', true), '')::uuid $$;--> statement-breakpoint
CREATE FUNCTION app_region_municipality_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$ SELECT municipality_id FROM region_data_sharing WHERE region_id = (SELECT app_region_id()) $$;--> statement-breakpoint
CREATE POLICY regional ON referral FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON "case" FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON person FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON case_decision FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));
