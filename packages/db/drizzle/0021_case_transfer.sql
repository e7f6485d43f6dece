CREATE TYPE "public"."transfer_status" AS ENUM('offered', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'transferOffered';--> statement-breakpoint
CREATE TABLE "case_transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"case_id" uuid NOT NULL,
	"from_municipality_id" uuid NOT NULL,
	"to_municipality_id" uuid NOT NULL,
	"status" "transfer_status" DEFAULT 'offered' NOT NULL,
	"summary" jsonb NOT NULL,
	"consent_signed_on" date NOT NULL,
	"offered_by_user_id" uuid NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by_user_id" uuid,
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"new_case_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_transfer_reference_unique" UNIQUE("reference"),
	CONSTRAINT "case_transfer_other_municipality" CHECK ("case_transfer"."from_municipality_id" <> "case_transfer"."to_municipality_id")
);
--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "transferred_from_case_id" uuid;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "case_transfer_id" uuid;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_case_id_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_from_municipality_id_municipality_id_fk" FOREIGN KEY ("from_municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_to_municipality_id_municipality_id_fk" FOREIGN KEY ("to_municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_offered_by_user_id_app_user_id_fk" FOREIGN KEY ("offered_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_answered_by_user_id_app_user_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_new_case_id_case_id_fk" FOREIGN KEY ("new_case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_transfer_to_municipality_id_status_offered_at_index" ON "case_transfer" USING btree ("to_municipality_id","status","offered_at");--> statement-breakpoint
CREATE INDEX "case_transfer_case_id_index" ON "case_transfer" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfer_one_open_offer" ON "case_transfer" USING btree ("case_id") WHERE "case_transfer"."status" = 'offered';--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_transferred_from_case_id_case_id_fk" FOREIGN KEY ("transferred_from_case_id") REFERENCES "public"."case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_case_transfer_id_case_transfer_id_fk" FOREIGN KEY ("case_transfer_id") REFERENCES "public"."case_transfer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written (issue 6 item 9): transfer of a case to another municipality.
ALTER TABLE "notification" ADD CONSTRAINT "notification_about_something" CHECK ("referral_id" IS NOT NULL OR "case_transfer_id" IS NOT NULL OR "link_path" IS NOT NULL);--> statement-breakpoint

