// [ANY][AXE] Every page of both portals, as each role that can see it, in Swedish and English, at 1280 and 375 px:
// zero axe-core violations (WCAG 2.1 A/AA), no raw i18n key (⟦key⟧), `<html lang>` = the page's language, the
// heading a person of that role and language should see, no sideways scrolling of the page, also with text at 200%
// (WCAG 1.4.4, 1.4.10). Forms are also checked in their error state. One context per actor, the actors in parallel;
// one actor's languages in turn, since the language chosen is remembered on the user.
import { insertAccessibilityReport } from '@utvag/db';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, pageProblems, setLanguage, submitAndWait, type Locale } from './browser.ts';
import { emptyFormWithErrors, loginWithErrors, referralWithErrors, triageWithErrors, type FormAct } from './forms.ts';
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
  /** Posts the page's form with errors first (then `status` is the post's); the error state is what is checked. */
  act?: FormAct;
}

const triageForm = 'form[aria-labelledby="triage"]';
const notFound = { status: 404, h1: { sv: /^Sidan finns inte/, en: /^The page does not exist/ } };
const accessibility: PageCase = { path: () => '/tillganglighet', h1: { sv: /^Tillgänglighetsredogörelse$/, en: /^Accessibility statement$/ } };
const login = { sv: /^Logga in$/, en: /^Log in$/ };
const anonymous = (email: string): PageCase[] => [
  { path: () => '/login', h1: login },
  { path: () => '/login?loggedOut=1', h1: login },
  { path: () => '/login', h1: login, status: 400, act: loginWithErrors(email) },
  accessibility,
  // The report form works for visitors who are not signed in; its error state is checked too.
  { ...accessibility, status: 400, act: emptyFormWithErrors },
];
const reportsPage = '/admin/tillganglighet';
const staffPages = (canTriage: boolean): PageCase[] => [
  { path: () => '/', h1: { sv: /^Inkorg$/, en: /^Inbox$/ } },
  { path: () => '/?source=school&status=submitted', h1: { sv: /^Inkorg$/, en: /^Inbox$/ } },
  { path: () => '/mottagning/ny', h1: { sv: /^Registrera ansökan eller samtal$/, en: /^Register an application or call$/ } },
  { path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, canTriage] },
  ...(canTriage ? [{ path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, status: 400, act: triageWithErrors }] : []),
  { path: () => `/hanvisningar/${referral.probation}?beslut=1`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, false] },
  { path: () => `/hanvisningar/${unknownId}`, ...notFound },
  { path: () => '/finns-inte', ...notFound },
  accessibility,
  // Accessibility reports are for administrators only.
  { path: () => reportsPage, status: 403, h1: { sv: /^Bara administratörer kan se/, en: /^Only administrators can see/ } },
];
const adminPages: PageCase[] = [
  { path: () => reportsPage, h1: { sv: /^Rapporterade tillgänglighetsproblem$/, en: /^Reported accessibility problems$/ }, has: ['main table caption', true] },
  accessibility,
];
const forms = {
  police: { path: '/hanvisningar/ny', h1: { sv: /^Ny hänvisning till socialtjänsten$/, en: /^New referral to social services$/ }, act: referralWithErrors },
  probationOfficer: { path: '/frivard/ny', h1: { sv: /^Ny hänvisning från Frivården$/, en: /^New referral from the probation service$/ }, act: emptyFormWithErrors },
  schoolStaff: { path: '/orosanmalan/ny', h1: { sv: /^Orosanmälan om ett barn$/, en: /^Concern report about a child$/ }, act: emptyFormWithErrors },
};
const forbidden = { status: 403, h1: { sv: /^Din roll kan inte skicka/, en: /^Your role cannot send/ } };
const partnerPages = (role: keyof typeof forms, receipt: () => string, otherForm: keyof typeof forms): PageCase[] => [
  { path: () => '/', h1: { sv: /^Våra hänvisningar$/, en: /^Our referrals$/ } },
  { path: () => forms[role].path, h1: forms[role].h1 },
  { path: () => forms[role].path, h1: forms[role].h1, status: 400, act: forms[role].act },
  { path: () => forms[otherForm].path, ...forbidden }, // another source's form
  { path: receipt, ...(role === 'schoolStaff' ? notFound : { h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ } }) },
  { path: () => '/finns-inte', ...notFound },
  accessibility,
];

