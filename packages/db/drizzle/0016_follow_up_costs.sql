CREATE TYPE "public"."state_funding_application_status" AS ENUM('notApplied', 'applied', 'granted', 'denied');--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD COLUMN "application_status" "state_funding_application_status" DEFAULT 'notApplied' NOT NULL;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD COLUMN "applied_on" date;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD COLUMN "decided_on" date;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD COLUMN "granted_amount_ore" bigint;--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD CONSTRAINT "state_funding_granted_not_negative" CHECK ("state_funding_assessment"."granted_amount_ore" is null or "state_funding_assessment"."granted_amount_ore" >= 0);--> statement-breakpoint
ALTER TABLE "state_funding_assessment" ADD CONSTRAINT "state_funding_decided_after_applied" CHECK ("state_funding_assessment"."decided_on" is null or "state_funding_assessment"."applied_on" is null or "state_funding_assessment"."decided_on" >= "state_funding_assessment"."applied_on");--> statement-breakpoint
-- The follow-up report's costs and police funding (issue 8) summed over a region: the regional role reads the
-- support tables of the municipalities that share with its region, as it already reads cases (0013).
CREATE POLICY regional ON intervention FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON intervention_type FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON budget FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));--> statement-breakpoint
CREATE POLICY regional ON state_funding_assessment FOR SELECT TO utvag_regional
  USING (municipality_id IN (SELECT app_region_municipality_ids()));
