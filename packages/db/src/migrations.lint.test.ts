// Migration lint (issue 9): squawk (squawk-cli, a PostgreSQL migration linter) checks every committed migration
// for statements that lock or rewrite a large table, break running code, or lose data: dropping a column or table,
// a NOT NULL column without a default, a column type change, an index built without CONCURRENTLY on an existing
// table, a constraint validated under an exclusive lock, and so on.
//
// Rules left out, and why:
// - require-lock-timeout / require-statement-timeout: runMigrations sets `lock_timeout` on its one connection
//   before drizzle's migration transaction (migrate.ts), so every migration has one without repeating it per file;
//   a statement timeout would cut a long but harmless backfill.
// - prefer-bigint-over-int / -smallint, ban-char-field: type style, not deployment safety.
//
// drizzle runs each migration inside a transaction, where CREATE INDEX CONCURRENTLY is impossible. An index on an
// existing table is therefore an allowlist decision: say in the entry why the table is small enough, or ship the
// index out of band (`create index concurrently` by hand before the release, `if not exists` in the migration).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate.ts';

const excluded = [
  'require-lock-timeout',
  'require-statement-timeout',
  'prefer-bigint-over-int',
  'prefer-bigint-over-smallint',
  'ban-char-field',
];

/**
 * Findings accepted in migrations that were already merged when the lint arrived, with the reason. A new entry
 * needs the same: why the lock or rewrite is harmless at the table's size, or the plan that makes it so.
 */
