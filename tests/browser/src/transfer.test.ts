// [CASE WORKER][GRANNBY INTAKE] Transfer to another municipality in a real browser (issue 6 item 9): the demo
// case worker offers the case to Grannby with the person's consent (bad input first: nothing offered); Grannby's
// intake finds the request under "Flyttar", sees the summary only, accepts it, and the case appears in Grannby;
// back in Exempelstad the case is closed as moved and the transfer shows as accepted.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, logIn, submitAndWait } from './browser.ts';
import { policeReferredCaseId } from './demo-support.ts';
import { password, useHarness } from './harness.ts';
import { grannby } from './transfer-forms.ts';

const h = useHarness();
let caseId = '';
beforeAll(async () => {
  caseId = await policeReferredCaseId(h.db);
});

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const summaryText = 'Personen flyttar till Grannby i april och behöver stödboende.';

describe('[CASE WORKER][GRANNBY INTAKE] a transfer offered in the demo municipality and accepted by Grannby', () => {
  let newCaseUrl = '';

  it('the case worker offers the case to Grannby with the consent date', async () => {
    const worker = await h.pageAs('caseWorker');
    await worker.goto(`${h.url('staff')}/arenden/${caseId}/flytt`);
    await expectAccessible(worker);
    // The own municipality is not offered; bad input first: no consent date, nothing offered.
    const options = await worker.getByLabel('Mottagande kommun', { exact: true }).locator('option').allTextContents();
    expect(options).toContain('Grannby (demo)');
    expect(options).not.toContain('Exempelstad (demo)');
    await worker.getByLabel('Mottagande kommun', { exact: true }).selectOption({ label: 'Grannby (demo)' });
    await worker.getByLabel(/^Sammanfattning till den mottagande kommunen/).fill(summaryText);
    await submitAndWait(worker, () => worker.getByRole('button', { name: 'Erbjud flytt' }).click());
    await worker.locator('.error-summary').waitFor();
    expect(await worker.getByLabel(/^Sammanfattning till den mottagande kommunen/).inputValue()).toBe(summaryText);
    expect(await worker.getByText('Ärendet har inte erbjudits någon annan kommun.').count()).toBe(1);
    await expectAccessible(worker);
    await worker.getByLabel(/^Datum då personen undertecknade samtycket/).fill('2026-01-15');
    await submitAndWait(worker, () => worker.getByRole('button', { name: 'Erbjud flytt' }).click());
    await worker.getByText('Flytten har erbjudits.', { exact: false }).first().waitFor();
    const row = worker.getByRole('row').filter({ hasText: 'Grannby (demo)' });
    expect(await row.textContent()).toContain('Erbjuden');
    await worker.context().close();
  });

  it('Grannby’s intake sees the request with the summary only, and accepts it', async () => {
    const intake = await h.newPage();
    await logIn(intake, h.url('staff'), grannby.intake, password);
    // The notification and the navigation both lead to the request.
    expect(await intake.getByRole('link', { name: /Aviseringar \(1/ }).count()).toBe(1);
    await submitAndWait(intake, () => intake.getByRole('link', { name: 'Flyttar', exact: true }).click());
    await expectAccessible(intake);
    const row = intake.getByRole('row').filter({ hasText: 'Exempelstad (demo)' });
    expect(await row.textContent()).toContain('Erbjuden');
    await submitAndWait(intake, () => row.getByRole('link').click());
    await expectAccessible(intake);
    const main = await intake.locator('main').innerText();
    expect(main).toContain(summaryText);
    expect(main).toContain('2026');
    // Nothing but the summary: no name, identity number or journal of the sender's case.
    const [person] = await h.db.sql<{ first_name: string; last_name: string }[]>`
      select p.first_name, p.last_name from person p join "case" c on c.person_id = p.id where c.id = ${caseId}`;
    expect(main).not.toContain(person!.last_name);
    await submitAndWait(intake, () => intake.getByRole('button', { name: 'Acceptera' }).click());
    await intake.getByText('Flytten har accepterats.', { exact: false }).first().waitFor();
    newCaseUrl = intake.url();
    expect(newCaseUrl).toMatch(/\/arenden\/[0-9a-f-]{36}$/);
    expect(newCaseUrl).not.toContain(caseId);
    expect(await intake.locator('h1').textContent()).toMatch(/^Ärende: /);
    await expectAccessible(intake);
    // The case is Grannby's now: on its case list, with the history continued.
    await intake.goto(`${newCaseUrl}/handelser`);
    expect(await intake.locator('main').innerText()).toContain('Ärendet flyttade hit från en annan kommun');
    await intake.close();
  });

  it('in the demo municipality the case is closed as moved, read-only, and the transfer accepted', async () => {
    const worker = await h.pageAs('caseWorker');
    await worker.goto(`${h.url('staff')}/arenden/${caseId}/flytt`);
    const text = await worker.locator('main').innerText();
    expect(text).toContain('Accepterad');
    expect(text).toContain('Ärendet har flyttat till en annan kommun');
    expect(await worker.getByRole('button', { name: 'Erbjud flytt' }).count()).toBe(0);
    await expectAccessible(worker);
    const [moved] = await h.db.sql<{ status: string; termination_reason: string }[]>`select status, termination_reason from "case" where id = ${caseId}`;
    expect(moved).toEqual({ status: 'closed', termination_reason: 'moved' });
    const [created] = await h.db.sql<{ name: string }[]>`
      select m.name from "case" c join municipality m on m.id = c.municipality_id where c.transferred_from_case_id = ${caseId}`;
    expect(created?.name).toBe('Grannby (demo)');
    await worker.context().close();
  });
});
