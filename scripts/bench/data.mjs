// The benchmark's database: `utvag_bench_<cases>` on the given server, migrated, filled with fictional data of the
// requested size (scripts/bench/generate.sql.mjs), and reused on the next run when it already holds that size.
import { createRequire } from 'node:module';
import path from 'node:path';
import { importTs, repoRoot } from '../lib/common.mjs';
import { auditParts, generationStatements, sizesFor } from './generate.sql.mjs';

const requireFromDb = createRequire(path.join(repoRoot, 'packages', 'db', 'package.json'));
/** postgres.js, resolved from the db package (pnpm does not hoist it to the root). */
export const postgres = requireFromDb('postgres');

/** Every bench account has this password: the data is fictional and the database local. */
export const benchPassword = 'bench-lösenord-inte-hemligt';

export const municipalityPlan = [
  { idx: 1, name: 'Bänkstad (bench)', slug: 'bankstad' },
  { idx: 2, name: 'Provby (bench)', slug: 'provby' },
  { idx: 3, name: 'Exempelö (bench)', slug: 'exemplo' },
  { idx: 4, name: 'Låtsaslunda (bench)', slug: 'latsaslunda' },
];

export const accountEmail = (slug, who) => `${who}@${slug}.bench.utvag.invalid`;

export function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether the database exists and holds a completed generation of this size (a comment marks it). */
async function readMarker(admin, name) {
  const [row] = await admin`
    select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
  if (!row) return { exists: false };
  try {
    const marker = JSON.parse(row.comment ?? '');
    return { exists: true, marker: marker?.bench ? marker : null };
  } catch {
    return { exists: true, marker: null };
  }
}

async function dropDatabase(admin, name) {
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  await admin.unsafe(`drop database if exists "${name}"`);
}

/** Fixtures through the seed factories: municipalities, units, organisations and a handful of users. */
async function createFixtures(db, factories) {
  const { createMunicipality, createUnit, createOrganisation, createUser } = factories;
  const municipalities = [];
  const sources = [];
  for (const m of municipalityPlan) {
    const row = await createMunicipality(db, { name: m.name, code: String(9900 + m.idx) });
    const intakeUnit = await createUnit(db, { municipalityId: row.id, name: 'Mottagningen', kind: 'intake' });
    const exitUnit = await createUnit(db, { municipalityId: row.id, name: 'Avhopparverksamheten', kind: 'exitProgramme' });
    const sigUnit = await createUnit(db, { municipalityId: row.id, name: 'SIG-teamet', kind: 'sigTeam' });
    const org = async (type, name) => createOrganisation(db, { municipalityId: row.id, type, name: `${name} (bench)` });
    const police = await org('police', `Polisen lokalpolisområde ${m.slug}`);
    const probation = await org('probationService', `Frivården ${m.slug}`);
    const schools = [await org('school', `Norrskolan ${m.slug}`), await org('school', `Södergymnasiet ${m.slug}`), await org('school', `Västra skolan ${m.slug}`)];
    const user = (who, values) =>
      createUser(db, { municipalityId: row.id, email: accountEmail(m.slug, who), password: benchPassword, ...values });
    const intake = await user('intake', { role: 'intake', unitId: intakeUnit.id });
    const caseWorker = await user('handlaggare', { role: 'caseWorker', unitId: exitUnit.id });
    const officer = await user('polis', { role: 'police', organisationId: police.id });
    const probationOfficer = await user('frivard', { role: 'probationOfficer', organisationId: probation.id });
    const teachers = [];
    for (const [i, school] of schools.entries()) {
      teachers.push(await user(`skola${i + 1}`, { role: 'schoolStaff', organisationId: school.id }));
    }
    municipalities.push({
      idx: m.idx,
      id: row.id,
      intakeUserId: intake.id,
      caseWorkerId: caseWorker.id,
      intakeUnitId: intakeUnit.id,
      exitUnitId: exitUnit.id,
      sigUnitId: sigUnit.id,
    });
    // Twenty slots per municipality: 9 police (45 %), 3 probation (15 %), 6 schools (30 %), 2 self-applications (10 %).
    for (let slot = 0; slot < 20; slot++) {
      let s;
      if (slot < 9) s = { orgId: police.id, userId: officer.id, role: 'police', kind: 'referral' };
      else if (slot < 12) s = { orgId: probation.id, userId: probationOfficer.id, role: 'probationOfficer', kind: 'referral' };
      else if (slot < 18) {
        const i = Math.floor((slot - 12) / 2);
        s = { orgId: schools[i].id, userId: teachers[i].id, role: 'schoolStaff', kind: 'concernReport' };
      } else s = { orgId: null, userId: intake.id, role: 'intake', kind: 'selfApplication' };
      sources.push({ muni: m.idx, slot, ...s });
    }
  }
  return { municipalities, sources };
}

/**
 * Fills a migrated, empty database (a handle with `db`, `sql` and a pool of at least four connections) with the
 * generated data of this size; returns the steps' times. The seed factories are passed in (`@utvag/db/testing`).
 * @returns {Promise<Array<[string, number]>>}
 */
export async function generateData(handle, { cases, factories, log }) {
  const steps = [];
  let at = performance.now();
  const fixtures = await createFixtures(handle.db, factories);
  steps.push(['fixtures (factories, argon2 hashes)', (performance.now() - at) / 1000]);
  const { prepare, audit, auditIndexes, finish } = generationStatements({ cases, ...fixtures });
  /** Runs one transaction's statements in order, each timed (the parts' steps are timed side by side). */
  const run = (statements) =>
    handle.sql.begin(async (tx) => {
      for (const [label, text] of statements) {
        const from = performance.now();
        await tx.unsafe(text);
        const took = (performance.now() - from) / 1000;
        if (label === 'settings') continue;
        steps.push([label, took]);
        if (took > 1) log(`  ${label}: ${took.toFixed(1)} s`);
      }
    });
  const timed = async (label, work) => {
    const from = performance.now();
    await work();
    steps.push([label, (performance.now() - from) / 1000]);
    log(`  ${label}: ${steps.at(-1)[1].toFixed(1)} s`);
  };
  await run(prepare);
  // The audit entries: one transaction per connection, at the same time (see auditParts).
  await timed('audit entries (all parts)', () => Promise.all(audit.map(run)));
  const indexes = await handle.sql.unsafe(auditIndexes.query);
  await timed('audit_entry indexes (side by side)', () => Promise.all(indexes.map((row) => run(auditIndexes.build(row)))));
  await run(finish);
  // Once, after everything: hint bits, visibility map and statistics for the planner. The audit table (most
  // of the data) on one connection, the rest on the other.
  const [{ others }] = await handle.sql`
    select string_agg(format('public.%I', relname), ', ') as others from pg_class
    where relnamespace = 'public'::regnamespace and relkind = 'r' and relname <> 'audit_entry'`;
  await timed('vacuum (analyze)', () =>
    Promise.all([handle.sql.unsafe('vacuum (analyze) public.audit_entry'), handle.sql.unsafe(`vacuum (analyze) ${others}`)]),
  );
  return steps;
}

/**
 * Makes sure `utvag_bench_<cases>` exists, is migrated and holds data of that size.
 * @returns {Promise<{ url: string, name: string, reused: boolean, seconds: number, steps: Array<[string, number]>, counts: Record<string, number> }>}
 */
export async function prepareDatabase({ serverUrl, cases, fresh, log }) {
  const name = `utvag_bench_${cases}`;
  const url = databaseUrl(serverUrl, name);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const db = await importTs('packages/db/src/index.ts');
  let reused = false;
  let steps = [];
  let seconds = 0;
  try {
    const { exists, marker } = await readMarker(admin, name);
    if (exists && marker && marker.cases === cases && !fresh) {
      reused = true;
      seconds = marker.seconds;
      log(`Reusing database ${name}: it already holds ${cases.toLocaleString('en')} cases (generated ${marker.at} in ${marker.seconds} s). --fresh regenerates it.`);
    } else {
      if (exists) {
        log(`Dropping database ${name} (${fresh ? '--fresh' : 'no completed generation of this size'})…`);
        await dropDatabase(admin, name);
      }
      await admin.unsafe(`create database "${name}"`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }

  // On a reused database this applies the migrations newer than its generation: their time on real volumes is
  // worth knowing (an index on audit_entry pauses audited requests while it builds).
  const migrating = performance.now();
  await db.runMigrations(url);
  log(`Migrations up to date in ${((performance.now() - migrating) / 1000).toFixed(1)} s.`);

  // Four: the audit entries' parts and then audit_entry's four index builds run side by side.
  const handle = db.createDatabase(url, { max: Math.max(4, auditParts) });
  try {
    if (reused) {
      // Referrals the benchmark itself submitted on earlier runs: removed so every run starts from the same data.
      // Their notifications (urgent ones notify intake) and events go first: both reference the referral.
      const own = handle.sql`select id from referral where contact_email = 'bench-submit@polisen.utvag.invalid'`;
      await handle.sql`delete from notification where referral_id in (${own})`;
      await handle.sql`delete from referral_event where referral_id in (${own})`;
      const removed = await handle.sql`delete from referral where contact_email = 'bench-submit@polisen.utvag.invalid'`;
      if (removed.count > 0) log(`Removed ${removed.count.toLocaleString('en')} referrals submitted by earlier benchmark runs.`);
      // A table a new migration rewrote (e.g. 0031 on person) has no page marked all-visible, so its index-only
      // scans visit the heap until a vacuum: done here as after a release, not left to autovacuum's timing.
      const rewritten = await handle.sql`
        select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relpages > 100 and relallvisible = 0`;
      for (const { relname } of rewritten) {
        const from = performance.now();
        await handle.sql.unsafe(`vacuum (analyze) public."${relname}"`);
        log(`Vacuumed ${relname} (rewritten by a migration) in ${((performance.now() - from) / 1000).toFixed(1)} s.`);
      }
    } else {
      const { people, referrals } = sizesFor(cases);
      log(
        `Generating ${cases.toLocaleString('en')} cases (≈ ${people.toLocaleString('en')} people, ${referrals.toLocaleString('en')} referrals, ` +
          `${(cases * 5).toLocaleString('en')} case events, ${(cases * 20).toLocaleString('en')} audit entries)…`,
      );
      const started = performance.now();
      const factories = await importTs('packages/db/src/seed/factories.ts');
      steps = await generateData(handle, { cases, factories, log });
      seconds = Number(((performance.now() - started) / 1000).toFixed(1));
      const marker = JSON.stringify({ bench: true, cases, seconds, at: new Date().toISOString() });
      await handle.sql.unsafe(`comment on database "${name}" is '${marker.replaceAll("'", "''")}'`);
      log(`Generated in ${seconds} s.`);
    }
    const [counts] = await handle.sql`
      select (select count(*) from person)::int as people, (select count(*) from referral)::int as referrals,
             (select count(*) from referral where status in ('submitted', 'underReview'))::int as open_referrals,
             (select count(*) from "case")::int as cases, (select count(*) from case_event)::int as case_events,
             (select count(*) from audit_entry)::int as audit_entries,
             pg_size_pretty(pg_database_size(current_database())) as size`;
    return { url, name, reused, seconds, steps, counts };
  } finally {
    await handle.close();
  }
}
