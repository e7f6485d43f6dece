// Fixtures for support work (issue 7): a case (from a police referral, with the police covered by a consent in
// the register and the schools not) with a signed decision granting support, and a valid intervention input.
import { caseConsent, caseDecision } from '@utvag/db/schema';
import { createCase, createDecision } from './cases-setup.ts';
import type { World } from './harness.ts';

export async function caseWithGrant(world: World) {
  const caseId = await createCase(world);
  const decision = await createDecision(world, caseId, {
    outcome: 'granted',
    grounds: 'Beviljas placering och sysselsättning.',
    hasChildren: false,
    stage: 'signed',
    signedAt: new Date(),
    signedByUserId: world.tenant.users.unitManager.id,
  } as Partial<typeof caseDecision.$inferInsert>);
  await grantConsent(world, caseId, world.tenant.organisations.police.id);
  return { caseId, decisionId: decision.id };
}

export async function typeId(world: World, code = 'residentialCareOutsideFramework') {
  const catalogue = await (await world.staff('caseWorker')).interventionCatalogue.get();
  return catalogue.types.find((t) => t.code === code)!.id;
}

export function interventionInput(over: Record<string, unknown> & { caseId: string; decisionId: string; interventionTypeId: string }) {
  return {
    startDate: '2026-01-01',
    plannedEndDate: '2026-01-31',
    costKind: 'perDay' as const,
    price: '2 800',
    vatHandling: 'none' as const,
    ...over,
  };
}

/** A consent in the register for the organisation (all purposes, from 2026-01-01, open-ended). */
export async function grantConsent(world: World, caseId: string, organisationId: string, over: Partial<typeof caseConsent.$inferInsert> = {}) {
  const [row] = await world.t.db
    .insert(caseConsent)
    .values({
      municipalityId: world.tenant.municipality.id,
      caseId,
      organisationId,
      purposes: ['networkMeeting', 'statusUpdates', 'informationExchange'],
      signedOn: '2026-01-01',
      startDate: '2026-01-01',
      recordedByUserId: world.tenant.users.caseWorker.id,
      ...over,
    })
    .returning();
  return row!;
}
