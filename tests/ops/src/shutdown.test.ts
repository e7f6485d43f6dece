// Graceful shutdown (issue 9 item 4): on SIGTERM a portal stops accepting connections, lets the submission in
// flight finish and acknowledge, closes its database pool and exits with 0 within 10 seconds.
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { police, policeReferral, sessionCookie, submit } from './client.ts';
import { startPortal, type RunningPortal } from './portal.ts';

let db: TestDatabase;
let partner: RunningPortal;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  partner = await startPortal('partner', db.url);
});
afterAll(async () => {
  await partner?.stop();
  await db?.drop();
});

it('SIGTERM: the in-flight submission completes and is acknowledged, new connections are refused, exit 0', async () => {
  const cookie = await sessionCookie(partner.url, police);
  const referral = policeReferral(11);
  const blocker = postgres(db.url, { max: 2, onnotice: () => {} });
  // A transaction that holds `referral` in SHARE mode parks every insert of a referral until it ends: the
  // submission is then really in flight inside the portal, its transaction open on the pool.
  const holder = await blocker.reserve();
  try {
    await holder`begin`;
    await holder`lock table referral in share mode`;
    const inFlight = submit(partner.url, cookie, referral);
    for (let i = 0; ; i++) {
      // Read on the other connection: inside the holder's transaction pg_stat_activity would stay one snapshot.
      const [row] = await blocker<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where application_name = 'utvag' and datname = current_database()
          and wait_event_type = 'Lock' and wait_event = 'relation'`;
      if (row!.n > 0) break;
      if (i > 200) throw new Error('the submission never reached the referral insert');
      await new Promise((r) => setTimeout(r, 50));
    }

    const signalledAt = Date.now();
    partner.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // No new work is taken on: the listener is closed.
    await expect(fetch(`${partner.url}/healthz`)).rejects.toThrow();
    expect(await Promise.race([partner.exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('running'), 200))])).toBe(
      'running',
    );

    await holder`commit`;
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const receipt = JSON.parse(answer.text).result.data as { id: string; reference: string };
    expect(receipt.reference).toMatch(/\S/);

    const { code, signal } = await partner.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);

    const rows = await holder`select id from referral where idempotency_key = ${referral.idempotencyKey}`;
    expect(rows.map((r) => r.id)).toEqual([receipt.id]);
    // The pool was closed: no connection of the portal is left on the server.
    // (Other test files share the server: count this database only.)
    const [left] = await holder<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where application_name = 'utvag' and datname = current_database()`;
    expect(left!.n).toBe(0);
  } finally {
    holder.release();
    await blocker.end({ timeout: 5 });
  }
});
