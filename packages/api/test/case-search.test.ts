// Searching and paging the case list (issue 9 item 1): who may search, what a term matches, that a protected
// identity is found by name or number only by staff named on the case, and that the audit entry holds the
// result's subjects but never the term.
import { auditEntry, person, referral, supportCase } from '@utvag/db/schema';
import { fictionalIdentityNumber, type Role } from '@utvag/domain';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { codeOf, createWorld, referralInput, type World } from './harness.ts';

let world: World;
/** Three cases of people with names and numbers of their own; the third person's identity is protected. */
let cases: { id: string; personId: string; reference: string; identityNumber: string }[];

async function openCase(firstName: string, lastName: string, identityNumber: string) {
  const receipt = await (await world.partner('police')).referral.submit(referralInput({ person: { firstName, lastName, identityNumber } }));
  const triaged = await (await world.staff('intake')).referral.triage({ referralId: receipt.id, decision: 'passToSig', expectedVersion: 1 });
  const [row] = await world.t.db
    .update(supportCase)
    .set({ unitId: world.tenant.intakeUnit.id })
    .where(eq(supportCase.id, triaged.caseId!))
    .returning({ id: supportCase.id, personId: supportCase.personId });
  const [r] = await world.t.db.select({ reference: referral.reference }).from(referral).where(eq(referral.id, receipt.id));
  return { ...row!, reference: r!.reference, identityNumber };
}

beforeAll(async () => {
  world = await createWorld();
  cases = [
    await openCase('Sökbar', 'Ödegård', fictionalIdentityNumber('1995-03-04', 1)),
    await openCase('Élise', 'Sökström', fictionalIdentityNumber('1996-03-04', 2)),
    await openCase('Hemlig', 'Skyddadsson', fictionalIdentityNumber('1997-03-04', 3)),
  ];
  await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, cases[2]!.personId));
  // The coordinator is named on the protected person's case; the case worker and the unit manager see it (same
  // unit, and all cases) but are not named.
  await world.t.db.update(supportCase).set({ coordinatorUserId: world.tenant.users.coordinator.id }).where(eq(supportCase.id, cases[2]!.id));
});
afterAll(() => world.t.drop());

const search = async (role: Role, input: Record<string, unknown>) => (await world.staff(role)).case.search(input as never);
const ids = (result: { items: { id: string }[] }) => result.items.map((i) => i.id).sort();
const idsOf = (...n: number[]) => n.map((i) => cases[i]!.id).sort();

async function fieldsOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, fields: describeError(error, 'sv').fieldErrors };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('who may search', () => {
  it('lets every case role search and refuses the administrator, the partners and the anonymous', async () => {
    for (const role of ['intake', 'caseWorker', 'coordinator', 'fieldWorker', 'unitManager'] as const) {
      expect(ids(await search(role, { q: 'Ödegård' })), role).toEqual(idsOf(0));
    }
    expect(await codeOf(search('administrator', { q: 'Ödegård' }))).toBe('FORBIDDEN');
    expect(await codeOf((await world.staff('police')).case.search({ q: 'Ödegård' } as never))).toBe('FORBIDDEN');
    expect(await codeOf((await world.staff(null)).case.search({ q: 'Ödegård' } as never))).toBe('UNAUTHORIZED');
  });

  it('finds nothing in another municipality', async () => {
    expect((await (await world.staff('otherMunicipalityIntake')).case.search({ q: 'Ödegård' } as never)).items).toEqual([]);
  });
});

describe('what a term matches', () => {
  it('matches an identity number exactly, in any accepted form', async () => {
    const n = cases[0]!.identityNumber;
    expect(ids(await search('caseWorker', { q: `${n.slice(2, 8)}-${n.slice(8)}` }))).toEqual(idsOf(0));
    expect(ids(await search('caseWorker', { q: fictionalIdentityNumber('1995-03-04', 4) }))).toEqual([]);
  });

  it('matches a referral reference exactly', async () => {
    expect(ids(await search('caseWorker', { q: cases[1]!.reference.toLowerCase() }))).toEqual(idsOf(1));
  });

  it('matches the start of a first or last name, whatever the case and accents', async () => {
    expect(ids(await search('caseWorker', { q: 'sok' }))).toEqual(idsOf(0, 1));
    expect(ids(await search('caseWorker', { q: 'ELISE' }))).toEqual(idsOf(1));
    expect(ids(await search('caseWorker', { q: 'odeg' }))).toEqual(idsOf(0));
    expect(ids(await search('caseWorker', { q: 'Sökb Öde' }))).toEqual(idsOf(0));
    expect(ids(await search('caseWorker', { q: 'Sökb Sök' }))).toEqual([]);
    // Only the start: the middle of a name is no match.
    expect(ids(await search('caseWorker', { q: 'degård' }))).toEqual([]);
  });

  it('keeps the list filters', async () => {
    expect(ids(await search('caseWorker', { q: 'sok', status: 'closed' }))).toEqual([]);
    expect(ids(await search('caseWorker', { q: 'sok', status: 'open', programme: 'sig' }))).toEqual(idsOf(0, 1));
  });
});

