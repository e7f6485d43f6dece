// Structured logs (issue 9 item 6): one JSON line per request with its id, route id, status and duration, and no
// personal data anywhere in what the portals print, while a referral full of it is submitted, refused, repeated
// and read.
import { randomUUID } from 'node:crypto';
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intake, logIn, police, policeReferral, sessionCookie, submit } from './client.ts';
import { startPortal, type RunningPortal } from './portal.ts';

let db: TestDatabase;
let staff: RunningPortal;
let partner: RunningPortal;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  [staff, partner] = await Promise.all([startPortal('staff', db.url), startPortal('partner', db.url)]);
});
afterAll(async () => {
  await Promise.all([staff?.stop(), partner?.stop()]);
  await db?.drop();
});

it('logs every request with id, route id, status and duration, and never the personal data of a referral', async () => {
  const referral = policeReferral(7);
  const personal = [
    referral.person.firstName,
    referral.person.lastName,
    referral.person.identityNumber,
    referral.person.identityNumber.replace('-', ''),
    referral.contact.name,
    referral.contact.email,
    referral.reason,
  ];
  const mistypedEmail = `felskrivet-${randomUUID().slice(0, 6)}@polisen.utvag.invalid`;
  personal.push(mistypedEmail);

  // Partner: a failed login with a made-up address, the submission, a replay, the same key with another body, and
  // bad input carrying the same person.
  expect((await logIn(partner.url, mistypedEmail, 'fel-lösenord')).status).toBe(400);
  const cookie = await sessionCookie(partner.url, police);
  const first = await submit(partner.url, cookie, referral);
  expect(first.status).toBe(200);
  const receipt = JSON.parse(first.text).result.data as { id: string };
  expect((await submit(partner.url, cookie, referral)).status).toBe(200);
  expect((await submit(partner.url, cookie, { ...referral, reason: `${referral.reason} Ändrad.` })).status).toBe(409);
  expect((await submit(partner.url, cookie, { ...referral, idempotencyKey: randomUUID(), urgency: 'kanske' })).status).toBe(400);
  await (await fetch(`${partner.url}/hanvisningar/${receipt.id}`, { headers: { cookie } })).text();

  // Staff: the inbox page (which shows the person) and the referral itself, page and API.
  const staffCookie = await sessionCookie(staff.url, intake);
  const inbox = await (await fetch(`${staff.url}/`, { headers: { cookie: staffCookie } })).text();
  expect(inbox).toContain(referral.person.lastName); // the page does show it: the logs must not
  await (await fetch(`${staff.url}/hanvisningar/${receipt.id}`, { headers: { cookie: staffCookie } })).text();
  const input = encodeURIComponent(JSON.stringify({ id: receipt.id }));
  expect((await fetch(`${staff.url}/api/trpc/referral.get?input=${input}`, { headers: { cookie: staffCookie } })).status).toBe(200);

  // pino writes asynchronously: on a busy machine the last request's line can reach the pipe a moment after its
  // response. Wait for it (bounded) rather than read the output too early.
  for (let i = 0; i < 100 && !staff.logLines().some((l) => l.event === 'request' && l.route === 'trpc:referral.get'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const output = partner.output() + staff.output();
  for (const value of personal) expect(output, `personal data in the logs: ${value}`).not.toContain(value);
  expect(output).not.toContain(receipt.id); // ids travel in URLs; the logs carry route ids instead
  expect(output).not.toContain('utvag_session=');

  const requests = [...partner.logLines(), ...staff.logLines()].filter((l) => l.event === 'request');
  expect(requests.length).toBeGreaterThanOrEqual(10);
  for (const line of requests) {
    expect(line).toMatchObject({ level: 'info', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: expect.any(Number) });
    expect(typeof line.route).toBe('string');
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
  }
  const routes = requests.map((l) => `${l.method} ${l.route} ${l.status}`);
  expect(routes).toEqual(
    expect.arrayContaining([
      'POST /login 400',
      'POST trpc:referral.submit 200',
      'POST trpc:referral.submit 409',
      'POST trpc:referral.submit 400',
      'GET /hanvisningar/[id] 200',
      'GET trpc:referral.get 200',
      'GET / 200',
    ]),
  );
  // Each request has its own id, and the response tells the client which one (for a support case).
  expect(new Set(requests.map((l) => l.requestId)).size).toBe(requests.length);
});

it('echoes a well-formed x-request-id from a proxy and ignores a malformed one', async () => {
  const given = randomUUID();
  const ok = await fetch(`${partner.url}/login`, { headers: { 'x-request-id': given } });
  expect(ok.headers.get('x-request-id')).toBe(given);
  const bad = await fetch(`${partner.url}/login`, { headers: { 'x-request-id': 'Anna Svensson 19990101-9999' } });
  expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(partner.output()).not.toContain('Anna Svensson');
});
