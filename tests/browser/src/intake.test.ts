// [PROBATION][SCHOOL][INTAKE] Issue 5, one way in, in a real browser: the probation service's and the school's
// own forms (with a draft saved and reopened), staff writing down a self-application, and the inbox showing
// every source with its clocks in words. Every page on the way: zero axe-core violations (WCAG 2.1 A/AA).
import { fictionalIdentityNumber, formatIdentityNumber } from '@utvag/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const references: Record<string, string> = {};

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const referenceOn = async (page: Page) => (await page.locator('h1').textContent())!.match(/UTV-\d{4}-\d{6}/)![0];

describe('[PROBATION][SCHOOL][INTAKE] every source into one inbox', () => {
  it('[PROBATION] sends a probation referral with dates and the stated motivation', async () => {
    const page = await h.pageAs('probationOfficer');
    await page.getByRole('main').getByRole('link', { name: 'Ny hänvisning' }).click();
    await page.waitForURL('**/frivard/ny');
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.locator('#person-firstName').fill('Milo');
    await page.locator('#person-lastName').fill('Frivårdsson');
    await page.locator('#person-identityNumber').fill(formatIdentityNumber(fictionalIdentityNumber('1995-02-11', 4)));
    await page.locator('#releaseDate').fill('2026-09-01');
    await page.locator('#statedMotivation').fill('Vill bryta med nätverket och börja jobba.');
    await page.locator('#reason').fill('Frigivning närmar sig och han behöver stöd direkt.');
    await page.locator('#contact-phone').fill('010-123 45 67');
    await submitAndWait(page, () => page.locator('main form button[type="submit"]:not([name])').click());
    expect(page.url()).toMatch(/\/hanvisningar\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Tack, hänvisningen är skickad');
    references.probation = await referenceOn(page);
    await expectAccessible(page);
    await page.context().close();
  });

  it('[SCHOOL] saves a concern report as a draft, reopens it and sends it', async () => {
    const page = await h.pageAs('schoolStaff');
    await page.goto(`${h.url('partner')}/orosanmalan/ny`);
    await expectAccessible(page);
    await page.locator('#child-firstName').fill('Juni');
    await page.locator('#child-lastName').fill('Skolbarn');
    await page.locator('#child-birthDate').fill('2013-08-20');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara utkast' }).click());
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Utkastet är sparat');
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('link', { name: 'Orosanmälan', exact: true }).click());
    expect(await page.locator('#child-firstName').inputValue()).toBe('Juni');
    await page.locator('#schoolName').fill('Exempelskolan');
    await page.locator('#schoolClass').fill('7A');
    await page.locator('#guardian1-name').fill('Vera Skolbarn');
    await page.locator('input[name="guardiansInformed"][value="no"]').check();
    await page.locator('#observation').fill('Har berättat om hot från äldre ungdomar och vill inte gå hem.');
    await page.locator('#suspectedViolenceAtHome').check();
    await page.locator('#contact-phone').fill('010-765 43 21');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Skicka orosanmälan' }).click());
    expect(page.url()).toMatch(/\/hanvisningar\/[0-9a-f-]{36}$/);
    references.concern = await referenceOn(page);
    await expectAccessible(page);
    // Sent, so no longer a draft.
    await page.goto(h.url('partner'));
    await expect(page.getByRole('heading', { name: 'Dina utkast' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('[INTAKE] writes down a self-application that came in by phone', async () => {
    const page = await h.pageAs('intake');
    await page.getByRole('main').getByRole('link', { name: 'Registrera ansökan eller samtal' }).click();
    await page.waitForURL('**/mottagning/ny');
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.locator('input[name="applicant"][value="self"]').check();
    await page.locator('input[name="channel"][value="phone"]').check();
    await page.locator('#person-firstName').fill('Saga');
    await page.locator('#person-lastName').fill('Självsson');
    await page.locator('#person-birthDate').fill('2000-01-15');
    await page.locator('#reason').fill('Ringde själv och vill ha hjälp att lämna gänget.');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Registrera', exact: true }).click());
    expect(page.url()).toMatch(/\/hanvisningar\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Ansökan är registrerad');
    await expect(page.locator('main').textContent()).resolves.toContain('Telefon');
    await expectAccessible(page);
    await page.context().close();
  });

  it('[INTAKE] sees every source in one inbox, the concern report first and its clocks in words', async () => {
    const page = await h.pageAs('intake');
    await expectAccessible(page);
    const rows = page.getByRole('row').filter({ has: page.locator('td') });
    // Suspected violence at home ranks the child's report above everything else.
    await expect(rows.first().textContent()).resolves.toContain(references.concern);
    const concern = await rows.filter({ hasText: references.concern! }).textContent();
    // The state in words beside its badge (not colour alone).
    expect(concern).toMatch(/Skyddsbedömning:\W*(I tid|Snart|Försenad)/);
    expect(concern).toContain('Beslut om utredning');
    expect(concern).toContain('Första kontakt');
    expect(await rows.filter({ hasText: references.probation! }).count()).toBe(1);
    await page.locator('select[name="source"]').selectOption('school');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa', exact: true }).click());
    expect(page.url()).toContain('source=school');
    const shown = await page.getByRole('row').filter({ has: page.locator('td') }).allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((r) => r.includes('Orosanmälan'))).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });
});
