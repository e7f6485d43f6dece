// [INTAKE][COORDINATOR][POLICE] The rest of issue 5 in a real browser: intake saves a self-application as a draft,
// finds it under Mottagning, reopens it with every typed value and submits it (the draft is gone), discards another
// through the confirm page; a coordinator rejects a proposed person match (not proposed again, in the history); a
// police officer chooses e-mail for every notification. Every page on the way: zero axe-core violations.
import { createPerson, createReferral } from '@utvag/db/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { account, useHarness } from './harness.ts';

const h = useHarness();
const ids = { match: '', known: '' };

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
const text = (page: Page) => page.locator('main').innerText();
const flash = (page: Page) => page.locator('[data-flash]').innerText();

beforeAll(async () => {
  const [row] = await h.db.sql<{ municipality: string; school: string; org: string }[]>`
    select u.municipality_id as municipality, u.id as school, u.organisation_id as org from app_user u where u.email = ${account.schoolStaff}`;
  const db = h.db.db;
  // Someone already known, and a referral about a person with the same birth date and a similar name.
  const known = await createPerson(db, { municipalityId: row!.municipality, firstName: 'Vera', lastName: 'Annan-Person', birthDate: '1993-02-11', identityNumber: null });
  const subject = await createPerson(db, { municipalityId: row!.municipality, firstName: 'vera', lastName: 'Annan Person', birthDate: '1993-02-11', identityNumber: null });
  const match = await createReferral(db, { municipalityId: row!.municipality, submittedByUserId: row!.school, sourceOrganisationId: row!.org, personId: subject.id });
  ids.known = known.id;
  ids.match = match.id;
});

describe('[INTAKE] staff drafts of a self-application or a guardian’s call', () => {
  it('[INTAKE] saves a draft, reopens it with what was typed, submits it; discards another', async () => {
    const page = await h.pageAs('intake');
    const base = h.url('staff');
    await page.goto(`${base}/mottagning/ny`);
    await page.locator('input[name="applicant"][value="guardian"]').check();
    await page.locator('input[name="channel"][value="phone"]').check();
    await page.locator('#person-firstName').fill('Utkast');
    await page.locator('#person-lastName').fill('Mottagningsson');
    await page.locator('#person-birthDate').fill('1991-04-03');
    await page.locator('#reason').fill('Pappa ringde och berättade om oro.');
    // Saving a draft does not validate: the required contact name of a guardian's call is still empty.
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara utkast' }).click());
    expect(new URL(page.url()).pathname).toBe('/mottagning');
    expect(await flash(page)).toContain('Utkastet är sparat');
    const list = await text(page);
    expect(list).toContain('En vårdnadshavare');
    // The list says how it came in, never who it is about.
    expect(list).not.toContain('Mottagningsson');
    await expectAccessible(page);

    await submitAndWait(page, () => page.getByRole('link', { name: /^Fortsätt/ }).first().click());
    expect(new URL(page.url()).pathname).toBe('/mottagning/ny');
    await expect(page.locator('#person-lastName').inputValue()).resolves.toBe('Mottagningsson');
    await expect(page.locator('#reason').inputValue()).resolves.toBe('Pappa ringde och berättade om oro.');
    await expect(page.locator('#person-birthDate').inputValue()).resolves.toBe('1991-04-03');
    expect(await page.locator('input[name="applicant"][value="guardian"]').isChecked()).toBe(true);
    expect(await text(page)).toContain('Du fortsätter på ett sparat utkast');
    await expectAccessible(page);
    await page.locator('#contact-name').fill('Pappa Mottagningsson');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Registrera', exact: true }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/hanvisningar\//);
    await page.goto(`${base}/mottagning`);
    expect(await text(page)).toContain('Du har inga sparade utkast');

    // A second draft, discarded through the confirm page (the no-JavaScript path of "Kasta").
    await page.goto(`${base}/mottagning/ny`);
    await page.locator('#reason').fill('Ska kastas.');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara utkast' }).click());
    const href = await page.locator('a.dialog-trigger').first().getAttribute('href');
    await page.goto(new URL(href!, page.url()).href);
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Ja, kasta utkastet' }).click());
    expect(new URL(page.url()).pathname).toBe('/mottagning');
    expect(await flash(page)).toContain('Utkastet är borttaget');
    expect(await text(page)).toContain('Du har inga sparade utkast');
    await page.context().close();
  });
});

describe('[COORDINATOR] rejecting a proposed person match', () => {
  it('[COORDINATOR] says a candidate is not the same person: not proposed again, and in the history', async () => {
    const page = await h.pageAs('coordinator');
    await page.goto(`${h.url('staff')}/hanvisningar/${ids.match}`);
    const matching = page.locator('#matching ~ .table-scroll').first();
    expect(await matching.innerText()).toContain('Vera Annan-Person');
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('button', { name: /^Inte samma person/ }).first().click());
    expect(await flash(page)).toContain('föreslås inte igen');
    expect(await text(page)).not.toContain('Vera Annan-Person');
    expect(await text(page)).toContain('Ingen känd person matchar');
    expect(await page.locator('#history ~ .table-scroll').innerText()).toContain('En föreslagen person var inte samma person');
    await expectAccessible(page);
    const [event] = await h.db.sql<{ to: string }[]>`select to_person_id as to from referral_event where referral_id = ${ids.match} and kind = 'matchRejected'`;
    expect(event?.to).toBe(ids.known);
    await page.context().close();
  });
});

describe('[POLICE] e-mail about notifications', () => {
  it('[POLICE] chooses e-mail for every notification on /konto/e-post, reached from the notifications', async () => {
    const page = await h.pageAs('police');
    await page.goto(`${h.url('partner')}/aviseringar`);
    // The link may be followed by SvelteKit's client router (no new document): wait for the address instead.
    await page.getByRole('link', { name: 'E-post om aviseringar' }).click();
    await page.waitForURL((url) => url.pathname === '/konto/e-post');
    await page.waitForLoadState('load');
    expect(await page.locator('input[name="preference"][value="urgentOnly"]').isChecked()).toBe(true);
    expect(await text(page)).toContain(account.police);
    await expectAccessible(page);
    await page.locator('input[name="preference"][value="all"]').check();
    await submitAndWait(page, () => page.getByRole('button', { name: 'Spara' }).click());
    expect(await flash(page)).toContain('Ditt val om e-post är sparat');
    expect(await page.locator('input[name="preference"][value="all"]').isChecked()).toBe(true);
    const [row] = await h.db.sql<{ p: string }[]>`select email_notifications as p from app_user where email = ${account.police}`;
    expect(row?.p).toBe('all');
    await page.context().close();
  });
});