describe('protected identities', () => {
  const protectedTerms = () => ['Hemlig', 'skyddads', cases[2]!.identityNumber];

  it('are found by name or number by staff named on the case, masked', async () => {
    for (const q of protectedTerms()) {
      const found = await search('coordinator', { q });
      expect(ids(found), q).toEqual(idsOf(2));
      expect(found.items[0]!.person).toMatchObject({ name: null, identityNumber: null, protectedIdentity: true });
      expect(JSON.stringify(found)).not.toContain('Hemlig');
    }
  });

  it('give everyone else no match at all, not even a masked row', async () => {
    for (const role of ['caseWorker', 'unitManager', 'intake'] as const) {
      for (const q of protectedTerms()) expect((await search(role, { q })).items, `${role} ${q}`).toEqual([]);
    }
    // The case itself is still on the unit manager's list, masked, without a search.
    const listed = (await (await world.staff('unitManager')).case.list({})).items.find((i) => i.id === cases[2]!.id);
    expect(listed?.person.protectedIdentity).toBe(true);
  });
});

describe('the audit entry', () => {
  it('records a search as case.search with the subjects found, never the term', async () => {
    const n = cases[0]!.identityNumber;
    await search('caseWorker', { q: n });
    await search('caseWorker', { q: 'Sökström' });
    const entries = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'case.search'), eq(auditEntry.userId, world.tenant.users.caseWorker.id)))
      .orderBy(desc(auditEntry.id))
      .limit(2);
    expect(entries.map((e) => e.subjectIds)).toEqual([[cases[1]!.personId], [cases[0]!.personId]]);
    for (const e of entries) {
      expect(e.outcome).toBe('allowed');
      expect(e.recordType).toBe('case');
      for (const term of [n, n.slice(2), 'Sökström', 'sokstrom']) expect(JSON.stringify(e)).not.toContain(term);
    }
  });

  it('records a refused search as denied', async () => {
    await codeOf(search('administrator', { q: 'Sökström' }));
    const [e] = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'case.search'), eq(auditEntry.userId, world.tenant.users.administrator.id)));
    expect(e?.outcome).toBe('denied');
    expect(JSON.stringify(e)).not.toContain('Sökström');
  });
});

describe('bad input', () => {
  it('names the field: a missing, short or long term, an invalid identity number, a forged cursor', async () => {
    for (const [input, field] of [
      [{}, 'q'],
      [{ q: 'a' }, 'q'],
      [{ q: 'a'.repeat(101) }, 'q'],
      [{ q: '19950304-0000' }, 'q'],
      [{ q: 'Sök', status: 'nej' }, 'status'],
      [{ q: 'Sök', cursor: 'inte-en-markör' }, 'cursor'],
    ] as const) {
      const refused = await fieldsOf(search('caseWorker', input));
      expect(refused.code, JSON.stringify(input)).toBe('BAD_REQUEST');
      expect(Object.keys(refused.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await codeOf((await world.staff('caseWorker')).case.list({ cursor: Buffer.from('1|x').toString('base64url') }))).toBe('BAD_REQUEST');
  });
});

describe('keyset pages', () => {
  it('walks the list page by page, newest first, without gaps or repeats, also when searching', async () => {
    const staff = await world.staff('unitManager');
    const all = (await staff.case.list({ limit: 200 })).items.map((i) => i.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await staff.case.list({ limit: 1, cursor });
      expect(page.items.length).toBeLessThanOrEqual(1);
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all);

    const first = await staff.case.search({ q: 'sok', limit: 1 } as never);
    expect(first.nextCursor).not.toBeNull();
    const second = await staff.case.search({ q: 'sok', limit: 1, cursor: first.nextCursor } as never);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(idsOf(0, 1));
  });
});
