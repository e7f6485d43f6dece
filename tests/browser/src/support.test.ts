// [CASE WORKER][UNIT MANAGER][COORDINATOR][POLICE][SCHOOL] Support work in a real browser (issue 7): an
// intervention added moves the case's and the programme's costs; a network meeting planned is seen by the
// invited police officer and not by an uninvited school; the cost statement downloads as PDF and XLSX.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, flashShown, submitAndWait } from './browser.ts';
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

/** "1 234,50 kr" → 123450 öre. */
const ore = (text: string | null) => Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', ''));
// The Swedish calendar day, as the app counts days: between 23:00 and 01:00 UTC it is not the UTC date.
const day = (offset: number) => calendarDateInSweden(new Date(Date.now() + offset * 86_400_000));

async function adultForecast(page: Page) {
  await page.goto(`${h.url('staff')}/budget`);
  return ore(await page.locator('tr[data-programme="adultExitProgramme"] [data-testid="forecast"]').textContent());
}

describe('[CASE WORKER][UNIT MANAGER] an intervention moves the case’s and the programme’s costs', () => {
  it('adds a placement and sees both totals grow by its cost', async () => {
    const manager = await h.pageAs('unitManager');
    const before = await adultForecast(manager);
    await expectAccessible(manager);

    const worker = await h.pageAs('caseWorker');
    await worker.goto(`${h.url('staff')}/arenden/${caseId}/insatser`);
    const caseBefore = ore(await worker.locator('[data-testid="case-committed"]').textContent().catch(() => '0'));
    await expectAccessible(worker);
    // Bad input first: a negative price is refused at the field and nothing is recorded.
    await worker.getByLabel('Insats', { exact: true }).selectOption({ label: 'HVB utanför ramavtal' });
    await worker.getByLabel(/^Startdatum/).fill(day(-10));
    await worker.getByLabel(/^Planerat slutdatum/).fill(day(20));
    await worker.getByLabel(/^Pris i kronor/).fill('-2800');
    await worker.getByRole('button', { name: 'Registrera insatsen' }).click();
    await worker.getByText('Beloppet kan inte vara negativt.').first().waitFor();
    await expectAccessible(worker);
    await worker.getByLabel(/^Pris i kronor/).fill('2 800');
    await worker.getByRole('button', { name: 'Registrera insatsen' }).click();
    await flashShown(worker, 'Insatsen är registrerad.');
    const row = worker.getByRole('row').filter({ hasText: 'HVB utanför ramavtal' });
    // 11 days so far (ten days ago to today) and 20 days to come, at 2,800 kr a day.
    expect(ore(await row.locator('[data-testid="accrued"]').textContent())).toBe(11 * 280_000);
    expect(ore(await worker.locator('[data-testid="case-committed"]').textContent()) - caseBefore).toBe(20 * 280_000);

    const after = await adultForecast(manager);
    // Within this year the placement adds 31 days (fewer only when it crosses New Year).
    const expected = day(20).slice(0, 4) === day(-10).slice(0, 4) ? 31 * 280_000 : undefined;
    if (expected) expect(after - before).toBe(expected);
    else expect(after).toBeGreaterThan(before);
    await manager.close();
    await worker.close();
  });
});

