// [CASEWORKER][UNITMANAGER][POLICE][SECURITY] Issue 3 in the browser: a protected identity is masked in the inbox
// and on the referral, and revealed only with a reason and the one-time code again (the reveal is on record with
// its reason); a user sees their own sign-ins and ends one; the unit manager's log review flags the reveal and
// signs the month off; a partner whose organisation does not require it turns on two-step verification.
// axe on every new page and its error state.
import { createPerson, createReferral, createUnit, createUser } from '@utvag/db/testing';
import { calendarDateInSweden } from '@utvag/domain';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, logIn, submitAndWait } from './browser.ts';
import { account, useHarness } from './harness.ts';

const h = useHarness();
let worker: { email: string; password: string };
let partner: { email: string; password: string };
let secret = '';
let reference = '';
let referralId = '';
let oldPersonId = '';
let oldReference = '';
const reason = 'Ska boka ett första samtal med personen.';

async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
const code = (stepsAhead = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
const bodyText = (page: Page) => page.locator('main').innerText();

beforeAll(async () => {
  const [demo] = await h.db.sql<{ id: string }[]>`select id from municipality where name = 'Exempelstad (demo)'`;
  const [police] = await h.db.sql<{ id: string; org: string }[]>`select id, organisation_id as org from app_user where email = ${account.police}`;
  const unit = await createUnit(h.db.db, { municipalityId: demo!.id, kind: 'exitProgramme' });
  worker = await createUser(h.db.db, { municipalityId: demo!.id, role: 'caseWorker', unitId: unit.id });
  partner = await createUser(h.db.db, { municipalityId: demo!.id, role: 'police', organisationId: police!.org });
  const person = await createPerson(h.db.db, { municipalityId: demo!.id, firstName: 'Sigrid', lastName: 'Hemligsdotter', protectedIdentity: true, identityNumber: null });
  const r = await createReferral(h.db.db, { municipalityId: demo!.id, submittedByUserId: police!.id, sourceOrganisationId: police!.org, personId: person.id });
  reference = r.reference;
  referralId = r.id;
  // A file whose last entry is long past: due for culling.
  const old = await createPerson(h.db.db, { municipalityId: demo!.id, firstName: 'Gunnel', lastName: 'Gallringsdotter', birthDate: '1980-02-02', identityNumber: null });
  const due = await createReferral(h.db.db, {
    municipalityId: demo!.id, submittedByUserId: police!.id, sourceOrganisationId: police!.org, personId: old.id,
    status: 'notForUs', triageDecision: 'notForUs', receivedAt: new Date('2018-05-02T10:00:00+02:00'),
  });
  await h.db.sql`update person set created_at = '2018-05-02' where id = ${old.id}`;
  await h.db.sql`update referral set updated_at = received_at where id = ${due.id}`;
  oldPersonId = old.id;
  oldReference = due.reference;
});

/**
 * The case worker (not a demo account, so two-step verification is enforced): password, then enrolment of an
 * authenticator app. A code is accepted once and at most one step ahead, so the test uses the current step here
 * and the next one for the step-up.
 */
async function workerPage() {
  const page = await h.newPage();
  await page.goto(`${h.staff.url}/login`);
  await page.getByLabel('E-postadress').fill(worker.email);
  await page.getByLabel(/^Lösenord/).fill(worker.password);
  await submitAndWait(page, () => page.getByRole('button', { name: 'Logga in' }).click());
  secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel(/^Kod/).fill(code());
  await submitAndWait(page, () => page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click());
  await expect(page.getByRole('heading', { name: 'Spara dina reservkoder' }).count()).resolves.toBe(1);
  await page.goto(`${h.staff.url}/`);
  expect(new URL(page.url()).pathname).toBe('/');
  return page;
}

describe('[CASEWORKER][SECURITY] a protected identity', () => {
  it('is masked in the inbox and revealed with a reason', async () => {
    const page = await workerPage();
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.count()).resolves.toBe(1);
    expect(await row.innerText()).toContain('Skyddade personuppgifter');
    expect(await bodyText(page)).not.toContain('Hemligsdotter');
    await submitAndWait(page, () => row.getByRole('link').click());
    expect(await bodyText(page)).not.toContain('Hemligsdotter');
    await submitAndWait(page, () => page.getByRole('link', { name: 'Visa skyddade personuppgifter' }).click());
    expect(new URL(page.url()).pathname).toBe(`/hanvisningar/${referralId}/identitet`);
    await expectAccessible(page);

    // Without a reason and with a wrong code: refused, nothing shown, and the summary names the field.
    await page.getByLabel(/^Engångskod/).fill('000000');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa personuppgifter' }).click());
    expect(await page.locator('.error-summary').innerText()).toContain('Engångskod');
    expect(await bodyText(page)).not.toContain('Hemligsdotter');
    await expectAccessible(page);

    // A code but a too short reason: the step-up holds, the reveal is refused for the reason.
    await page.getByLabel(/^Motivering/).fill('ring');
    await page.getByLabel(/^Engångskod/).fill(code(1));
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa personuppgifter' }).click());
    expect(await page.locator('.error-summary').innerText()).toContain('Motivering');
    expect(await bodyText(page)).not.toContain('Hemligsdotter');
    await expect(page.getByLabel(/^Engångskod/).count()).resolves.toBe(0); // the step-up of a moment ago holds

    await page.getByLabel(/^Motivering/).fill(reason);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa personuppgifter' }).click());
    expect(await bodyText(page)).toContain('Sigrid Hemligsdotter');
    await expectAccessible(page);
    // Not kept anywhere: the page loaded again shows the form, not the identity.
    await page.goto(page.url());
    expect(await bodyText(page)).not.toContain('Hemligsdotter');
    const [entry] = await h.db.sql<{ reason: string }[]>`
      select reason from audit_entry where action = 'identity.reveal' and outcome = 'allowed' order by id desc limit 1`;
    expect(entry?.reason).toBe(reason);
    await page.context().close();
  });
});

