// Property-based fuzzing of every procedure of both routers (issue 3): 1,000 generated inputs each, called by a
// role that passes authorization, so the input reaches validation. No input may cause an internal error, and
// an input refused as bad writes nothing. New procedures are picked up automatically from the routers.
import { person, referral, supportCase } from '@utvag/db/schema';
import { roles, type Role } from '@utvag/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { codeOf, createWorld, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

type Caller = Record<string, unknown>;
const procedurePaths = (router: { _def: { procedures: object } }) => Object.keys(router._def.procedures);

function procedureAt(caller: Caller, path: string) {
  let node: unknown = caller;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return node as (input: unknown) => Promise<unknown>;
}

/** The first role that gets past authorization: an empty input then fails validation, not permission. */
async function roleReachingValidation(portal: 'staff' | 'partner', path: string): Promise<Role | null> {
  for (const role of roles) {
    const caller = (portal === 'staff' ? await world.staff(role) : await world.partner(role)) as unknown as Caller;
    if ((await codeOf(() => procedureAt(caller, path)(undefined))) === 'BAD_REQUEST') return role;
  }
  return null;
}

const fieldNames = ['id', 'referralId', 'decision', 'programme', 'reason', 'limit', 'cursor', 'person', 'contact',
  'idempotencyKey', 'urgency', 'locale', 'expectedVersion', 'identityNumber', 'birthDate', 'email', 'kind', 'q', 'status', 'scope'];
const badInput = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.string({ maxLength: 5000 }), fc.integer(), fc.constant(null)), { maxKeys: 8 }),
);

/** The tables a person's data lands in, counted in one round trip. */
const rowCounts = async () =>
  (
    await world.t.db.execute(
      sql`select (select count(*) from ${referral}) as r, (select count(*) from ${person}) as p, (select count(*) from ${supportCase}) as c,
        (select count(*) from journal_entry) as j, (select count(*) from case_decision) as d, (select count(*) from eligibility_record) as e,
        (select count(*) from case_follow_up) as f`,
    )
  )[0];

describe.each([
  ['staff', procedurePaths(staffRouter)],
  ['partner', procedurePaths(partnerRouter)],
] as const)('%s router', (portal, paths) => {
  it.each(paths)('%s never fails internally on generated input, and writes nothing when it refuses it', async (path) => {
    const role = await roleReachingValidation(portal, path);
    // A procedure without input (account.me) has nothing to fuzz; say so rather than pass silently.
    if (role === null) {
      const caller = (portal === 'staff' ? await world.staff('intake') : await world.partner('police')) as unknown as Caller;
      expect(await codeOf(() => procedureAt(caller, path)(undefined))).not.toBe('INTERNAL_SERVER_ERROR');
      return;
    }
    const caller = (portal === 'staff' ? await world.staff(role) : await world.partner(role)) as unknown as Caller;
    // The counts after one call are the counts before the next (a file's tests run one at a time), so each call
    // needs one count, not two: a refused input must leave them as they were, any other outcome sets them anew.
    let counts = await rowCounts();
    await fc.assert(
      fc.asyncProperty(badInput, async (input) => {
        const code = await codeOf(() => procedureAt(caller, path)(input));
        const before = counts;
        counts = await rowCounts();
        expect(code).not.toBe('INTERNAL_SERVER_ERROR');
        if (code === 'BAD_REQUEST') expect(counts).toEqual(before);
      }),
      { numRuns: 1000 },
    );
    // 1,000 calls, each a transaction with its audit entry: seconds alone, far more on a loaded 2-core machine.
  }, 180_000);
});
