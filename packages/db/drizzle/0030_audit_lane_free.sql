-- Issue 9: a backend's lane was pg_backend_pid() % 16 and nothing else. Process ids are handed out in order, so a
-- pool opened at once spreads over the lanes, but pools reconnect (idle timeouts, a database restart), other
-- processes take ids in between, and a second app instance's pool overlaps the first's lanes. Two backends of one
-- lane committed one after the other, the WAL flush included (Lock:advisory in the benchmark's wait events). Now
-- the trigger takes the first free lane: it tries the lane this transaction already
-- holds (or its backend's), then the next ones, with pg_try_advisory_xact_lock, which never waits. Only when all
-- sixteen lanes of the municipality are held does it wait, for its backend's lane, as before.
--
-- The chains are unchanged: every lane is still appended under its transaction-level lock, so no chain forks,
-- and audit:verify walks each (municipality, lane) chain as before. A transaction keeps its lane for its later
-- entries (utvag.audit_lane, transaction-local), so one request's entries stay in one chain.
CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  scope text := coalesce(NEW.municipality_id::text, 'national');
  start smallint := coalesce(nullif(current_setting('utvag.audit_lane', true), '')::smallint, (pg_backend_pid() % 16)::smallint);
  lane smallint;
  last_hash text;
BEGIN
  -- Two-key form, the same keys as migration 0023: a lane is the same lock for old and new code.
  FOR i IN 0..15 LOOP
    IF pg_try_advisory_xact_lock(727004, hashtext(scope || ':' || ((start + i) % 16)::smallint)) THEN
      lane := ((start + i) % 16)::smallint;
      EXIT;
    END IF;
  END LOOP;
  IF lane IS NULL THEN
    lane := start;
    PERFORM pg_advisory_xact_lock(727004, hashtext(scope || ':' || lane));
  END IF;
  PERFORM set_config('utvag.audit_lane', lane::text, true);
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