const allowed: Record<string, Record<string, string>> = {
  '0018_external_subject.sql': {
    'disallowed-unique-constraint':
      'app_user holds the accounts of the municipalities (hundreds to a few thousand rows): the unique index on the ' +
      'new, all-null external_subject builds in milliseconds under the lock (the lead renames this key at renumbering)',
    'constraint-missing-not-valid': 'as above',
  },
  '0001_audit_chain.sql': {
    'require-concurrent-index-creation': 'audit_entry was days old and near empty when the chain arrived',
  },
  '0005_intake_sources.sql': {
    'adding-foreign-key-constraint': 'referral held only demo data; validated in the same transaction',
    'constraint-missing-not-valid': 'as above',
    'ban-drop-not-null': 'relaxing NOT NULL for self-applications; old code never wrote null, so it keeps working',
    'require-concurrent-index-creation': 'referral held only demo data',
  },
  '0008_inbox_open_index.sql': {
    'require-concurrent-index-creation': 'partial index over open referrals (≈2 % of rows); built before launch',
    'require-concurrent-index-deletion': 'drops the index it replaces; no production data yet',
  },
  '0010_case_lifecycle.sql': {
    'require-enum-value-ordering': "appends 'reopened' to case_status; no code relies on the enum's order",
    'adding-foreign-key-constraint':
      'case.coordinator_user_id is a new, empty column; merged before the lint and before production data. ' +
      'With data: ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later migration',
    'constraint-missing-not-valid': 'as above',
    'require-concurrent-index-creation':
      'three indexes on "case", merged before the lint and before production data; at 1M cases each blocks case ' +
      'writes for seconds: with data, build them CONCURRENTLY outside the migration first',
  },
  '0011_security_review.sql': {
    'adding-field-with-default':
      'session.handle uses a volatile default (gen_random_uuid), so the session table is rewritten; it holds only ' +
      'live sessions (at most 12 hours old), a few thousand rows at most, rewritten in milliseconds',
    'require-concurrent-index-creation': 'unique index on session.handle: the same small session table',
  },
  '0012_intake_followup.sql': {
    'require-concurrent-index-creation':
      'person (municipality, birth date) for matching and referral (assigned unit) for the inbox filter; built before ' +
      'launch. With production data: CREATE INDEX CONCURRENTLY outside the migration first',
  },
  // Expiry notices of police assessments, and retention of the newer registers.
  '0025_retention_and_assessment_notices.sql': {
    'require-enum-value-ordering':
      "appends 'assessmentExpiring' and 'assessmentExpired' to notification_kind; no code relies on the enum's order",
  },
  // Transfer between municipalities (issue 6 item 9). The lead renames this key when renumbering the migration.
  '0021_case_transfer.sql': {
    'require-enum-value-ordering': "appends 'transferOffered' to notification_kind; no code relies on the enum's order",
    'adding-foreign-key-constraint':
      'case.transferred_from_case_id and notification.case_transfer_id are new, empty columns: the check scans nothing. ' +
      'With data: ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later migration',
    'constraint-missing-not-valid':
      'as above; the notification check (a referral or a transfer) holds for every existing row, which all have a referral',
  },
  '0013_follow_up.sql': {
    'require-concurrent-index-creation':
      'three range indexes for the follow-up report (referrals by receipt, cases by opening and closing); built ' +
      'before launch. With production data: CREATE INDEX CONCURRENTLY outside the migration first',
  },
  '0016_follow_up_costs.sql': {
    'constraint-missing-not-valid':
      'two CHECKs on state_funding_assessment, one row per case with a police funding assessment (tens per ' +
      'municipality and year): the validating scan takes well under a millisecond',
  },
  '0020_police_assessment.sql': {
    'require-enum-value-ordering':
      'notification_kind gains assessmentRequested and assessmentAnswered; nothing sorts or compares by the enum order',
    'ban-drop-not-null':
      'notification.referral_id becomes optional for notifications about police assessment requests (link_path says ' +
      'where they lead); its only reader, the notification centre, is changed in the same release',
  },
  '0023_audit_chain_lanes.sql': {
    'require-concurrent-index-creation':
      'the chain-head index is partial (chain_lane is not null) and no row written before this migration has a lane, ' +
      'so it is built empty; the build still scans audit_entry once under a SHARE lock, which pauses audited requests ' +
      'for that scan (measured 1M-case bench database below in docs/scaling.md). With production data: CREATE INDEX ' +
      'CONCURRENTLY IF NOT EXISTS audit_entry_chain_head_index … out of band before the release',
  },
  // Case search and the case list's keyset (issue 9). The lead renames this key when renumbering the migration.
  '0026_case_search.sql': {
    'require-concurrent-index-creation':
      'two name indexes on person and four on "case" (the list order, partial ones for open and closed cases, and referral_id for ' +
      'search by reference). Each build takes a SHARE lock and blocks writes to its table for the scan (seconds per index ' +
      'at a million rows). With production data: CREATE INDEX CONCURRENTLY IF NOT ' +
      'EXISTS … by hand before the release, and the migration finds them (the lead adds IF NOT EXISTS then)',
    'require-concurrent-index-deletion':
      'drops case (municipality_id, status, opened_at), replaced by the partial case_list_open_idx and case_list_closed_idx (under RLS the ' +
      'status column could not be an index condition anyway): ' +
      'DROP INDEX takes an ACCESS EXCLUSIVE lock only for the catalogue change, no scan',
  },
  // Stored folded names for case search (issue 9). The lead renames this key when renumbering the migration.
  '0031_case_search_keys.sql': {
    'adding-field-with-default':
      'person.first_name_key / last_name_key are stored generated columns: one rewrite of person (both in one ALTER TABLE) ' +
      'under an ACCESS EXCLUSIVE lock, 2.1–2.3 s for the whole migration at 100,000 people on a busy machine, so about 20 s at a ' +
      'million; person holds the people of referrals, far fewer nationally. The plan for a much larger table (a nullable ' +
      'column kept by a trigger, backfilled in batches) is in the migration',
    'require-concurrent-index-deletion':
      'drops the two expression name indexes, replaced by the same names on the stored keys, under the lock the rewrite ' +
      'takes anyway; dropped first so the rewrite does not rebuild them',
    'require-concurrent-index-creation':
      'the two name indexes on the stored keys, built inside the same ACCESS EXCLUSIVE lock as the rewrite (included in the time above)',
  },
  // The follow-up report's counts (issue 9). The lead renames this key when renumbering the migration.
  '0028_report_trend_indexes.sql': {
    'require-concurrent-index-creation':
      'referral_report_idx rebuilt with INCLUDE (status, source_organisation_id) and case (municipality_id, closed_at): ' +
      'each build takes a SHARE lock and blocks writes to its table for the scan (about 1 s per index at 100,000 cases). ' +
      'With production data: CREATE INDEX CONCURRENTLY IF NOT EXISTS … by hand before the release (the migration uses IF NOT EXISTS)',
    'require-concurrent-index-deletion':
      'drops referral_report_idx only to rebuild it with included columns; DROP INDEX takes an ACCESS EXCLUSIVE lock only for the catalogue change',
  },
  // Unused follow-up report indexes dropped (issue 9). The lead renames this key when renumbering the migration.
  '0032_drop_unused_report_indexes.sql': {
    'require-concurrent-index-deletion':
      'drops case_report_open_idx and case_report_opened_idx, which no query needs (the plans run on case_report_closed_idx ' +
      'and case_list_idx): DROP INDEX takes an ACCESS EXCLUSIVE lock on "case" only for the catalogue change, no scan, ' +
      'under lock_timeout',
  },
  '0022_intake_drafts_matches_email.sql': {
    'require-concurrent-index-creation':
      'partial index over notifications pending e-mail (none at creation: the UPDATE before it marks every row ' +
      'handled), so it is built over an empty predicate; with a large table, CREATE INDEX CONCURRENTLY first',
    'require-enum-value-ordering': "appends 'matchRejected' to referral_event_kind; no code relies on the enum's order",
  },
};

