// Returns within 12 months (issue 9): returnEntries joins the period's closed cases to the window after it; it must
// give what the plain formulation gives (an EXISTS per closed case, kept here as the reference), as the application
// role and as a region, with rows on every edge of the window: at the closing instant, at exactly 12 months, one
// minute past, before the closing, the same case, another person, a draft, and a person coming back twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Tx } from '../client.ts';
import { createPerson, createReferral, createRegion, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { insertCase } from './cases.ts';
import { inRegionalTransaction, returnEntries, type Entry, type ReportScope } from './follow-up.ts';
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
const minute = 60_000;
const plusMonths = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

/** One closed case per entry, and what happens to its person after the closing. */
async function seed(who: Tenant) {
  const m = who.municipality.id;
  const source = { municipalityId: m, submittedByUserId: who.users.police.id, sourceOrganisationId: who.organisations.police.id };
  const closings = ['2026-01-01T10:00:00Z', '2026-03-15T12:00:00Z', '2026-06-30T21:59:00Z', '2025-12-31T22:59:00Z', '2026-06-30T22:00:00Z'];
  const afterwards: ((personId: string, closedAt: Date, caseId: string) => Promise<unknown>)[] = [
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: new Date(at.getTime() + minute) }),
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: at }),
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: plusMonths(at, 12) }),
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: new Date(plusMonths(at, 12).getTime() + minute) }),
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: new Date(at.getTime() - 30 * minute) }),
    (p, at) => createReferral(t.db, { ...source, personId: p, receivedAt: new Date(at.getTime() + 40 * 86_400_000), status: 'draft' }),
    (p, at) => insertCase(t.db, { municipalityId: m, personId: p, programme: 'sig', status: 'open', openedAt: plusMonths(at, 3) }),
    (p, at) => insertCase(t.db, { municipalityId: m, personId: p, programme: 'sig', status: 'open', openedAt: plusMonths(at, 13) }),
    async (p, at) => {
      await createReferral(t.db, { ...source, personId: p, receivedAt: plusMonths(at, 1) });
      await insertCase(t.db, { municipalityId: m, personId: p, programme: 'sig', status: 'open', openedAt: plusMonths(at, 2) });
    },
    async (_p, at) => createReferral(t.db, { ...source, receivedAt: plusMonths(at, 1) }),
    async () => null,
  ];
  for (const [i, closing] of closings.entries()) {
    for (const [j, then] of afterwards.entries()) {
      const person = await createPerson(t.db, { municipalityId: m, identityNumber: null });
      const closedAt = new Date(closing);
      const programme = (i + j) % 2 ? 'adultExitProgramme' : 'youthExitProgramme';
      const openedAt = new Date(closedAt.getTime() - 200 * 86_400_000);
      const id = await insertCase(t.db, { municipalityId: m, personId: person.id, programme, status: 'closed', openedAt, closedAt, closingOutcome: 'completed' });
      await then(person.id, closedAt, id);
    }
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTenant(t.db);
  other = await createTenant(t.db);
  await seed(tenant);
  await seed(other);
  regionId = (await createRegion(t.db, { sharingMunicipalityIds: [tenant.municipality.id, other.municipality.id], regionalUserIds: [tenant.users.regional.id] })).id;
});
afterAll(() => t.drop());

/** The reference: for each closed case, does a referral or another case of the same person fall in the 12 months? */
async function reference(tx: Tx, s: ReportScope): Promise<Entry[]> {
  const ids = sql.join(s.municipalityIds.map((id) => sql`${id}::uuid`), sql`, `);
  const found = await tx.execute<{ programme: string; closed: number; came_back: number }>(
    sql`select c.programme::text as programme, count(*)::int as closed,
          count(*) filter (where exists (
            select 1 from referral r where r.person_id = c.person_id and r.received_at > c.closed_at and r.received_at <= c.closed_at + interval '12 months'
          ) or exists (
            select 1 from "case" n where n.person_id = c.person_id and n.id <> c.id and n.opened_at > c.closed_at and n.opened_at <= c.closed_at + interval '12 months'
          ))::int as came_back
        from "case" c
        where c.municipality_id in (${ids}) and c.closed_at >= ${s.start.toISOString()}::timestamptz and c.closed_at < ${s.end.toISOString()}::timestamptz
        group by 1`,
  );
  return found.flatMap((r) => [
    { row: r.programme, column: 'closed', value: r.closed },
    { row: r.programme, column: 'cameBack', value: r.came_back },
  ]);
}

const sorted = (entries: Entry[]) => [...entries].sort((a, b) => `${a.row}:${a.column}`.localeCompare(`${b.row}:${b.column}`));

it('counts the same returns as an EXISTS per closed case, as the municipality', async () => {
  const who = { municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.unitManager.id, role: 'unitManager' };
  const { found, expected } = await inTenantTransaction(t.db, who, async (tx) => ({
    found: await returnEntries(tx, scope([tenant.municipality.id])),
    expected: await reference(tx, scope([tenant.municipality.id])),
  }));
  expect(sorted(found)).toEqual(sorted(expected));
  // Not vacuous: 3 closings in the period × 11 people, of whom 5 came back (a minute after, at exactly 12 months,
  // a new case, a draft, and twice); the closing at the period's end and the one before its start are outside.
  const total = (column: string) => found.filter((e) => e.column === column).reduce((n, e) => n + (e.value ?? 0), 0);
  expect(total('closed')).toBe(33);
  expect(total('cameBack')).toBe(15);
});

it('counts the same returns as an EXISTS per closed case, as a region of two municipalities', async () => {
  const both = [tenant.municipality.id, other.municipality.id];
  const { found, expected } = await inRegionalTransaction(t.db, { regionId, userId: tenant.users.regional.id, role: 'regional' }, async (tx) => ({
    found: await returnEntries(tx, scope(both)),
    expected: await reference(tx, scope(both)),
  }));
  expect(sorted(found)).toEqual(sorted(expected));
  expect(found.filter((e) => e.column === 'closed').reduce((n, e) => n + (e.value ?? 0), 0)).toBe(66);
});
