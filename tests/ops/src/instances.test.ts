// Scale-out (issue 9 item 7): the portals keep no state in memory, so two staff instances on one database behave as
// one. A session made on one instance works on the other, a logout on one ends it on both, and the login rate limit
// counts attempts on both together.
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intake, logIn, sessionCookie } from './client.ts';
import { startPortal, type RunningPortal } from './portal.ts';

let db: TestDatabase;
let a: RunningPortal;
let b: RunningPortal;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  [a, b] = await Promise.all([startPortal('staff', db.url), startPortal('staff', db.url)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

const inbox = (portal: RunningPortal, cookie: string) => fetch(`${portal.url}/`, { headers: { cookie }, redirect: 'manual' });

it('a user logged in on one instance is logged in on the other; logging out on one ends it on both', async () => {
  expect(a.pid).not.toBe(b.pid);
  const cookie = await sessionCookie(a.url, intake);
  const onA = await inbox(a, cookie);
  const onB = await inbox(b, cookie);
  expect([onA.status, onB.status]).toEqual([200, 200]);
  expect(await onB.text()).toContain('<h1');
  const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
  expect((await fetch(`${b.url}/api/trpc/inbox.list?input=${input}`, { headers: { cookie } })).status).toBe(200);

  const out = await fetch(`${b.url}/logout`, { method: 'POST', headers: { cookie, origin: b.url }, redirect: 'manual' });
  expect(out.status).toBe(303);
  const afterOnA = await inbox(a, cookie);
  expect(afterOnA.status).toBe(303);
  expect(afterOnA.headers.get('location')).toMatch(/^\/login/);
});

it('the login rate limit counts attempts on both instances together', async () => {
  const account = 'handlaggare@demo.utvag.se';
  // Five wrong passwords, alternating between the instances, use up the account's budget (5 per 15 minutes) …
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await logIn(i % 2 === 0 ? a.url : b.url, account, `fel-${i}`)).status);
  expect(statuses).toEqual([400, 400, 400, 400, 400]);
  // … so the sixth attempt is refused on either instance, even with the right password.
  const sixth = await logIn(b.url, account);
  expect(sixth.status).toBe(429);
  expect(sixth.cookie).toBeNull();
  expect((await logIn(a.url, account)).status).toBe(429);
});
