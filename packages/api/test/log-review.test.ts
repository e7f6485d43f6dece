// Log review (loggkontroll, issue 3): a unit manager sees who opened which record in the municipality, filtered
// by user, person and period, with flags; another municipality's accesses never show; reading the log is on
// record; the monthly sign-off is recorded once per unit and month, and audited.
import { insertAuditEntry } from '@utvag/db';
import { createPerson, createReferral } from '@utvag/db/testing';
import { auditEntry, logReview } from '@utvag/db/schema';
import { calendarDateInSweden } from '@utvag/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createWorld, type World } from './harness.ts';

let world: World;
let hiddenReferral: { id: string; reference: string };
let plainReferral: { id: string; reference: string };
const thisMonth = calendarDateInSweden(new Date()).slice(0, 7);

beforeAll(async () => {
  world = await createWorld();
  const { tenant } = world;
  const base = { municipalityId: tenant.municipality.id, submittedByUserId: tenant.users.police.id, sourceOrganisationId: tenant.organisations.police.id };
  // No identity number: a random one could coincide with the other referral's person (found by number).
  const hidden = await createPerson(world.t.db, { municipalityId: tenant.municipality.id, protectedIdentity: true, identityNumber: null });
  hiddenReferral = await createReferral(world.t.db, { ...base, personId: hidden.id });
  plainReferral = await createReferral(world.t.db, base);
  // Accesses: the case worker opens both; the other municipality's intake opens its own.
  const caseWorker = await world.staff('caseWorker');
  await caseWorker.referral.get({ id: hiddenReferral.id });
  await caseWorker.referral.get({ id: plainReferral.id });
  await (await world.staff('coordinator')).referral.get({ id: plainReferral.id });
  const other = world.otherTenant;
  const foreign = await createReferral(world.t.db, { municipalityId: other.municipality.id, submittedByUserId: other.users.police.id, sourceOrganisationId: other.organisations.police.id });
  await (await world.staff('otherMunicipalityIntake')).referral.get({ id: foreign.id });
  // A night-time access in the past, written as the log would have it.
  await insertAuditEntry(world.t.db, {
    userId: tenant.users.intake.id,
    role: 'intake',
    municipalityId: tenant.municipality.id,
    action: 'referral.read',
    recordType: 'referral',
    recordId: plainReferral.id,
    at: new Date('2026-11-01T02:00:00+01:00'),
  });
});
afterAll(() => world.t.drop());

const manager = () => world.staff('unitManager');
const period = { from: '2026-11-01', to: calendarDateInSweden(new Date()) };

describe('the access log', () => {
  it('shows the municipality’s accesses with flags, never another municipality’s', async () => {
    const log = await (await manager()).logReview.list(period);
    const reads = log.entries.filter((e) => e.action === 'referral.read');
    expect(reads.map((e) => e.recordId).sort()).toEqual([hiddenReferral.id, plainReferral.id, plainReferral.id, plainReferral.id].sort());
    expect(reads.find((e) => e.recordId === hiddenReferral.id)?.flags).toContain('protectedIdentity');
    expect(reads.find((e) => e.recordId === hiddenReferral.id)?.recordReference).toBe(hiddenReferral.reference);
    expect(log.entries.find((e) => e.at.startsWith('2026-11-01T01:00'))?.flags).toContain('outsideWorkingHours');
    expect(JSON.stringify(log)).not.toContain(world.otherTenant.municipality.id);
    // Names of people are never in the log: ids and references only.
    expect(log.users.some((u) => u.id === world.otherTenant.users.intake.id)).toBe(false);
  });

  it('filters by user, by person (a referral number) and by period', async () => {
    const api = await manager();
    const byUser = await api.logReview.list({ ...period, userId: world.tenant.users.coordinator.id });
    expect(byUser.entries.map((e) => e.recordId)).toEqual([plainReferral.id]);
    const byPerson = await api.logReview.list({ ...period, reference: hiddenReferral.reference });
    expect(new Set(byPerson.entries.map((e) => e.recordId))).toEqual(new Set([hiddenReferral.id]));
    const unknown = await api.logReview.list({ ...period, reference: 'UTV-2026-999999' });
    expect(unknown.entries).toEqual([]);
    const before = await api.logReview.list({ from: '2026-10-01', to: '2026-10-31' });
    expect(before.entries).toEqual([]);
    const flagged = await api.logReview.list({ ...period, flaggedOnly: true });
    expect(flagged.entries.every((e) => e.flags.length > 0)).toBe(true);
  });

  it('refuses bad filters naming the field', async () => {
    const api = await manager();
    await expect(api.logReview.list({ from: '2026-11-30', to: '2026-11-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.logReview.list({ reference: 'Sigrid Skyddad' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.logReview.list({ userId: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('puts reading the log itself on record', async () => {
    const rows = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.userId, world.tenant.users.unitManager.id), eq(auditEntry.action, 'logReview.read')));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('is for unit managers only', async () => {
    for (const role of ['caseWorker', 'intake', 'administrator', 'coordinator'] as const) {
      expect(await codeOf((await world.staff(role)).logReview.list({}))).toBe('FORBIDDEN');
    }
  });
});

describe('the monthly sign-off', () => {
  it('records the month once per unit, with the counts, and audits it', async () => {
    const api = await manager();
    const signed = await api.logReview.signOff({ month: thisMonth, note: 'Inget anmärkningsvärt.' });
    expect(signed.entries).toBeGreaterThan(0);
    expect(signed.flagged).toBeGreaterThan(0);
    expect(await codeOf(api.logReview.signOff({ month: thisMonth }))).toBe('CONFLICT');
    const [row] = await world.t.db.select().from(logReview).where(eq(logReview.id, signed.id));
    expect(row).toMatchObject({ month: thisMonth, signedByUserId: world.tenant.users.unitManager.id, unitId: world.tenant.intakeUnit.id });
    const audited = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'logReview.signOff'), eq(auditEntry.recordId, signed.id)));
    expect(audited).toHaveLength(1);
    expect((await api.logReview.list({})).reviews.map((r) => r.month)).toContain(thisMonth);
  });

  it('refuses a future month and a malformed one', async () => {
    const api = await manager();
    expect(await codeOf(api.logReview.signOff({ month: '2999-01' }))).toBe('BAD_REQUEST');
    expect(await codeOf(api.logReview.signOff({ month: '2026-13' }))).toBe('BAD_REQUEST');
  });
});
