// A case to test against: a referral triaged into SIG, placed in the tenant's unit (where every test user sits,
// so every case role has a need to know), with an investigation and a signed journal entry.
import { appUser, caseDecision, caseTask, journalEntry, supportCase } from '@utvag/db/schema';
import { eq } from 'drizzle-orm';
import { referralInput, type World } from './harness.ts';

export async function createCase(world: World, overrides: Partial<typeof supportCase.$inferInsert> = {}) {
  const receipt = await (await world.partner('police')).referral.submit(referralInput({
    person: { firstName: 'Cilla', lastName: 'Ärendesson', birthDate: '2004-02-02' },
  }));
  const triaged = await (await world.staff('intake')).referral.triage({ referralId: receipt.id, decision: 'passToSig', expectedVersion: 2 }).catch(
    async () => (await world.staff('intake')).referral.triage({ referralId: receipt.id, decision: 'passToSig', expectedVersion: 1 }),
  );
  const caseId = triaged.caseId!;
  await world.t.db
    .update(supportCase)
    .set({ unitId: world.tenant.intakeUnit.id, ...overrides })
    .where(eq(supportCase.id, caseId));
  return caseId;
}

export async function createDecision(world: World, caseId: string, values: Partial<typeof caseDecision.$inferInsert> = {}) {
  const [row] = await world.t.db
    .insert(caseDecision)
    .values({ municipalityId: world.tenant.municipality.id, caseId, createdByUserId: world.tenant.users.caseWorker.id, ...values })
    .returning();
  return row!;
}

export async function createEntry(world: World, caseId: string, values: Partial<typeof journalEntry.$inferInsert> = {}) {
  const [row] = await world.t.db
    .insert(journalEntry)
    .values({ municipalityId: world.tenant.municipality.id, caseId, body: 'Anteckning', authorUserId: world.tenant.users.caseWorker.id, ...values })
    .returning();
  return row!;
}

export async function createTask(world: World, caseId: string) {
  const [row] = await world.t.db
    .insert(caseTask)
    .values({ municipalityId: world.tenant.municipality.id, caseId, kind: 'reviewBreach' })
    .returning();
  return row!;
}

export async function delegateMandate(world: World, userId: string, on = true) {
  await world.t.db.update(appUser).set({ decisionMandate: on }).where(eq(appUser.id, userId));
}
