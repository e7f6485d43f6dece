// A name search reads its page one of two ways (case-search.ts): through the matching people's cases when few people
// match, or by walking the list in order when many do. Both must return the same pages, in the same order, with the
// same keyset cursors, under row-level security, whatever the threshold between them.
import { parseCaseSearch, type CaseStatus } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createMunicipality, createUnit, createUser } from '../seed/factories.ts';
import { findCases, peopleOfNamePrefix } from './case-search.ts';
import type { CaseCursor, CaseViewer } from './cases.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let municipalityId: string;
let named: CaseViewer;
let colleague: CaseViewer;

// 240 people: first names Ebba ×120, Ebbe ×60, Eskil ×40, Elof ×20; last names Ekdahl, Ekström, Lind, Lindqvist by
// turns; every 13th person protected. One to three cases each, a few opened at the same instant (the id breaks the
// tie), a third open. The other municipality has the same names, so the tenant filter is tested too.
beforeAll(async () => {
  t = await createTestDatabase();
  for (const [index, m] of [await createMunicipality(t.db), await createMunicipality(t.db)].entries()) {
    const unitId = (await createUnit(t.db, { municipalityId: m.id })).id;
    const worker = await createUser(t.db, { municipalityId: m.id, role: 'caseWorker', unitId });
    const other = await createUser(t.db, { municipalityId: m.id, role: 'caseWorker', unitId });
    if (index === 0) {
      municipalityId = m.id;
      named = { id: worker.id, role: 'caseWorker', unitId };
      colleague = { id: other.id, role: 'caseWorker', unitId };
    }
    await t.sql`insert into person (municipality_id, first_name, last_name, identity_number, protected_identity)
      select ${m.id},
             case when i <= 120 then 'Ebba' when i <= 180 then 'Ebbe' when i <= 220 then 'Eskil' else 'Elof' end,
             (array['Ekdahl', 'Ekström', 'Lind', 'Lindqvist'])[1 + i % 4], ${String(index)} || lpad(i::text, 11, '0'), i % 13 = 0
      from generate_series(1, 240) as i`;
    await t.sql`insert into "case" (municipality_id, person_id, programme, unit_id, responsible_user_id, status, opened_at)
      select p.municipality_id, p.id, 'sig', ${unitId}, ${worker.id}, (case when (n + k) % 3 = 0 then 'open' else 'closed' end)::case_status,
             timestamptz '2026-01-01' - ((n * 7 + k * 3) % 500) * interval '1 hour'
      from (select id, municipality_id, row_number() over (order by identity_number) as n from person where municipality_id = ${m.id}) p,
           generate_series(1, 1 + (p.n % 3)::int) as k`;
  }
});
afterAll(() => t.drop());

const nameOf = (term: string) => {
  const parsed = parseCaseSearch(term);
  if (!parsed.ok) throw new Error(term);
  return parsed.value;
};

/** Every page of a search, as case ids per page, read with the given people limit as the application role. */
async function pages(viewer: CaseViewer, term: string, status: CaseStatus | undefined, peopleLimit: number) {
  const tenant = { municipalityId, organisationId: null, userId: viewer.id, role: viewer.role };
  return inTenantTransaction(t.db, tenant, async (tx) => {
    const result: string[][] = [];
    let after: CaseCursor | undefined;
    for (;;) {
      const rows = await findCases(tx, { municipalityId, user: viewer, scope: 'all', status, search: nameOf(term), after, limit: 8, peopleLimit });
      result.push(rows.map((r) => r.case.id));
      const last = rows.at(-1);
      if (!last || rows.length < 8) return result;
      after = { openedAtMicros: last.openedAtMicros, id: last.case.id };
    }
  });
}

async function peopleCount(term: string) {
  const search = nameOf(term);
  if (search.kind !== 'name') throw new Error(term);
  const tenant = { municipalityId, organisationId: null, userId: named.id, role: named.role };
  const ids = await inTenantTransaction(t.db, tenant, (tx) => peopleOfNamePrefix(tx, { municipalityId, search, limit: 10_000 }));
  return ids!.length;
}

describe('a name search read person-first and by the list walk', () => {
  it('counts the people a prefix matches, in the tenant only, and reports more than the limit as null', async () => {
    expect(await peopleCount('ebba')).toBe(120);
    expect(await peopleCount('ebb')).toBe(180);
    expect(await peopleCount('ek')).toBe(120);
    // Two words: the shorter of the two words' lists (the page's query checks the other word).
    expect(await peopleCount('ebba lind')).toBe(120);
    expect(await peopleCount('Élof Ek')).toBe(20);
    expect(await peopleCount('zqx')).toBe(0);
    const tenant = { municipalityId, organisationId: null, userId: named.id, role: named.role };
    const search = nameOf('ebb');
    if (search.kind !== 'name') throw new Error('a name');
    const bounded = await inTenantTransaction(t.db, tenant, (tx) => peopleOfNamePrefix(tx, { municipalityId, search, limit: 179 }));
    expect(bounded).toBeNull();
  });

  for (const term of ['ebba', 'ebb', 'ek', 'lindq', 'ebba lind', 'Élof Ek', 'zqx']) {
    for (const status of [undefined, 'open'] as const) {
      it(`returns the same pages for “${term}”${status ? ' (open)' : ''} on both paths and at the threshold`, async () => {
        const count = await peopleCount(term);
        const walked = await pages(named, term, status, 0);
        // Person-first (far above the count), exactly at it, and one below it (the walk again).
        for (const peopleLimit of [10_000, count, Math.max(count - 1, 0)]) {
          expect(await pages(named, term, status, peopleLimit)).toEqual(walked);
        }
        expect(walked.flat().length).toBe(new Set(walked.flat()).size);
        // Paging is exercised: the larger searches span several pages of eight.
        if (count >= 60) expect(walked.length).toBeGreaterThan(2);
        if (count === 0) expect(walked).toEqual([[]]);
      });
    }
  }

  it('hides protected people from a colleague not named on their cases on both paths alike', async () => {
    const walked = await pages(colleague, 'ebba', undefined, 0);
    expect(await pages(colleague, 'ebba', undefined, 10_000)).toEqual(walked);
    // The one named on every case sees the protected people too: more cases.
    expect((await pages(named, 'ebba', undefined, 0)).flat().length).toBeGreaterThan(walked.flat().length);
  });
});
