// [CASEWORKER][MFA] A real (non-demo) staff account must enrol an authenticator app at first login, gets
// recovery codes once, and must enter a code at the next login; a recovery code works too. axe on each page.
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
let recoveryCode = '';

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  const [demo] = await db.sql<{ id: string }[]>`select id from municipality where name = 'Exempelstad (demo)'`;
  const unit = await createUnit(db.db, { municipalityId: demo!.id, kind: 'exitProgramme' });
  account = await createUser(db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  [staff, browser] = await Promise.all([startPortal('staff', db.url), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await staff?.stop();
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

async function passwordStep(page: Page) {
  await page.goto(`${staff.url}/login`);
  await page.getByLabel('E-postadress').fill(account.email);
  await page.getByLabel(/^Lösenord/).fill(account.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(/\/login\/kod/);
}

describe('[CASEWORKER][MFA] two-step verification', () => {
  it('enrols an authenticator app at the first login and shows recovery codes once', async () => {
    const page = await newPage();
    await passwordStep(page);
    await expectAccessible(page);
    // A password-only session reaches nothing else.
    await page.goto(`${staff.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login/kod');
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel(/^Kod/).fill('123456');
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
    await expect(page.locator('#code-error').textContent()).resolves.toContain('Koden stämmer inte');
    await expect(page.locator('.error-summary a[href="#code"]').count()).resolves.toBe(1);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    await page.getByLabel(/^Kod/).fill(code);
    await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
    await expect(page.getByRole('heading', { name: 'Spara dina reservkoder' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    recoveryCode = (await page.locator('.recovery-codes code').first().textContent())!.trim();
    await page.getByRole('link', { name: /fortsätt/ }).click();
    await page.waitForURL(`${staff.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inkorg');
    await page.context().close();
  });

  it('asks for a code at the next login and accepts a recovery code', async () => {
    const page = await newPage();
    await passwordStep(page);
    await expect(page.getByRole('heading', { name: 'Ange din engångskod' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByLabel(/^Kod/).fill(recoveryCode);
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.waitForURL(`${staff.url}/`);
    await page.context().close();
  });
});
