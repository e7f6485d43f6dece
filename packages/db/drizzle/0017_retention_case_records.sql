-- Retention (gallring, DOMAIN.md §10) reaches the case record: culling blanks the free text of signed journal
-- entries and decisions and of the append-only eligibility history too. Those rows otherwise never change (0010),
-- so the two guards let one kind of update through: inside a transaction that has set `utvag.retention_cull` to
-- 'on' (only packages/db cullPerson does, after a unit manager approved the run), an update that changes nothing
-- but free-text columns to empty or null. Everything else about the row (who, when, outcome, signature) stays.
CREATE FUNCTION is_retention_cull(old_row jsonb, new_row jsonb, text_columns text[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  column_name text;
BEGIN
  IF (old_row - text_columns) <> (new_row - text_columns) THEN
    RETURN false;
  END IF;
  FOREACH column_name IN ARRAY text_columns LOOP
    IF new_row -> column_name IS NOT NULL AND new_row ->> column_name IS NOT NULL AND new_row ->> column_name <> '' THEN
      RETURN false;
    END IF;
  END LOOP;
  RETURN true;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change_when_signed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NULL THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'municipality_id') = (to_jsonb(OLD) - 'municipality_id') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('utvag.retention_cull', true) = 'on'
    AND is_retention_cull(to_jsonb(OLD), to_jsonb(NEW), ARRAY['body', 'oral_source_from', 'grounds', 'child_impact']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is signed and cannot change', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'municipality_id') = (to_jsonb(OLD) - 'municipality_id') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('utvag.retention_cull', true) = 'on'
    AND is_retention_cull(to_jsonb(OLD), to_jsonb(NEW), ARRAY['basis']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
