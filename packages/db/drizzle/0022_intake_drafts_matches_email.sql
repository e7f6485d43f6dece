CREATE TYPE "public"."email_notification_preference" AS ENUM('urgentOnly', 'all', 'off');--> statement-breakpoint
ALTER TYPE "public"."referral_event_kind" ADD VALUE 'matchRejected';--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "email_notifications" "email_notification_preference" DEFAULT 'urgentOnly' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "email_handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "email_sent_at" timestamp with time zone;--> statement-breakpoint
-- Notifications written before e-mail delivery existed are not mailed now (hand-written).
UPDATE notification SET email_handled_at = created_at WHERE email_handled_at IS NULL;--> statement-breakpoint
-- The e-mail outbox job reads the pending rows, newest window only (hand-written).
CREATE INDEX notification_email_pending_idx ON notification (created_at) WHERE email_handled_at IS NULL;
