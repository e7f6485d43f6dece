// [ANY][NO-JS] Both portals work as plain HTML: with JavaScript off in the browser a police officer logs in (a
// wrong password first), refers a person, intake triages the referral, and both switch language and log out.
// [POLICE][SLOW-JS] With JavaScript arriving late, what was typed before the page came alive is kept.
import { fictionalIdentityNumber, formatIdentityNumber } from '@utvag/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, submitAndWait } from './browser.ts';
import { account, password, useHarness } from './harness.ts';

const h = useHarness();
const noJs = { javaScriptEnabled: false };
const person = { first: 'Nora', last: 'Skriptlös', id: formatIdentityNumber(fictionalIdentityNumber('2003-02-11', 5)) };
let referralPath = '';

/** Posts a form by clicking `button` and returns the status of the POST's response. */
async function post(page: Page, button: string) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await submitAndWait(page, () => page.locator(button).click());
  return (await response).status();
}

describe('[ANY][NO-JS] both portals without client JavaScript', { sequential: true }, () => {
  it('[POLICE][NO-JS] a wrong password answers 400 with the message and the e-mail kept; the right one signs in', async () => {
    const page = await h.newPage(noJs);
    await page.goto(`${h.partner.url}/login`);
    await page.locator('#email').fill(account.police);
    await page.locator('#password').fill('inte-rätt');
    expect(await post(page, 'main form button[type="submit"]:not([name])')).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Fel e-postadress eller lösenord.');
    await expect(page.locator('#email').inputValue()).resolves.toBe(account.police);
    await expect(page.locator('#password').inputValue()).resolves.toBe('');
    await page.locator('#password').fill(password);
    expect(await post(page, 'main form button[type="submit"]:not([name])')).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Våra hänvisningar');
    await page.context().close();
  });

  it('[POLICE][NO-JS] submits a referral (a missing phone number first) and gets the receipt', async () => {
    const page = await h.newPage(noJs);
    await logIn(page, h.partner.url, account.police, password);
    await page.goto(`${h.partner.url}/hanvisningar/ny`);
    await page.locator('#person-firstName').fill(person.first);
    await page.locator('#person-lastName').fill(person.last);
    await page.locator('#person-identityNumber').fill(person.id);
    await page.locator('#reason').fill('Vill ut ur nätverket; ber om samtal.');
    await page.locator('#personWantsOut').check();
    await page.locator('input[name="urgency"][value="immediate"]').check();
    expect(await post(page, 'main form button[type="submit"]:not([name])')).toBe(400);
    await expect(page.locator('.error-summary a').allTextContents()).resolves.toEqual(['Telefon: Fyll i det här fältet.']);
    await expect(page.locator('#reason').inputValue()).resolves.toBe('Vill ut ur nätverket; ber om samtal.');
    await expect(page.locator('input[name="urgency"][value="immediate"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#personWantsOut').isChecked()).resolves.toBe(true);
    await page.locator('#contact-phone').fill('010-111 22 33');
    expect(await post(page, 'main form button[type="submit"]:not([name])')).toBe(303);
    expect(page.url()).toMatch(/\/hanvisningar\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Tack, hänvisningen är skickad');
    await page.reload(); // shown once: a reload does not thank again
    await expect(page.locator('[data-flash]').count()).resolves.toBe(0);
    referralPath = new URL(page.url()).pathname;
    await page.context().close();
  });

  it('[INTAKE][NO-JS] triages it: "not for us" without a reason is refused with the choice kept, then decided', async () => {
    expect(referralPath).not.toBe('');
    const page = await h.newPage(noJs);
    await logIn(page, h.staff.url, account.intake, password);
    await submitAndWait(page, () => page.getByRole('row').filter({ hasText: `${person.first} ${person.last}` }).getByRole('link').click());
    expect(new URL(page.url()).pathname).toBe(referralPath); // the same id in both portals
    await page.locator('input[name="decision"][value="notForUs"]').check();
    expect(await post(page, 'form[aria-labelledby="triage"] button[type="submit"]')).toBe(400);
    await expect(page.locator('#reason-error').textContent()).resolves.toContain('Skriv en motivering.');
    await expect(page.locator('input[name="decision"][value="notForUs"]').isChecked()).resolves.toBe(true);
    await page.locator('#reason').fill('Bor i en annan kommun; vidarebefordrad dit.');
    expect(await post(page, 'form[aria-labelledby="triage"] button[type="submit"]')).toBe(303);
    expect(new URL(page.url()).pathname).toBe(referralPath);
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Beslutet är registrerat');
    await page.context().close();
  });

  it.for(['staff', 'partner'] as const)('[ANY][NO-JS] switches language and logs out in the %s portal', async (portal) => {
    const page = await h.newPage(noJs);
    await logIn(page, h.url(portal), portal === 'staff' ? account.caseWorker : account.probationOfficer, password);
    expect(await post(page, 'button[name="locale"][value="en"]')).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^(Inbox|Our referrals)$/);
    expect(await post(page, 'button[name="locale"][value="sv"]')).toBe(303);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await post(page, 'form.logout button')).toBe(303);
    // A one-time flash message, not a query flag: the address is plain /login and a reload does not repeat it.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login');
    await expect(page.locator('[data-flash]').textContent()).resolves.toContain('Du är nu utloggad.');
    await page.reload();
    expect(await page.locator('[data-flash]').count()).toBe(0);
    await page.goto(`${h.url(portal)}/`);
    expect(new URL(page.url()).pathname).toBe('/login'); // the session is gone
    await page.context().close();
  });
});

describe('[POLICE][SLOW-JS] typing before the page has come alive', () => {
  it('[POLICE][SLOW-JS] keeps text, ticks and choices made before the JavaScript arrived', async () => {
    const page = await h.pageAs('police');
    await page.route('**/_app/immutable/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${h.partner.url}/hanvisningar/ny`, { waitUntil: 'commit' });
    await page.locator('#person-firstName').fill('Tidig');
    await page.locator('#reason').fill('Skrivet innan sidan laddat klart.');
    await page.locator('#contact-email').fill('annan@polisen.example');
    await page.locator('#consentToContact').check();
    await page.locator('input[name="urgency"][value="high"]').check();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300); // hydration runs after the scripts have loaded
    await expect(page.locator('#person-firstName').inputValue()).resolves.toBe('Tidig');
    await expect(page.locator('#reason').inputValue()).resolves.toBe('Skrivet innan sidan laddat klart.');
    await expect(page.locator('#contact-email').inputValue()).resolves.toBe('annan@polisen.example');
    await expect(page.locator('#consentToContact').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="urgency"][value="high"]').isChecked()).resolves.toBe(true);
    await page.context().close();
  });
});
