// [POLICE][KEYBOARD] The discard-draft dialog with the keyboard alone: focus moves in, Tab stays inside, Escape
// closes and returns focus to the trigger, the confirm answer discards, and the result is announced.
// [INTAKE][KEYBOARD] The inbox sorted from its headers with the keyboard, focus kept on the header.
// [POLICE][NO-JS] [INTAKE][NO-JS] The same without JavaScript: a confirm page, and sorting by links.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, submitAndWait } from './browser.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const noJs = { javaScriptEnabled: false };

/** A police draft saved from the referral form; back on the start page. */
async function saveDraft(page: Page, firstName: string) {
  await page.goto(`${h.partner.url}/hanvisningar/ny`);
  await page.locator('#person-firstName').fill(firstName);
  await submitAndWait(page, () => page.locator('button[name="intent"][value="draft"]').click());
  expect(new URL(page.url()).pathname).toBe('/');
}

const drafts = (page: Page) => page.locator('a.dialog-trigger').count();
const activeInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));

/** Presses Tab until the focused element matches `selector`. */
async function tabUntil(page: Page, selector: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The received times of the inbox rows, in the order shown. */
const receivedTimes = (page: Page) => page.locator('main tbody tr td:nth-child(5) time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));

describe('[POLICE][KEYBOARD] the confirm dialog', () => {
  it('[POLICE][KEYBOARD] traps focus, closes on Escape with focus returned, and discards on confirm', async () => {
    const page = await h.pageAs('police');
    await saveDraft(page, 'Dialogia');
    const before = await drafts(page);
    expect(before).toBeGreaterThan(0);

    await tabUntil(page, 'a.dialog-trigger');
    const trigger = await page.evaluate(() => document.activeElement!.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    expect((await focused(page)).text).toBe('Nej, behåll det'); // the safe answer first
    await expect(page.locator('dialog[open]').getAttribute('aria-labelledby')).resolves.toMatch(/-title$/);
    // Tab and Shift+Tab go round inside the dialog and never reach the page behind it.
    const stops: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await activeInDialog(page), `focus inside the dialog after ${key}`).toBe(true);
      expect((await focused(page)).visible, 'a visible focus ring in the dialog').toBe(true);
      stops.push((await focused(page)).text);
    }
    expect(stops).toEqual(['Ja, kasta utkastet', 'Nej, behåll det', 'Ja, kasta utkastet', 'Nej, behåll det', 'Ja, kasta utkastet']);

    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(trigger); // focus returned
    expect(await drafts(page)).toBe(before);

    // "Nej, behåll det" closes it too, focus back on the trigger.
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(trigger);

    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Ja, kasta utkastet');
    await submitAndWait(page, () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await drafts(page)).toBe(before - 1);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Utkastet är borttaget.');
    // Announced: the status region is filled once the page's script has run.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Utkastet är borttaget.' }).count()).toBe(1);
    await page.context().close();
  });
});

describe('[INTAKE][KEYBOARD] sorting the inbox', () => {
  it('[INTAKE][KEYBOARD] sorts by time of receipt from the header, both ways, with focus kept on the header', async () => {
    const page = await h.pageAs('intake');
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Särskilt'); // the default order
    await tabUntil(page, 'th a.sort-link[href*="sort=received"]');
    expect((await focused(page)).visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=received&order=desc/);
    await page.locator('th[aria-sort="descending"] a[href*="sort=received"]').waitFor();
    const newest = await receivedTimes(page);
    expect(newest.length).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'))).toBe('descending');
    expect(await page.locator('th[aria-sort]').count()).toBe(1);

    await page.keyboard.press('Enter'); // focus stayed on the header: Enter again turns the order round
    await page.waitForURL(/sort=received&order=asc/);
    await page.locator('th[aria-sort="ascending"] a[href*="sort=received"]').waitFor();
    expect(await receivedTimes(page)).toEqual([...newest].reverse());
    await page.context().close();
  });
});

describe('[ANY][NO-JS] the patterns without JavaScript', () => {
  it('[POLICE][NO-JS] "Kasta" leads to a confirm page; "no" keeps the draft, "yes" discards it with a message', async () => {
    const page = await h.newPage(noJs);
    await page.goto(`${h.partner.url}/login`);
    await page.locator('#email').fill('polis@demo.utvag.se');
    await page.locator('#password').fill('Utvag-demo-2026');
    await submitAndWait(page, () => page.locator('main form button[type="submit"]').click());
    await saveDraft(page, 'Skriptfri');
    const before = await drafts(page);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Utkastet är sparat');

    await submitAndWait(page, () => page.locator('a.dialog-trigger').first().click());
    expect(new URL(page.url()).pathname).toMatch(/^\/utkast\/[0-9a-f-]{36}\/kasta$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vill du kasta utkastet?');
    await submitAndWait(page, () => page.getByRole('link', { name: 'Nej, behåll det' }).click());
    expect(await drafts(page)).toBe(before);

    await submitAndWait(page, () => page.locator('a.dialog-trigger').first().click());
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Ja, kasta utkastet' }).click());
    expect((await response).status()).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await drafts(page)).toBe(before - 1);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Utkastet är borttaget.');
    await page.reload(); // a one-time message
    await expect(page.locator('[data-flash]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('[INTAKE][NO-JS] sorts the inbox by header links and keeps the order through the filter form', async () => {
    const page = await h.newPage(noJs);
    await page.goto(`${h.staff.url}/login`);
    await page.locator('#email').fill('mottagning@demo.utvag.se');
    await page.locator('#password').fill('Utvag-demo-2026');
    await submitAndWait(page, () => page.locator('main form button[type="submit"]').click());
    await submitAndWait(page, () => page.locator('th a.sort-link[href*="sort=received"]').click());
    expect(page.url()).toMatch(/\?sort=received&order=desc$/);
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Inkom');
    const newest = await receivedTimes(page);
    expect(newest).toEqual([...newest].sort().reverse());
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa' }).click());
    expect(page.url()).toContain('sort=received&order=desc');
    await expect(page.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);
    await page.context().close();
  });
});