-- Row-level security. The sender's municipality reads and writes its offers; the receiving municipality reads the
-- offers addressed to it (the row holds the consented summary and ids, never the journal or the person) and
-- answers only through the functions below. Partners (organisation set) see nothing.
ALTER TABLE case_transfer ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY sender ON case_transfer TO utvag_app
  USING (from_municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (from_municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
CREATE POLICY receiver ON case_transfer FOR SELECT TO utvag_app
  USING (to_municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint

-- An offer changes only while it is open, and only its answer: what was offered, to whom and with which consent
-- never changes; an answered offer is history. Never deleted.
CREATE FUNCTION case_transfer_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status <> 'offered' THEN
    RAISE EXCEPTION 'case_transfer % cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.reference, NEW.case_id, NEW.from_municipality_id, NEW.to_municipality_id, NEW.summary, NEW.consent_signed_on, NEW.offered_by_user_id, NEW.offered_at)
     IS DISTINCT FROM
     (OLD.id, OLD.reference, OLD.case_id, OLD.from_municipality_id, OLD.to_municipality_id, OLD.summary, OLD.consent_signed_on, OLD.offered_by_user_id, OLD.offered_at) THEN
    RAISE EXCEPTION 'case_transfer % offer cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_transfer_guard BEFORE UPDATE OR DELETE ON case_transfer
  FOR EACH ROW EXECUTE FUNCTION case_transfer_guard();--> statement-breakpoint

-- A new offer notifies the receiving municipality's intake (kind and reference only, like every notification).
-- The sender may not write another municipality's rows, so this runs as the owner.
CREATE FUNCTION case_transfer_notify() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO notification (municipality_id, recipient_user_id, kind, case_transfer_id, reference)
    SELECT NEW.to_municipality_id, u.id, 'transferOffered', NEW.id, NEW.reference
    FROM app_user u
    WHERE u.municipality_id = NEW.to_municipality_id AND u.kind = 'staff' AND u.role = 'intake' AND u.disabled_at IS NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER case_transfer_notify AFTER INSERT ON case_transfer
  FOR EACH ROW EXECUTE FUNCTION case_transfer_notify();--> statement-breakpoint

-- Accepting, in the caller's transaction, as the owner (the receiver may not read the sender's case): the person is
-- copied into the receiving municipality with the protected-identity flag (or the person already registered there
-- under the same identity number is used, and made protected if the sender's was), a new case continues the old
-- one (`transferred_from_case_id`) with the sender's status history copied onto its timeline, and the sender's
-- case is closed as moved and stays in the sender's municipality (read-only there, enforced by the API). The
-- sender's audit trail gets its own entry; the API writes the receiver's. `applied` false: not offered any more
-- or another version (a conflict); no row: no such offer to this municipality.
CREATE FUNCTION accept_case_transfer(p_transfer_id uuid, p_expected_version integer, p_request_id text)
RETURNS TABLE (applied boolean, status transfer_status, version integer, new_case_id uuid, new_person_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  t case_transfer;
  c "case";
  p person;
  v_person uuid;
  v_case uuid;
  v_user uuid := app_user_id();
  v_role text := nullif(current_setting('app.role', true), '');
BEGIN
  IF app_municipality_id() IS NULL OR app_organisation_id() IS NOT NULL OR v_user IS NULL THEN
    RAISE EXCEPTION 'accept_case_transfer needs a staff tenant' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO t FROM case_transfer ct WHERE ct.id = p_transfer_id AND ct.to_municipality_id = app_municipality_id() FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF t.status <> 'offered' OR t.version <> p_expected_version THEN
    RETURN QUERY SELECT false, t.status, t.version, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  SELECT * INTO c FROM "case" WHERE id = t.case_id FOR UPDATE;
  SELECT * INTO p FROM person WHERE id = c.person_id;
  IF p.identity_number IS NOT NULL THEN
    SELECT id INTO v_person FROM person WHERE municipality_id = t.to_municipality_id AND identity_number = p.identity_number;
  END IF;
  IF v_person IS NULL THEN
    INSERT INTO person (municipality_id, first_name, last_name, identity_number, birth_date, protected_identity, gender)
      VALUES (t.to_municipality_id, p.first_name, p.last_name, p.identity_number, p.birth_date, p.protected_identity, p.gender)
      RETURNING id INTO v_person;
  ELSIF p.protected_identity THEN
    UPDATE person SET protected_identity = true WHERE id = v_person;
  END IF;
  INSERT INTO "case" (municipality_id, person_id, programme, status, age_at_start, age_band_reason, first_contact_at, opened_at, transferred_from_case_id)
    VALUES (t.to_municipality_id, v_person, c.programme, 'open', c.age_at_start, c.age_band_reason, c.first_contact_at, now(), c.id)
    RETURNING id INTO v_case;
  INSERT INTO case_event (municipality_id, case_id, kind, data, actor_user_id, at)
    SELECT t.to_municipality_id, v_case, e.kind, (e.data - 'version') || jsonb_build_object('transferred', true), e.actor_user_id, e.at
    FROM case_event e WHERE e.case_id = c.id;
  INSERT INTO case_event (municipality_id, case_id, kind, data, actor_user_id)
    VALUES (t.to_municipality_id, v_case, 'transferredIn', jsonb_build_object('reference', t.reference, 'version', 1), v_user);
  UPDATE "case" SET status = 'closed', closed_at = now(), closing_outcome = 'terminated', termination_reason = 'moved',
    version = c.version + 1, updated_at = now()
    WHERE id = c.id;
  INSERT INTO case_event (municipality_id, case_id, kind, data, actor_user_id)
    VALUES (c.municipality_id, c.id, 'transferredOut',
      jsonb_build_object('reference', t.reference, 'changed', jsonb_build_array('status'), 'version', c.version + 1), NULL);
  UPDATE case_transfer SET status = 'accepted', answered_by_user_id = v_user, answered_at = now(), new_case_id = v_case,
    version = t.version + 1, updated_at = now()
    WHERE id = t.id;
  INSERT INTO audit_entry (user_id, role, municipality_id, action, record_type, record_id, subject_ids, request_id)
    VALUES (v_user, v_role, t.from_municipality_id, 'transfer.accept', 'case', c.id::text, ARRAY[c.person_id], p_request_id);
  RETURN QUERY SELECT true, 'accepted'::transfer_status, t.version + 1, v_case, v_person;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION accept_case_transfer(uuid, integer, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION accept_case_transfer(uuid, integer, text) TO utvag_app;--> statement-breakpoint

-- Declining, with a reason, likewise as the owner; the sender's audit trail gets its entry.
CREATE FUNCTION decline_case_transfer(p_transfer_id uuid, p_expected_version integer, p_reason text, p_request_id text)
RETURNS TABLE (applied boolean, status transfer_status, version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  t case_transfer;
  v_user uuid := app_user_id();
  v_role text := nullif(current_setting('app.role', true), '');
BEGIN
  IF app_municipality_id() IS NULL OR app_organisation_id() IS NOT NULL OR v_user IS NULL THEN
    RAISE EXCEPTION 'decline_case_transfer needs a staff tenant' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO t FROM case_transfer ct WHERE ct.id = p_transfer_id AND ct.to_municipality_id = app_municipality_id() FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF t.status <> 'offered' OR t.version <> p_expected_version THEN
    RETURN QUERY SELECT false, t.status, t.version;
    RETURN;
  END IF;
  UPDATE case_transfer SET status = 'declined', answered_by_user_id = v_user, answered_at = now(), decline_reason = p_reason,
    version = t.version + 1, updated_at = now()
    WHERE id = t.id;
  INSERT INTO audit_entry (user_id, role, municipality_id, action, record_type, record_id, request_id)
    VALUES (v_user, v_role, t.from_municipality_id, 'transfer.decline', 'caseTransfer', t.id::text, p_request_id);
  RETURN QUERY SELECT true, 'declined'::transfer_status, t.version + 1;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION decline_case_transfer(uuid, integer, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION decline_case_transfer(uuid, integer, text, text) TO utvag_app;
