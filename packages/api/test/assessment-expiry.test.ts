// Expiry notices for police threat assessments (issue 6 item 3): a nightly pg-boss job tells the case's case worker
// in-app 14 days (configurable) before the answer's last valid day and once after it, never twice, never about a
// closed case or one whose assessment was renewed, and with the reference number only.
import { appUser, auditEntry, notification, policeAssessment, policeAssessmentNotice, policeAssessmentRequest, supportCase } from '@utvag/db/schema';
import { addDays, calendarDateInSweden } from '@utvag/domain';
import { findMissingKeys } from '@utvag/i18n';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentExpiryQueue, sendAssessmentExpiryNotices, startAssessmentExpiryJobs } from '../src/police-assessment/expiry.ts';
import { createCase } from './cases-setup.ts';
import { createWorld, type World } from './harness.ts';

let world: World;
const validUntil = addDays(calendarDateInSweden(new Date()), 60);
/** Noon in Sweden on the day `offset` days from the answer's last valid day. */
const on = (offset: number) => new Date(`${addDays(validUntil, offset)}T12:00:00+01:00`);

/** A case with an answered police assessment valid through `validUntil`; returns the case, request and answer. */
async function answeredCase(over: Partial<typeof supportCase.$inferInsert> = {}) {
  const caseId = await createCase(world, { responsibleUserId: world.tenant.users.caseWorker.id, ...over });
  const { id: requestId } = await (await world.staff('coordinator')).policeAssessment.request({
    caseId, organisationId: world.tenant.organisations.police.id, question: 'Finns en hotbild?', legalBasis: 'necessity',
  });
  const { id: answerId } = await (await world.partner('police')).assessmentRequest.answer({
    requestId, idempotencyKey: crypto.randomUUID(), protectionNeed: 'latent', threatSummary: 'Hot från gruppen.', validUntil,
  });
  return { caseId, requestId, answerId };
}

const noticesAbout = async (caseId: string) =>
  world.t.db.select().from(notification).where(and(eq(notification.linkPath, `/arenden/${caseId}/hotbedomning`), inArray(notification.kind, ['assessmentExpiring', 'assessmentExpired'])));

beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

