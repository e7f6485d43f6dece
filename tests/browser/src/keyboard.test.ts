// [POLICE][KEYBOARD] The referral form completed with the keyboard alone (Tab, typing, Space, arrow keys, Enter),
// a validation error recovered from by keyboard, and a visible focus ring on every stop on the way.
// [ANY][KEYBOARD] The skip link is the first Tab stop of both portals and moves focus to <main>.
import type { Page } from 'playwright-core';
import { fictionalIdentityNumber, formatIdentityNumber } from '@utvag/domain';
import { describe, expect, it } from 'vitest';
import { focused, submitAndWait } from './browser.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const identityNumber = formatIdentityNumber(fictionalIdentityNumber('2005-04-17', 3));

/** Presses Tab until focus reaches `id` (a date input keeps focus over its day/month/year parts); the focus must be visible. */
async function tabTo(page: Page, id: string) {
  const from = (await focused(page)).id;
  for (let presses = 0; presses < 4; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.id === from) continue;
    expect(now.id, `Tab from #${from}`).toBe(id);
    expect(now.visible, `focus ring on #${id}`).toBe(true);
    return;
  }
  throw new Error(`Tab never left #${from}`);
}

async function skipLinkFirst(page: Page) {
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first.text).toMatch(/^(Hoppa till huvudinnehållet|Skip to main content)$/);
  expect(first.visible, 'focus ring on the skip link').toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).id).toBe('main');
}

describe('[ANY][KEYBOARD] skip link', () => {
  it.for(['staff', 'partner'] as const)('[ANY][KEYBOARD] is the first Tab stop of the %s portal and moves focus to main', async (portal) => {
    const page = await h.newPage();
    await page.goto(`${h.url(portal)}/login`);
    await skipLinkFirst(page);
    await tabTo(page, 'email'); // the next stop after main is main's first control
    await page.context().close();
  });
});

describe('[POLICE][KEYBOARD] the referral form with the keyboard alone', () => {
  it('[POLICE][KEYBOARD] fills in, recovers from a missing phone number and submits the referral', async () => {
    const page = await h.pageAs('police');
    await page.goto(`${h.partner.url}/hanvisningar/ny`);
    await skipLinkFirst(page);

    await tabTo(page, 'person-firstName');
    await page.keyboard.type('Tove');
    await tabTo(page, 'person-lastName');
    await page.keyboard.type('Tangentsson');
    await tabTo(page, 'person-identityNumber');
    await page.keyboard.type(identityNumber);
    await tabTo(page, 'person-birthDate'); // not needed with the identity number; Tab passes over its parts
    await tabTo(page, 'reason');
    await page.keyboard.type('Vill lämna gänget, ber om kontakt.');
    for (const box of ['threatOrProtectionNeed', 'personWantsOut', 'consentToContact']) {
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await expect(page.locator(`#${box}`).isChecked()).resolves.toBe(true);
    }
    await tabTo(page, 'urgency'); // the checked radio of the group ("Normal")
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).id).toBe('urgency-1');
    await expect(page.locator('#urgency-1').isChecked()).resolves.toBe(true); // "Hög"
    await tabTo(page, 'contact-name'); // one stop for the whole radio group
    await tabTo(page, 'contact-phone'); // left empty on purpose
    await tabTo(page, 'contact-email');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skicka hänvisningen');
    await submitAndWait(page, () => page.keyboard.press('Space'));

    // The failed post: the error summary takes focus, its link leads to the field, nothing typed is lost.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Telefon: Fyll i det här fältet.');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('contact-phone');
    await expect(page.locator('#person-lastName').inputValue()).resolves.toBe('Tangentsson');
    await expect(page.locator('#urgency-1').isChecked()).resolves.toBe(true);
    await expect(page.locator('#person-identityNumber').inputValue()).resolves.toBe(identityNumber);
    await expect(page.locator('#consentToContact').isChecked()).resolves.toBe(true);
    await page.keyboard.type('010-765 43 21');
    await tabTo(page, 'contact-email');
    await page.keyboard.press('Tab');
    await submitAndWait(page, () => page.keyboard.press('Enter'));

    expect(page.url()).toMatch(/\/hanvisningar\/[0-9a-f-]{36}(#contact-phone)?$/); // the fragment of the error link rides along
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Hänvisning UTV-\d{4}-\d{6}$/);
    // Shown, and announced through the status region once the page's script has run.
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Tack, hänvisningen är skickad');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tack, hänvisningen är skickad' }).count()).toBe(1);
    await page.context().close();
  });
});
