CREATE TABLE "follow_up_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"region_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_figures_one_scope" CHECK (("follow_up_figures"."municipality_id" is null) <> ("follow_up_figures"."region_id" is null))
);
--> statement-breakpoint
ALTER TABLE "follow_up_figures" ADD CONSTRAINT "follow_up_figures_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_figures" ADD CONSTRAINT "follow_up_figures_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_figures_municipality_idx" ON "follow_up_figures" USING btree ("municipality_id","period_from","period_to") WHERE "follow_up_figures"."municipality_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_figures_region_idx" ON "follow_up_figures" USING btree ("region_id","period_from","period_to") WHERE "follow_up_figures"."region_id" is not null;--> statement-breakpoint
-- Hand-written (issue 9): a new, empty table, so the indexes above build under no data. Row-level security like the
-- other municipality tables: the municipality's own transaction (staff, or the nightly job as the municipality)
-- reads and writes its own rows; the regional role reads and writes only its region's sums, nothing else.
SET lock_timeout = '5s';--> statement-breakpoint
ALTER TABLE follow_up_figures ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON follow_up_figures TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY regional ON follow_up_figures TO utvag_regional
  USING (region_id = (SELECT app_region_id()))
  WITH CHECK (region_id = (SELECT app_region_id()));--> statement-breakpoint
GRANT INSERT, UPDATE ON follow_up_figures TO utvag_regional;
