// [INTAKE][CASEWORKER][SCHOOL] Issue 5 after intake, in a real browser: intake records the protective assessment
// and the investigation decision of a concern report (the clocks read "Klar"), assigns it to a case worker
// (who is notified, sees it under "Mina" and in the unit filter), links a referral to a person already known,
// is refused on a stale version with a message, and the school sees its timeline — and nothing more. Every
// page on the way: zero axe-core violations (WCAG 2.1 A/AA).
import { createPerson, createReferral } from '@utvag/db/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { account, useHarness } from './harness.ts';

const h = useHarness();
const ids = { concern: '', match: '', known: '', reference: '' };

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const text = (page: Page) => page.locator('main').innerText();
const submitForm = (page: Page, form: string) => submitAndWait(page, () => page.locator(`form[aria-labelledby="${form}"] button[type="submit"]`).click());

beforeAll(async () => {
  const [row] = await h.db.sql<{ municipality: string; school: string; org: string }[]>`
    select u.municipality_id as municipality, u.id as school, u.organisation_id as org from app_user u where u.email = ${account.schoolStaff}`;
  const db = h.db.db;
  const concern = await createReferral(db, {
    municipalityId: row!.municipality, submittedByUserId: row!.school, sourceOrganisationId: row!.org,
    kind: 'concernReport', childAtReceipt: true, inboxRank: 2, reason: 'Har setts med äldre personer i ett nätverk.',
  });
  ids.concern = concern.id;
  ids.reference = concern.reference;
  // Someone already known, and a new referral about a person with the same birth date and a similar name.
  const known = await createPerson(db, { municipalityId: row!.municipality, firstName: 'Kalle', lastName: 'Känd-Person', birthDate: '1990-06-15', identityNumber: null });
  const duplicate = await createPerson(db, { municipalityId: row!.municipality, firstName: 'kalle', lastName: 'Känd Person', birthDate: '1990-06-15', identityNumber: null });
  const match = await createReferral(db, { municipalityId: row!.municipality, submittedByUserId: row!.school, sourceOrganisationId: row!.org, personId: duplicate.id });
  ids.known = known.id;
  ids.match = match.id;
});

