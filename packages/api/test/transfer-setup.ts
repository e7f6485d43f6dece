// Fixtures for transfers (issue 6 item 9): a caller for any role of the other municipality, and an offer made
// directly in the database from one tenant's case to another tenant.
import { createPerson, type Tenant } from '@utvag/db/testing';
import { caseTransfer, supportCase } from '@utvag/db/schema';
import type { Role } from '@utvag/domain';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { contextFor, sessionUser, type World } from './harness.ts';

export async function staffOf(world: World, tenant: Tenant, role: Role) {
  return createCallerFactory(staffRouter)(contextFor(world.t.db, await sessionUser(world.t.db, tenant.users[role].id)));
}

export async function offeredCase(world: World, from: Tenant, to: Tenant) {
  const person = await createPerson(world.t.db, { municipalityId: from.municipality.id });
  const [c] = await world.t.db
    .insert(supportCase)
    .values({ municipalityId: from.municipality.id, personId: person.id, programme: 'adultExitProgramme', unitId: from.intakeUnit.id, ageAtStart: 23 })
    .returning();
  const [t] = await world.t.db
    .insert(caseTransfer)
    .values({
      reference: `FLYTT-TEST-${crypto.randomUUID().slice(0, 8)}`,
      caseId: c!.id,
      fromMunicipalityId: from.municipality.id,
      toMunicipalityId: to.municipality.id,
      summary: { programme: 'adultExitProgramme', ageBand: '21-25', protectedIdentity: false, decisionOutcomes: [], interventionTypes: [], text: 'Flyttar.' },
      consentSignedOn: '2026-01-10',
      offeredByUserId: from.users.caseWorker.id,
    })
    .returning();
  return { caseId: c!.id, personId: person.id, transferId: t!.id };
}
