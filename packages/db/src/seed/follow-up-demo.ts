// Demo history for the follow-up dashboard (issue 8): decided referrals and cases over the last eight half-years,
// from organisations of their own (so the demo partners' "our referrals" lists stay as they were), a neighbouring
// demo municipality, and a region both share their figures with. Deterministic: the same numbers on every load.
import { genders, programmeCodes, recentHalfYears, referenceNumber, referralOutcomes, terminationReasons, type ProgrammeCode } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { insertCase } from '../queries/cases.ts';
import { insertReferral, nextReferralSequence } from '../queries/referrals.ts';
import { municipality } from '../schema/index.ts';
import { createOrganisation, createPerson } from './factories.ts';
import { createRegion } from './follow-up.ts';

export const demoRegionName = 'Region Exempellän (demo)';
export const demoNeighbourName = 'Grannby (demo)';

/** A small linear congruential generator: fictional data that is the same on every load. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const hour = 3_600_000;
const day = 24 * hour;

async function seedHistory(tx: Executor, municipalityId: string, submittedByUserId: string, perHalfYear: number, seed: number, now: Date) {
  const random = generator(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const orgs = {
    police: await createOrganisation(tx, { municipalityId, type: 'police', name: 'Polisen, lokalpolisområde Norra (historik)' }),
    probationService: await createOrganisation(tx, { municipalityId, type: 'probationService', name: 'Frivården Norra (historik)' }),
    school: await createOrganisation(tx, { municipalityId, type: 'school', name: 'Södra skolan (historik)' }),
  };
  for (const half of recentHalfYears(now, 8)) {
    const start = Date.parse(`${half.from}T08:00:00Z`);
    const end = Math.min(Date.parse(`${half.to}T16:00:00Z`), now.getTime() - 7 * day);
    if (end <= start) continue;
    const count = perHalfYear + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      const receivedAt = new Date(start + random() * (end - start));
      const source = pick(['police', 'police', 'probationService', 'school', 'direct'] as const);
      const status = pick(referralOutcomes);
      const birthYear = 1985 + Math.floor(random() * 26);
      const person = await createPerson(tx, {
        municipalityId,
        identityNumber: null,
        birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        gender: pick(['man', 'man', 'man', 'woman', ...genders]),
      });
      const contacted = random() < 0.85;
      const triagedAt = new Date(receivedAt.getTime() + (4 + random() * 200) * hour);
      const sequence = await nextReferralSequence(tx);
      const referral = await insertReferral(tx, {
        municipalityId,
        reference: referenceNumber(receivedAt.getUTCFullYear(), sequence),
        kind: source === 'school' ? 'concernReport' : source === 'direct' ? 'selfApplication' : 'referral',
        sourceOrganisationId: source === 'direct' ? null : orgs[source].id,
        submittedByUserId,
        idempotencyKey: crypto.randomUUID(),
        personId: person.id,
        reason: 'Historik för uppföljningens demo.',
        status,
        receivedAt,
        firstContactAt: contacted ? new Date(receivedAt.getTime() + (0.5 + random() * 70) * hour) : null,
        safetyAssessedAt: source === 'school' ? new Date(receivedAt.getTime() + random() * 30 * hour) : null,
        investigationDecidedAt: source === 'school' ? new Date(receivedAt.getTime() + random() * 18 * day) : null,
        triagedAt,
        triageDecision: null,
      });
      if (status !== 'caseOpened') continue;
      const programme: ProgrammeCode = pick(programmeCodes);
      const closing = random() < 0.6 ? new Date(triagedAt.getTime() + (30 + random() * 300) * day) : null;
      const closedAt = closing && closing < now ? closing : null;
      const terminated = random() < 0.4;
      await insertCase(tx, {
        municipalityId,
        personId: person.id,
        programme,
        referralId: referral.id,
        status: closedAt ? 'closed' : 'open',
        ageAtStart: triagedAt.getUTCFullYear() - birthYear - 1,
        firstContactAt: receivedAt,
        openedAt: triagedAt,
        closedAt,
        closingOutcome: closedAt ? (terminated ? 'terminated' : 'completed') : null,
        terminationReason: closedAt && terminated ? pick(terminationReasons) : null,
      });
    }
  }
}

/** History for the demo municipality and its neighbour, and the region with its regional account. */
export async function seedFollowUpDemo(
  tx: Executor,
  demo: { municipalityId: string; submittedByUserId: string; regionalUserId: string; /** Grannby, when the caller made it. */ neighbourId?: string },
  now = new Date(),
) {
  await seedHistory(tx, demo.municipalityId, demo.submittedByUserId, 8, 2026, now);
  const [neighbour] = demo.neighbourId
    ? [{ id: demo.neighbourId }]
    : await tx.insert(municipality).values({ name: demoNeighbourName }).returning();
  await seedHistory(tx, neighbour!.id, demo.submittedByUserId, 4, 1971, now);
  await createRegion(tx, {
    name: demoRegionName,
    sharingMunicipalityIds: [demo.municipalityId, neighbour!.id],
    regionalUserIds: [demo.regionalUserId],
  });
}
