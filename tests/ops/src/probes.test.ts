// /healthz, /readyz and /metrics of a built portal (issue 9 item 6).
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, sessionCookie } from './client.ts';
import { freePort, startPortal, type RunningPortal } from './portal.ts';

const token = 'metrics-token-for-tests-0123456789';
let db: TestDatabase;
let withToken: RunningPortal;
let loopbackOnly: RunningPortal;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  [withToken, loopbackOnly] = await Promise.all([
    startPortal('staff', db.url, { METRICS_TOKEN: token }),
    startPortal('partner', db.url),
  ]);
});
afterAll(async () => {
  await Promise.all([withToken?.stop(), loopbackOnly?.stop()]);
  await db?.drop();
});

describe('/healthz and /readyz', () => {
  it('healthz says the process is alive; readyz says the database answers and is migrated', async () => {
    const health = await fetch(`${withToken.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${withToken.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
  });

  it('readyz is 503 while the newest migration is not applied', async () => {
    const [row] = await db.sql<{ newest: string }[]>`select max(created_at)::text as newest from drizzle.__drizzle_migrations`;
    const newest = row!.newest;
    await db.sql`update drizzle.__drizzle_migrations set created_at = 0 where created_at = ${newest}`;
    try {
      const ready = await fetch(`${withToken.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not ready', database: 'ok', migrations: 'behind' });
    } finally {
      await db.sql`update drizzle.__drizzle_migrations set created_at = ${newest} where created_at = 0`;
    }
    expect((await fetch(`${withToken.url}/readyz`)).status).toBe(200);
  });

  it('without a database: healthz stays 200 (no restart loop), readyz is 503', async () => {
    const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/none`;
    const orphan = await startPortal('staff', nowhere);
    try {
      expect((await fetch(`${orphan.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${orphan.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ database: 'down' });
      // Pages and the API answer 503 with a retry hint, not 500.
      const page = await fetch(`${orphan.url}/`, { headers: { cookie: 'utvag_session=any' }, redirect: 'manual' });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('2');
      const api = await fetch(`${orphan.url}/api/trpc/inbox.list`, { headers: { cookie: 'utvag_session=any' } });
      expect(api.status).toBe(503);
    } finally {
      await orphan.stop();
    }
  });
});

describe('/metrics', () => {
  it('with METRICS_TOKEN: only the bearer of the token reads it', async () => {
    expect((await fetch(`${withToken.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(404);
    const ok = await fetch(`${withToken.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('without a token: loopback only, and not through a proxy', async () => {
    expect((await fetch(`${loopbackOnly.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${loopbackOnly.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
  });

  it('counts requests per route id and procedure, never with ids or query strings', async () => {
    const cookie = await sessionCookie(withToken.url, intake);
    const id = '4f1c2b8e-5d6a-4e3f-9a7b-0c1d2e3f4a5b';
    await (await fetch(`${withToken.url}/hanvisningar/${id}?q=Svensson`, { headers: { cookie } })).text();
    const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
    expect((await fetch(`${withToken.url}/api/trpc/inbox.list?input=${input}`, { headers: { cookie } })).status).toBe(200);
    await (await fetch(`${withToken.url}/api/trpc/no.such.procedure${id}`, { headers: { cookie } })).text();

    const text = await (await fetch(`${withToken.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(text).toContain('utvag_http_requests_total{portal="staff",route="/hanvisningar/[id]",method="GET"');
    expect(text).toMatch(/utvag_http_requests_total\{portal="staff",route="trpc:inbox.list",method="GET",status="200"\} 1/);
    expect(text).toContain('route="trpc:unknown"');
    expect(text).toContain('utvag_http_request_duration_seconds_bucket{le="0.005",portal="staff",route="/login",method="POST"}');
    expect(text).toContain('utvag_process_resident_memory_bytes');
    expect(text).not.toContain(id);
    expect(text).not.toContain('Svensson');
    expect(text).not.toContain('limit');
  });
});
