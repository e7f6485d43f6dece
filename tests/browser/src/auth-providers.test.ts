// [CASEWORKER][OIDC] Signing in with e-legitimation (issue 3) in a real browser, against a local OpenID Connect
// provider started by the test: the login page offers it only when configured; a known staff account whose
// provider sign-in is strong (acr loa3) lands signed in; an unknown subject ends on the login page with the one
// refusal message. A staff member without TOTP steps up by signing in at the provider again ("Bekräfta med
// e-legitimation", without JavaScript) before a protected identity is revealed; a sign-in as someone else
// is refused. Logging out ends the session here and at the provider, and comes back to the login page.
// axe on the login page with the button and on the step-up page.
import { loadDemoData } from '@utvag/db';
import { createPerson, createReferral, createTestDatabase, createUnit, createUser, type TestDatabase } from '@utvag/db/testing';
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
let referralId = '';

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  const [demo] = await db.sql<{ id: string }[]>`select id from municipality limit 1`;
  const unit = await createUnit(db.db, { municipalityId: demo!.id, kind: 'exitProgramme' });
  const account = await createUser(db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  await db.sql`update app_user set external_subject = 'idp-anna' where id = ${account.id}`;
  const other = await createUser(db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  await db.sql`update app_user set external_subject = 'idp-bertil' where id = ${other.id}`;
  const [police] = await db.sql<{ id: string; org: string }[]>`select id, organisation_id as org from app_user where role = 'police' and municipality_id = ${demo!.id} limit 1`;
  const person = await createPerson(db.db, { municipalityId: demo!.id, firstName: 'Sigrid', lastName: 'Hemligsdotter', protectedIdentity: true, identityNumber: null });
  referralId = (await createReferral(db.db, { municipalityId: demo!.id, submittedByUserId: police!.id, sourceOrganisationId: police!.org, personId: person.id })).id;
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

async function newPage(javaScriptEnabled = true) {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled });
  return context.newPage();
}

/** Signed in through the provider with a strong sign-in (so no TOTP step and no TOTP factor at all). */
async function signedIn(javaScriptEnabled = true) {
  const page = await newPage(javaScriptEnabled);
  idp.next = { sub: 'idp-anna', acr: 'loa3' };
  await page.goto(`${staff.url}/login`);
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.waitForURL(`${staff.url}/`);
  return page;
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

describe('[CASEWORKER][OIDC][SECURITY] step-up and logout at the provider', () => {
  const revealPath = () => `/hanvisningar/${referralId}/identitet`;
  const confirm = (page: Page) => page.getByRole('button', { name: 'Bekräfta med e-legitimation' });

  it('confirms with e-legitimation instead of a code, then reveals the protected identity (without JavaScript)', async () => {
    const page = await signedIn(false);
    await page.goto(`${staff.url}${revealPath()}`);
    // No TOTP factor: no code field and no reveal form yet, only the way through the provider.
    await expect(page.getByLabel(/^Engångskod/).count()).resolves.toBe(0);
    await expect(page.getByLabel(/^Motivering/).count()).resolves.toBe(0);
    await expect(confirm(page).count()).resolves.toBe(1);
    idp.next = { sub: 'idp-anna', acr: 'loa3' };
    await confirm(page).click();
    await page.waitForURL(`${staff.url}${revealPath()}`);
    expect(await page.locator('[data-flash]').innerText()).toContain('Du har bekräftat med e-legitimation.');
    await expect(confirm(page).count()).resolves.toBe(0);
    await page.getByLabel(/^Motivering/).fill('Ska boka ett första samtal med personen.');
    await page.getByRole('button', { name: 'Visa personuppgifter' }).click();
    await page.getByText('Sigrid Hemligsdotter').waitFor();
    const [entry] = await db.sql<{ outcome: string; record_id: string }[]>`
      select outcome, record_id from audit_entry where action = 'session.stepUp' order by id desc limit 1`;
    expect(entry).toEqual({ outcome: 'allowed', record_id: 'oidc' });
    await page.context().close();
  });

  it('refuses a sign-in at the provider as someone else', async () => {
    const page = await signedIn();
    await page.goto(`${staff.url}${revealPath()}`);
    await expectAccessible(page);
    idp.next = { sub: 'idp-bertil', acr: 'loa3' };
    await confirm(page).click();
    // (The test provider ends its own session of the previous account on the way, by a self-submitting form.)
    await page.waitForURL(`${staff.url}${revealPath()}`);
    expect(await page.locator('[data-flash]').innerText()).toContain('Bekräftelsen med e-legitimation gick inte att slutföra. Försök igen.');
    await expect(confirm(page).count()).resolves.toBe(1); // still no step-up
    await expect(page.getByText('Hemligsdotter').count()).resolves.toBe(0);
    const [entry] = await db.sql<{ outcome: string }[]>`
      select outcome from audit_entry where action = 'session.stepUp' order by id desc limit 1`;
    expect(entry?.outcome).toBe('denied');
    await page.context().close();
  });

  it('logs out here and at the provider, and comes back to the login page', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    // Already signed out here, whatever the user does at the provider.
    const here = await page.request.get(`${staff.url}/`, { maxRedirects: 0 });
    expect(here.headers().location ?? '').toMatch(/^\/login\?/);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${staff.url}/login`);
    // The visible message, once; the screen-reader announcer repeats it 150 ms after hydration (FlashMessage), so a
    // page-wide count would depend on timing.
    await expect(page.locator('[data-flash]').getByText('Du är nu utloggad.').count()).resolves.toBe(1);
    await page.context().close();
  });
});
