// The trends (issue 9): counts per half-year by index range, with the bounds from the domain, must equal the
// straightforward computation that labels every row with its Swedish half-year. Rows sit on both sides of the
// half-year boundaries (midnight 1 January and 1 July, Europe/Stockholm: 23:00Z and 22:00Z the day before).
import { calendarDateInSweden, halfYearOf, periodBounds, recentHalfYears } from '@utvag/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPerson, createReferral, createTenant, type Tenant, type TestDatabase } from '../testing/index.ts';
import { createTestDatabase } from '../testing/index.ts';
import { insertCase } from './cases.ts';
import { trendEntries } from './follow-up.ts';

let t: TestDatabase;
let tenant: Tenant;
let other: Tenant;
const now = new Date('2026-11-24T03:00:00Z');
const personOf = new Map<Tenant, string>();

// Each instant one minute or one hour either side of a boundary, and some in the middle of a half-year.
const instants = [
  '2022-12-31T22:59:00Z', // 2022-H2 (23:59 on 31 Dec): before the trends' first half-year
  '2022-12-31T23:00:00Z', // 2023-H1 starts: 00:00 on 1 January Swedish time
  '2023-06-30T21:59:00Z', // 23:59 on 30 June: still 2023-H1
  '2023-06-30T22:00:00Z', // 2023-H2
  '2024-03-15T12:00:00Z',
  '2024-12-31T22:30:00Z', // 23:30 on 31 Dec Swedish time: 2024-H2 (already 2025 nowhere)
  '2024-12-31T23:30:00Z', // 00:30 on 1 Jan Swedish time: 2025-H1 (still 2024 in UTC)
  '2025-06-30T21:30:00Z', // 23:30 on 30 June: 2025-H1
  '2025-06-30T22:30:00Z', // 00:30 on 1 July: 2025-H2
  '2026-06-30T22:00:00Z', // 2026-H2 starts
  '2026-11-20T09:00:00Z', // the open half-year
];

const labelOf = (at: Date) => {
  const { year, half } = halfYearOf(calendarDateInSweden(at));
  return `${year}-H${half}`;
};

interface Seeded {
  received: Date[];
  initiated: Date[];
  closed: Date[];
}
const seeded: Seeded = { received: [], initiated: [], closed: [] };

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTenant(t.db);
  other = await createTenant(t.db);
  // One person per municipality for every row: who it is does not matter to a count.
  for (const who of [tenant, other]) personOf.set(who, (await createPerson(t.db, { municipalityId: who.municipality.id })).id);
  for (const [i, iso] of instants.entries()) {
    const at = new Date(iso);
    for (const who of [tenant, other]) {
      const referral = await createReferral(t.db, {
        municipalityId: who.municipality.id,
        submittedByUserId: who.users.police.id,
        sourceOrganisationId: who.organisations.police.id,
        personId: personOf.get(who)!,
        receivedAt: at,
        status: 'notForUs',
      });
      // A draft is never received: it must not count.
      if (i % 3 === 0) {
        await createReferral(t.db, {
          municipalityId: who.municipality.id,
          submittedByUserId: who.users.police.id,
          sourceOrganisationId: who.organisations.police.id,
          personId: personOf.get(who)!,
          receivedAt: at,
          status: 'draft',
        });
      }
      // Opened at this instant; every other case closed at the next instant, so closings cross boundaries too.
      const closedAt = i % 2 === 0 && instants[i + 1] ? new Date(instants[i + 1]!) : null;
      await insertCase(t.db, {
        municipalityId: who.municipality.id,
        personId: personOf.get(who)!,
        programme: 'adultExitProgramme',
        status: closedAt ? 'closed' : 'open',
        openedAt: at,
        closedAt,
        referralId: referral.id,
      });
      if (who === tenant) {
        seeded.received.push(at);
        seeded.initiated.push(at);
        if (closedAt) seeded.closed.push(closedAt);
      }
    }
  }
});
afterAll(() => t.drop());

it('counts per half-year exactly as labelling every row with its Swedish half-year does', async () => {
  const halfYears = recentHalfYears(now, 8);
  expect(halfYears[0]!.label).toBe('2023-H1');
  const periods = halfYears.map((h) => ({ label: h.label, ...periodBounds(h) }));
  const found = await trendEntries(t.db, { municipalityIds: [tenant.municipality.id], periods });

  const expected = new Map<string, number>();
  for (const [column, instantsOf] of Object.entries(seeded) as [keyof Seeded, Date[]][]) {
    for (const h of halfYears) expected.set(`${h.label}:${column}`, 0);
    for (const at of instantsOf) {
      const key = `${labelOf(at)}:${column}`;
      if (expected.has(key)) expected.set(key, expected.get(key)! + 1);
    }
  }
  const actual = new Map(found.map((e) => [`${e.row}:${e.column}`, e.value]));
  expect(actual).toEqual(expected);
  // The boundaries are where a wrong time zone would show: one referral each side of 1 January 2025.
  expect(actual.get('2024-H2:received')).toBe(1);
  expect(actual.get('2025-H1:received')).toBe(2);
  expect(actual.get('2023-H1:received')).toBe(2);
});

it('counts nothing for no municipality or no half-year', async () => {
  const periods = [{ label: '2026-H1', ...periodBounds({ from: '2026-01-01', to: '2026-06-30' }) }];
  expect(await trendEntries(t.db, { municipalityIds: [], periods })).toEqual([]);
  expect(await trendEntries(t.db, { municipalityIds: [tenant.municipality.id], periods: [] })).toEqual([]);
});
