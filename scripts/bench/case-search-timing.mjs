#!/usr/bin/env node
// Case search's database time on a generated benchmark database (issue 9): median wall time of findCases (probe and
// page, in a tenant transaction as the application role, filter status open, page of 51) for a prefix of just over
// the people limit — the walk's worst case, which the generated names (each a twelfth or a seventh of the people)
// never give — beside common prefixes and one of nobody. Run on demand, after `npm run bench -- --cases N
// --generate-only`:
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/bench/case-search-timing.mjs --cases 100000
// For the rare prefix it renames people of the largest municipality, evenly spread, to 'Qvintus' (committed, so
// the planner's statistics see them), and gives them their generated names back at the end.
import { parseArgs } from 'node:util';
import { importTs } from '../lib/common.mjs';
import { databaseUrl, postgres } from './data.mjs';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100000' }, runs: { type: 'string', default: '25' }, people: { type: 'string' } },
});
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!server) throw new Error('BENCH_DATABASE_URL (a server admin URL) is required');
const db = await importTs('packages/db/src/index.ts');
const { rarePrefixPeople } = await importTs('packages/db/src/queries/case-search.ts');
const { parseCaseSearch } = await importTs('packages/domain/src/index.ts');
const url = databaseUrl(server, `utvag_bench_${values.cases}`);
const people = Number(values.people ?? Math.round(rarePrefixPeople * 1.04));
const terms = ['qvi', 'alv', 'pro', 'alva påh', 'zqx'];

const admin = postgres(url, { max: 1, onnotice: () => {} });
const handle = db.createDatabase(url, { max: 1 });
try {
  const [m] = await admin`select municipality_id as id, count(*)::int as n from person group by 1 order by 2 desc limit 1`;
  const [worker] = await admin`select id, role, unit_id from app_user where municipality_id = ${m.id} and email like 'handlaggare@%'`;
  const step = Math.floor(m.n / people);
  await admin`create unlogged table if not exists bench_search_renamed (id uuid primary key, first_name text not null)`;
  await admin.begin(async (tx) => {
    await tx`insert into bench_search_renamed
      select id, first_name from (select id, first_name, row_number() over (order by id) as k from person where municipality_id = ${m.id}) p
      where k % ${step} = 0 limit ${people} on conflict do nothing`;
    await tx`update person set first_name = 'Qvintus' from bench_search_renamed r where r.id = person.id`;
  });
  await admin`analyze person`;
  const user = { id: worker.id, role: worker.role, unitId: worker.unit_id };
  const tenant = { municipalityId: m.id, organisationId: null, userId: user.id, role: user.role };
  const times = Object.fromEntries(terms.map((t) => [t, []]));
  // Two rounds to warm the cache and the prepared statements, then the measured ones, terms taking turns.
  for (let round = 0; round < Number(values.runs) + 2; round++) {
    for (const term of terms) {
      const search = parseCaseSearch(term);
      if (!search.ok) throw new Error(term);
      const from = performance.now();
      await db.inTenantTransaction(handle.db, tenant, (tx) =>
        db.findCases(tx, { municipalityId: m.id, user, scope: 'all', status: 'open', search: search.value, limit: 51 }),
      );
      if (round >= 2) times[term].push(performance.now() - from);
    }
  }
  const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  console.log(`utvag_bench_${values.cases}: ${m.n.toLocaleString('en')} people in the largest municipality, ${people.toLocaleString('en')} renamed 'Qvintus'`);
  for (const term of terms) console.log(`${term.padEnd(9)} median ${median(times[term]).toFixed(1)} ms of ${times[term].length}`);
} finally {
  await admin`update person set first_name = r.first_name from bench_search_renamed r where r.id = person.id`.catch(() => {});
  await admin`drop table if exists bench_search_renamed`.catch(() => {});
  await admin`analyze person`.catch(() => {});
  await admin.end({ timeout: 5 });
  await handle.close();
}
