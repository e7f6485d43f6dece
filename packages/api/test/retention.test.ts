// Retention (gallring, issue 3): the nightly dry run (on pg-boss) proposes and culls nothing; a unit manager
// approves; culling removes personal data of exactly the people due, leaves open, kept and research-birthday
// files alone, and keeps the anonymous counts statistics are made of.
import { createPerson, createReferral } from '@utvag/db/testing';
import { auditEntry, caseDecision, eligibilityRecord, journalEntry, person, planVersion, referral, retentionRun, supportCase } from '@utvag/db/schema';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRetentionJobs, retentionQueue } from '../src/retention/jobs.ts';
import { proposeRetentionRuns } from '../src/retention/runs.ts';
import { codeOf, createWorld, type World } from './harness.ts';

let world: World;
let oldCase = '';
const ids = { old: '', recent: '', open: '', research: '', concern: '', other: '' };
const oldDate = new Date('2019-03-01T10:00:00+01:00');

beforeAll(async () => {
  world = await createWorld();
  const { tenant, otherTenant, t } = world;
  const make = async (tn: typeof tenant, p: { birthDate: string; at?: Date; status?: 'submitted' | 'notForUs'; kind?: 'referral' | 'concernReport' }) => {
    const created = await createPerson(t.db, { municipalityId: tn.municipality.id, birthDate: p.birthDate, identityNumber: null, lastName: 'Gallringsson' });
    await createReferral(t.db, {
      municipalityId: tn.municipality.id,
      submittedByUserId: tn.users.police.id,
      sourceOrganisationId: tn.organisations.police.id,
      personId: created.id,
      kind: p.kind ?? 'referral',
      status: p.status ?? 'notForUs',
      triageDecision: 'notForUs',
      receivedAt: p.at ?? oldDate,
      reason: 'Hemlig fritext om personen.',
      contactName: 'Kim Kontakt',
    });
    if (p.at ?? oldDate) await t.db.execute(sql`update person set created_at = ${(p.at ?? oldDate).toISOString()} where id = ${created.id}`);
    await t.db.execute(sql`update referral set updated_at = received_at where person_id = ${created.id}`);
    return created.id;
  };
  ids.old = await make(tenant, { birthDate: '1990-04-02' });
  // The old person also had a case, closed in 2019, with a signed journal entry, a signed decision, an eligibility
  // assessment and a plan: culling empties their free text and keeps who signed what and when.
  const by = tenant.users.unitManager.id;
  const [closed] = await t.db.insert(supportCase).values({
    municipalityId: tenant.municipality.id, personId: ids.old, programme: 'adultExitProgramme', status: 'closed',
    openedAt: oldDate, firstContactAt: oldDate, closedAt: oldDate, closingOutcome: 'completed', closingNote: 'Hemlig avslutning',
  }).returning();
  oldCase = closed!.id;
  const m = tenant.municipality.id;
  await t.db.insert(journalEntry).values({ municipalityId: m, caseId: oldCase, body: 'Hemlig journal', oralSourceFrom: 'Hemlig källa', authorUserId: by, writtenAt: oldDate, signedAt: oldDate, signedByUserId: by });
  await t.db.insert(caseDecision).values({ municipalityId: m, caseId: oldCase, outcome: 'granted', grounds: 'Hemliga skäl', childImpact: 'Hemligt om barn', createdByUserId: by, createdAt: oldDate, stage: 'signed', signedAt: oldDate, signedByUserId: by });
  await t.db.insert(eligibilityRecord).values({ municipalityId: m, caseId: oldCase, criterion: 'motivation', state: 'met', assessedOn: '2019-03-01', basis: 'Hemlig grund', recordedByUserId: by, recordedAt: oldDate });
  await t.db.insert(planVersion).values({ municipalityId: m, caseId: oldCase, version: 1, content: { goals: [{ id: 'g1', text: 'Hemligt mål', status: 'open' }], actions: [], personsOwnWords: 'Hemliga ord' } as never, change: 'addGoal', savedByUserId: by, savedAt: oldDate });
  ids.recent = await make(tenant, { birthDate: '1990-04-03', at: new Date() });
  ids.open = await make(tenant, { birthDate: '1990-04-04', status: 'submitted' });
  ids.research = await make(tenant, { birthDate: '1990-04-15' });
  ids.concern = await make(tenant, { birthDate: '2010-04-16', kind: 'concernReport' });
  ids.other = await make(otherTenant, { birthDate: '1990-04-06' });
});
afterAll(() => world.t.drop());

const manager = () => world.staff('unitManager');
const personRow = async (id: string) => (await world.t.db.select().from(person).where(eq(person.id, id)))[0]!;

