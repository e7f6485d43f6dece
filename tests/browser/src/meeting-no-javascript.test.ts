// [COORDINATOR][NO-JS] A group of checkboxes posted as plain HTML keeps every ticked value: planning a network meeting
// with several invitees, with JavaScript off in the browser, invites every one of them (issue 7; formToObject kept
// only the last value of a repeated name before), a refused plan comes back with every invitee still ticked, and
// "invite more" on the planned meeting invites every person ticked.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitAndWait } from './browser.ts';
import { policeReferredCaseId } from './demo-support.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const noJs = { javaScriptEnabled: false };
let caseId = '';
beforeAll(async () => {
  caseId = await policeReferredCaseId(h.db);
});

/** Posts the form by clicking `button` and returns the status of the POST's response. */
async function post(page: Page, button: string, within: Page | Locator = page) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await submitAndWait(page, () => within.getByRole('button', { name: button }).click());
  return (await response).status();
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('[COORDINATOR][NO-JS] a network meeting with several invitees, without client JavaScript', () => {
  it('[COORDINATOR][NO-JS] invites every ticked person, also after a refused first try', async () => {
    const page = await h.pageAs('coordinator', noJs);
    await page.goto(`${h.url('staff')}/arenden/${caseId}/natverksmoten`);
    const boxes = page.locator('#invitees input[type="checkbox"]');
    // Two colleagues and the police officer (whom the person's consent covers).
    const staffLabels = (await page.locator('#invitees label').allTextContents()).map((l) => l.trim()).filter((l) => !l.startsWith('Per Polis') && !l.includes('–'));
    expect(staffLabels.length).toBeGreaterThanOrEqual(2);
    const chosen = [staffLabels[0]!, staffLabels[1]!];
    // Scoped to the plan's fieldset: each planned meeting's "invite more" offers the same people.
    const planned = page.locator('#invitees');
    for (const label of chosen) await planned.getByLabel(label, { exact: true }).check();
    await planned.getByLabel(/^Per Polis/).check();
    const tickedIds = await boxes.evaluateAll((els) => (els as HTMLInputElement[]).filter((e) => e.checked).map((e) => e.value));
    expect(tickedIds).toHaveLength(3);

    // No time: refused, and all three stay ticked.
    await page.getByLabel('Plats').fill('Stadshuset, rum Eken');
    expect(await post(page, 'Planera mötet')).toBe(400);
    const stillTicked = await page.locator('#invitees input[type="checkbox"]').evaluateAll((els) => (els as HTMLInputElement[]).filter((e) => e.checked).map((e) => e.value));
    expect(stillTicked.sort()).toEqual([...tickedIds].sort());

    await page.getByLabel('Datum och tid').fill(`${day(21)} 10:00`);
    await page.getByLabel('Plats').fill('Stadshuset, rum Eken');
    expect(await post(page, 'Planera mötet')).toBe(303);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Mötet är planerat');
    const participants = await page.locator('section.meeting').filter({ hasText: 'Stadshuset, rum Eken' }).locator('ul').first().textContent();
    for (const label of chosen) expect(participants).toContain(label.split(' (')[0]);
    expect(participants).toContain('Per Polis');

    // Inviting more to the planned meeting: none ticked is refused; two ticked are both invited.
    const meeting = page.locator('section.meeting').filter({ hasText: 'Stadshuset, rum Eken' });
    await meeting.locator('summary').click(); // <details> opens without JavaScript too
    const more = meeting.getByRole('group', { name: 'Vem ska bjudas in' });
    const offered = (await more.locator('label').allTextContents()).map((l) => l.trim());
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(await post(page, 'Skicka inbjudan', meeting)).toBe(400);
    const again = page.locator('section.meeting').filter({ hasText: 'Stadshuset, rum Eken' });
    for (const label of offered.slice(0, 2)) await again.getByLabel(label, { exact: true }).check();
    expect(await post(page, 'Skicka inbjudan', again)).toBe(303);
    const after = await page.locator('section.meeting').filter({ hasText: 'Stadshuset, rum Eken' }).locator('ul').first().textContent();
    for (const label of offered.slice(0, 2)) expect(after).toContain(label.split(' (')[0]);
    await page.context().close();
  });
});
