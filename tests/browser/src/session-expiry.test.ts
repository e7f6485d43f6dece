// [POLICE][SESSION-EXPIRY] A police officer's session ends while they are writing a referral: sending the form
// keeps everything typed as a draft, the login page says so, and after signing in the form opens with it.
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './browser.ts';
import { account, password, useHarness } from './harness.ts';

const h = useHarness();

describe('[POLICE][SESSION-EXPIRY] work survives an expired session', () => {
  it('keeps the unsent referral as a draft and reopens it after login', async () => {
    const page = await h.pageAs('police');
    await page.goto(`${h.url('partner')}/hanvisningar/ny`);
    await page.getByLabel(/^Förnamn/).fill('Utgången');
    await page.getByLabel(/^Efternamn/).fill('Sessionsson');
    await page.getByLabel(/^Varför hänvisar du/).fill('Skrev länge, blev utloggad.');

    // Forty idle minutes pass (the limit is 30).
    await h.db.sql`update session set last_seen_at = now() - interval '40 minutes'
      where user_id = (select id from app_user where email = ${account.police})`;

    await page.getByRole('button', { name: 'Skicka hänvisningen' }).click();
    await page.waitForURL(/\/login\?redirectTo=.*sessionExpired=1/);
    await expect(page.getByText('Det du skrev är sparat som ett utkast').count()).resolves.toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Signing in on this page keeps its redirectTo: back to the form, with the draft.
    await page.getByLabel('E-postadress').fill(account.police);
    await page.getByLabel(/^Lösenord/).fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/hanvisningar\/ny\?utkast=/);
    await expect(page.getByLabel(/^Förnamn/).inputValue()).resolves.toBe('Utgången');
    await expect(page.getByLabel(/^Varför hänvisar du/).inputValue()).resolves.toBe('Skrev länge, blev utloggad.');
    await page.context().close();
  });

  it('keeps nothing for a post with no session at all', async () => {
    const page = await h.newPage();
    const response = await page.request.post(`${h.url('partner')}/hanvisningar/ny`, {
      form: { 'person.firstName': 'Ingen' },
      headers: { origin: h.url('partner'), accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).not.toContain('sessionExpired');
    await page.context().close();
  });
});