describe('the dry run', () => {
  it('runs as a pg-boss job and proposes without culling anything', async () => {
    const boss = await startRetentionJobs({ connectionString: world.t.url, db: world.t.db, schedule: false });
    try {
      const jobId = await boss.send(retentionQueue, {});
      for (let i = 0; i < 100; i++) {
        const job = await boss.getJobById(retentionQueue, jobId!);
        if (job?.state === 'completed') break;
        if (job?.state === 'failed') throw new Error('the retention job failed');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const report = await (await manager()).retention.report();
    expect(report?.status).toBe('proposed');
    expect(report?.candidates.map((c) => c.rule).sort()).toEqual(['concernReport', 'file']);
    expect(report?.candidates.find((c) => c.rule === 'file')).toMatchObject({ eligibleFrom: '2024-03-01', dueBy: '2025-12-31', culled: false });
    // Nothing culled yet.
    expect((await personRow(ids.old)).lastName).toBe('Gallringsson');
  });

  it('is for unit managers only', async () => {
    for (const role of ['caseWorker', 'intake', 'administrator', 'coordinator'] as const) {
      expect(await codeOf((await world.staff(role)).retention.report())).toBe('FORBIDDEN');
    }
  });
});

describe('approval', () => {
  it('culls the people due, keeps the rest, keeps the counts, and is on record', async () => {
    const api = await manager();
    const report = (await api.retention.report())!;
    const referralsBefore = await world.t.db.select({ n: count() }).from(referral);
    const { culled } = await api.retention.approve({ id: report.id });
    expect(culled).toBe(2);
    for (const id of [ids.old, ids.concern]) {
      const p = await personRow(id);
      expect(p).toMatchObject({ firstName: '', lastName: '', identityNumber: null, birthDate: null });
      const [r] = await world.t.db.select().from(referral).where(eq(referral.personId, id));
      expect(r).toMatchObject({ reason: '', contactName: null, contactEmail: null, triageDecision: 'notForUs', kind: expect.any(String) });
      // Nothing of the person left anywhere in the row.
      expect(JSON.stringify(r)).not.toContain('Gallringsson');
      expect(JSON.stringify(r)).not.toContain('Hemlig fritext');
    }
    for (const id of [ids.recent, ids.open, ids.research, ids.other]) expect((await personRow(id)).lastName).toBe('Gallringsson');
    // The case record: free text gone, signatures, outcomes and dates kept.
    const [journal] = await world.t.db.select().from(journalEntry).where(eq(journalEntry.caseId, oldCase));
    expect(journal).toMatchObject({ body: '', oralSourceFrom: null, signedAt: oldDate, signedByUserId: world.tenant.users.unitManager.id });
    const [decision] = await world.t.db.select().from(caseDecision).where(eq(caseDecision.caseId, oldCase));
    expect(decision).toMatchObject({ grounds: null, childImpact: null, outcome: 'granted', signedAt: oldDate });
    const [assessment] = await world.t.db.select().from(eligibilityRecord).where(eq(eligibilityRecord.caseId, oldCase));
    expect(assessment).toMatchObject({ basis: null, criterion: 'motivation', state: 'met' });
    const [plan] = await world.t.db.select().from(planVersion).where(eq(planVersion.caseId, oldCase));
    const [theCase] = await world.t.db.select().from(supportCase).where(eq(supportCase.id, oldCase));
    expect(theCase).toMatchObject({ closingNote: null, closingOutcome: 'completed', programme: 'adultExitProgramme' });
    expect(JSON.stringify([journal, decision, assessment, plan, theCase])).not.toContain('Hemlig');
    // Statistics count the same rows: nothing deleted.
    expect(await world.t.db.select({ n: count() }).from(referral)).toEqual(referralsBefore);
    const [entry] = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'retention.approve'), eq(auditEntry.recordId, report.id)));
    expect(entry?.subjectIds?.sort()).toEqual([ids.old, ids.concern].sort());
    expect(await codeOf(api.retention.approve({ id: report.id }))).toBe('CONFLICT');
  });

  it('never culls what another municipality’s run proposed, and a later dry run no longer lists the culled', async () => {
    const results = await proposeRetentionRuns(world.t.db);
    const other = results.find((r) => r.municipalityId === world.otherTenant.municipality.id)!;
    expect(await codeOf((await manager()).retention.approve({ id: other.runId }))).toBe('NOT_FOUND');
    const own = (await (await manager()).retention.report())!;
    expect(own.candidates).toEqual([]);
    const runs = await world.t.db.select().from(retentionRun).where(eq(retentionRun.municipalityId, world.tenant.municipality.id));
    expect(runs).toHaveLength(2); // the job's and this one
  });

  it('leaves a person alone whose records changed after the dry run', async () => {
    const api = await manager();
    const again = await createPerson(world.t.db, { municipalityId: world.tenant.municipality.id, birthDate: '1990-04-07', identityNumber: null, lastName: 'Gallringsson' });
    await world.t.db.execute(sql`update person set created_at = ${oldDate.toISOString()} where id = ${again.id}`);
    const { runId } = await api.retention.propose();
    const report = (await api.retention.report())!;
    expect(report.id).toBe(runId);
    expect(report.candidates).toHaveLength(1);
    // New activity: a referral arrives before approval.
    await createReferral(world.t.db, {
      municipalityId: world.tenant.municipality.id,
      submittedByUserId: world.tenant.users.police.id,
      sourceOrganisationId: world.tenant.organisations.police.id,
      personId: again.id,
    });
    expect((await api.retention.approve({ id: runId })).culled).toBe(0);
    expect((await personRow(again.id)).lastName).toBe('Gallringsson');
  });
});

describe('the guards of signed records', () => {
  it('still refuse every change outside a culling, and any change but emptying free text inside one', async () => {
    const [entry] = await world.t.db.select().from(journalEntry).where(eq(journalEntry.caseId, oldCase));
    const refused = { cause: { message: expect.stringMatching(/signed and cannot change/) } };
    // Outside a culling, even emptying (already empty) text to something else is refused.
    await expect(world.t.db.update(journalEntry).set({ body: 'Ny text' }).where(eq(journalEntry.id, entry!.id))).rejects.toMatchObject(refused);
    await expect(
      world.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        // Inside one: writing text, or changing who signed, is still refused.
        await tx.update(journalEntry).set({ body: 'Ny text' }).where(eq(journalEntry.id, entry!.id));
      }),
    ).rejects.toMatchObject(refused);
    await expect(
      world.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        await tx.update(journalEntry).set({ signedByUserId: world.tenant.users.caseWorker.id }).where(eq(journalEntry.id, entry!.id));
      }),
    ).rejects.toMatchObject(refused);
    await expect(world.t.db.delete(eligibilityRecord).where(eq(eligibilityRecord.caseId, oldCase))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });
});