describe('expiry notices', () => {
  it('tells the case worker 14 days before, once, and once more after the last valid day', async () => {
    const { caseId, requestId, answerId } = await answeredCase();
    await sendAssessmentExpiryNotices(world.t.db, new Date());
    await sendAssessmentExpiryNotices(world.t.db, on(-15));
    expect(await noticesAbout(caseId)).toEqual([]);
    await sendAssessmentExpiryNotices(world.t.db, on(-14));
    await sendAssessmentExpiryNotices(world.t.db, on(-14));
    await sendAssessmentExpiryNotices(world.t.db, on(-3));
    await sendAssessmentExpiryNotices(world.t.db, on(0));
    let notes = await noticesAbout(caseId);
    expect(notes.map((n) => [n.kind, n.recipientUserId])).toEqual([['assessmentExpiring', world.tenant.users.caseWorker.id]]);
    await sendAssessmentExpiryNotices(world.t.db, on(1));
    await sendAssessmentExpiryNotices(world.t.db, on(2));
    notes = await noticesAbout(caseId);
    expect(notes.map((n) => n.kind).sort()).toEqual(['assessmentExpired', 'assessmentExpiring']);
    // The reference number and a link only: nothing about the person or the police's judgement.
    const [request] = await world.t.db.select().from(policeAssessmentRequest).where(eq(policeAssessmentRequest.id, requestId));
    for (const n of notes) {
      expect(n.reference).toBe(request!.reference);
      expect(JSON.stringify(n)).not.toMatch(/Ärendesson|Cilla|Hot från|latent/);
    }
    const claimed = await world.t.db.select().from(policeAssessmentNotice).where(eq(policeAssessmentNotice.assessmentId, answerId));
    expect(claimed.map((c) => c.kind).sort()).toEqual(['expired', 'expiring']);
    const audit = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'assessment.expiryNotice'), eq(auditEntry.recordId, answerId)));
    expect(audit).toHaveLength(2);
    // The case worker reads them through their own notification list.
    const list = await (await world.staff('caseWorker')).notification.list();
    expect(JSON.stringify(list)).toContain(`/arenden/${caseId}/hotbedomning`);
  });

  it('has a text for both kinds in both languages (the notifications page shows it with the reference)', () => {
    const keys = ['assessmentExpiring', 'assessmentExpired'].map((k) => `followUp.notifications.kinds.${k}`);
    expect(findMissingKeys('sv', keys)).toEqual([]);
    expect(findMissingKeys('en', keys)).toEqual([]);
  });

  it('takes the notice days as configuration', async () => {
    const { caseId } = await answeredCase();
    await sendAssessmentExpiryNotices(world.t.db, on(-5), 3);
    expect(await noticesAbout(caseId)).toEqual([]);
    await sendAssessmentExpiryNotices(world.t.db, on(-3), 3);
    expect((await noticesAbout(caseId)).map((n) => n.kind)).toEqual(['assessmentExpiring']);
  });

  it('says nothing about a closed case, an assessment being renewed, or one that ran out long ago', async () => {
    const closed = await answeredCase();
    await world.t.db.update(supportCase).set({ status: 'closed', closedAt: new Date() }).where(eq(supportCase.id, closed.caseId));
    const renewed = await answeredCase();
    await (await world.staff('caseWorker')).policeAssessment.request({
      caseId: renewed.caseId, organisationId: world.tenant.organisations.police.id, question: 'Förnyad bedömning?', legalBasis: 'necessity',
    });
    const old = await answeredCase();
    await sendAssessmentExpiryNotices(world.t.db, on(-1));
    expect(await noticesAbout(closed.caseId)).toEqual([]);
    expect(await noticesAbout(renewed.caseId)).toEqual([]);
    expect((await noticesAbout(old.caseId)).map((n) => n.kind)).toEqual(['assessmentExpiring']);
    // 15 days after the last valid day is past the catch-up window: no flood of old expiries.
    const late = await answeredCase();
    await sendAssessmentExpiryNotices(world.t.db, on(15));
    expect(await noticesAbout(late.caseId)).toEqual([]);
  });

  it('tells whoever asked when no one is responsible, and nobody (until someone is) when that account is disabled', async () => {
    const unassigned = await answeredCase({ responsibleUserId: null });
    await sendAssessmentExpiryNotices(world.t.db, on(-10));
    expect((await noticesAbout(unassigned.caseId)).map((n) => n.recipientUserId)).toEqual([world.tenant.users.coordinator.id]);

    const disabled = await answeredCase({ responsibleUserId: world.tenant.users.fieldWorker.id });
    await world.t.db.update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, world.tenant.users.fieldWorker.id));
    await sendAssessmentExpiryNotices(world.t.db, on(-10));
    expect(await noticesAbout(disabled.caseId)).toEqual([]);
    await world.t.db.update(supportCase).set({ responsibleUserId: world.tenant.users.caseWorker.id }).where(eq(supportCase.id, disabled.caseId));
    await sendAssessmentExpiryNotices(world.t.db, on(-9));
    expect((await noticesAbout(disabled.caseId)).map((n) => n.recipientUserId)).toEqual([world.tenant.users.caseWorker.id]);
  });

  it('runs as a pg-boss job', async () => {
    const { caseId } = await answeredCase();
    await world.t.db.update(policeAssessment).set({ validUntil: addDays(calendarDateInSweden(new Date()), 5) }).where(eq(policeAssessment.caseId, caseId));
    const boss = await startAssessmentExpiryJobs({ connectionString: world.t.url, db: world.t.db, schedule: false });
    try {
      const jobId = await boss.send(assessmentExpiryQueue, {});
      for (let i = 0; i < 100; i++) {
        const job = await boss.getJobById(assessmentExpiryQueue, jobId!);
        if (job?.state === 'completed') break;
        if (job?.state === 'failed') throw new Error('the expiry job failed');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect((await noticesAbout(caseId)).map((n) => n.kind)).toEqual(['assessmentExpiring']);
  });
});
