// [CASEWORKER][OIDC] Signing in with e-legitimation (issue 3) in a real browser, against a local OpenID Connect
// provider started by the test: the login page offers it only when configured; a known staff account whose
// provider sign-in is strong (acr loa3) lands signed in; an unknown subject ends on the login page with the one
// refusal message. axe on the login page with the button.
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, createUnit, createUser, type TestDatabase } from '@utvag/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../../../packages/api/test/oidc-test-provider.ts';
import { axeViolations, describeViolations, launchBrowser } from './browser.ts';
import { freePort, startPortal, type Portal } from './portals.ts';

let db: TestDatabase;
let staff: Portal;
let plain: Portal;
let idp: TestProvider;
let browser: Browser;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  const [demo] = await db.sql<{ id: string }[]>`select id from municipality limit 1`;
  const unit = await createUnit(db.db, { municipalityId: demo!.id, kind: 'exitProgramme' });
  const account = await createUser(db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  await db.sql`update app_user set external_subject = 'idp-anna' where id = ${account.id}`;
  const port = await freePort();
  idp = await startTestProvider(`http://localhost:${port}/login/e-legitimation/retur`);
  const env = {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URI: idp.redirectUri,
    OIDC_MFA_ACR: 'loa3',
  };
  [staff, plain, browser] = await Promise.all([
    startPortal('staff', db.url, true, { port, env }),
    startPortal('staff', db.url),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([staff?.stop(), plain?.stop(), idp?.stop()]);
  await db?.drop();
});

async function newPage() {
  const context = await browser.newContext({ bypassCSP: true });
  return context.newPage();
}

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('[CASEWORKER][OIDC] signing in with e-legitimation', () => {
  it('is offered only where it is configured', async () => {
    const page = await newPage();
    await page.goto(`${plain.url}/login`);
    await expect(page.getByRole('link', { name: 'Logga in med e-legitimation' }).count()).resolves.toBe(0);
    // Not configured: the path is behind the login wall like any other, and never leads to a provider.
    const start = await page.request.get(`${plain.url}/login/e-legitimation`, { maxRedirects: 0 });
    expect(start.headers().location ?? '').toMatch(/^\/login\?/);
    await page.goto(`${staff.url}/login`);
    await expect(page.getByRole('link', { name: 'Logga in med e-legitimation' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });

  it('signs a known staff account in when the provider’s sign-in is strong (no TOTP step)', async () => {
    const page = await newPage();
    idp.next = { sub: 'idp-anna', acr: 'loa3' };
    await page.goto(`${staff.url}/login`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(`${staff.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inkorg');
    await page.context().close();
  });

  it('asks for the TOTP step when the provider’s sign-in is not strong', async () => {
    const page = await newPage();
    idp.next = { sub: 'idp-anna', acr: 'loa2' };
    await page.goto(`${staff.url}/login`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/login\/kod/);
    await page.goto(`${staff.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login/kod');
    await page.context().close();
  });

  it('refuses an unknown subject with the one message, and a return without its cookie likewise', async () => {
    const page = await newPage();
    idp.next = { sub: 'idp-stranger', acr: 'loa3' };
    await page.goto(`${staff.url}/login`);
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/login\?failed=oidc/);
    const message = 'Inloggningen med e-legitimation gick inte att slutföra. Försök igen eller logga in med e-post och lösenord.';
    await expect(page.getByText(message).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.goto(`${staff.url}/login/e-legitimation/retur?code=forged&state=forged`);
    await page.waitForURL(/\/login\?failed=oidc/);
    await expect(page.getByText(message).count()).resolves.toBe(1);
    await page.goto(`${staff.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });
});
