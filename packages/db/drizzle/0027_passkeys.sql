CREATE TABLE "webauthn_challenge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"challenge" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webauthn_credential" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" text NOT NULL,
	"sign_count" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}' NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webauthn_challenge" ADD CONSTRAINT "webauthn_challenge_session_id_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."session"("id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "webauthn_challenge" ADD CONSTRAINT "webauthn_challenge_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_credential" ADD CONSTRAINT "webauthn_credential_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webauthn_challenge_session_id_index" ON "webauthn_challenge" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webauthn_credential_credential_id_index" ON "webauthn_credential" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "webauthn_credential_user_id_index" ON "webauthn_credential" USING btree ("user_id");--> statement-breakpoint
-- Hand-written below. The tables are new and empty, so the foreign keys and indexes above lock nothing in use.
-- A passkey is its owner's alone (like a notification's recipient): the application role sees, adds and removes
-- only the signed-in user's own rows; an unset user matches none (fail closed). The sign-in steps, which run before
-- anyone is signed in, use the owner connection, as for the TOTP factor.
ALTER TABLE webauthn_credential ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY owner ON webauthn_credential TO utvag_app
  USING (user_id = (SELECT app_user_id()))
  WITH CHECK (user_id = (SELECT app_user_id()));--> statement-breakpoint
-- Challenges belong to the sign-in steps only: no policy for the application role, so none of its requests reads one.
ALTER TABLE webauthn_challenge ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- The region's role reads sums only; a credential or challenge is nothing of its business (default privileges gave SELECT).
REVOKE ALL ON webauthn_credential, webauthn_challenge FROM utvag_regional;
