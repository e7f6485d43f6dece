// The hot queries must be served by their indexes, not a sequential scan (STACK.md trap 7: an ORDER BY that
// does not match the index falls back to a parallel seq scan on a million rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseSearch } from '@utvag/domain';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { sql } from 'drizzle-orm';
import { listCases } from './cases.ts';
import { casePageQuery, findCases, namePrefixProbe } from './case-search.ts';
import { listInboxSql, listSubmissionsOfOrganisation } from './referrals.ts';
import { inTenantTransaction } from './tenant.ts';
import { createMunicipality, createUnit, createUser } from '../seed/factories.ts';
import type { Tx } from '../client.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // The planner prefers a seq scan on tiny tables; this makes it show which index it would use.
  await t.sql`set enable_seqscan = off`;
});
afterAll(() => t.drop());

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL();
  const rows = await t.sql.unsafe(`explain ${text}`, params as never[]);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

it('serves the inbox page from referral_inbox_open_idx without sorting, also the next page', async () => {
  const municipalityId = '00000000-0000-4000-8000-000000000000';
  const after = { rank: 1, receivedAt: new Date(), id: municipalityId };
  for (const q of [{ municipalityId, limit: 50 }, { municipalityId, limit: 50, after }]) {
    const plan = await planOf({ toSQL: () => listInboxSql(t.db, q) });
    expect(plan).toContain('referral_inbox_open_idx');
    expect(plan).not.toMatch(/Seq Scan on referral|Sort/);
  }
});

it('serves a partner’s submissions from referral_source_idx', async () => {
  const plan = await planOf(
    listSubmissionsOfOrganisation(t.db, { organisationId: '00000000-0000-4000-8000-000000000000', limit: 50 }) as never,
  );
  expect(plan).toContain('referral_source_idx');
});

it('uses the same index as the application role, under row-level security', async () => {
  const municipalityId = '00000000-0000-4000-8000-000000000000';
  const tenant = { municipalityId, organisationId: null, userId: municipalityId, role: 'intake' };
  const plan = await inTenantTransaction(t.db, tenant, async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const { sql: text, params } = listInboxSql(tx, { municipalityId, limit: 50 });
    const rows = await tx.execute(sql.raw(`explain ${inline(text, params)}`));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
  expect(plan).toContain('referral_inbox_open_idx');
  expect(plan).not.toMatch(/Seq Scan on referral|Sort/);
});

/** EXPLAIN cannot take bind parameters through Drizzle's sql.raw; inline them as literals (test values only). */
function inline(text: string, params: unknown[]) {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value instanceof Date ? value.toISOString() : value).replaceAll("'", "''")}'`;
  });
}

