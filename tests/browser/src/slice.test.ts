// [POLICE][PARTNER→STAFF→PARTNER] The walking skeleton's slice in a real browser across both portals:
// a police officer refers a person, intake triages it, and the officer sees the new status and nothing more.
// Every page on the way is checked with axe-core (WCAG 2.1 A/AA).
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import { fictionalIdentityNumber, formatIdentityNumber } from '@utvag/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser, logIn } from './browser.ts';
import { startPortal, type Portal } from './portals.ts';

let db: TestDatabase;
let staff: Portal;
let partner: Portal;
let browser: Browser;
let newPage: () => Promise<Page>;
const password = 'Utvag-demo-2026';

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.url);
  [staff, partner, browser] = await Promise.all([startPortal('staff', db.url), startPortal('partner', db.url), launchBrowser()]);
  // axe-core is injected as an inline script, which the portals' CSP rightly forbids.
  newPage = () => browser.newContext({ bypassCSP: true }).then((c) => c.newPage());
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([staff?.stop(), partner?.stop()]);
  await db?.drop();
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

describe('[POLICE][INTAKE] a referral from the partner portal to triage and back', () => {
  const person = { first: 'Vide', last: 'Webbläsarsson', id: formatIdentityNumber(fictionalIdentityNumber('2004-09-30', 7)) };
  let reference = '';

  it('lets the police submit a referral and get a receipt', async () => {
    const page = await newPage();
    await page.goto(`${partner.url}/login`);
    await expectAccessible(page);
    await logIn(page, partner.url, 'polis@demo.utvag.se', password);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ny hänvisning' }).first().click();
    await page.waitForURL('**/hanvisningar/ny');
    await expectAccessible(page);
    await page.getByLabel(/^Förnamn/).fill(person.first);
    await page.getByLabel(/^Efternamn/).fill(person.last);
    await page.getByLabel(/^Personnummer/).fill(person.id);
    await page.getByLabel(/^Varför hänvisar du/).fill('Har själv bett om hjälp att lämna nätverket.');
    await page.getByLabel('Polisen ser ett hot eller ett skyddsbehov').check();
    await page.getByLabel(/^Telefon/).fill('010-123 45 67');
    await page.getByRole('button', { name: 'Skicka hänvisningen' }).click();
    await page.waitForURL(/\/hanvisningar\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/UTV-\d{4}-\d{6}/);
    reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/UTV-\d{4}-\d{6}/)![0];
    await expectAccessible(page);
    await page.close();
  });

  it('lets intake find it in the inbox, open it and open a case', async () => {
    const page = await newPage();
    await logIn(page, staff.url, 'mottagning@demo.utvag.se', password);
    await expectAccessible(page);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.textContent()).resolves.toContain(`${person.first} ${person.last}`);
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/hanvisningar\//);
    await expectAccessible(page);
    await page.getByLabel('Öppna ärende').check();
    await page.getByLabel(/^Verksamhet/).selectOption('adultExitProgramme');
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.locator('[data-flash]').waitFor(); // the one-time message on the page the decision redirected to
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Beslutet är registrerat');
    await expectAccessible(page);
    await page.close();
  });

  it('shows the police the new status and no case details', async () => {
    const page = await newPage();
    await logIn(page, partner.url, 'polis@demo.utvag.se', password);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.textContent()).resolves.toContain('Får stöd');
    const html = await page.content();
    expect(html).not.toContain(person.last);
    expect(html).not.toContain('Avhopparverksamhet');
    await page.close();
  });

  it('keeps a school user of another organisation from seeing the referral', async () => {
    const page = await newPage();
    await logIn(page, partner.url, 'skola2@demo.utvag.se', password);
    await expect(page.content()).resolves.not.toContain(reference);
    await page.close();
  });
});