describe('[COORDINATOR][SECURITY] own sign-ins', () => {
  it('lists both sign-ins without addresses and ends the other one at once', async () => {
    const other = await h.pageAs('coordinator');
    const page = await h.pageAs('coordinator');
    await page.goto(`${h.staff.url}/konto/sessioner`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mina inloggningar');
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(2);
    expect(await bodyText(page)).toContain('Chrome');
    expect(await bodyText(page)).not.toMatch(/127\.0\.0\.1/);
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Avsluta alla andra inloggningar' }).click());
    expect(await bodyText(page)).toContain('andra inloggningar är avslutade');
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await other.goto(`${h.staff.url}/`);
    expect(new URL(other.url()).pathname).toBe('/login');
    await Promise.all([page.context().close(), other.context().close()]);
  });
});

describe('[UNITMANAGER][SECURITY] log review', () => {
  it('flags the reveal with its reason and signs the month off', async () => {
    const page = await h.pageAs('unitManager');
    await expect(page.getByRole('link', { name: 'Loggkontroll' }).count()).resolves.toBe(1);
    await page.goto(`${h.staff.url}/loggkontroll`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Loggkontroll');
    const reveal = page.locator('tbody tr').filter({ hasText: 'identity.reveal' }).first();
    expect(await reveal.innerText()).toContain('Skyddade personuppgifter');
    expect(await reveal.innerText()).toContain(reason);
    await expectAccessible(page);
    // Filtered by the person (the referral's number): only accesses to that person.
    await page.getByLabel(/^Person/).fill(reference);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Visa' }).click());
    expect(page.url()).not.toContain('Hemlig');
    for (const row of await page.locator('tbody tr').all()) expect(await row.innerText()).toMatch(new RegExp(`${reference}|person`));
    // A malformed month is refused with the field named; then the month is signed off.
    await page.getByLabel(/^Månad/).fill('2026-13');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Signera granskningen' }).click());
    expect(await page.locator('.error-summary').innerText()).toContain('Månad');
    await expectAccessible(page);
    const month = calendarDateInSweden(new Date()).slice(0, 7);
    await page.getByLabel(/^Månad/).fill(month);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Signera granskningen' }).click());
    expect(await bodyText(page)).toContain(`Granskningen av ${month} är signerad`);
    await page.context().close();
  });

  it('is not open to a case worker', async () => {
    const page = await h.pageAs('caseWorker');
    await expect(page.getByRole('link', { name: 'Loggkontroll' }).count()).resolves.toBe(0);
    const response = await page.goto(`${h.staff.url}/loggkontroll`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});

describe('[UNITMANAGER][SECURITY] retention', () => {
  it('a dry run proposes, nothing is culled until the manager approves, then personal data is gone', async () => {
    const page = await h.pageAs('unitManager');
    await expect(page.getByRole('link', { name: 'Gallring' }).count()).resolves.toBe(1);
    await page.goto(`${h.staff.url}/gallring`);
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Gör en ny provkörning nu' }).click());
    const row = page.locator('tbody tr').filter({ hasText: oldReference });
    await expect(row.count()).resolves.toBe(1);
    expect(await row.innerText()).toContain('Väntar på godkännande');
    expect(await bodyText(page)).not.toContain('Gallringsdotter');
    await expectAccessible(page);
    const [before] = await h.db.sql<{ last_name: string }[]>`select last_name from person where id = ${oldPersonId}`;
    expect(before?.last_name).toBe('Gallringsdotter');
    await submitAndWait(page, () => page.getByRole('button', { name: 'Godkänn och gallra' }).click());
    expect(await bodyText(page)).toMatch(/Godkänd\. \d+ personers uppgifter är gallrade/);
    const [after] = await h.db.sql<{ last_name: string; birth_date: string | null }[]>`select last_name, birth_date from person where id = ${oldPersonId}`;
    expect(after).toEqual({ last_name: '', birth_date: null });
    await page.context().close();
  });
});

describe('[POLICE][SECURITY] optional two-step verification', () => {
  it('a partner turns it on and is asked for a code at the next login', async () => {
    const page = await h.newPage();
    await logIn(page, h.url('partner'), partner.email, partner.password); // no code: the police do not require one
    await submitAndWait(page, () => page.getByRole('link', { name: 'Mina inloggningar' }).click());
    await expectAccessible(page);
    await submitAndWait(page, () => page.getByRole('link', { name: 'Tvåstegsverifiering' }).click());
    await expectAccessible(page);
    const partnerSecret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel(/^Kod/).fill(new TOTP({ secret: Secret.fromBase32(partnerSecret) }).generate());
    await submitAndWait(page, () => page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click());
    await expect(page.getByRole('heading', { name: 'Spara dina reservkoder' }).count()).resolves.toBe(1);
    await submitAndWait(page, () => page.getByRole('button', { name: /Logga ut/ }).click());
    await page.goto(`${h.url('partner')}/login`);
    await page.getByLabel('E-postadress').fill(partner.email);
    await page.getByLabel(/^Lösenord/).fill(partner.password);
    await submitAndWait(page, () => page.getByRole('button', { name: 'Logga in' }).click());
    expect(new URL(page.url()).pathname).toBe('/login/kod');
    await page.context().close();
  });
});
