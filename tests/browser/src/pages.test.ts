// [ANY][AXE] Every page of both portals, as each role that can see it, in Swedish and English, at 1280 and 375 px:
// zero axe-core violations (WCAG 2.1 A/AA), no raw i18n key (⟦key⟧), `<html lang>` = the page's language, the
// heading a person of that role and language should see, no sideways scrolling of the page at 1280, 375 and 320 px
// and with text at 200% (WCAG 1.4.4, 1.4.10), nothing clipped with the text spacing of WCAG 1.4.12 (text-spacing.ts).
// Forms are also checked in their error state. One context per actor, the actors in parallel;
// one actor's languages in turn, since the language chosen is remembered on the user.
import { insertAccessibilityReport } from '@utvag/db';
import { createOrganisation, createUnit, createUser } from '@utvag/db/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, pageProblems, setLanguage, submitAndWait, type Locale } from './browser.ts';
import { caseSearchWithErrors, caseSearchWithResults, clockEventWithErrors, emptyFormWithErrors, loginWithErrors, referralWithErrors, triageWithErrors, type FormAct } from './forms.ts';
import { openDiscardDialog, openDiscardPage, saveDraft, wrongSecondFactorCode } from './patterns.ts';
import { demoCaseId } from './demo-cases.ts';
import { useHarness, type DemoRole } from './harness.ts';
import { textSpacingProblems } from './text-spacing.ts';
import { policeReferredCaseId } from './demo-support.ts';
import { catalogueTypeWithErrors, interventionWithErrors, meetingWithErrors } from './support-forms.ts';
import { activeConsentId, consentWithErrors } from './consent-forms.ts';
import { assessmentAnswerWithErrors, assessmentRequestWithErrors, openAssessmentRequest } from './police-assessment-forms.ts';
import { incomingTransferToDemo, transferDeclineWithErrors, transferOfferWithErrors } from './transfer-forms.ts';

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
const notifications = { sv: /^Aviseringar$/, en: /^Notifications$/ };
/** Signs in with a password-only account (its session waits for the second factor, see `passwordOnly`) and logs out
 * through the logout endpoint, as the header's form does: the login page it lands on shows the one-time "logged
 * out" flash message (issue 4). A visitor's context is signed out again afterwards. */