interface Finding {
  file: string;
  line: number;
  rule_name: string;
  message: string;
}

function squawk(files: string[]): Finding[] {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('squawk-cli/package.json')), 'js', 'bin', 'squawk');
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, '--assume-in-transaction', '--reporter', 'json', '--exclude', excluded.join(','), ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // squawk exits 1 when it found something; the JSON is on stdout all the same.
    out = (error as { stdout?: string }).stdout ?? '';
    if (!out.trim().startsWith('[')) throw error;
  }
  return JSON.parse(out) as Finding[];
}

const files = fs
  .readdirSync(migrationsFolder)
  .filter((name) => name.endsWith('.sql'))
  .sort()
  .map((name) => path.join(migrationsFolder, name));

describe('migration lint (squawk)', () => {
  it('finds no unsafe statement outside the allowlist', () => {
    expect(files.length).toBeGreaterThan(0);
    const refused = squawk(files)
      .filter((f) => !allowed[path.basename(f.file)]?.[f.rule_name])
      .map((f) => `${path.basename(f.file)}:${f.line + 1} ${f.rule_name}: ${f.message}`);
    expect(refused, 'unsafe migration statements (fix them, or allowlist with a reason in this file)').toEqual([]);
  });

  it('refuses the classic unsafe statements', () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'utvag-squawk-'));
    try {
      const probe = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return squawk([file]).map((f) => f.rule_name);
      };
      expect(probe('drop-column.sql', 'ALTER TABLE "person" DROP COLUMN "last_name";')).toContain('ban-drop-column');
      expect(probe('drop-table.sql', 'DROP TABLE "case_event";')).toContain('ban-drop-table');
      expect(probe('not-null.sql', 'ALTER TABLE "referral" ADD COLUMN "x" text NOT NULL;')).toContain('adding-required-field');
      expect(probe('index.sql', 'CREATE INDEX "referral_x_idx" ON "referral" ("received_at");')).toContain(
        'require-concurrent-index-creation',
      );
      expect(probe('type.sql', 'ALTER TABLE "referral" ALTER COLUMN "reason" TYPE varchar(100);')).toContain('changing-column-type');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every entry of the allowlist still matches a finding (no stale exceptions)', () => {
    const found = new Set(squawk(files).map((f) => `${path.basename(f.file)} ${f.rule_name}`));
    const stale = Object.entries(allowed).flatMap(([file, rules]) =>
      Object.keys(rules).filter((rule) => !found.has(`${file} ${rule}`)).map((rule) => `${file} ${rule}`),
    );
    expect(stale).toEqual([]);
  });
});
