// [CASEWORKER][MFA] Passkeys (issue 3) with Chromium's virtual authenticator (CDP WebAuthn domain, user
// verification on): a staff member with an authenticator app steps up on "Nycklar (passkeys)", adds a passkey,
// signs out, and signs in again with password and passkey. axe on the pages that changed.
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, createUnit, createUser, type TestDatabase } from '@utvag/db/testing';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from './browser.ts';
import { startPortal, type Portal } from './portals.ts';

let db: TestDatabase;
let staff: Portal;
let browser: Browser;
let account: { email: string; password: string };
let newcomer: { email: string; password: string };

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  const [demo] = await db.sql<{ id: string }[]>`select id from municipality where name = 'Exempelstad (demo)'`;
  const unit = await createUnit(db.db, { municipalityId: demo!.id, kind: 'exitProgramme' });
  account = await createUser(db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  newcomer = await createUser(db.db, { municipalityId: demo!.id, role: 'intake', unitId: unit.id });
  [staff, browser] = await Promise.all([startPortal('staff', db.url), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await staff?.stop();
  await db?.drop();
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function passwordStep(page: Page, who = account) {
  await page.goto(`${staff.url}/login`);
  await page.getByLabel('E-postadress').fill(who.email);
  await page.getByLabel(/^Lösenord/).fill(who.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/login\/kod/);
}

/** The next TOTP code, one step ahead of any used (a code is accepted once). */
let step = 0;
const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + step++ * 30_000 });

async function withAuthenticator() {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { context, page, cdp, authenticatorId };
}

describe('[CASEWORKER][MFA] passkeys', () => {
  it('[INTAKE] enrols a passkey instead of the app at the first login, then signs in with it', async () => {
    const { context, page } = await withAuthenticator();
    await passwordStep(page, newcomer);
    await expect(page.getByRole('heading', { name: 'Eller använd en nyckel (passkey)' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByLabel(/^Namn på nyckeln/).fill('Jobbdatorn');
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await page
      .getByRole('heading', { name: 'Spara dina reservkoder' })
      .waitFor({ timeout: 15_000 })
      .catch(async () => expect.fail(`no passkey enrolled: ${await page.locator('main').innerText()}`));
    await page.getByRole('link', { name: /fortsätt/ }).click();
    await page.waitForURL(`${staff.url}/`);
    await page.getByRole('button', { name: /Logga ut/ }).click();
    await page.waitForURL(/\/login/);
    await passwordStep(page, newcomer);
    await Promise.all([page.waitForURL(`${staff.url}/`), page.getByRole('button', { name: 'Använd nyckel (passkey)' }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inkorg');
    await context.close();
  });

  it('adds a passkey on the account page and signs in with password and passkey', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    // A platform authenticator that verifies the user (as a fingerprint or PIN would) and is always present.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    // First login: the authenticator app is enrolled (as for every new staff account).
    await passwordStep(page);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel(/^Kod/).fill(codeFor(secret));
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
    await page.getByRole('link', { name: /fortsätt/ }).click();
    await page.waitForURL(`${staff.url}/`);

    // The account page: a step-up with the code first, then "Lägg till nyckel" with a name.
    await page.goto(`${staff.url}/konto/sessioner`);
    await page.getByRole('link', { name: 'Nycklar (passkeys)' }).click();
    await page.waitForURL(/\/konto\/nycklar/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nycklar (passkeys)');
    await expectAccessible(page);
    await page.getByLabel(/^Engångskod|^Kod/).fill(codeFor(secret));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Bekräftat' }).count()).resolves.toBe(1);
    // Without a name the browser's dialog does not open, and the field says why.
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await expect(page.locator('#label-error').textContent()).resolves.toMatch(/Fyll i|måste/i);
    await page.getByLabel(/^Namn på nyckeln/).fill('Testdatorn');
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await page
      .getByText('Nyckeln är tillagd')
      .waitFor({ timeout: 15_000 })
      .catch(async () => expect.fail(`no passkey added: ${await page.locator('main').innerText()}`));
    await expect(page.getByRole('cell', { name: 'Testdatorn', exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    const signCount = credentials[0]!.signCount;

    // Sign out, and in again: password, then the passkey instead of the code.
    await page.getByRole('button', { name: /Logga ut/ }).click();
    await page.waitForURL(/\/login/);
    await passwordStep(page);
    await expect(page.getByRole('heading', { name: 'Ange din engångskod' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(`${staff.url}/`), page.getByRole('button', { name: 'Använd nyckel (passkey)' }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inkorg');
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]!.signCount).toBeGreaterThan(signCount);

    // The use is on record in the audit log, with the credential.
    const rows = await db.sql<{ outcome: string; record_type: string }[]>`
      select outcome, record_type from audit_entry where action = 'session.mfa' and record_type = 'webauthn_credential'
        and user_id = (select id from app_user where email = ${account.email}) order by id`;
    expect(rows.map((r) => r.outcome)).toEqual(['allowed']);
    await context.close();
  });
});
