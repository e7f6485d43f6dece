// [REGIONAL][NO-JS][AXE][I18N] Issue 9: the regional account has a completed half-year's stored sums recomputed with
// a plain POST form on /uppfoljning/region, and the page's "Beräknad …" moves to now; the button is offered only for
// a completed half-year, in Swedish and English; a unit manager cannot post to the regional action. Zero axe
// violations on the page with the form and with the success notice.
import { lastCompletedHalfYear, presetOf } from '@utvag/domain';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, describeViolations, logIn, setLanguage } from './browser.ts';
import { postForm } from './forms.ts';
import { account, password, useHarness } from './harness.ts';

const h = useHarness();
const half = lastCompletedHalfYear(new Date());
const preset = presetOf(half)!;
const regionPage = () => `${h.staff.url}/uppfoljning/region?preset=${preset}`;

async function expectNoViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The minute the page says the figures were computed ("Beräknad 2026-11-23 03:00. …" → "2026-11-23 03:00"). */
async function computedMinute(page: Page) {
  const text = (await page.getByTestId('figures-computed').textContent())!;
  return /^(?:Beräknad|Computed) (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(text)?.[1] ?? text;
}

it('[REGIONAL][NO-JS] recomputes the region’s stored sums with the plain form, and the computed time moves to now', async () => {
  const page = await h.newPage({ javaScriptEnabled: false });
  await logIn(page, h.staff.url, account.regional, password);
  // The first visit stores the half-year's sums; then they are dated a day back, as if the nightly job had made them.
  await page.goto(regionPage());
  await h.db.sql`update follow_up_figures set computed_at = now() - interval '1 day'
    where region_id is not null and period_from = ${half.from}::date and period_to = ${half.to}::date`;
  await page.goto(regionPage());
  await expect(page.getByTestId('figures-computed').textContent()).resolves.toMatch(/^Beräknad .+ Siffrorna för ett avslutat halvår sparas/);
  const before = await computedMinute(page);
  await expect(page.getByText('Räkna om regionens siffror för perioden').count()).resolves.toBe(1);

  expect(await postForm(page, `?preset=${preset}&/recompute`)).toBe(200);
  await expect(page.getByText('Siffrorna har räknats om.').count()).resolves.toBe(1);
  expect(new URL(page.url()).pathname).toBe('/uppfoljning/region');
  const after = await computedMinute(page);
  expect(after).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(after > before).toBe(true);
  // Stored, not live: a later visit reads the recomputed sums from the store, with the same time.
  await page.goto(regionPage());
  expect(await computedMinute(page)).toBe(after);

  // A custom period is always computed live: nothing to recompute, no button.
  await page.goto(`${h.staff.url}/uppfoljning/region?preset=&from=2025-01-01&to=2025-03-31`);
  await expect(page.getByRole('button', { name: 'Räkna om nu' }).count()).resolves.toBe(0);
  await page.context().close();
});

it('[REGIONAL][AXE][I18N] shows the form and the success notice without axe violations, in Swedish and English', async () => {
  const page = await h.pageAs('regional');
  await page.goto(regionPage());
  await expect(page.getByRole('button', { name: 'Räkna om nu' }).count()).resolves.toBe(1);
  await expectNoViolations(page);
  expect(await postForm(page, `?preset=${preset}&/recompute`)).toBe(200);
  await page.getByText('Siffrorna har räknats om.').first().waitFor();
  await expectNoViolations(page);

  await page.goto(regionPage());
  await setLanguage(page, 'en');
  await expect(page.getByText('Recompute the region’s figures for the period').count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: 'Recompute now' }).count()).resolves.toBe(1);
  await setLanguage(page, 'sv');
  await page.context().close();
});

it('[UNITMANAGER] cannot post to the regional recompute', async () => {
  const page = await h.pageAs('unitManager');
  const status = await page.evaluate(async (p) => {
    const body = new URLSearchParams({ preset: p });
    const r = await fetch(`/uppfoljning/region?preset=${p}&/recompute`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return r.status;
  }, preset);
  expect(status).toBe(403);
  await page.context().close();
});
