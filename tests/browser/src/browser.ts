// Debian's Chromium through playwright-core (never `playwright install`), and axe-core injected into pages.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core at WCAG 2.1 A and AA on the current page and returns the violations (empty is the goal). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'], // only violations are reported; skips detailing passes (much faster)
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** A readable summary for assertion messages. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-postadress|E-mail/).fill(email);
  await page.getByLabel(/^Lösenord|^Password/).fill(password);
  await submitAndWait(page, () => page.getByRole('button', { name: /Logga in|Log in/ }).click());
  // On a busy machine the login page's own late client-side navigation (hydration) can be the event
  // submitAndWait saw; give the real redirect a moment before calling the login failed.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 10_000 }).catch(() => {});
  if (new URL(page.url()).pathname.startsWith('/login')) {
    throw new Error(`login as ${email} failed: ${await page.locator('main').innerText()}`);
  }
}

export type Locale = 'sv' | 'en';

/** Switches language with the header's language buttons (a plain form post), unless the page is in it already. */
export async function setLanguage(page: Page, locale: Locale) {
  if ((await page.getAttribute('html', 'lang')) === locale) return;
  await submitAndWait(page, () => page.locator(`button[name="locale"][value="${locale}"]`).click());
  expect(await page.getAttribute('html', 'lang')).toBe(locale);
}

/** What the sweep reports for one page at one width: axe violations, raw i18n keys and a wrong `<html lang>`. */
export async function pageProblems(page: Page, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  const violations = await axeViolations(page);
  if (violations.length) problems.push(describeViolations(violations));
  const html = await page.content();
  const raw = html.match(/⟦[^⟧]*⟧/g);
  if (raw) problems.push(`raw i18n keys: ${[...new Set(raw)].join(', ')}`);
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== locale) problems.push(`<html lang="${lang}">, expected "${locale}"`);
  return problems;
}

/** How far the page body scrolls sideways (0 when it fits; a table may still scroll inside its own region). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth - 1));

/** The focused element: its id (or tag) and whether a focus indicator (outline or box-shadow) is drawn. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: '', visible: false, text: '' };
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { id: el.id || el.tagName.toLowerCase(), visible: visible && el.matches(':focus-visible'), text: el.textContent?.trim() ?? '' };
  });

/** Runs an action that posts a form or follows a link and waits until the next document has loaded. */
export async function submitAndWait(page: Page, action: () => Promise<unknown>) {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await action();
  await navigated;
  await page.waitForLoadState('load');
}

/** Waits for the one-time message after a form action. It is on the page twice once JavaScript runs (the visible
 * notice and the screen readers' status region, see packages/ui FlashMessage), so look in the visible one. */
export function flashShown(page: Page, text: string) {
  return page.locator('[data-flash]').getByText(text).waitFor();
}