const loggedOut: FormAct = async (page) => {
  const account = new URL(page.url()).origin === new URL(h.url('staff')).origin ? mfa : partnerMfa;
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await submitAndWait(page, () => page.locator('main form button[type="submit"]').click());
  const problems = new URL(page.url()).pathname === '/login/kod' ? [] : [`signed in at ${new URL(page.url()).pathname}, not /login/kod`];
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/logout');
  await submitAndWait(page, () =>
    page.evaluate(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/logout';
      document.body.append(form);
      form.submit();
    }),
  );
  const status = (await response).status();
  if (status !== 303) problems.push(`logout answered ${status}`);
  // The code page's own client-side history update may count as the navigation above: wait for the address too.
  await page.waitForURL((url) => url.pathname === '/login', { timeout: 15_000 }).catch(() => problems.push(`after logout at ${page.url()}`));
  await page.waitForLoadState('load');
  return { status: 200, problems };
};
const anonymous = (email: string): PageCase[] => [
  { path: () => '/login', h1: login },
  // After logging out: the one-time "logged out" message (a flash, issue 4) on the login page.
  { path: () => '/login', h1: login, act: loggedOut, has: ['[data-flash]', true] },
  { path: () => '/login', h1: login, status: 400, act: loginWithErrors(email) },
  accessibility,
  // The report form works for visitors who are not signed in; its error state is checked too.
  { ...accessibility, status: 400, act: emptyFormWithErrors },
];
const reportsPage = '/admin/tillganglighet';
// Cases (issue 6): the demo's adult exit case under investigation, and the one about a protected identity.
const demoCase = { adult: '', protectedIdentity: '' };
const caseH1 = { sv: /^Ärende: /, en: /^Case: / };
const caseList: PageCase = { path: () => '/arenden', h1: { sv: /^Ärenden$/, en: /^Cases$/ } };
const casePages: PageCase[] = [
  caseList,
  { path: () => '/arenden?scope=mine&status=open', h1: caseList.h1 },
  // The search (issue 9): a failed search and one with results, both answers to a POST.
  { path: () => '/arenden', h1: caseList.h1, status: 400, act: caseSearchWithErrors },
  { path: () => '/arenden?status=open', h1: caseList.h1, act: caseSearchWithResults },
  { path: () => `/arenden/${demoCase.adult}`, h1: caseH1 },
  { path: () => `/arenden/${demoCase.adult}/behorighet`, h1: caseH1 },
  { path: () => `/arenden/${demoCase.adult}/beslut`, h1: caseH1 },
  { path: () => `/arenden/${demoCase.adult}/journal`, h1: caseH1 },
  { path: () => `/arenden/${demoCase.adult}/handelser`, h1: caseH1 },
  // Police assessments (issue 6 item 3): the case's tab, and its request form in the error state.
  { path: () => `/arenden/${demoCase.adult}/hotbedomning`, h1: caseH1 },
  { path: () => `/arenden/${demoCase.adult}/hotbedomning`, h1: caseH1, status: 400, act: assessmentRequestWithErrors },
  { path: () => `/arenden/${demoCase.protectedIdentity}`, h1: { sv: /^Ärende: person med skyddade/, en: /^Case: person with protected/ } },
];
const intakeH1 = { sv: /^Mottagning$/, en: /^Intake$/ };
/** E-mail about notifications (issue 5 item 7), both portals. */
const emailSettingsPage: PageCase = { path: () => '/konto/e-post', h1: { sv: /^E-post om aviseringar$/, en: /^E-mail about notifications$/ } };
const sessionsPage: PageCase = { path: () => '/konto/sessioner', h1: { sv: /^Mina inloggningar$/, en: /^My sign-ins$/ } };
/** Passkeys (issue 3), both portals: a demo account has no factor, so the page shows "Lägg till nyckel". */
const passkeysPage: PageCase = { path: () => '/konto/nycklar', h1: { sv: /^Nycklar \(passkeys\)$/, en: /^Passkeys$/ } };
const logReviewPage = '/loggkontroll';
// Support work (issue 7): the demo case the police referred (interventions, plan, a planned meeting).
let supportCase = '';
const supportPages: PageCase[] = [
  { path: () => `/arenden/${supportCase}/insatser`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/insatser`, h1: caseH1, status: 400, act: interventionWithErrors },
  { path: () => `/arenden/${supportCase}/insatser/statlig-ersattning`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/plan`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/natverksmoten`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/natverksmoten`, h1: caseH1, status: 400, act: meetingWithErrors },
];
// Consent (issue 6 item 4): the register and disclosure log of the same case, its error state and the revoke page.
let consentId = '';
const consentPages: PageCase[] = [
  { path: () => `/arenden/${supportCase}/samtycke`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/samtycke`, h1: caseH1, status: 400, act: consentWithErrors },
  { path: () => `/arenden/${supportCase}/samtycke/${consentId}/aterkalla`, h1: caseH1 },
];
// Transfer (issue 6 item 9): the case's "Flytt" tab (with the offer form's error state) for the case worker; the
// incoming requests and one request from Grannby (with the decline form's error state) for intake.
let incomingTransfer = '';
const transferCasePages: PageCase[] = [
  { path: () => `/arenden/${supportCase}/flytt`, h1: caseH1 },
  { path: () => `/arenden/${supportCase}/flytt`, h1: caseH1, status: 400, act: transferOfferWithErrors },
];
const transferTitle = { sv: /^Förfrågan om flytt FLYTT-/, en: /^Transfer request FLYTT-/ };
const incomingTransferPages: PageCase[] = [
  { path: () => '/flyttar', h1: { sv: /^Flyttar från andra kommuner$/, en: /^Transfers from other municipalities$/ }, has: ['main table', true] },
  { path: () => `/flyttar/${incomingTransfer}`, h1: transferTitle },
  { path: () => `/flyttar/${incomingTransfer}`, h1: transferTitle, status: 400, act: transferDeclineWithErrors },
];
const budgetPage: PageCase = { path: () => '/budget', h1: { sv: /^Budget och kostnader$/, en: /^Budget and costs$/ } };
const cataloguePages: PageCase[] = [
  { path: () => '/insatskatalog', h1: { sv: /^Insatskatalog$/, en: /^Intervention catalogue$/ } },
  { path: () => '/insatskatalog', h1: { sv: /^Insatskatalog$/, en: /^Intervention catalogue$/ }, status: 400, act: catalogueTypeWithErrors },
];
// Police assessments (issue 6 item 3): the police's list, an open request and its answer form in the error state.
let assessmentRequest = '';
const assessmentTitle = { sv: /^Begäran UTV-SWEEP$/, en: /^Request UTV-SWEEP$/ };
const assessmentPages: PageCase[] = [
  { path: () => '/bedomningar', h1: { sv: /^Begäranden om hotbedömning$/, en: /^Threat assessment requests$/ }, has: ['main table caption', true] },
  { path: () => `/bedomningar/${assessmentRequest}`, h1: assessmentTitle },
  { path: () => `/bedomningar/${assessmentRequest}`, h1: assessmentTitle, status: 400, act: assessmentAnswerWithErrors },
];
const invitationsPage: PageCase = { path: () => '/natverksmoten', h1: { sv: /^Nätverksmöten$/, en: /^Network meetings$/ } };
const staffPages = (canTriage: boolean, canReviewLog = false): PageCase[] => [
  sessionsPage,
  passkeysPage,
  { path: () => `/hanvisningar/${referral.police}/identitet`, h1: { sv: /^Visa skyddade personuppgifter$/, en: /^Show protected personal details$/ } },
  canReviewLog
    ? { path: () => logReviewPage, h1: { sv: /^Loggkontroll$/, en: /^Log review$/ }, has: ['main table caption', true] }
    : { path: () => logReviewPage, status: 403, h1: { sv: /^Bara enhetschefer/, en: /^Only unit managers/ } },
  canReviewLog
    ? { path: () => '/gallring', h1: { sv: /^Gallring$/, en: /^Retention$/ } }
    : { path: () => '/gallring', status: 403, h1: { sv: /^Bara enhetschefer/, en: /^Only unit managers/ } },
  { path: () => '/', h1: { sv: /^Inkorg$/, en: /^Inbox$/ } },
  { path: () => '/?source=school&status=submitted', h1: { sv: /^Inkorg$/, en: /^Inbox$/ } },
  { path: () => '/mottagning/ny', h1: { sv: /^Registrera ansökan eller samtal$/, en: /^Register an application or call$/ } },
  // Staff drafts (issue 5 item 6): saved from the form, listed on /mottagning, the discard dialog and its no-JS page.
  { path: () => '/mottagning/ny', h1: intakeH1, status: 303, act: saveDraft, has: ['[data-flash]', true] },
  { path: () => '/mottagning', h1: intakeH1, act: openDiscardDialog, has: ['dialog[open]', true] },
  { path: () => '/mottagning', h1: { sv: /^Vill du kasta utkastet\?$/, en: /^Discard the draft\?$/ }, act: openDiscardPage },
  emailSettingsPage,
  { path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, canTriage] },
  ...(canTriage ? [{ path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, status: 400, act: triageWithErrors }] : []),
  { path: () => `/hanvisningar/${referral.probation}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, has: [triageForm, false] },
  // Sorted by a header link: aria-sort on the sorted column.
  { path: () => '/?sort=received&order=desc', h1: { sv: /^Inkorg$/, en: /^Inbox$/ }, has: ['th[aria-sort="descending"] a.sort-link', true] },
  // Issue 5 after intake: the clock-event form in its error state, and the notification centre.
  { path: () => `/hanvisningar/${referral.police}`, h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ }, status: 400, act: clockEventWithErrors },
  { path: () => '/aviseringar', h1: notifications },
  { path: () => `/hanvisningar/${unknownId}`, ...notFound },
  { path: () => '/finns-inte', ...notFound },
  accessibility,
  // Accessibility reports are for administrators only.
  { path: () => reportsPage, status: 403, h1: { sv: /^Bara administratörer kan se/, en: /^Only administrators can see/ } },
];
// Follow-up (issue 8): the municipality's dashboard for its managers, the regional view for a regional account.
const followUp = { sv: /^Uppföljning$/, en: /^Follow-up$/ };
const followUpPages: PageCase[] = [
  { path: () => '/uppfoljning', h1: followUp, has: ['main [role="img"] svg', true] },
  { path: () => '/uppfoljning?preset=&from=2026-03-01&to=2026-02-01', h1: followUp, has: ['.error-summary', true] },
];
const regionalPages: PageCase[] = [
  { path: () => '/uppfoljning/region', h1: { sv: /^Regional uppföljning$/, en: /^Regional follow-up$/ }, has: ['main table caption', true] },
  { path: () => '/uppfoljning', status: 403, h1: { sv: /^Du har inte behörighet till uppföljningen/, en: /^You are not allowed to see the follow-up/ } },
  accessibility,
];
const adminPages: PageCase[] = [
  sessionsPage,
  { path: () => reportsPage, h1: { sv: /^Rapporterade tillgänglighetsproblem$/, en: /^Reported accessibility problems$/ }, has: ['main table caption', true] },
  accessibility,
];
const forms = {
  police: { path: '/hanvisningar/ny', h1: { sv: /^Ny hänvisning till socialtjänsten$/, en: /^New referral to social services$/ }, act: referralWithErrors },
  probationOfficer: { path: '/frivard/ny', h1: { sv: /^Ny hänvisning från Frivården$/, en: /^New referral from the probation service$/ }, act: emptyFormWithErrors },
  schoolStaff: { path: '/orosanmalan/ny', h1: { sv: /^Orosanmälan om ett barn$/, en: /^Concern report about a child$/ }, act: emptyFormWithErrors },
};
const forbidden = { status: 403, h1: { sv: /^Din roll kan inte skicka/, en: /^Your role cannot send/ } };
const submissions = { sv: /^Våra hänvisningar$/, en: /^Our referrals$/ };
const partnerPages = (role: keyof typeof forms, receipt: () => string, otherForm: keyof typeof forms): PageCase[] => [
  sessionsPage,
  passkeysPage,
  { path: () => '/konto/tvastegsverifiering', h1: { sv: /^Tvåstegsverifiering$/, en: /^Two-step verification$/ } },
  { path: () => '/', h1: submissions },
  // A saved draft: the start page with the one-time message and the draft's "discard" trigger…
  { path: () => forms[role].path, h1: submissions, status: 303, act: saveDraft, has: ['[data-flash]', true] },
  // …the confirm dialog open over the page (JS), and the confirm page it is without JS.
  { path: () => '/', h1: submissions, act: openDiscardDialog, has: ['dialog[open]', true] },
  { path: () => '/', h1: { sv: /^Vill du kasta utkastet\?$/, en: /^Discard the draft\?$/ }, act: openDiscardPage },
  { path: () => forms[role].path, h1: forms[role].h1 },
  { path: () => forms[role].path, h1: forms[role].h1, status: 400, act: forms[role].act },
  { path: () => forms[otherForm].path, ...forbidden }, // another source's form
  { path: receipt, ...(role === 'schoolStaff' ? notFound : { h1: { sv: /^Hänvisning UTV-/, en: /^Referral UTV-/ } }) },
  { path: () => '/finns-inte', ...notFound },
  { path: () => '/aviseringar', h1: notifications },
  emailSettingsPage,
  accessibility,
];

