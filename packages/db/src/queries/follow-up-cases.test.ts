// The case flow and the age and gender tables from one scan (issue 9): caseCountEntries must give exactly what the two
// separate queries gave (kept here as the reference: the flow without the person, the age and gender tables with an
// inner join to it), as the application role and as a region, over cases on every side of the period, every outcome,
// ages in every band and none, every gender, and a case whose person row the reader cannot see.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Tx } from '../client.ts';
import { createPerson, createRegion, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { insertCase } from './cases.ts';
import { ageBandSql, caseCountEntries, inRegionalTransaction, type CaseCounts, type Entry, type ReportScope } from './follow-up.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let tenant: Tenant;
let other: Tenant;
let regionId: string;
const scope = (municipalityIds: string[]): ReportScope => ({
  municipalityIds,
  start: new Date('2025-12-31T23:00:00Z'),
  end: new Date('2026-06-30T22:00:00Z'),
  now: new Date('2026-11-24T03:00:00Z'),
});

// Openings and closings before, inside, at the edges of and after 2026-H1 (Swedish midnight: 23:00Z / 22:00Z).
const spans: [string, string | null][] = [
  ['2025-06-01T10:00:00Z', null],
  ['2025-06-01T10:00:00Z', '2025-12-31T22:59:00Z'],
  ['2025-06-01T10:00:00Z', '2025-12-31T23:00:00Z'],
  ['2025-10-01T10:00:00Z', '2026-03-01T10:00:00Z'],
  ['2025-12-31T23:00:00Z', null],
  ['2026-02-01T10:00:00Z', '2026-06-30T21:59:00Z'],
  ['2026-02-01T10:00:00Z', '2026-06-30T22:00:00Z'],
  ['2026-05-01T10:00:00Z', '2026-09-01T10:00:00Z'],
  ['2026-06-30T21:59:00Z', null],
  ['2026-06-30T22:00:00Z', null],
];
const ages = [null, 12, 15, 17, 18, 20, 21, 25, 26, 29, 30, 64];
const genders = ['woman', 'man', 'other', 'unknown'] as const;
const programmes = ['adultExitProgramme', 'youthExitProgramme', 'sig'] as const;
const outcomes = ['completed', 'terminated', null] as const;

async function seed(who: Tenant, hidden: Tenant) {
  const m = who.municipality.id;
  let i = 0;
  for (const [opened, closed] of spans) {
    for (const age of ages) {
      i++;
      const person = await createPerson(t.db, { municipalityId: m, identityNumber: null, gender: genders[i % genders.length] });
      await insertCase(t.db, {
        municipalityId: m,
        personId: person.id,
        programme: programmes[i % programmes.length]!,
        status: closed ? 'closed' : 'open',
        ageAtStart: age,
        openedAt: new Date(opened),
        closedAt: closed ? new Date(closed) : null,
        closingOutcome: closed ? outcomes[i % outcomes.length] : null,
      });
    }
  }
  // A case whose person row belongs to another municipality: the reader's row-level security hides the person.
  const stranger = await createPerson(t.db, { municipalityId: hidden.municipality.id, identityNumber: null });
  await insertCase(t.db, { municipalityId: m, personId: stranger.id, programme: 'sig', status: 'open', ageAtStart: 22, openedAt: new Date('2026-03-01T10:00:00Z') });
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTenant(t.db);
  other = await createTenant(t.db);
  const outside = await createTenant(t.db);
  await seed(tenant, outside);
  await seed(other, outside);
  regionId = (await createRegion(t.db, { sharingMunicipalityIds: [tenant.municipality.id, other.municipality.id], regionalUserIds: [tenant.users.regional.id] })).id;
});
afterAll(() => t.drop());

