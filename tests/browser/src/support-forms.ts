// Failed posts of the support forms (issue 7), as pages for the axe sweep: the error summary must link to the
// fields it names, and what was typed must be kept.
import type { Page } from 'playwright-core';
import { submitAndWait } from './browser.ts';
import type { FormAct } from './forms.ts';

async function post(page: Page, form: string) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await submitAndWait(page, () => page.locator(`form[action="${form}"] button[type="submit"]`).click());
  return (await response).status();
}

async function summaryProblems(page: Page) {
  const problems = await page.$$eval('.error-summary a', (links) =>
    links.flatMap((a) => (document.getElementById(a.getAttribute('href')!.slice(1)) ? [] : [`"${a.textContent}" leads to no field`])),
  );
  if (!(await page.locator('.error-summary a').count())) problems.push('no error summary');
  return problems;
}

/** [CASE WORKER] An intervention with a negative price and no start date. */
export const interventionWithErrors: FormAct = async (page) => {
  await page.locator('#price').fill('-100');
  const status = await post(page, '?/add');
  const problems = await summaryProblems(page);
  if ((await page.locator('#price').inputValue()) !== '-100') problems.push('the price was not kept');
  return { status, problems };
};

/** [CASE WORKER] A network meeting with no time and no place. */
export const meetingWithErrors: FormAct = async (page) => {
  const status = await post(page, '?/plan');
  return { status, problems: await summaryProblems(page) };
};

/** [UNIT MANAGER] A catalogue type with no name and a negative price. */
export const catalogueTypeWithErrors: FormAct = async (page) => {
  await page.locator('#type-price').fill('-1');
  const status = await post(page, '?/addType');
  const problems = await summaryProblems(page);
  if ((await page.locator('#type-price').inputValue()) !== '-1') problems.push('the price was not kept');
  return { status, problems };
};
