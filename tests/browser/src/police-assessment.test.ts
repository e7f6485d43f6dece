// [COORDINATOR][POLICE][SCHOOL] Police threat assessments in a real browser (issue 6 item 3): requested on the case's
// tab in the staff portal, answered in the partner portal (a bad date first, refused at the field), and shown on
// the case and its eligibility tab. Only the police see the partner portal's link.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './browser.ts';
import { demoCaseId } from './demo-cases.ts';
import { useHarness } from './harness.ts';
import { calendarDateInSweden } from '@utvag/domain';

const h = useHarness();
let caseId = '';
beforeAll(async () => {
  caseId = await demoCaseId(h.db, 'adult');
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
// The Swedish calendar day, as the app counts days: between 23:00 and 01:00 UTC it is not the UTC date.
const day = (offset: number) => calendarDateInSweden(new Date(Date.now() + offset * 86_400_000));
const question = 'Finns en aktuell hotbild mot personen efter avhoppet?';

describe('[COORDINATOR][POLICE] a police assessment requested, answered and shown on the case', () => {
  it('goes from the staff portal to the partner portal and back', async () => {
    const staff = await h.pageAs('coordinator');
    await staff.goto(`${h.url('staff')}/arenden/${caseId}/hotbedomning`);
    await expect(staff.getByRole('link', { name: 'Hotbedömning' }).first().getAttribute('aria-current')).resolves.toBe('page');
    await expectAccessible(staff);
    // Bad input first: no question and no legal basis, refused at the fields and nothing sent.
    await staff.getByLabel('Polisorganisation').selectOption({ label: 'Polisen, lokalpolisområde Exempelstad' });
    await staff.getByRole('button', { name: 'Skicka begäran' }).click();
    await staff.locator('.error-summary').waitFor();
    await expectAccessible(staff);
    expect(await staff.getByText('Ingen bedömning har begärts i ärendet.').count()).toBe(1);
    await staff.getByLabel('Polisorganisation').selectOption({ label: 'Polisen, lokalpolisområde Exempelstad' });
    await staff.getByLabel(/^Fråga till polisen/).fill(question);
    // The demo person has given no consent that covers the police: consent as the basis is refused at the field.
    await staff.getByLabel('Personens samtycke').check();
    await staff.getByRole('button', { name: 'Skicka begäran' }).click();
    await staff.locator('.error-summary').waitFor();
    await staff.getByLabel('Nödvändigt för socialtjänstens arbete').check();
    await staff.getByRole('button', { name: 'Skicka begäran' }).click();
    await staff.getByText('Begäran skickades till polisen.').first().waitFor();
    await staff.getByText('Polisen har inte svarat än.').waitFor();

    // The police: a nav link, the request in the open list, the person's name, the answer form.
    const police = await h.pageAs('police');
    await police.getByRole('link', { name: 'Bedömningar' }).click();
    await police.getByRole('heading', { level: 1, name: 'Begäranden om hotbedömning' }).waitFor();
    await expectAccessible(police);
    await police.getByRole('table', { name: 'Att besvara' }).getByRole('link').first().click();
    await police.getByText(question).waitFor();
    await expectAccessible(police);
    await police.getByLabel('Konkret skyddsbehov').check();
    await police.getByLabel(/^Kort sammanfattning av hotbilden/).fill('Hot från den tidigare grupperingen; risk för repressalier.');
    await police.getByLabel(/^Bedömningen gäller till och med/).fill(day(0));
    await police.getByRole('button', { name: 'Skicka svar' }).click();
    await police.getByText('Datumet måste vara efter i dag.').first().waitFor();
    await expectAccessible(police);
    await police.getByLabel(/^Bedömningen gäller till och med/).fill(day(90));
    await police.getByRole('button', { name: 'Skicka svar' }).click();
    await police.getByText('Ert svar skickades till socialtjänsten.').first().waitFor();
    await police.getByRole('link', { name: 'Tillbaka till begärandena' }).click();
    await police.getByText('Inga begäranden väntar på svar.').waitFor();
    expect(await police.getByRole('table', { name: 'Besvarade och avslutade' }).getByRole('row').filter({ hasText: 'Besvarad' }).count()).toBe(1);

    // Back on the case: the answer, its validity, and the eligibility tab's latest assessment.
    await staff.goto(`${h.url('staff')}/arenden/${caseId}/hotbedomning`);
    await staff.getByText('Hot från den tidigare grupperingen; risk för repressalier.').waitFor();
    expect(await staff.getByText('Besvarad').count()).toBeGreaterThan(0);
    expect(await staff.locator('section[aria-labelledby="latest-title"]').textContent()).toContain('Konkret skyddsbehov, gäller till och med');
    await expectAccessible(staff);
    await staff.goto(`${h.url('staff')}/arenden/${caseId}/behorighet`);
    await staff.getByRole('heading', { name: 'Polisens bedömning av skyddsbehov' }).waitFor();
    expect(await staff.locator('section[aria-labelledby="police-assessment-title"]').textContent()).toContain('Konkret skyddsbehov, gäller till och med');
    await staff.context().close();
    await police.context().close();
  });
});

describe('[SCHOOL] the partner portal’s assessment link is for the police only', () => {
  it('is not shown to a school, and the page refuses one', async () => {
    const school = await h.pageAs('schoolStaff');
    expect(await school.getByRole('link', { name: 'Bedömningar' }).count()).toBe(0);
    const response = await school.goto(`${h.url('partner')}/bedomningar`);
    expect(response?.status()).toBe(403);
    await school.context().close();
  });
});
