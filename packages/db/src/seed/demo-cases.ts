// Demo cases (issue 6) in different states, so every case page has something to show: an assigned adult exit
// case under investigation, a SIG case, a case waiting for assignment, a closed case with a signed decision,
// and one about a person with protected identity. All fictional.
import { ageAt } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { caseDecision, caseEvent, eligibilityRecord, journalEntry, supportCase } from '../schema/index.ts';
import { createPerson } from './factories.ts';

export interface DemoCaseRefs {
  municipalityId: string;
  units: { intake: string; sigTeam: string; exitProgramme: string };
  staff: { intake: string; caseWorker: string; coordinator: string; fieldWorker: string; unitManager: string };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateDaysAgo = (days: number) => daysAgo(days).toISOString().slice(0, 10);

export async function seedDemoCases(tx: Executor, r: DemoCaseRefs) {
  const m = r.municipalityId;
  const newCase = async (
    birthDate: string,
    values: Partial<typeof supportCase.$inferInsert> & Pick<typeof supportCase.$inferInsert, 'programme'>,
    person: { protectedIdentity?: boolean; gender?: 'woman' | 'man' } = {},
  ) => {
    const p = await createPerson(tx, { municipalityId: m, birthDate, ...person });
    const openedAt = values.openedAt ?? daysAgo(10);
    const [row] = await tx
      .insert(supportCase)
      .values({ municipalityId: m, personId: p.id, ageAtStart: ageAt(birthDate, openedAt), firstContactAt: openedAt, openedAt, ...values })
      .returning();
    await tx.insert(caseEvent).values({ municipalityId: m, caseId: row!.id, kind: 'opened', data: { version: 1 }, actorUserId: r.staff.intake, at: openedAt });
    return row!;
  };

  // 1. Adult exit programme, assigned, criteria partly assessed, an investigation under way.
  const adult = await newCase('1999-06-21', {
    programme: 'adultExitProgramme',
    unitId: r.units.exitProgramme,
    responsibleUserId: r.staff.caseWorker,
    coordinatorUserId: r.staff.coordinator,
    openedAt: daysAgo(6),
  }, { gender: 'man' });
  const assessed = [
    { criterion: 'definitionFit', state: 'met', basis: 'Har lämnat ett kriminellt nätverk; bekräftat av polisen.' },
    { criterion: 'motivation', state: 'met', basis: 'Samtal 2 ggr; tydlig egen motivation.' },
    { criterion: 'consent', state: 'met', basis: 'Skriftligt samtycke till polis och Frivården.' },
  ] as const;
  await tx.insert(eligibilityRecord).values(
    assessed.map((a) => ({ municipalityId: m, caseId: adult.id, ...a, assessedOn: dateDaysAgo(4), recordedByUserId: r.staff.caseWorker })),
  );
  await tx.insert(journalEntry).values([
    {
      municipalityId: m,
      caseId: adult.id,
      body: 'Första samtal på kontoret. Berättar att han vill lämna nätverket och behöver boende på annan ort.',
      authorUserId: r.staff.caseWorker,
      writtenAt: daysAgo(5),
      signedAt: daysAgo(5),
      signedByUserId: r.staff.caseWorker,
    },
    {
      municipalityId: m,
      caseId: adult.id,
      body: 'Polisen (LPO) bekräftar per telefon att en hotbild finns. Skriftlig bedömning kommer.',
      authorUserId: r.staff.caseWorker,
      writtenAt: daysAgo(3),
      oralSourceAt: daysAgo(3),
      oralSourceFrom: 'Per Polis, LPO Exempelstad',
    },
  ]);
  await tx.insert(caseDecision).values({
    municipalityId: m,
    caseId: adult.id,
    outcome: 'granted',
    grounds: 'Uppfyller definitionen och är motiverad. Behöver skydd och boende på annan ort.',
    interventions: ['Placering på annan ort', 'Samtalsstöd'],
    createdByUserId: r.staff.caseWorker,
  });

  // 2. SIG, with the field worker.
  await newCase('2009-02-11', { programme: 'sig', unitId: r.units.sigTeam, responsibleUserId: r.staff.fieldWorker, openedAt: daysAgo(20) }, { gender: 'woman' });

  // 3. Waiting for assignment: intake still sees it.
  await newCase('2011-09-03', { programme: 'youthExitProgramme', openedAt: daysAgo(1) });

  // 4. Closed: reached the goal after a signed decision.
  const closed = await newCase('1994-12-01', {
    programme: 'adultExitProgramme',
    unitId: r.units.exitProgramme,
    responsibleUserId: r.staff.caseWorker,
    coordinatorUserId: r.staff.coordinator,
    openedAt: daysAgo(400),
    status: 'closed',
    closedAt: daysAgo(30),
    closingOutcome: 'completed',
    version: 2,
  }, { gender: 'man' });
  await tx.insert(caseDecision).values({
    municipalityId: m,
    caseId: closed.id,
    stage: 'signed',
    outcome: 'granted',
    grounds: 'Uppfyllde kriterierna; polisen bedömde ett konkret skyddsbehov.',
    hasChildren: false,
    interventions: ['Skyddat boende', 'Sysselsättning'],
    createdByUserId: r.staff.caseWorker,
    createdAt: daysAgo(395),
    signedAt: daysAgo(393),
    signedByUserId: r.staff.unitManager,
    firstContactAt: daysAgo(400),
    daysFromFirstContact: 7,
  });
  await tx.insert(caseEvent).values({
    municipalityId: m,
    caseId: closed.id,
    kind: 'closed',
    data: { version: 2, outcome: 'completed', changed: ['status', 'closedAt', 'closingOutcome'] },
    actorUserId: r.staff.coordinator,
    at: daysAgo(30),
  });

  // 5. Protected identity: the name never shows by default.
  await newCase('1990-04-15', {
    programme: 'adultExitProgramme',
    unitId: r.units.exitProgramme,
    responsibleUserId: r.staff.caseWorker,
    openedAt: daysAgo(2),
  }, { protectedIdentity: true });
}