describe('[INTAKE][CASEWORKER][SCHOOL] clocks met, assignment, matching and the partner’s timeline', () => {
  it('[INTAKE] records the protective assessment and the investigation decision; the clocks read "Klar"', async () => {
    const page = await h.pageAs('intake');
    await page.goto(`${h.url('staff')}/hanvisningar/${ids.concern}`);
    await expectAccessible(page);
    await page.locator('input[name="event"][value="immediateSafetyAssessment"]').check();
    await submitForm(page, 'events');
    expect(await text(page)).toContain('Händelsen är registrerad');
    expect(await text(page)).toMatch(/Skyddsbedömning: Klar/);
    // The decision without its outcome: the error names the field, nothing is recorded.
    await page.locator('input[name="event"][value="preliminaryAssessment"]').check();
    await submitForm(page, 'events');
    expect(await page.locator('#outcome-error').count()).toBe(1);
    await expectAccessible(page);
    await page.locator('input[name="event"][value="preliminaryAssessment"]').check();
    await page.locator('input[name="outcome"][value="opened"]').check();
    await submitForm(page, 'events');
    expect(await text(page)).toMatch(/Beslut om utredning: Klar/);
    expect(await page.locator('#history ~ .table-scroll').innerText()).toContain('Beslut om utredning: Utredning inleds');
    await expectAccessible(page);
    await page.context().close();
  });

  it('[INTAKE] assigns it to a case worker, with history; a second tab on the old version is refused with a message', async () => {
    const page = await h.pageAs('intake');
    const stale = await page.context().newPage();
    await page.goto(`${h.url('staff')}/hanvisningar/${ids.concern}`);
    await stale.goto(`${h.url('staff')}/hanvisningar/${ids.concern}`);
    await page.locator('select[name="userId"]').selectOption({ label: 'Hugo Handläggare' });
    await submitForm(page, 'assignment');
    expect(await text(page)).toContain('Tilldelningen är sparad');
    expect(await text(page)).toMatch(/Tilldelad: Avhopparverksamheten, Hugo Handläggare/);
    expect(await page.locator('#history ~ .table-scroll').innerText()).toMatch(/Tilldelning från Ingen till Avhopparverksamheten, Hugo Handläggare/);
    await expectAccessible(page);
    await stale.locator('select[name="unitId"]').selectOption({ label: 'Insatsteamet (SIG)' });
    const response = stale.waitForResponse((r) => r.request().method() === 'POST');
    await submitForm(stale, 'assignment');
    expect((await response).status()).toBe(409);
    expect(await text(stale)).toContain('Någon annan har ändrat uppgifterna');
    await expectAccessible(stale);
    await page.context().close();
  });

  it('[CASEWORKER] is notified, sees the item under "Mina" and in the unit filter, and marks the notification read', async () => {
    const page = await h.pageAs('caseWorker');
    await expect(page.getByRole('link', { name: /Aviseringar \(\d+ olästa\)/ }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: /Aviseringar/ }).click();
    await page.waitForURL('**/aviseringar');
    expect(await text(page)).toContain(`Hänvisning ${ids.reference} har tilldelats dig`);
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Markera alla som lästa' }).click());
    expect(await text(page)).toContain('Alla aviseringar är markerade som lästa');
    await expect(page.getByRole('link', { name: 'Aviseringar', exact: true }).count()).resolves.toBe(1);
    await page.goto(`${h.url('staff')}/?assignee=me`);
    expect(await text(page)).toContain(ids.reference);
    await page.locator('select[name="unit"]').selectOption({ label: 'Insatsteamet (SIG)' });
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa', exact: true }).click());
    expect(page.url()).toContain('unit=');
    expect(await text(page)).not.toContain(ids.reference);
    await expectAccessible(page);
    await page.context().close();
  });

  it('[INTAKE] links a referral to the person already known, and the search is on record', async () => {
    const page = await h.pageAs('intake');
    await page.goto(`${h.url('staff')}/hanvisningar/${ids.match}`);
    const matches = page.locator('#matching ~ .table-scroll');
    expect(await matches.innerText()).toContain('Kalle Känd-Person');
    expect(await matches.innerText()).toContain('Samma födelsedatum och liknande namn');
    await expectAccessible(page);
    await submitAndWait(page, () => matches.getByRole('button', { name: /Koppla till den här personen/ }).click());
    expect(await text(page)).toContain('Hänvisningen är kopplad till den person som redan var känd');
    expect(await text(page)).toContain('Ingen känd person matchar');
    const [linked] = await h.db.sql<{ person_id: string }[]>`select person_id from referral where id = ${ids.match}`;
    expect(linked?.person_id).toBe(ids.known);
    const searches = await h.db.sql`select 1 from audit_entry where action = 'person.match' and record_id = ${ids.match}`;
    expect(searches.length).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('[SCHOOL] is notified and sees received → under review → investigation opened, and nothing more', async () => {
    const page = await h.pageAs('schoolStaff');
    await expect(page.getByRole('link', { name: /Aviseringar \(\d+ olästa\)/ }).count()).resolves.toBe(1);
    await page.goto(`${h.url('partner')}/aviseringar`);
    expect(await text(page)).toContain(`Ny status på hänvisning ${ids.reference}`);
    await expectAccessible(page);
    await page.goto(`${h.url('partner')}/hanvisningar/${ids.concern}`);
    const timeline = await page.locator('ol.timeline').innerText();
    expect(timeline.split('\n').map((l) => l.replace(/\s\d.*$/, ''))).toEqual(['Mottagen', 'Under bedömning', 'Utredning har inletts']);
    const main = await text(page);
    for (const secret of ['Hugo', 'Avhopparverksamheten', 'äldre personer', 'Skyddsbedömning']) expect(main).not.toContain(secret);
    await expectAccessible(page);
    await page.context().close();
  });
});
