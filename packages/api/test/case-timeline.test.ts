// The case timeline names everything that happened in words (issue 6/7 leftovers): consents recorded and revoked
// (from the consent register, which writes no case events), network meetings planned and interventions recorded.
// Every entry's text exists in Swedish and English, so no raw key ever shows.
import { caseEvent } from '@utvag/db/schema';
import { findMissingKeys } from '@utvag/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from './cases-setup.ts';
import { createWorld, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

describe('the case timeline', () => {
  it('shows consents, their revocation, meetings and interventions, each with a text in both languages', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    const police = world.tenant.organisations.police.id;
    const { id: consentId } = await worker.consent.record({ caseId, organisationId: police, purposes: ['networkMeeting'], signedOn: '2026-01-10', startDate: '2026-01-10' } as never);
    await worker.consent.revoke({ consentId, expectedVersion: 1, revokedOn: '2026-02-01', revokedBy: 'person', reason: 'Hemligt skäl till återkallelsen.' });
    await worker.networkMeeting.plan({ caseId, scheduledAt: '2030-03-01 09:00', place: 'Rum 1', inviteeIds: [world.tenant.users.coordinator.id] } as never);
    // Interventions need a signed grant; the event is what the timeline reads, so it is written directly here.
    const m = world.tenant.municipality.id;
    await world.t.db.insert(caseEvent).values([
      { municipalityId: m, caseId, kind: 'interventionAdded', data: {}, actorUserId: world.tenant.users.caseWorker.id },
      { municipalityId: m, caseId, kind: 'interventionChanged', data: {}, actorUserId: world.tenant.users.caseWorker.id },
    ]);

    const { items } = await worker.case.timeline({ caseId });
    const keys = items.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'cases.timeline.event.consentRecorded',
        'cases.timeline.event.consentRevoked',
        'cases.timeline.event.networkMeetingPlanned',
        'cases.timeline.event.interventionAdded',
        'cases.timeline.event.interventionChanged',
      ]),
    );
    expect(findMissingKeys('sv', keys)).toEqual([]);
    expect(findMissingKeys('en', keys)).toEqual([]);
    const revoked = items.find((i) => i.key === 'cases.timeline.event.consentRevoked')!;
    expect(revoked.params).toEqual({ organisation: world.tenant.organisations.police.name });
    expect(revoked.by).not.toBeNull();
    // The reason for revoking stays on the consent tab.
    expect(JSON.stringify(items)).not.toContain('Hemligt skäl');
  });
});
