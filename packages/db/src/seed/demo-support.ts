// A seeded year of support work (issue 7) for the demo: cases in the three programmes, each with a signed
// decision and interventions from the default catalogue at its default prices, providers within and outside the
// framework agreement, the year's budgets (Uppsala's split, DOMAIN.md §7), network meetings, a plan and police
// state-funding assessments. One case comes from a police referral, with the person's consent to share with the
// police in the consent register, so the demo police account sees its meeting invitation in the partner portal. Deterministic (a seeded generator), fictional throughout.
import { ageAt, catalogueDefaults, defaultInterventionCatalogue, emptyPlan, type InterventionTypeCode, type PlanContent, type ProgrammeCode } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import type { Executor } from '../client.ts';
import { ensureDefaultCatalogue, listInterventionTypes } from '../queries/support.ts';
import {
  budget,
  caseConsent,
  caseDecision,
  disclosure,
  caseEvent,
  intervention,
  networkMeeting,
  networkMeetingAgendaItem,
  networkMeetingParticipant,
  planVersion,
  provider,
  stateFundingAssessment,
  supportCase,
} from '../schema/index.ts';
import { createPerson, createReferral } from './factories.ts';

export interface DemoSupportRefs {
  municipalityId: string;
  units: { sigTeam: string; exitProgramme: string };
  staff: { caseWorker: string; coordinator: string; fieldWorker: string; unitManager: string };
  police: { userId: string; organisationId: string };
  /** "Today" of the demo; the year seeded is this date's year, up to it, with plans beyond it. */
  today?: Date;
}

/** Mulberry32: a small seeded generator, so every demo database holds the same year. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** What each programme's cases typically get (DOMAIN.md §6), with how long each runs, in days. */
const mixes: Record<Exclude<ProgrammeCode, 'ordinarySupport'>, { code: InterventionTypeCode; share: number; days: [number, number] }[]> = {
  adultExitProgramme: [
    { code: 'residentialCareOutsideFramework', share: 0.25, days: [60, 150] },
    { code: 'residentialCareWithinFramework', share: 0.25, days: [45, 120] },
    { code: 'relocation', share: 0.5, days: [0, 0] },
    { code: 'protectedHousing', share: 0.15, days: [14, 60] },
    { code: 'incomeSupport', share: 0.8, days: [90, 300] },
    { code: 'occupation', share: 0.5, days: [90, 240] },
    { code: 'counselling', share: 0.6, days: [60, 240] },
    { code: 'civicOrientation', share: 0.3, days: [0, 0] },
    { code: 'supportedHousing', share: 0.25, days: [60, 180] },
  ],
  youthExitProgramme: [
    { code: 'familyTreatment', share: 0.7, days: [60, 180] },
    { code: 'youthTreatment', share: 0.6, days: [60, 180] },
    { code: 'fosterFamily', share: 0.2, days: [90, 200] },
    { code: 'sis', share: 0.1, days: [30, 90] },
    { code: 'counselling', share: 0.4, days: [60, 180] },
  ],
  sig: [
    { code: 'occupation', share: 0.6, days: [60, 200] },
    { code: 'counselling', share: 0.6, days: [60, 200] },
    { code: 'contactPerson', share: 0.5, days: [90, 240] },
    { code: 'outpatientCare', share: 0.2, days: [60, 120] },
  ],
};

const caseCounts = { adultExitProgramme: 12, youthExitProgramme: 6, sig: 12 } as const;

