// The benchmark's data generation (scripts/bench/generate.sql.mjs, run by scripts/bench/data.mjs) on a small size:
// the counts docs/performance.md states, the generated legacy audit chain, and the indexes and constraints it drops
// for the load and builds again, compared with a migrated database's. The bench itself only prints the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factories from './seed/factories.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

const cases = 400;
// Imported by URL: a script of the repository, not a module of this package (plain JavaScript, no types).
const dataModule = new URL('../../../scripts/bench/data.mjs', import.meta.url).href;

const indexesAndKeys = (t: TestDatabase) => t.sql`
  select 'index' as kind, indexname as name, indexdef as definition from pg_indexes where schemaname = 'public'
  union all
  select 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) || ' ' || convalidated
  from pg_constraint where connamespace = 'public'::regnamespace
  order by 1, 2`;

describe('bench data generation', () => {
  let t: TestDatabase;
  let before: Array<Record<string, string>>;
  let steps: Array<[string, number]>;

  beforeAll(async () => {
    t = await createTestDatabase();
    before = [...(await indexesAndKeys(t))];
    const { generateData } = (await import(/* @vite-ignore */ dataModule)) as {
      generateData: (h: TestDatabase, o: object) => Promise<Array<[string, number]>>;
    };
    steps = await generateData(t, { cases, factories, log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('makes the stated numbers of rows', async () => {
    const [counts] = await t.sql`
      select (select count(*) from person)::int as people, (select count(*) from referral)::int as referrals,
             (select count(*) from referral where status in ('submitted', 'underReview'))::int as open,
             (select count(*) from "case")::int as cases, (select count(*) from case_event)::int as events,
             (select count(*) from audit_entry)::int as audit`;
    // people = N, referrals = 1.3 N (2 % open), one case per referral decided as opened, SIG or ordinary support
    // (77 % of the decided ones), 5 events and 20 audit entries per case.
    expect(counts).toMatchObject({ people: 400, referrals: 520, open: 10 });
    expect(counts!.cases).toBeGreaterThan(0.75 * 510);
    expect(counts!.cases).toBeLessThan(0.8 * 510);
    expect(counts!.events).toBe(5 * counts!.cases);
    expect(counts!.audit).toBe(20 * counts!.cases);
    expect(steps.map(([label]) => label)).toContain('vacuum (analyze)');
  });

  it('gives every generated person the folded name keys case search compares (stored generated columns)', async () => {
    const [keys] = await t.sql`
      select count(*) filter (where first_name_key is distinct from utvag_name_key(first_name)
                                 or last_name_key is distinct from utvag_name_key(last_name))::int as wrong,
             count(*) filter (where first_name_key like 'a%' or first_name_key like 'e%')::int as folded
      from person`;
    expect(keys).toMatchObject({ wrong: 0 });
    expect(keys!.folded).toBeGreaterThan(0);
  });

  it('links the generated audit entries as one legacy chain and lets the trigger append after them', async () => {
    const [chain] = await t.sql`
      select count(*)::int as n, min(chain_seq)::int as first, max(chain_seq)::int as last,
             count(*) filter (where chain_seq <> id)::int as off_position,
             count(*) filter (where prev_hash is distinct from previous)::int as broken,
             count(*) filter (where chain_lane is not null)::int as in_lanes
      from (select id, chain_seq, chain_lane, prev_hash, lag(hash) over (order by chain_seq) as previous from audit_entry) x`;
    expect(chain).toMatchObject({ first: 1, off_position: 0, broken: 0, in_lanes: 0 });
    expect(chain!.last).toBe(chain!.n);
    // The chain trigger is back on: a new entry goes into a lane, after the generated positions.
    const [next] = await t.sql`
      insert into audit_entry (action, record_type, municipality_id)
      select 'bench.test', 'case', id from municipality limit 1 returning id, chain_seq, chain_lane, hash`;
    expect(Number(next!.chain_seq)).toBe(chain!.last + 1);
    expect(next!.chain_lane).not.toBeNull();
    expect(next!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves the indexes and constraints exactly as the migrations made them, and no helper tables', async () => {
    expect([...(await indexesAndKeys(t))]).toEqual(before);
    const helpers = await t.sql`select relname from pg_class where relname like 'bench_generation%'`;
    expect(helpers).toHaveLength(0);
    const invalid = await t.sql`select indexrelid::regclass::text from pg_index where not indisvalid`;
    expect(invalid).toHaveLength(0);
  });
});
