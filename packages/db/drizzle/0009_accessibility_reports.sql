CREATE TABLE "accessibility_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portal" "user_kind" NOT NULL,
	"page" text,
	"message" text NOT NULL,
	"contact_email" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "accessibility_report" ADD CONSTRAINT "accessibility_report_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility_report" ADD CONSTRAINT "accessibility_report_handled_by_app_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accessibility_report_open_idx" ON "accessibility_report" USING btree ("created_at") WHERE "accessibility_report"."handled_at" is null;