ALTER TABLE "app_user" ADD COLUMN "external_subject" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_externalSubject_unique" UNIQUE("external_subject");