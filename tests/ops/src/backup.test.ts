// Backup and restore (issue 9 item 5): `npm run backup` of a database with data and an audit trail, `npm run
// restore` into a fresh database, then every row is there and `npm run audit:verify` finds the chain intact.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkReadiness, findPgTool, loadDemoData, serverMajor } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { police, policeReferral, sessionCookie, submit } from './client.ts';
import { startPortal } from './portal.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const script = (name: string) => path.join(repo, 'scripts', name);

let source: TestDatabase;
let targetUrl: string;
let admin: postgres.Sql;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utvag-backup-'));

beforeAll(async () => {
  source = await createTestDatabase();
  await loadDemoData(source.url);
  // Some audited traffic through a real portal, so the chain has entries written by the trigger.
  const partner = await startPortal('partner', source.url);
  try {
    const cookie = await sessionCookie(partner.url, police);
    for (let i = 0; i < 3; i++) expect((await submit(partner.url, cookie, policeReferral(100 + i))).status).toBe(200);
  } finally {
    await partner.stop();
  }
  const { serverUrl, ownerPid } = inject('utvagTestDatabase');
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Named like the test databases, so a run that dies leaves nothing the next run does not sweep.
  const name = `utvag_t_${ownerPid}_restore${randomBytes(3).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  targetUrl = url.toString();
});
afterAll(async () => {
  if (targetUrl) await admin.unsafe(`drop database if exists "${new URL(targetUrl).pathname.slice(1)}" with (force)`);
  await admin?.end();
  await source?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rowCounts(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ schemaname: string; tablename: string }[]>`
      select schemaname, tablename from pg_tables where schemaname in ('public', 'drizzle') order by 1, 2`;
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await sql.unsafe(`select count(*)::int as n from "${t.schemaname}"."${t.tablename}"`);
      counts[`${t.schemaname}.${t.tablename}`] = row!.n as number;
    }
    return counts;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

it('a restored backup holds every row, a current schema and an intact audit chain', async (ctx) => {
  const tool = await findPgTool('pg_dump');
  const server = await serverMajor(source.url);
  if (!tool || tool.major < server) {
    // The embedded PostgreSQL 18 of a plain `npm test` is newer than Debian's client tools (15); CI and
    // TEST_DATABASE_URL runs use the machine's server, where this test runs.
    ctx.skip(`pg_dump ${tool?.major ?? 'missing'} cannot dump PostgreSQL ${server}`);
  }
  const file = path.join(dir, 'utvag.dump');
  const backup = await run(process.execPath, [script('backup.mjs'), '--out', file], { env: { ...process.env, DATABASE_URL: source.url } });
  expect(backup.stdout).toContain('Backup of');
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);

  const restore = await run(process.execPath, [script('restore.mjs'), '--from', file], { env: { ...process.env, DATABASE_URL: targetUrl } });
  expect(restore.stdout).toContain('Restored');

  const [before, after] = await Promise.all([rowCounts(source.url), rowCounts(targetUrl)]);
  expect(before['public.audit_entry']).toBeGreaterThan(3);
  expect(before['public.referral']).toBeGreaterThan(3);
  expect(after).toEqual(before);

  const verify = await run(process.execPath, [script('audit-verify.mjs')], { env: { ...process.env, DATABASE_URL: targetUrl } });
  expect(verify.stdout).toMatch(new RegExp(`Audit log intact: ${before['public.audit_entry']} entries in [1-9]\\d* chains verified\\.`));

  const sql = postgres(targetUrl, { max: 1, onnotice: () => {} });
  try {
    expect(await checkReadiness(sql)).toEqual({ database: 'ok', migrations: 'current' });
    // Row-level security and the append-only guard came back with the tables.
    const [rls] = await sql`select relrowsecurity from pg_class where relname = 'referral'`;
    expect(rls!.relrowsecurity).toBe(true);
    await expect(sql`update audit_entry set action = 'tampered' where id = (select min(id) from audit_entry)`).rejects.toThrow();
  } finally {
    await sql.end({ timeout: 5 });
  }

  // Restoring over data is refused: a restore never mixes two databases.
  await expect(
    run(process.execPath, [script('restore.mjs'), '--from', file], { env: { ...process.env, DATABASE_URL: targetUrl } }),
  ).rejects.toMatchObject({ stderr: expect.stringContaining('not empty') });
}, 180_000); // dump, a fresh database, restore and a chain walk: ~10 s quiet, minutes on a busy machine
