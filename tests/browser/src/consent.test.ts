// [CASE WORKER][POLICE] Consent in a real browser (issue 6 item 4): the consent tab lists the demo consent for the
// police; a consent with an end before its start is refused at the field; revoking the police's consent (on the
// confirm page, with a reason) shows the exit programme's warning naming the police and removes the demo
// meeting from the police officer's invitations at once; a new consent brings both back; a phone disclosure is
// recorded in the log.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, flashShown } from './browser.ts';
import { policeReferredCaseId } from './demo-support.ts';
import { useHarness } from './harness.ts';
import { calendarDateInSweden } from '@utvag/domain';

const h = useHarness();
let caseId = '';
beforeAll(async () => {
  caseId = await policeReferredCaseId(h.db);
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
// The Swedish calendar day, as the app counts days: between 23:00 and 01:00 UTC it is not the UTC date.
const today = () => calendarDateInSweden(new Date());
const policeName = 'Polisen, lokalpolisområde Exempelstad';
const demoMeetingPlace = 'Socialkontoret, rum Ekorren';

const consentRows = (page: Page) => page.getByRole('table', { name: 'Samtycken i ärendet' }).getByRole('row');
const recordForm = (page: Page) => page.locator('form[action="?/record"]');

async function policeInvitations() {
  const page = await h.pageAs('police');
  await page.goto(`${h.url('partner')}/natverksmoten`);
  const n = await page.locator('[data-testid="invitation"]').filter({ hasText: demoMeetingPlace }).count();
  await page.close();
  return n;
}

describe('[CASE WORKER][POLICE] consent drives what the police see', () => {
  it('lists the police’s consent with no warning, and refuses an end before the start at the field', async () => {
    expect(await policeInvitations()).toBe(1);
    const page = await h.pageAs('caseWorker');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/samtycke`);
    await page.getByRole('heading', { name: 'Samtycke', level: 2 }).waitFor();
    const row = consentRows(page).filter({ hasText: policeName });
    await expect(row.textContent()).resolves.toContain('Gällande');
    await expect(page.getByText('Samtycket täcker inte alla berörda myndigheter').count()).resolves.toBe(0);
    await expectAccessible(page);

    await recordForm(page).getByLabel('Mottagande organisation').selectOption({ label: 'Exempelskolan' });
    await page.getByLabel('Statusuppdateringar').check();
    await page.getByLabel('Personens underskrift (datum)').fill(today());
    await page.getByLabel('Gäller från').fill('2026-03-01');
    await page.getByLabel('Gäller till och med (frivilligt)').fill('2026-02-01');
    await page.getByRole('button', { name: 'Registrera samtycket' }).click();
    await page.locator('.error-summary').waitFor();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Gäller till och med');
    await expect(page.getByLabel('Gäller till och med (frivilligt)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);
    await page.close();
  });

  it('revokes the police’s consent with a reason: the warning names the police, and the police no longer see the meeting', async () => {
    const page = await h.pageAs('caseWorker');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/samtycke`);
    await consentRows(page).filter({ hasText: policeName }).getByRole('link', { name: /Återkalla/ }).click();
    await page.getByRole('heading', { name: 'Återkalla samtycke' }).waitFor();
    await expectAccessible(page);
    // No reason: refused at the field, nothing revoked.
    await page.getByRole('button', { name: 'Återkalla samtycket' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('Skäl').fill('Personen vill inte längre att polisen får uppgifter.');
    await page.getByRole('button', { name: 'Återkalla samtycket' }).click();
    await flashShown(page, 'Samtycket är återkallat.');
    await expect(consentRows(page).filter({ hasText: policeName }).textContent()).resolves.toContain('Återkallat');
    const warning = page.locator('[role="status"], [role="alert"]').filter({ hasText: 'Samtycket täcker inte alla berörda myndigheter' });
    await expect(warning.textContent()).resolves.toContain(policeName);
    // The invitation was disclosed on the basis of consent (the demo's log).
    await expect(page.getByRole('table', { name: 'Utlämnanden i ärendet' }).textContent()).resolves.toContain('Inbjudan till nätverksmöte');
    await expectAccessible(page);
    await page.close();
    expect(await policeInvitations()).toBe(0);
  });

  it('records a new consent: the warning goes and the police see the meeting again; logs a phone disclosure', async () => {
    const page = await h.pageAs('caseWorker');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/samtycke`);
    await recordForm(page).getByLabel('Mottagande organisation').selectOption({ label: policeName });
    await page.getByLabel('Delning i nätverksmöten').check();
    await page.getByLabel('Personens underskrift (datum)').fill(today());
    await page.getByLabel('Gäller från').fill(today());
    await page.getByRole('button', { name: 'Registrera samtycket' }).click();
    await flashShown(page, 'Samtycket är registrerat.');
    await expect(page.getByText('Samtycket täcker inte alla berörda myndigheter').count()).resolves.toBe(0);

    const form = page.locator('form[action="?/disclose"]');
    await form.getByLabel('Mottagande organisation').selectOption({ label: 'Exempelskolan' });
    await form.getByLabel('Vad som lämnades ut').selectOption({ label: 'Ärendets status' });
    await form.getByLabel('Rättslig grund').selectOption({ label: 'Nödvändigt för socialtjänstens arbete' });
    await form.getByLabel('Datum').fill(today());
    await form.getByLabel(/^Kommentar/).fill('Telefonsamtal med rektor');
    await page.getByRole('button', { name: 'Registrera utlämnandet' }).click();
    await flashShown(page, 'Utlämnandet är registrerat.');
    const log = page.getByRole('table', { name: 'Utlämnanden i ärendet' });
    await expect(log.textContent()).resolves.toContain('Telefonsamtal med rektor');
    await expectAccessible(page);
    await page.close();
    expect(await policeInvitations()).toBe(1);
  });
});
