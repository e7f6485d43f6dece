// Page states of the shared patterns (issue 4), as acts for the axe sweep: a saved draft with its one-time
// message, the discard dialog open (JavaScript), the discard confirm page (what the trigger is without
// JavaScript), and a wrong second-factor code.
import type { Page } from 'playwright-core';
import { focused, submitAndWait } from './browser.ts';
import type { FormAct } from './forms.ts';

async function post(page: Page, selector: string) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await submitAndWait(page, () => page.locator(selector).click());
  return (await response).status();
}

/** [PARTNER] An intake form saved as a draft: 303 to the start page, which shows the one-time message. */
export const saveDraft: FormAct = async (page) => {
  const status = await post(page, 'main form button[name="intent"][value="draft"]');
  const problems = (await page.locator('[data-flash]').count()) === 1 ? [] : ['no message after saving the draft'];
  return { status, problems };
};

/** [PARTNER] "Kasta" on the first draft, with JavaScript: the modal dialog opens with focus on its safe answer. */
export const openDiscardDialog: FormAct = async (page) => {
  await page.locator('a.dialog-trigger').first().click();
  await page.locator('dialog[open]').waitFor();
  const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
  return { status: 200, problems: inside ? [] : [`focus is not in the dialog but on ${(await focused(page)).id}`] };
};

/** [PARTNER] The confirm page the "Kasta" link leads to without JavaScript. */
export const openDiscardPage: FormAct = async (page) => {
  const href = await page.locator('a.dialog-trigger').first().getAttribute('href');
  const response = await page.goto(new URL(href!, page.url()).href);
  return { status: response?.status() ?? 0, problems: [] };
};

/** [STAFF] A wrong one-time code at enrolment: 400, the error at the field and in the summary. */
export const wrongSecondFactorCode: FormAct = async (page) => {
  await page.locator('#code').fill('000000');
  const status = await post(page, 'main form button[type="submit"]');
  const problems: string[] = [];
  if ((await page.locator('#code[aria-invalid="true"]').count()) !== 1) problems.push('the code field is not marked invalid');
  if ((await page.locator('.error-summary a[href="#code"]').count()) !== 1) problems.push('no error summary linking to the code field');
  return { status, problems };
};
