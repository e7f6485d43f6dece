ALTER TABLE "session" ADD COLUMN "oidc_id_token" text;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "oidc_step_up" text;