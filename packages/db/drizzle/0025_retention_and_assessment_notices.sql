CREATE TYPE "public"."assessment_notice_kind" AS ENUM('expiring', 'expired');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentExpiring';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'assessmentExpired';--> statement-breakpoint
CREATE TABLE "police_assessment_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" "assessment_notice_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "police_assessment_notice" ADD CONSTRAINT "police_assessment_notice_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_assessment_notice" ADD CONSTRAINT "police_assessment_notice_assessment_id_police_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."police_assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "police_assessment_notice_assessment_id_kind_index" ON "police_assessment_notice" USING btree ("assessment_id","kind");--> statement-breakpoint
-- Hand-written: the notices belong to staff of the municipality (the nightly job runs as its municipality with no
-- organisation); partners never read them. Fail closed like 0002.
ALTER TABLE police_assessment_notice ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant ON police_assessment_notice TO utvag_app
  USING (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL)
  WITH CHECK (municipality_id = (SELECT app_municipality_id()) AND (SELECT app_organisation_id()) IS NULL);--> statement-breakpoint
-- Retention (gallring, DOMAIN.md §10) reaches the tables added after 0017: the police's threat assessment, the
-- disclosure log's note and the transfer summary (issue 3 item 6). Culling still only empties free text; dates,
-- legal bases, recipients, outcomes and who did what stay for statistics and the disclosure log's legal trail.
--
-- The police's answers (0020) are read-only for staff and the disclosure log (0019) is append-only, both by row-level
-- security. Rather than a policy that opens UPDATE whenever a transaction has set `utvag.retention_cull` (any
-- transaction of the application can set that setting, and a policy could not restrict which columns change), one
-- SECURITY DEFINER function does exactly the culling: it empties those two columns and nothing else, only for a
-- person who is a not yet culled candidate of a proposed retention run of the caller's own municipality, only in a
-- staff transaction that is culling. The policies stay as they are for every other write.
CREATE FUNCTION retention_cull_read_only_text(p_person_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_municipality uuid := app_municipality_id();
  v_assessments integer;
  v_disclosures integer;
BEGIN
  IF v_municipality IS NULL OR app_organisation_id() IS NOT NULL
    OR current_setting('utvag.retention_cull', true) IS DISTINCT FROM 'on'
    OR NOT EXISTS (
      SELECT 1 FROM retention_candidate rc JOIN retention_run rr ON rr.id = rc.run_id
      WHERE rc.person_id = p_person_id AND rc.municipality_id = v_municipality AND rc.culled_at IS NULL
        AND rr.status = 'proposed'
    ) THEN
    RAISE EXCEPTION 'only the culling of a proposed candidate may empty these records' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE police_assessment a SET threat_summary = ''
    FROM "case" c
    WHERE a.case_id = c.id AND c.person_id = p_person_id AND a.municipality_id = v_municipality AND a.threat_summary <> '';
  GET DIAGNOSTICS v_assessments = ROW_COUNT;
  UPDATE disclosure d SET note = NULL
    FROM "case" c
    WHERE d.case_id = c.id AND c.person_id = p_person_id AND d.municipality_id = v_municipality AND d.note IS NOT NULL;
  GET DIAGNOSTICS v_disclosures = ROW_COUNT;
  RETURN v_assessments + v_disclosures;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION retention_cull_read_only_text(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION retention_cull_read_only_text(uuid) TO utvag_app;--> statement-breakpoint
-- An answered transfer offer never changes (0021), except that a culling may empty its free text: the summary's
-- `text` and the reason for declining. Everything else of the offer (parties, dates, consent date, the rest of the
-- summary) must stay exactly as it was.
CREATE OR REPLACE FUNCTION case_transfer_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('utvag.retention_cull', true) = 'on'
    AND (to_jsonb(NEW) - 'summary' - 'decline_reason') = (to_jsonb(OLD) - 'summary' - 'decline_reason')
    AND (NEW.summary - 'text') = (OLD.summary - 'text')
    AND coalesce(NEW.summary ->> 'text', '') = '' AND NEW.decline_reason IS NULL THEN
    RETURN NEW;
  END IF;
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
$$;