const actors: { actor: string; portal: 'staff' | 'partner'; role: DemoRole | null; pages: PageCase[] }[] = [
  { actor: 'ANY', portal: 'staff', role: null, pages: anonymous('mottagning@demo.utvag.se') },
  { actor: 'INTAKE', portal: 'staff', role: 'intake', pages: staffPages(true) },
  { actor: 'CASEWORKER', portal: 'staff', role: 'caseWorker', pages: staffPages(false) },
  { actor: 'UNITMANAGER', portal: 'staff', role: 'unitManager', pages: staffPages(true) },
  { actor: 'ADMIN', portal: 'staff', role: 'administrator', pages: adminPages },
  { actor: 'ANY', portal: 'partner', role: null, pages: anonymous('polis@demo.utvag.se') },
  { actor: 'POLICE', portal: 'partner', role: 'police', pages: partnerPages('police', () => `/hanvisningar/${referral.police}?kvitto=1`, 'schoolStaff') },
  { actor: 'PROBATION', portal: 'partner', role: 'probationOfficer', pages: partnerPages('probationOfficer', () => `/hanvisningar/${referral.probation}`, 'police') },
  // A school sees no other organisation's referral: the police one is "not found" to it.
  { actor: 'SCHOOL', portal: 'partner', role: 'schoolStaff', pages: partnerPages('schoolStaff', () => `/hanvisningar/${referral.police}`, 'probationOfficer') },
];

/** Opens a page and checks it at every width; returns what is wrong, each line prefixed with where. */
async function sweep(page: Page, base: string, c: PageCase, locale: Locale): Promise<string[]> {
  const where = `${locale} ${c.path()}${c.act ? ' (failed post)' : ''}`;
  let status = (await page.goto(base + c.path()))?.status();
  const problems: string[] = [];
  if (c.act) {
    const acted = await c.act(page);
    status = acted.status;
    problems.push(...acted.problems.map((p) => `${where}: ${p}`));
  }
  if (status !== (c.status ?? 200)) problems.push(`${where}: status ${status}, expected ${c.status ?? 200}`);
  const h1 = (await page.locator('h1').textContent())?.trim() ?? '';
  if (!c.h1[locale].test(h1)) problems.push(`${where}: h1 "${h1}" does not match ${c.h1[locale]}`);
  if (c.has && (await page.locator(c.has[0]).count() > 0) !== c.has[1]) problems.push(`${where}: ${c.has[0]} ${c.has[1] ? 'missing' : 'shown'}`);
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    problems.push(...(await pageProblems(page, locale)).map((p) => `${where} @${width}px: ${p}`));
    const overflow = await horizontalOverflow(page);
    if (overflow) problems.push(`${where} @${width}px: the page scrolls sideways by ${overflow}px`);
  }
  // Text at 200% (WCAG 1.4.4) at 1280 px: nothing lost to sideways scrolling; a table scrolls in its own region.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const overflow = await horizontalOverflow(page);
  if (overflow) problems.push(`${where} @1280px, text 200%: the page scrolls sideways by ${overflow}px`);
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
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
  // One open accessibility report, so the administrators' page is swept with its table.
  await insertAccessibilityReport(h.db.db, {
    portal: 'partner',
    message: 'Knappen "Skicka" går inte att nå med tangentbordet.',
    page: '/hanvisningar/ny',
    contactEmail: 'anmalare@example.invalid',
    userId: null,
  });
  await page.goto(`${h.staff.url}/hanvisningar/${referral.probation}`);
  await page.locator('input[name="decision"][value="openCase"]').check();
  await page.locator('select[name="programme"]').selectOption('adultExitProgramme');
  await submitAndWait(page, () => page.locator(`${triageForm} button[type="submit"]`).click());
  expect(page.url()).toContain('beslut=1');
  await page.context().close();
});

describe.concurrent('[ANY][AXE] every page, every role, sv and en, 1280 and 375 px', () => {
  for (const { actor, portal, role, pages } of actors) it(`[${actor}][AXE][TEXT-200%] ${portal} portal: ${pages.length} pages × sv, en × 1280, 375 px`, async () => {
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
  }, 180_000); // one actor's whole sweep: up to 9 pages × 2 languages × 2 widths, with other actors in parallel
});