export async function seedDemoSupportYear(tx: Executor, r: DemoSupportRefs) {
  const m = r.municipalityId;
  const random = generator(20_261_123);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const today = r.today ?? new Date();
  const year = today.getUTCFullYear();
  const yearStart = new Date(Date.UTC(year, 0, 1));
  const sv = getTranslator('sv');

  await ensureDefaultCatalogue(tx, { municipalityId: m, defaults: defaultInterventionCatalogue.map((d) => ({ ...d, name: sv(`support.interventionType.${d.code}`) })) });
  const types = new Map((await listInterventionTypes(tx, { municipalityId: m })).map((t) => [t.code, t.id]));
  const providerRows = await tx
    .insert(provider)
    .values([
      { municipalityId: m, name: 'Solbacka HVB', withinFrameworkAgreement: true, interventionTypeId: types.get('residentialCareWithinFramework') },
      { municipalityId: m, name: 'Nordstjärnans behandlingshem', withinFrameworkAgreement: false, interventionTypeId: types.get('residentialCareOutsideFramework') },
      { municipalityId: m, name: 'Familjehemsbyrån Väst', withinFrameworkAgreement: true, interventionTypeId: types.get('fosterFamily') },
      { municipalityId: m, name: 'Stödboendet Ekbacken', withinFrameworkAgreement: true, interventionTypeId: types.get('supportedHousing') },
      { municipalityId: m, name: 'Skyddat boende Fyren', withinFrameworkAgreement: false, interventionTypeId: types.get('protectedHousing') },
    ])
    .returning();
  const providerFor = new Map(providerRows.map((p) => [p.interventionTypeId, p.id]));

  await tx.insert(budget).values([
    { municipalityId: m, programme: 'adultExitProgramme', year, amountOre: 350_000_000, updatedByUserId: r.staff.unitManager },
    { municipalityId: m, programme: 'youthExitProgramme', year, amountOre: 150_000_000, updatedByUserId: r.staff.unitManager },
    { municipalityId: m, programme: 'sig', year, amountOre: 60_000_000, updatedByUserId: r.staff.unitManager },
  ]);

  const daysSoFar = Math.max(30, Math.floor((today.getTime() - yearStart.getTime()) / 86_400_000));
  let birthDay = 0;
  const createdCases: { id: string; programme: ProgrammeCode; openedAt: Date }[] = [];
  for (const [programme, n] of Object.entries(caseCounts) as [keyof typeof caseCounts, number][]) {
    for (let i = 0; i < n; i++) {
      const openedAt = addDays(yearStart, between(0, daysSoFar - 20));
      const age = programme === 'youthExitProgramme' ? between(14, 17) : programme === 'sig' ? between(16, 24) : between(19, 34);
      const birthDate = day(addDays(new Date(Date.UTC(year - age, 0, 1)), (birthDay++ * 11) % 360));
      const p = await createPerson(tx, { municipalityId: m, birthDate });
      const sigCase = programme === 'sig';
      const [c] = await tx
        .insert(supportCase)
        .values({
          municipalityId: m,
          personId: p.id,
          programme,
          unitId: sigCase ? r.units.sigTeam : r.units.exitProgramme,
          responsibleUserId: sigCase ? r.staff.fieldWorker : r.staff.caseWorker,
          coordinatorUserId: sigCase ? null : r.staff.coordinator,
          ageAtStart: ageAt(birthDate, openedAt),
          firstContactAt: addDays(openedAt, -between(1, 6)),
          openedAt,
        })
        .returning();
      const signedAt = addDays(openedAt, between(1, 8));
      const [decision] = await tx
        .insert(caseDecision)
        .values({
          municipalityId: m,
          caseId: c!.id,
          stage: 'signed',
          outcome: 'granted',
          grounds: 'Beviljas de insatser som framgår av utredningen (demo).',
          hasChildren: false,
          createdByUserId: r.staff.caseWorker,
          signedAt,
          signedByUserId: r.staff.unitManager,
        })
        .returning();
      await tx.insert(caseEvent).values({ municipalityId: m, caseId: c!.id, kind: 'opened', data: { version: 1 }, actorUserId: r.staff.coordinator, at: openedAt });
      for (const mix of mixes[programme]) {
        if (random() >= mix.share) continue;
        const start = addDays(signedAt, between(0, 20));
        if (start > today) continue;
        const d = catalogueDefaults(mix.code);
        const length = between(mix.days[0], mix.days[1]);
        const plannedEnd = d.costKind === 'oneOff' ? null : addDays(start, length);
        // About one in five ended earlier than planned (moved on, or the placement broke down).
        const endedEarly = plannedEnd && random() < 0.2 ? addDays(start, Math.floor(length / 2)) : null;
        const actualEnd = endedEarly && endedEarly <= today ? endedEarly : plannedEnd && plannedEnd <= today ? plannedEnd : null;
        await tx.insert(intervention).values({
          municipalityId: m,
          caseId: c!.id,
          decisionId: decision!.id,
          interventionTypeId: types.get(mix.code)!,
          providerId: providerFor.get(types.get(mix.code)!) ?? null,
          startDate: day(start),
          plannedEndDate: plannedEnd ? day(plannedEnd) : null,
          actualEndDate: actualEnd ? day(actualEnd) : null,
          costKind: d.costKind,
          // Prices vary a little around the default, in whole kronor.
          priceOre: Math.round((d.priceOre * (0.9 + random() * 0.2)) / 100) * 100,
          vatHandling: 'none',
          vatRateBasisPoints: 0,
          createdByUserId: sigCase ? r.staff.fieldWorker : r.staff.caseWorker,
        });
      }
      // Monthly network meetings for most cases, the last one now and then longer ago than the reminder period.
      if (random() < 0.75) {
        for (let at = addDays(openedAt, 14); at < addDays(today, -between(0, 45)); at = addDays(at, 30)) {
          await tx.insert(networkMeeting).values({
            municipalityId: m,
            caseId: c!.id,
            scheduledAt: new Date(at.getTime() + 9 * 3_600_000),
            place: 'Socialkontoret',
            status: 'held',
            createdByUserId: r.staff.coordinator,
          });
        }
      }
      if (programme === 'adultExitProgramme' && random() < 0.6) {
        await tx.insert(stateFundingAssessment).values({
          caseId: c!.id,
          municipalityId: m,
          policeDefinitionMet: true,
          policeProtectionNeed: true,
          motivated: true,
          consentToInformationSharing: true,
          policeConditionsSigned: random() < 0.8,
          notWitnessInPendingCase: true,
          policeJudgementOn: day(addDays(openedAt, between(0, 10))),
          recordedByUserId: r.staff.caseWorker,
        });
      }
      createdCases.push({ id: c!.id, programme, openedAt });
    }
  }

  // The case the police referred, with consent: a planned meeting the demo police officer is invited to.
  const person = await createPerson(tx, { municipalityId: m, birthDate: `${year - 24}-08-08` });
  const referral = await createReferral(tx, {
    municipalityId: m,
    submittedByUserId: r.police.userId,
    sourceOrganisationId: r.police.organisationId,
    personId: person.id,
    status: 'caseOpened',
    threatOrProtectionNeed: true,
    personWantsOut: true,
    consentToContact: true,
  });
  const openedAt = addDays(today, -60);
  const [policeCase] = await tx
    .insert(supportCase)
    .values({
      municipalityId: m,
      personId: person.id,
      programme: 'adultExitProgramme',
      unitId: r.units.exitProgramme,
      responsibleUserId: r.staff.caseWorker,
      coordinatorUserId: r.staff.coordinator,
      referralId: referral.id,
      ageAtStart: 24,
      firstContactAt: openedAt,
      openedAt,
    })
    .returning();
  await tx.insert(caseDecision).values({
    municipalityId: m,
    caseId: policeCase!.id,
    stage: 'signed',
    outcome: 'granted',
    grounds: 'Beviljas placering på annan ort och sysselsättning (demo).',
    hasChildren: false,
    createdByUserId: r.staff.caseWorker,
    signedAt: addDays(openedAt, 3),
    signedByUserId: r.staff.unitManager,
  });
  // Consent drives partner access (issue 6 item 4): the person's signed consent to share with the police, for
  // every purpose, from the case's opening and open-ended. The schools are not covered.
  await tx.insert(caseConsent).values({
    municipalityId: m,
    caseId: policeCase!.id,
    organisationId: r.police.organisationId,
    purposes: ['networkMeeting', 'statusUpdates', 'informationExchange'],
    signedOn: day(openedAt),
    startDate: day(openedAt),
    recordedByUserId: r.staff.caseWorker,
  });
  const [meeting] = await tx
    .insert(networkMeeting)
    .values({
      municipalityId: m,
      caseId: policeCase!.id,
      scheduledAt: new Date(addDays(today, 7).setUTCHours(8, 30, 0, 0)),
      place: 'Socialkontoret, rum Ekorren',
      createdByUserId: r.staff.coordinator,
    })
    .returning();
  await tx.insert(networkMeetingParticipant).values([
    { municipalityId: m, meetingId: meeting!.id, userId: r.police.userId, organisationId: r.police.organisationId, invitedByUserId: r.staff.coordinator },
    { municipalityId: m, meetingId: meeting!.id, userId: r.staff.coordinator, organisationId: null, invitedByUserId: r.staff.coordinator },
  ]);
  await tx.insert(disclosure).values({
    municipalityId: m,
    caseId: policeCase!.id,
    organisationId: r.police.organisationId,
    category: 'meetingInvitation',
    legalBasis: 'consent',
    disclosedOn: day(addDays(openedAt, 5)),
    disclosedByUserId: r.staff.coordinator,
  });
  await tx.insert(networkMeetingAgendaItem).values([
    { municipalityId: m, meetingId: meeting!.id, title: 'Hotbilden efter flytten', details: 'Polisen redogör för läget.', organisationIds: [r.police.organisationId] },
    { municipalityId: m, meetingId: meeting!.id, title: 'Boende och ekonomi', details: 'Socialtjänstens egen punkt.', organisationIds: [] },
  ]);
  const goal = { id: crypto.randomUUID(), text: 'Ett eget boende på annan ort inom ett år', status: 'active' as const };
  const plan: PlanContent = {
    ...emptyPlan,
    goals: [goal],
    actions: [
      { id: crypto.randomUUID(), goalId: goal.id, text: 'Ansöka om lägenhet via bostadsförmedlingen', actor: 'person', startDate: day(openedAt), dueDate: day(addDays(today, 30)), status: 'ongoing', meetingId: null },
      { id: crypto.randomUUID(), goalId: goal.id, text: 'Ny hotbildsbedömning inför flytten', actor: 'police', startDate: day(openedAt), dueDate: day(addDays(today, -5)), status: 'planned', meetingId: null },
    ],
    personsOwnWords: 'Jag vill börja om någonstans där ingen känner mig och kunna jobba.',
  };
  await tx.insert(planVersion).values({ municipalityId: m, caseId: policeCase!.id, version: 1, content: plan, change: 'addAction', savedByUserId: r.staff.caseWorker });
  return { cases: createdCases.length + 1, policeCaseId: policeCase!.id };
}