describe('[COORDINATOR][POLICE][SCHOOL] a network meeting seen by the invited partner only', () => {
  it('refuses to invite a school the consent does not cover, then plans a meeting with the police', async () => {
    const page = await h.pageAs('coordinator');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/natverksmoten`);
    await expectAccessible(page);
    await page.getByLabel('Datum och tid').fill(`${day(14)} 13:15`);
    await page.getByLabel('Plats').fill('Polishuset, rum Lärkan');
    await page.getByLabel(/^Siv Skolkurator/).check();
    await page.getByRole('button', { name: 'Planera mötet' }).click();
    await page.getByText('Personens samtycke omfattar inte den organisationen.').first().waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^Siv Skolkurator/).uncheck();
    await page.getByLabel(/^Per Polis/).check();
    await page.getByRole('button', { name: 'Planera mötet' }).click();
    await flashShown(page, 'Mötet är planerat');
    const meeting = page.locator('section.meeting').filter({ hasText: 'Polishuset, rum Lärkan' });
    await meeting.locator('summary').click();
    await meeting.getByLabel('Rubrik').fill('Polisens bild av läget');
    await meeting.getByLabel('Polisen, lokalpolisområde Exempelstad').check();
    await meeting.getByRole('button', { name: 'Lägg till punkten' }).click();
    await page.getByText('Polisens bild av läget').waitFor();
    // Inviting one more after planning: the school the consent does not cover is not offered.
    const planned = page.locator('section.meeting').filter({ hasText: 'Polishuset, rum Lärkan' });
    await planned.locator('summary').click();
    const who = planned.getByRole('group', { name: 'Vem ska bjudas in' });
    const offered = (await who.locator('label').allTextContents()).map((o) => o.trim());
    expect(offered.some((o) => o.startsWith('Siv Skolkurator'))).toBe(false);
    const colleague = offered[0]!;
    await who.getByLabel(colleague, { exact: true }).check();
    await submitAndWait(page, () => planned.getByRole('button', { name: 'Skicka inbjudan' }).click());
    await expect(page.getByText('Inbjudan är skickad.').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('section.meeting').filter({ hasText: 'Polishuset, rum Lärkan' }).locator('ul').first().textContent()).resolves.toContain(colleague.split(' (')[0]);
    await page.close();
  });

  it('shows the invitation and its agenda item to the police', async () => {
    const page = await h.pageAs('police');
    await page.getByRole('link', { name: 'Nätverksmöten' }).first().click();
    await page.waitForURL('**/natverksmoten');
    const invitation = page.locator('[data-testid="invitation"]').filter({ hasText: 'Polishuset, rum Lärkan' });
    await expect(invitation.count()).resolves.toBe(1);
    await expect(invitation.textContent()).resolves.toContain('Polisens bild av läget');
    // The social services' own item of the demo meeting is not shown to the police.
    await expect(page.getByText('Boende och ekonomi').count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('shows nothing to a school that was not invited', async () => {
    const page = await h.pageAs('schoolStaff');
    await page.goto(`${h.url('partner')}/natverksmoten`);
    await expect(page.locator('[data-testid="invitation"]').count()).resolves.toBe(0);
    await expect(page.getByText('Du har inga inbjudningar just nu.').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('[UNIT MANAGER][CASE WORKER] the intervention catalogue', () => {
  it('lets the unit manager add a type and a provider that case workers then choose from', async () => {
    const manager = await h.pageAs('unitManager');
    await manager.goto(`${h.url('staff')}/`);
    await manager.getByRole('navigation').getByRole('link', { name: 'Insatskatalog' }).click();
    await manager.waitForURL((url) => url.pathname === '/insatskatalog');
    await expectAccessible(manager);
    const name = `Mentorprogram ${Date.now()}`;
    await manager.getByLabel('Namn', { exact: true }).fill(name);
    await manager.getByLabel('Kostnadsmodell').selectOption('perMonth');
    await manager.getByLabel('Standardpris (kr)').fill('4 500');
    await submitAndWait(manager, () => manager.getByRole('button', { name: 'Lägg till insatstypen' }).click());
    await expect(manager.getByText('Insatstypen är tillagd i katalogen.').count()).resolves.toBeGreaterThan(0);
    await expect(manager.locator('[data-testid="catalogue-type"]', { hasText: name }).textContent()).resolves.toMatch(/4\s500/);
    // The same name twice is refused at the field.
    await manager.getByLabel('Namn', { exact: true }).fill(name);
    await manager.getByLabel('Standardpris (kr)').fill('100');
    await submitAndWait(manager, () => manager.getByRole('button', { name: 'Lägg till insatstypen' }).click());
    await expect(manager.locator('#type-name-error').textContent()).resolves.toContain('finns redan');
    await expect(manager.locator('[data-testid="catalogue-type"]', { hasText: name }).count()).resolves.toBe(1);
    const provider = `Mentorer AB ${Date.now()}`;
    await manager.getByLabel('Utförarens namn').fill(provider);
    await manager.getByLabel('Insatstyp som utföraren ger').selectOption({ label: name });
    await submitAndWait(manager, () => manager.getByRole('button', { name: 'Lägg till utföraren' }).click());
    await expect(manager.locator('[data-testid="catalogue-provider"]', { hasText: provider }).textContent()).resolves.toContain(name);
    await manager.close();

    // A case worker reads the catalogue through the intervention form, and has no link to the page.
    const worker = await h.pageAs('caseWorker');
    await worker.goto(`${h.url('staff')}/arenden/${caseId}/insatser`);
    await expect(worker.locator('select[name="interventionTypeId"] option', { hasText: name }).count()).resolves.toBe(1);
    await expect(worker.getByRole('navigation').getByRole('link', { name: 'Insatskatalog' }).count()).resolves.toBe(0);
    await worker.close();
  });
});

describe('[CASE WORKER] the application for state funding', () => {
  it('is refused at the field when a grant lacks its amount, and saved once it has it', async () => {
    const page = await h.pageAs('caseWorker');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/insatser/statlig-ersattning`);
    await page.getByLabel('Ansökans läge').selectOption({ label: 'Beviljad' });
    await page.getByLabel('Ansökt den').fill(day(-20));
    await page.getByLabel('Polisens beslut den').fill(day(-2));
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara bedömningen' }).click());
    await expect(page.locator('#grantedAmount-error').textContent()).resolves.toContain('Fyll i det här fältet.');
    await expectAccessible(page);
    await page.getByLabel('Beviljat belopp (kr)').fill('120 000');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara bedömningen' }).click());
    await expect(page.getByText('Bedömningen är sparad.').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel('Beviljat belopp (kr)').inputValue()).resolves.toBe('120000');
    await page.close();
  });
});

describe('[CASE WORKER] the state-funding cost statement', () => {
  it('shows the period’s costs and downloads them as PDF and XLSX', async () => {
    const page = await h.pageAs('caseWorker');
    await page.goto(`${h.url('staff')}/arenden/${caseId}/insatser/statlig-ersattning?fran=${day(-30)}&till=${day(0)}`);
    await expectAccessible(page);
    const total = ore(await page.locator('[data-testid="statement-total"]').textContent());
    expect(total).toBeGreaterThan(0);
    // The file is person-level data: without a fresh step-up a direct GET goes back to the page (issue 3).
    const direct = await page.request.get(`${h.url('staff')}/arenden/${caseId}/insatser/statlig-ersattning/kostnadsredovisning.pdf?fran=${day(-30)}&till=${day(0)}`, { maxRedirects: 0 });
    expect(direct.status()).toBe(303);
    // The demo account has no factor, so in demo mode the step-up asks for no code; the download follows.
    for (const [label, magic, ext] of [
      ['Ladda ner som PDF', '%PDF', 'pdf'],
      ['Ladda ner som Excel (XLSX)', 'PK', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^kostnadsredovisning.*\\.${ext}$`));
      const body = await readFile((await download.path())!);
      expect(body.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    await page.close();
  });
});
