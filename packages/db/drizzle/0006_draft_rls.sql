-- Drafts (issue 5) are their author's unfinished work: visible to nobody else, not even colleagues in the same
-- organisation or staff of the municipality. Same fail-closed pattern as 0002: an unset setting matches nothing.
CREATE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;--> statement-breakpoint

ALTER TABLE referral_draft ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY author ON referral_draft TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND user_id = (SELECT app_user_id()))
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND user_id = (SELECT app_user_id()));
