// Failed form posts, as pages to check: each fills part of a form, posts it, and reports the response status and
// what was lost. A validation error must keep every typed value and list errors that link to existing fields.
import type { Page } from 'playwright-core';
import { submitAndWait } from './browser.ts';

/** A form's main submit button (not "save draft", which posts intent=draft). */
const submitButton = 'main form button[type="submit"]:not([name])';

export type FormAct = (page: Page) => Promise<{ status: number; problems: string[] }>;

async function post(page: Page, submit: () => Promise<unknown>) {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await submitAndWait(page, submit);
  return (await response).status();
}

/** Posts through the submit button `selector` picks and answers the response's status. */
export const postWith = (page: Page, selector: string) => post(page, () => page.locator(selector).click());

/** Posts the form whose action is `action` (e.g. `?/offer`) through its submit button. */
export const postForm = (page: Page, action: string) => postWith(page, `form[action="${action}"] button[type="submit"]`);

/** No error summary, or a link of it that lands on no field. */
export async function summaryProblems(page: Page) {
  const problems = await page.$$eval('.error-summary a', (links) =>
    links.flatMap((a) => (document.getElementById(a.getAttribute('href')!.slice(1)) ? [] : [`"${a.textContent}" leads to no field`])),
  );
  if (!(await page.locator('.error-summary a').count())) problems.push('no error summary');
  return problems;
}

/** Error summary links that land on no field, or do not name the field they lead to. */
const badSummaryLinks = (page: Page) =>
  page.$$eval('.error-summary a', (links) =>
    links.flatMap((a) => {
      const field = document.getElementById(a.getAttribute('href')!.slice(1)) as HTMLInputElement | null;
      if (!field) return [`"${a.textContent}" leads to no field (${a.getAttribute('href')})`];
      const label = (field.closest('fieldset.field')?.querySelector('legend') ?? field.labels?.[0])?.cloneNode(true) as HTMLElement | undefined;
      label?.querySelector('.field__required')?.remove();
      const name = label?.textContent?.trim() ?? '';
      return name && a.textContent!.startsWith(name) ? [] : [`"${a.textContent}" does not name its field "${name}"`];
    }),
  );

async function kept(page: Page, expected: Record<string, string | boolean>) {
  const problems: string[] = [];
  for (const [selector, value] of Object.entries(expected)) {
    const input = page.locator(selector);
    const actual = typeof value === 'boolean' ? await input.isChecked() : await input.inputValue();
    if (actual !== value) problems.push(`${selector} is ${JSON.stringify(actual)} after the failed post, expected ${JSON.stringify(value)}`);
  }
  problems.push(...(await badSummaryLinks(page)).map((p) => `error summary: ${p}`));
  return problems;
}

/** [POLICE] The referral form posted with only a first name, a ticked box and an urgency: every other field empty. */
export const referralWithErrors: FormAct = async (page) => {
  await page.locator('#person-firstName').fill('Vide');
  await page.locator('#contact-name').fill('');
  await page.locator('#contact-email').fill('');
  await page.locator('#threatOrProtectionNeed').check();
  await page.locator('input[name="urgency"][value="high"]').check();
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  const status = await post(page, () => page.locator(submitButton).click());
  const problems = await kept(page, {
    '#person-firstName': 'Vide',
    '#threatOrProtectionNeed': true,
    'input[name="urgency"][value="high"]': true,
    'input[name="idempotencyKey"]': key,
  });
  if ((await page.locator('.error-summary a').count()) < 4) problems.push('the error summary lists fewer than 4 errors');
  return { status, problems };
};

/** [PROBATION][SCHOOL] Any intake form posted with nothing filled in. */
export const emptyFormWithErrors: FormAct = async (page) => {
  const status = await post(page, () => page.locator(submitButton).click());
  const problems = await kept(page, {});
  if (!(await page.locator('.error-summary a').count())) problems.push('no error summary');
  return { status, problems };
};

/** [INTAKE] Triage "not for us" without the reason it requires. */
export const triageWithErrors: FormAct = async (page) => {
  await page.locator('input[name="decision"][value="notForUs"]').check();
  const status = await post(page, () => page.locator('form[aria-labelledby="triage"] button[type="submit"]').click());
  const problems = await kept(page, { 'input[name="decision"][value="notForUs"]': true });
  if (!(await page.locator('#reason-error').count())) problems.push('no error at the reason field');
  return { status, problems };
};

/** [INTAKE] A clock event with a time that is no time: the error at the field, the typed text kept. */
export const clockEventWithErrors: FormAct = async (page) => {
  await page.locator('#at').fill('i går eftermiddag');
  const status = await post(page, () => page.locator('form[aria-labelledby="events"] button[type="submit"]').click());
  const problems = await kept(page, { '#at': 'i går eftermiddag' });
  if (!(await page.locator('#at-error').count())) problems.push('no error at the time field');
  return { status, problems };
};

/** [ANY] Login with a wrong password: one message, the e-mail kept. */
export const loginWithErrors = (email: string): FormAct => async (page) => {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('fel-lösenord');
  const status = await post(page, () => page.locator(submitButton).click());
  const problems = await kept(page, { '#email': email, '#password': '' });
  if (!(await page.getByRole('alert').filter({ hasText: /Fel e-postadress eller lösenord|Wrong email address or password/ }).count())) {
    problems.push('no announced login failure message');
  }
  return { status, problems };
};

/** [COORDINATOR] The case search with a one-letter term: the error at the field, the term kept (issue 9). */
export const caseSearchWithErrors: FormAct = async (page) => {
  await page.locator('#q').fill('a');
  const status = await post(page, () => page.locator('form[role="search"] button[type="submit"]').click());
  const problems = await kept(page, { '#q': 'a' });
  if (!(await page.locator('#q-error').count())) problems.push('no error at the search field');
  return { status, problems };
};

/** [COORDINATOR] A case search by a listed person's last name: the result table is swept too, and the term is in
 * no URL. */
export const caseSearchWithResults: FormAct = async (page) => {
  const listed = page.locator('main tbody tr').filter({ has: page.locator('.muted') }).first().locator('a');
  const lastName = (await listed.textContent())!.trim().split(/\s+/).at(-1)!;
  await page.locator('#q').fill(lastName);
  const status = await post(page, () => page.locator('form[role="search"] button[type="submit"]').click());
  const problems = page.url().includes(encodeURIComponent(lastName)) || page.url().includes(lastName) ? ['the search term is in the URL'] : [];
  if (!(await page.locator('main tbody tr').count())) problems.push(`no result for ${lastName}`);
  return { status, problems };
};