// A real (non-demo) account must enrol a second factor: signed in with the password only, it sees /login/kod.
const mfa = { email: '', password: '' };
/** The same for a partner account (a police officer): the partner portal's /login/kod is swept too (issue 4). */
const partnerMfa = { email: '', password: '' };
const secondFactor = { sv: /^Skydda ditt konto med tvåstegsverifiering$/, en: /^Protect your account with two-step verification$/ };
const pendingPages: PageCase[] = [
  { path: () => '/login/kod', h1: secondFactor },
  { path: () => '/login/kod', h1: secondFactor, status: 400, act: wrongSecondFactorCode },
];

const actors: { actor: string; portal: 'staff' | 'partner'; role: DemoRole | 'passwordOnly' | null; pages: PageCase[] }[] = [
  { actor: 'ANY', portal: 'staff', role: null, pages: anonymous('mottagning@demo.utvag.se') },
  { actor: 'INTAKE', portal: 'staff', role: 'intake', pages: [...staffPages(true), caseList, ...incomingTransferPages] },
  // Support work's pages (issue 7) swept by the same actors: an account's language is shared by its sessions.
  { actor: 'CASEWORKER', portal: 'staff', role: 'caseWorker', pages: [...staffPages(false), ...supportPages, ...transferCasePages] },
  { actor: 'UNITMANAGER', portal: 'staff', role: 'unitManager', pages: [...staffPages(true, true), ...followUpPages, budgetPage, ...cataloguePages] },
  // Cases (issue 6), swept as the coordinator named on the demo case: an actor of its own (a role's language is
  // remembered on the account, so one account cannot be swept by two actors at once).
  // Consent (issue 6 item 4) too: the coordinator is named on the police-referred case and may record and revoke.
  { actor: 'COORDINATOR', portal: 'staff', role: 'coordinator', pages: [...casePages, ...consentPages] },
  { actor: 'REGIONAL', portal: 'staff', role: 'regional', pages: regionalPages },
  { actor: 'ADMIN', portal: 'staff', role: 'administrator', pages: adminPages },
  { actor: 'CASEWORKER-MFA', portal: 'staff', role: 'passwordOnly', pages: pendingPages },
  { actor: 'POLICE-MFA', portal: 'partner', role: 'passwordOnly', pages: pendingPages },
  { actor: 'ANY', portal: 'partner', role: null, pages: anonymous('polis@demo.utvag.se') },
  { actor: 'POLICE', portal: 'partner', role: 'police', pages: [...partnerPages('police', () => `/hanvisningar/${referral.police}?kvitto=1`, 'schoolStaff'), invitationsPage, ...assessmentPages] },
  { actor: 'PROBATION', portal: 'partner', role: 'probationOfficer', pages: partnerPages('probationOfficer', () => `/hanvisningar/${referral.probation}`, 'police') },
  // A school sees no other organisation's referral: the police one is "not found" to it.
  { actor: 'SCHOOL', portal: 'partner', role: 'schoolStaff', pages: [...partnerPages('schoolStaff', () => `/hanvisningar/${referral.police}`, 'probationOfficer'), invitationsPage] },
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
    problems.push(...(await textSpacingProblems(page)).map((p) => `${where} @${width}px: ${p}`));
  }
  // Reflow at 320 CSS px (WCAG 1.4.10: 1280 px at 400% zoom): no sideways scrolling of the page.
  await page.setViewportSize({ width: 320, height: 900 });
  const narrow = await horizontalOverflow(page);
  if (narrow) problems.push(`${where} @320px: the page scrolls sideways by ${narrow}px`);
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
  // Body rows only: the header row holds the sort links.
  for (const row of await page.getByRole('row').filter({ has: page.locator('td a') }).all()) {
    const id = (await row.locator('td a').first().getAttribute('href'))!.split('/').pop()!;
    if ((await row.textContent())!.includes('Polisen')) referral.police = id;
    else if ((await row.textContent())!.includes('Frivården')) referral.probation = id;
  }
  expect(referral.police && referral.probation).toBeTruthy();
  const [municipality] = await h.db.sql<{ id: string }[]>`select id from municipality where name = 'Exempelstad (demo)'`;
  const unit = await createUnit(h.db.db, { municipalityId: municipality!.id, kind: 'exitProgramme' });
  Object.assign(mfa, await createUser(h.db.db, { municipalityId: municipality!.id, role: 'caseWorker', unitId: unit.id }));
  // An organisation that requires a second factor of its partner users (issue 3), so the police officer meets /login/kod.
  const police = await createOrganisation(h.db.db, { municipalityId: municipality!.id, type: 'police', name: 'Polisen, tvåstegstest' });
  await h.db.sql`update organisation set requires_mfa = true where id = ${police.id}`;
  Object.assign(partnerMfa, await createUser(h.db.db, { municipalityId: municipality!.id, role: 'police', organisationId: police.id }));
  demoCase.adult = await demoCaseId(h.db, 'adult');
  demoCase.protectedIdentity = await demoCaseId(h.db, 'protectedIdentity');
  supportCase = await policeReferredCaseId(h.db);
  consentId = await activeConsentId(h.db, supportCase);
  assessmentRequest = await openAssessmentRequest(h.db, demoCase.adult);
  incomingTransfer = await incomingTransferToDemo(h.db);
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
  expect(await page.locator('[data-flash]').count()).toBe(1);
  await page.context().close();
});

/** Signs in with the password only: the session waits for its second factor at /login/kod. */
async function passwordOnly(base: string, account: { email: string; password: string }) {
  const page = await h.newPage();
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await submitAndWait(page, () => page.locator('main form button[type="submit"]').click());
  expect(new URL(page.url()).pathname).toBe('/login/kod');
  return page;
}

describe.concurrent('[ANY][AXE] every page, every role, sv and en, 1280 and 375 px', () => {
  for (const { actor, portal, role, pages } of actors) it(`[${actor}][AXE][TEXT-200%] ${portal} portal: ${pages.length} pages × sv, en × 1280, 375 px`, async () => {
    const page = role === 'passwordOnly' ? await passwordOnly(h.url(portal), portal === 'staff' ? mfa : partnerMfa) : role ? await h.pageAs(role) : await h.newPage();
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
  }, 900_000); // one actor's whole sweep: up to 26 pages × 2 languages × 2 widths, with other actors in parallel, on a shared 2-core machine
});
