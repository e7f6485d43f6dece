// [ANY][ADMIN][AXE] Issue 4 item 5: a visitor who is not signed in reports an accessibility problem from the
// partner portal's accessibility statement, gets a receipt, and the administrator finds the report in the staff
// portal and marks it handled. Every page on the way has zero axe violations.
import { expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

async function expectNoViolations(page: Parameters<typeof axeViolations>[0]) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

it('[ANY][ADMIN][AXE] an anonymous report on the partner portal reaches the administrator, who marks it handled', async () => {
  const message = `Fokusmarkeringen syns inte i menyn (${crypto.randomUUID().slice(0, 8)}).`;

  // 1. A visitor who is not signed in, on the partner portal.
  const visitor = await h.newPage();
  await visitor.goto(`${h.partner.url}/tillganglighet`);
  expect(new URL(visitor.url()).pathname).toBe('/tillganglighet');
  await expectNoViolations(visitor);

  // A report without the required text is refused at the field, and what was typed is kept.
  await visitor.getByLabel('På vilken sida? (frivilligt)').fill('/login');
  await submitAndWait(visitor, () => visitor.getByRole('button', { name: 'Skicka rapporten' }).click());
  await expect(visitor.locator('#message-error').textContent()).resolves.toMatch(/\S/);
  await expect(visitor.locator('#page').inputValue()).resolves.toBe('/login');
  await expectNoViolations(visitor);

  await visitor.getByLabel(/^Vad fungerar inte\?/).fill(message);
  await visitor.getByLabel('Din e-postadress (frivilligt)').fill('anmalare@example.invalid');
  await submitAndWait(visitor, () => visitor.getByRole('button', { name: 'Skicka rapporten' }).click());
  // A one-time flash message (no query flag): a reload does not confirm again.
  expect(new URL(visitor.url()).search).toBe('');
  await expect(visitor.locator('[data-flash]').textContent()).resolves.toContain('Vi har tagit emot din rapport');
  await expectNoViolations(visitor);
  await visitor.reload();
  expect(await visitor.locator('[data-flash]').count()).toBe(0);
  await visitor.context().close();

  // 2. The administrator finds it through the staff portal's navigation.
  const admin = await h.pageAs('administrator');
  const navLink = admin.getByRole('navigation').getByRole('link', { name: 'Tillgänglighetsrapporter' });
  // The nav link may be followed by SvelteKit's client router (no new document): wait for the address instead.
  await navLink.click();
  await admin.waitForURL((url) => url.pathname === '/admin/tillganglighet');
  await admin.waitForLoadState('load');
  await expect(admin.locator('main table caption').textContent()).resolves.toMatch(/Obehandlade rapporter/);
  const row = admin.getByRole('row').filter({ hasText: message });
  await expect(row.count()).resolves.toBe(1);
  await expect(row.textContent()).resolves.toContain('Utväg – samverkanspartner');
  await expect(row.textContent()).resolves.toContain('anmalare@example.invalid');
  await expectNoViolations(admin);

  // 3. Marked handled with a plain form post: the report leaves the list.
  await submitAndWait(admin, () => row.getByRole('button', { name: /Markera som hanterad/ }).click());
  expect(new URL(admin.url()).pathname).toBe('/admin/tillganglighet');
  await expect(admin.locator('[data-flash]').textContent()).resolves.toContain('markerad som hanterad');
  await expect.poll(() => admin.getByRole('status').filter({ hasText: 'markerad som hanterad' }).count()).toBe(1);
  await expect(admin.getByRole('row').filter({ hasText: message }).count()).resolves.toBe(0);
  await expectNoViolations(admin);
  await admin.context().close();
});

it('[CASEWORKER] staff who are not administrators neither see the page in the navigation nor reach it', async () => {
  const page = await h.pageAs('caseWorker');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Tillgänglighetsrapporter' }).count()).resolves.toBe(0);
  const response = await page.goto(`${h.staff.url}/admin/tillganglighet`);
  expect(response?.status()).toBe(403);
  await page.context().close();
});
