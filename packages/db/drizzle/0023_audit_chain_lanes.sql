ALTER TABLE "audit_entry" ADD COLUMN "chain_lane" smallint;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_entry_chain_head_index" ON "audit_entry" USING btree ("municipality_id","chain_lane","chain_seq") WHERE chain_lane is not null;--> statement-breakpoint
-- Issue 9: one audit chain was one lock. Every audited request in every municipality took
-- pg_advisory_xact_lock(727003) in its audit insert and held it through COMMIT, WAL flush included, so audited
-- requests committed one at a time (docs/performance.md: backends waited on Lock:advisory 82-91 % of the time).
-- Now each municipality has 16 lanes, each lane its own chain under its own lock. A backend always writes to the
-- lane of its process id, so a connection never waits on itself and a pool of connections spreads over the
-- lanes. Every chain is still appended under a transaction-level advisory lock, so no chain can fork.
--
-- Positions come from one sequence, drawn under the lane's lock: unique over all chains, increasing within a
-- chain. A chain's first row has no predecessor (prev_hash null); the rows written before this migration stay
-- one legacy chain (lane null) with consecutive positions, and audit:verify walks it as before.
CREATE SEQUENCE audit_entry_chain_seq_seq AS bigint OWNED BY audit_entry.chain_seq;--> statement-breakpoint
SELECT setval('audit_entry_chain_seq_seq', coalesce((SELECT max(chain_seq) FROM audit_entry), 0) + 1, false);--> statement-breakpoint

-- The lane joins the hashed content only when present, so every legacy entry's hash stays valid; moving an
-- entry to another lane or municipality changes its hash.
CREATE OR REPLACE FUNCTION audit_entry_digest(e audit_entry, prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || '|' || (jsonb_build_object(
    'id', e.id, 'at', extract(epoch from e.at)::text, 'userId', e.user_id, 'role', e.role,
    'municipalityId', e.municipality_id, 'organisationId', e.organisation_id, 'action', e.action,
    'recordType', e.record_type, 'recordId', e.record_id, 'subjectIds', e.subject_ids,
    'outcome', e.outcome, 'requestId', e.request_id, 'chainSeq', e.chain_seq
  ) || jsonb_strip_nulls(jsonb_build_object('reason', e.reason, 'lane', e.chain_lane)))::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  lane smallint := (pg_backend_pid() % 16)::smallint;
  last_hash text;
BEGIN
  -- Two-key form: a namespace of its own, apart from the old single chain's key 727003.
  PERFORM pg_advisory_xact_lock(727004, hashtext(coalesce(NEW.municipality_id::text, 'national') || ':' || lane));
  IF NEW.municipality_id IS NULL THEN
    SELECT hash INTO last_hash FROM audit_entry
      WHERE municipality_id IS NULL AND chain_lane = lane ORDER BY chain_seq DESC LIMIT 1;
  ELSE
    SELECT hash INTO last_hash FROM audit_entry
      WHERE municipality_id = NEW.municipality_id AND chain_lane = lane ORDER BY chain_seq DESC LIMIT 1;
  END IF;
  NEW.chain_lane := lane;
  NEW.chain_seq := nextval('audit_entry_chain_seq_seq');
  NEW.prev_hash := last_hash;
  NEW.hash := audit_entry_digest(NEW, last_hash);
  RETURN NEW;
END
$$;
