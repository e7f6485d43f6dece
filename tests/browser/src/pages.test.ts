// [ANY][AXE] Every page of both portals, as each role that can see it, in Swedish and English, at 1280 and 375 px:
// zero axe-core violations (WCAG 2.1 A/AA), no raw i18n key (⟦key⟧), `<html lang>` = the page's language, and the
// heading a person of that role and language should see. One context per actor, the actors in parallel.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageProblems, setLanguage, submitAndWait, type Locale } from './browser.ts';
import { useHarness, type DemoRole } from './harness.ts';

const h = useHarness();
const locales: Locale[] = ['sv', 'en'];
const widths = [1280, 375];
const referral = { police: '', probation: '' };
const unknownId = '00000000-0000-4000-8000-000000000000';

interface PageCase {
  path: () => string;
  status?: number;
  h1: Record<Locale, RegExp>;
  /** A selector that must (true) or must not (false) match, e.g. the triage form. */
  has?: [string, boolean];
}

const triageForm = 'form[aria-labelledby="triage"]';
const notFound = { status: 404, h1: { sv: /^Sidan finns inte/, en: /^The page does not exist/ } };
const accessibility: PageCase = { path: () => '/tillganglighet', h1: { sv: /^Tillgänglighetsredogörelse$/, en: /^Accessibility statement$/ } };
const anonymous: PageCase[] = [
  { path: () => '/login', h1: { sv: /^Logga in$/, en: /^Log in$/ } },
  { path: () => '/login?loggedOut=1', h1: { sv: /^Logga in$/, en: /^Log in$/ } },
  accessibility,
];
const staffPages = (canTriage: boolean): PageCase[] => [
  { path: () => '/', h1: { sv: /^Inkorg$/, en: /^Inbox$/ } },
  { path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, canTriage] },
  { path: () => `/hanvisningar/${referral.probation}?beslut=1`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, false] },
  { path: () => `/hanvisningar/${unknownId}`, ...notFound },
  { path: () => '/finns-inte', ...notFound },
  accessibility,
];
const newReferral = { sv: /^Ny hänvisning till socialtjänsten$/, en: /^New referral to social services$/ };
const partnerPages = (own: () => string): PageCase[] => [
  { path: () => '/', h1: { sv: /^Våra hänvisningar$/, en: /^Our referrals$/ } },
  { path: () => '/hanvisningar/ny', h1: newReferral },
  { path: () => `/hanvisningar/${own()}?kvitto=1`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ } },
  { path: () => '/finns-inte', ...notFound },
  accessibility,
];
const schoolPages: PageCase[] = [
  { path: () => '/', h1: { sv: /^Våra hänvisningar$/, en: /^Our referrals$/ } },
  { path: () => '/hanvisningar/ny', status: 403, h1: { sv: /^Din roll kan inte skicka/, en: /^Your role cannot send/ } },
  { path: () => `/hanvisningar/${referral.police}`, ...notFound }, // another organisation's referral
  { path: () => '/finns-inte', ...notFound },
  accessibility,
];

const actors: { actor: string; portal: 'staff' | 'partner'; role: DemoRole | null; pages: PageCase[] }[] = [
  { actor: 'ANY', portal: 'staff', role: null, pages: anonymous },
  { actor: 'INTAKE', portal: 'staff', role: 'intake', pages: staffPages(true) },
  { actor: 'CASEWORKER', portal: 'staff', role: 'caseWorker', pages: staffPages(false) },
  { actor: 'UNITMANAGER', portal: 'staff', role: 'unitManager', pages: staffPages(true) },
  { actor: 'ANY', portal: 'partner', role: null, pages: anonymous },
  { actor: 'POLICE', portal: 'partner', role: 'police', pages: partnerPages(() => referral.police) },
  { actor: 'PROBATION', portal: 'partner', role: 'probationOfficer', pages: partnerPages(() => referral.probation) },
  { actor: 'SCHOOL', portal: 'partner', role: 'schoolStaff', pages: schoolPages },
];

/** Opens a page and checks it at every width; returns what is wrong, each line prefixed with where. */
async function sweep(page: Page, base: string, c: PageCase, locale: Locale): Promise<string[]> {
  const response = await page.goto(base + c.path());
  const where = `${locale} ${c.path()}`;
  const problems: string[] = [];
  if (response?.status() !== (c.status ?? 200)) problems.push(`${where}: status ${response?.status()}, expected ${c.status ?? 200}`);
  const h1 = (await page.locator('h1').textContent())?.trim() ?? '';
  if (!c.h1[locale].test(h1)) problems.push(`${where}: h1 "${h1}" does not match ${c.h1[locale]}`);
  if (c.has && (await page.locator(c.has[0]).count() > 0) !== c.has[1]) problems.push(`${where}: ${c.has[0]} ${c.has[1] ? 'missing' : 'shown'}`);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    problems.push(...(await pageProblems(page, locale)).map((p) => `${where} @${width}px: ${p}`));
  }
  return problems;
}

beforeAll(async () => {
  // Both demo referrals, by who sent them; the probation one is decided first, so a decided referral is swept too.
  const page = await h.pageAs('intake');
  for (const row of await page.getByRole('row').filter({ has: page.locator('a') }).all()) {
    const id = (await row.locator('a').getAttribute('href'))!.split('/').pop()!;
    if ((await row.textContent())!.includes('Polisen')) referral.police = id;
    else if ((await row.textContent())!.includes('Frivården')) referral.probation = id;
  }
  expect(referral.police && referral.probation).toBeTruthy();
  await page.goto(`${h.staff.url}/hanvisningar/${referral.probation}`);
  await page.locator('input[name="decision"][value="openCase"]').check();
  await page.locator('select[name="programme"]').selectOption('adultExitProgramme');
  await submitAndWait(page, () => page.locator(`${triageForm} button[type="submit"]`).click());
  expect(page.url()).toContain('beslut=1');
  await page.context().close();
});

describe.concurrent('[ANY][AXE] every page, every role, sv and en, 1280 and 375 px', () => {
  for (const { actor, portal, role, pages } of actors) it(`[${actor}][AXE] ${portal} portal: ${pages.length} pages`, async () => {
    const page = role ? await h.pageAs(role) : await h.newPage();
    const base = h.url(portal);
    const problems: string[] = [];
    for (const locale of locales) {
      await page.goto(`${base}/tillganglighet`);
      await setLanguage(page, locale);
      for (const c of pages) problems.push(...(await sweep(page, base, c, locale)));
    }
    await setLanguage(page, 'sv');
    await page.context().close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