describe('the case list (issue 9)', () => {
  let municipalityId: string;
  let user: { id: string; role: 'caseWorker'; unitId: string };
  /** A colleague of the same unit, who is named on none of the cases. */
  let colleague: typeof user;

  // 20,000 cases of one municipality, a fifth open, with names spread like real ones (no prefix holds more than a
  // few per cent) but for one common last name (an eighth of the people), analysed: the planner then picks what it would pick in production, seq scans allowed too.
  beforeAll(async () => {
    const m = await createMunicipality(t.db);
    const u = await createUnit(t.db, { municipalityId: m.id, kind: 'exitProgramme' });
    const worker = await createUser(t.db, { municipalityId: m.id, role: 'caseWorker', unitId: u.id });
    const other = await createUser(t.db, { municipalityId: m.id, role: 'caseWorker', unitId: u.id });
    municipalityId = m.id;
    user = { id: worker.id, role: 'caseWorker', unitId: u.id };
    colleague = { id: other.id, role: 'caseWorker', unitId: u.id };
    await t.sql`insert into person (municipality_id, first_name, last_name, identity_number, protected_identity)
      select ${m.id}, initcap(substr(md5(i::text), 1, 6)),
             case when i % 8 = 0 then 'Vanligsson' else initcap(substr(md5((i * 7)::text), 1, 9)) end, lpad(i::text, 12, '0'), i % 97 = 0
      from generate_series(1, 20000) as i`;
    await t.sql`insert into "case" (municipality_id, person_id, programme, unit_id, responsible_user_id, status, opened_at)
      select ${m.id}, p.id, 'sig', ${u.id}, ${worker.id}, (case when random() < 0.2 then 'open' else 'closed' end)::case_status,
             now() - random() * interval '1500 days'
      from person p where p.municipality_id = ${m.id}`;
    await t.sql`analyze person`;
    await t.sql`analyze "case"`;
  });

  /** The plan as the application role sees it, with the tenant set and row-level security on. */
  type Built = { toSQL(): { sql: string; params: unknown[] } };
  async function appPlanOf(viewer: typeof user, build: (tx: Tx) => Built | Promise<{ query: Built } | null>, seqScan = true) {
    const tenant = { municipalityId, organisationId: null, userId: viewer.id, role: viewer.role };
    return inTenantTransaction(t.db, tenant, async (tx) => {
      await tx.execute(sql.raw(`set local enable_seqscan = ${seqScan ? 'on' : 'off'}`));
      // A builder is not awaited here (that would run it); casePageQuery wraps its builder in an object.
      const made = build(tx);
      const built = 'toSQL' in made ? made : (await made)?.query;
      if (!built) return null;
      const { sql: text, params } = built.toSQL();
      const rows = await tx.execute(sql.raw(`explain ${inline(text, params)}`));
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
  }
  const after = () => ({ openedAtMicros: String((Date.now() - 86_400_000) * 1000), id: municipalityId });

  it('serves a filtered page from case_list_open_idx without sorting, also the next page', async () => {
    for (const cursor of [undefined, after()]) {
      const plan = await appPlanOf(user, (tx) => listCases(tx, { municipalityId, user, scope: 'all', status: 'open', after: cursor, limit: 50 }) as never);
      expect(plan).toContain('case_list_open_idx');
      expect(plan).not.toMatch(/Seq Scan on "?case"?|Sort/);
    }
  });

  it('serves the unfiltered page from case_list_idx without sorting', async () => {
    const plan = await appPlanOf(user, (tx) => listCases(tx, { municipalityId, user, scope: 'all', after: after(), limit: 50 }) as never);
    expect(plan).toContain('case_list_idx');
    expect(plan).not.toMatch(/Seq Scan on "?case"?|Sort/);
  });

  // The searches with sequential scans off: at 20,000 rows a scan costs less than the indexes, so this shows that
  // the query's expressions match the indexes (at the benchmark's sizes the planner picks them by itself).
  it('finds people by the start of their first or last name through the name indexes', async () => {
    for (const term of ['Ab', 'Ab Cd']) {
      const search = parseCaseSearch(term);
      if (!search.ok) throw new Error('a name');
      const plan = await appPlanOf(colleague, (tx) =>
        listCases(tx, { municipalityId, user: colleague, scope: 'all', status: 'open', search: search.value, limit: 50 }) as never,
      false);
      // One word: either name, so both indexes (a BitmapOr); two words: whichever name index the planner prefers.
      if (term === 'Ab') expect(plan).toMatch(/person_first_name_key_idx[^]*person_last_name_key_idx|person_last_name_key_idx[^]*person_first_name_key_idx/);
      else expect(plan).toMatch(/person_(first|last)_name_key_idx/);
      expect(plan).not.toMatch(/Seq Scan on (person|"?case"?)/);
    }
  });

  // How a name search reads its page is chosen by counting the people the prefix matches (case-search.ts). The
  // seeded names are hex strings: three letters match about 10 people of 20,000, two about 150; 'Van' 2,500.
  const nameSearch = (term: string) => {
    const search = parseCaseSearch(term);
    if (!search.ok || search.value.kind !== 'name') throw new Error('a name');
    return search.value;
  };

  it('reads a rare prefix’s page through the matching people’s cases, without walking the list index', async () => {
    for (const cursor of [undefined, after()]) {
      const plan = await appPlanOf(colleague, (tx) =>
        casePageQuery(tx, { municipalityId, user: colleague, scope: 'all', status: 'open', search: nameSearch('abc'), after: cursor, limit: 50 }),
      );
      expect(plan).toContain('case_person_id_index');
      expect(plan).not.toMatch(/case_list_open_idx|case_list_idx|Seq Scan on "?case"?/);
    }
  });

  it('finds the rare prefix’s people through the name indexes, and a prefix of nobody needs no second query', async () => {
    const tenant = { municipalityId, organisationId: null, userId: colleague.id, role: colleague.role };
    const { probe, page } = await inTenantTransaction(t.db, tenant, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute(sql`explain ${namePrefixProbe({ municipalityId, search: nameSearch('abc'), limit: 2000 })}`);
      const probe = rows.map((r) => Object.values(r)[0]).join('\n');
      return { probe, page: await casePageQuery(tx, { municipalityId, user: colleague, scope: 'all', status: 'open', search: nameSearch('Zqx'), limit: 50 }) };
    });
    // Two plain range scans (no BitmapOr reading every match first), one per name index, on the stored keys; the
    // indexes hold the ids, so index-only where the visibility map allows.
    expect(probe).toMatch(/Index (Only )?Scan using person_first_name_key_idx[^]*Index (Only )?Scan using person_last_name_key_idx/);
    expect(probe).toMatch(/Index Cond: .*first_name_key[^]*Index Cond: .*last_name_key/);
    expect(probe).not.toMatch(/BitmapOr|Seq Scan|utvag_name_key/);
    expect(page).toBeNull();
  });

  // 'Van' matches 2,500 people, just past the limit: the worst case of the walk, about 51 × 8 cases here.
  it('walks the list index for a common prefix (past the people limit), filling the page in list order', async () => {
    for (const cursor of [undefined, after()]) {
      const plan = await appPlanOf(colleague, (tx) =>
        casePageQuery(tx, { municipalityId, user: colleague, scope: 'all', status: 'open', search: nameSearch('van'), after: cursor, limit: 50 }),
      );
      expect(plan).toMatch(/Index Scan Backward using case_list_open_idx[^]*Index Scan using person_pkey on person/);
      expect(plan).not.toMatch(/case_person_id_index|Sort/);
      // Each case's person is tested on the stored folded names (migration 0031), not by folding them per case.
      expect(plan).toMatch(/Filter: .*first_name_key.*last_name_key/);
      expect(plan).not.toContain('utvag_name_key');
    }
  });

  // postgres.js prepares every statement, and after five runs PostgreSQL may keep a generic plan, which sees no prefix:
  // for the walk's statement that is the person-first plan with a sort, reading every match of a common prefix.
  it('plans each name search page for its own prefix, also after many runs of the same statement', async () => {
    const tenant = { municipalityId, organisationId: null, userId: colleague.id, role: colleague.role };
    const statements = await inTenantTransaction(t.db, tenant, async (tx) => {
      for (let i = 0; i < 8; i++) {
        for (const term of ['van', 'abc']) {
          await findCases(tx, { municipalityId, user: colleague, scope: 'all', status: 'open', search: nameSearch(term), limit: 50 });
        }
      }
      return tx.execute<{ generic: number; custom: number }>(sql`
        select generic_plans as generic, custom_plans as custom from pg_prepared_statements
        where statement like '%"opened_at" desc%' and statement like '%first_name_key%'`);
    });
    // The walk's statement and the person-first one (it has the people's ids too), eight runs each.
    expect(statements.map((s) => [Number(s.generic), Number(s.custom)])).toEqual([
      [0, 8],
      [0, 8],
    ]);
  });

  it('finds a person by identity number and a case by referral reference through their unique indexes', async () => {
    const byNumber = await appPlanOf(user, (tx) =>
      casePageQuery(tx, { municipalityId, user, scope: 'all', search: { kind: 'identityNumber', digits: '000000000042' }, limit: 50 }),
    false);
    expect(byNumber).toContain('person_municipality_id_identity_number_index');
    expect(byNumber).not.toMatch(/Seq Scan on (person|"?case"?)/);
    const byReference = await appPlanOf(user, (tx) =>
      casePageQuery(tx, { municipalityId, user, scope: 'all', search: { kind: 'reference', reference: 'UTV-2026-000001' }, limit: 50 }),
    false);
    expect(byReference).toContain('case_referral_id_index');
    expect(byReference).not.toMatch(/Seq Scan on "?case"?/);
  });
});