/** The two queries as they were before they were merged. */
async function reference(tx: Tx, s: ReportScope): Promise<CaseCounts> {
  const ids = sql.join(s.municipalityIds.map((id) => sql`${id}::uuid`), sql`, `);
  const start = sql`${s.start.toISOString()}::timestamptz`;
  const end = sql`${s.end.toISOString()}::timestamptz`;
  const closing = sql`coalesce(c.closed_at, 'infinity'::timestamptz)`;
  const where = sql`c.municipality_id in (${ids}) and c.opened_at < ${end} and (c.closed_at is null or c.closed_at >= ${start})`;
  const flow = await tx.execute<{ programme: string; initiated: number; completed: number; terminated: number; open_at_end: number }>(
    sql`select c.programme::text as programme,
          count(*) filter (where c.opened_at >= ${start})::int as initiated,
          count(*) filter (where c.closed_at < ${end} and c.closing_outcome is distinct from 'terminated')::int as completed,
          count(*) filter (where c.closed_at < ${end} and c.closing_outcome = 'terminated')::int as terminated,
          count(*) filter (where ${closing} >= ${end})::int as open_at_end
        from "case" c where ${where} group by 1`,
  );
  const byAge = await tx.execute<{ band: string; gender: string; initiated: number; closed: number; open: number }>(
    sql`select ${ageBandSql(sql`c.age_at_start`)} as band, p.gender::text as gender,
          count(*) filter (where c.opened_at >= ${start})::int as initiated,
          count(*) filter (where ${closing} < ${end})::int as closed,
          count(*) filter (where ${closing} >= ${end})::int as open
        from "case" c join person p on p.id = c.person_id where ${where} group by 1, 2`,
  );
  const of = (k: 'initiated' | 'closed' | 'open') => byAge.map((r) => ({ row: r.band, column: r.gender, value: r[k] }));
  return {
    flow: flow.flatMap((r) => [
      { row: r.programme, column: 'initiated', value: r.initiated },
      { row: r.programme, column: 'completed', value: r.completed },
      { row: r.programme, column: 'terminated', value: r.terminated },
      { row: r.programme, column: 'openAtEnd', value: r.open_at_end },
    ]),
    byAgeAndGender: { initiated: of('initiated'), closed: of('closed'), open: of('open') },
  };
}

const sorted = (entries: Entry[]) => [...entries].sort((a, b) => `${a.row}:${a.column}`.localeCompare(`${b.row}:${b.column}`));
const comparable = (r: CaseCounts) => ({
  flow: sorted(r.flow),
  initiated: sorted(r.byAgeAndGender.initiated),
  closed: sorted(r.byAgeAndGender.closed),
  open: sorted(r.byAgeAndGender.open),
});
const total = (entries: Entry[]) => entries.reduce((n, e) => n + (e.value ?? 0), 0);

it('counts exactly what the two separate queries counted, as the municipality', async () => {
  const who = { municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.unitManager.id, role: 'unitManager' };
  const { found, expected } = await inTenantTransaction(t.db, who, async (tx) => ({
    found: await caseCountEntries(tx, scope([tenant.municipality.id])),
    expected: await reference(tx, scope([tenant.municipality.id])),
  }));
  expect(comparable(found)).toEqual(comparable(expected));
  // Not vacuous: 8 spans of 12 ages are alive in the period; the flow also counts the case of the hidden person.
  expect(total(found.byAgeAndGender.open) + total(found.byAgeAndGender.closed)).toBe(96);
  expect(total(found.flow.filter((e) => e.column !== 'initiated'))).toBe(97);
  expect(new Set(found.byAgeAndGender.initiated.map((e) => e.row)).size).toBeGreaterThanOrEqual(7);
});

it('counts exactly what the two separate queries counted, as a region of two municipalities', async () => {
  const both = [tenant.municipality.id, other.municipality.id];
  const { found, expected } = await inRegionalTransaction(t.db, { regionId, userId: tenant.users.regional.id, role: 'regional' }, async (tx) => ({
    found: await caseCountEntries(tx, scope(both)),
    expected: await reference(tx, scope(both)),
  }));
  expect(comparable(found)).toEqual(comparable(expected));
  expect(total(found.flow.filter((e) => e.column !== 'initiated'))).toBe(194);
});
