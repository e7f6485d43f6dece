// [CASEWORKER][NO-JS] Searching the case list (issue 9 item 1) in a real browser, with JavaScript and without: the
// search is a POST, so the term (a name or an identity number) never appears in the address; an identity number
// finds the case exactly, a name by its start; a too short term is an error at the field; the page passes axe.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { demoBirthDates, demoCaseId } from './demo-cases.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
let caseId = '';
let person = { firstName: '', lastName: '', identityNumber: '' };

/** axe-core runs in the page, so only with JavaScript; the sweep in pages.test.ts covers the search's states too. */
async function expectAccessible(page: Page, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

beforeAll(async () => {
  // The demo's adult exit case, with the case worker responsible.
  caseId = await demoCaseId(h.db, 'adult');
  const [row] = await h.db.sql<{ first_name: string; last_name: string; identity_number: string }[]>`
    select first_name, last_name, identity_number from person where birth_date = ${demoBirthDates.adult}`;
  person = { firstName: row!.first_name, lastName: row!.last_name, identityNumber: row!.identity_number };
});

async function searchFor(page: Page, term: string) {
  await page.locator('#q').fill(term);
  await submitAndWait(page, () => page.getByRole('button', { name: 'Sök', exact: true }).click());
}

const resultLinks = (page: Page) => page.locator('main tbody a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('[CASEWORKER] searching the case list', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`${javaScriptEnabled ? '[JS]' : '[NO-JS]'} finds the case by the start of a name and by identity number, the term in no URL`, async () => {
      const page = await h.pageAs('caseWorker', { javaScriptEnabled });
      await page.goto(`${h.url('staff')}/arenden?status=open`);
      await expectAccessible(page, javaScriptEnabled);

      // The start of the last name, in lower case and without accents.
      const start = person.lastName.slice(0, 3).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      await searchFor(page, start);
      expect(await page.getByRole('heading', { name: 'Sökresultat' }).count()).toBe(1);
      expect(await resultLinks(page)).toContain(`/arenden/${caseId}`);
      // The filter of the address is kept; the term is not in it.
      expect(new URL(page.url()).searchParams.get('status')).toBe('open');
      expect(page.url()).not.toContain(start);
      await expectAccessible(page, javaScriptEnabled);

      const n = person.identityNumber;
      await searchFor(page, `${n.slice(0, 8)}-${n.slice(8)}`);
      expect(await resultLinks(page)).toEqual([`/arenden/${caseId}`]);
      expect(page.url()).not.toContain(n.slice(2, 8));

      // A number that is no identity number (wrong check digit): the error at the field, the term kept.
      const wrong = `${n.slice(0, 8)}-${n.slice(8, 11)}${(Number(n[11]) + 1) % 10}`;
      await searchFor(page, wrong);
      expect(await page.locator('#q-error').count()).toBe(1);
      expect(await page.locator('#q').inputValue()).toBe(wrong);
      expect(await page.locator('.error-summary a[href="#q"]').count()).toBe(1);
      await expectAccessible(page, javaScriptEnabled);

      // A result offers the way back to the plain list, with the filters.
      await searchFor(page, person.firstName);
      const back = page.getByRole('link', { name: 'Rensa sökningen' });
      expect(await back.getAttribute('href')).toBe('/arenden?status=open');
      await back.click();
      await page.waitForURL((url) => url.search === '?status=open');
      expect(await page.getByRole('heading', { name: 'Sökresultat' }).count()).toBe(0);
      await page.context().close();
    });
  }
});
