// Fictional demo data for `npm start`: one municipality with the units of DOMAIN.md §2, one police, one
// probation and two school organisations, the demo accounts, and a few waiting referrals. Loaded once.
import { eq } from 'drizzle-orm';
import { inboxRank, type Role } from '@utvag/domain';
import { createDatabase, type Executor } from '../client.ts';
import { municipality } from '../schema/index.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoSupportYear } from './demo-support.ts';
import { createOrganisation, createPerson, createReferral, createUnit, createUser } from './factories.ts';
import { demoNeighbourName, seedFollowUpDemo } from './follow-up-demo.ts';

export const demoMunicipalityName = 'Exempelstad (demo)';
export const demoPassword = 'Utvag-demo-2026';

export interface DemoAccount {
  role: Role;
  portal: 'staff' | 'partner';
  email: string;
  password: string;
}

const staffAccounts = [
  { role: 'intake', email: 'mottagning@demo.utvag.se', name: 'Mona Mottagare', unit: 'intake' },
  { role: 'caseWorker', email: 'handlaggare@demo.utvag.se', name: 'Hugo Handläggare', unit: 'exitProgramme' },
  { role: 'coordinator', email: 'samordnare@demo.utvag.se', name: 'Sara Samordnare', unit: 'exitProgramme' },
  { role: 'fieldWorker', email: 'faltsekreterare@demo.utvag.se', name: 'Frida Fältare', unit: 'sigTeam' },
  { role: 'unitManager', email: 'enhetschef@demo.utvag.se', name: 'Erik Enhetschef', unit: 'exitProgramme' },
  { role: 'administrator', email: 'admin@demo.utvag.se', name: 'Ada Administratör', unit: 'intake' },
  // Works for the demo region (issue 8): sees only sums over the municipalities that share with it.
  { role: 'regional', email: 'region@demo.utvag.se', name: 'Rut Regionsamordnare', unit: 'intake' },
] as const;

const partnerAccounts = [
  { role: 'police', email: 'polis@demo.utvag.se', name: 'Per Polis', org: 'police' },
  { role: 'probationOfficer', email: 'frivard@demo.utvag.se', name: 'Fia Frivårdare', org: 'probation' },
  { role: 'schoolStaff', email: 'skola@demo.utvag.se', name: 'Siv Skolkurator', org: 'school' },
  { role: 'schoolStaff', email: 'skola2@demo.utvag.se', name: 'Sam Rektor', org: 'otherSchool' },
] as const;

/**
 * The second demo municipality (issue 6 item 9: transfer between municipalities). Its own staff and one unit; it
 * is also the neighbour in the regional follow-up demo.
 */
export const demoSecondMunicipalityName = demoNeighbourName;
const secondStaffAccounts = [
  { role: 'intake', email: 'mottagning@grannby.demo.utvag.se', name: 'Greta Mottagare' },
  { role: 'caseWorker', email: 'handlaggare@grannby.demo.utvag.se', name: 'Gustav Handläggare' },
  { role: 'coordinator', email: 'samordnare@grannby.demo.utvag.se', name: 'Gun Samordnare' },
  { role: 'unitManager', email: 'enhetschef@grannby.demo.utvag.se', name: 'Gösta Enhetschef' },
] as const;

export const demoAccounts: DemoAccount[] = [
  ...staffAccounts.map((a) => ({ role: a.role, portal: 'staff' as const, email: a.email, password: demoPassword })),
  ...partnerAccounts.map((a) => ({ role: a.role, portal: 'partner' as const, email: a.email, password: demoPassword })),
  ...secondStaffAccounts.map((a) => ({ role: a.role, portal: 'staff' as const, email: a.email, password: demoPassword })),
];

export async function hasDemoData(db: Executor) {
  const [row] = await db.select({ id: municipality.id }).from(municipality).where(eq(municipality.name, demoMunicipalityName));
  return Boolean(row);
}

export async function seedDemoData(db: Executor) {
  const m = await db.transaction(async (tx) => {
    const [m] = await tx.insert(municipality).values({ name: demoMunicipalityName }).returning();
    const units = {
      intake: await createUnit(tx, { municipalityId: m!.id, name: 'Mottagningen', kind: 'intake' }),
      sigTeam: await createUnit(tx, { municipalityId: m!.id, name: 'Insatsteamet (SIG)', kind: 'sigTeam' }),
      exitProgramme: await createUnit(tx, { municipalityId: m!.id, name: 'Avhopparverksamheten', kind: 'exitProgramme' }),
      youngAdults: await createUnit(tx, { municipalityId: m!.id, name: 'Enheten för unga vuxna', kind: 'youngAdults' }),
    };
    const orgs = {
      police: await createOrganisation(tx, { municipalityId: m!.id, type: 'police', name: 'Polisen, lokalpolisområde Exempelstad' }),
      probation: await createOrganisation(tx, { municipalityId: m!.id, type: 'probationService', name: 'Frivården Exempelstad' }),
      school: await createOrganisation(tx, { municipalityId: m!.id, type: 'school', name: 'Exempelskolan' }),
      otherSchool: await createOrganisation(tx, { municipalityId: m!.id, type: 'school', name: 'Norrby gymnasium' }),
    };
    const staff: Partial<Record<Role, string>> = {};
    for (const a of staffAccounts) {
      // Every demo staff member but the administrator is a qualified social worker (§10), so the demo can show
      // protective assessments being recorded.
      staff[a.role] = (await createUser(tx, { ...a, municipalityId: m!.id, unitId: units[a.unit].id, password: demoPassword, isDemo: true, qualifiedSocialWorker: a.role !== 'administrator' })).id;
    }
    const [second] = await tx.insert(municipality).values({ name: demoSecondMunicipalityName }).returning();
    const secondUnit = await createUnit(tx, { municipalityId: second!.id, name: 'Avhopparverksamheten Grannby', kind: 'exitProgramme' });
    for (const a of secondStaffAccounts) {
      await createUser(tx, { ...a, municipalityId: second!.id, unitId: secondUnit.id, password: demoPassword, isDemo: true, qualifiedSocialWorker: true });
    }
    await seedFollowUpDemo(tx, { municipalityId: m!.id, submittedByUserId: staff.intake!, regionalUserId: staff.regional!, neighbourId: second!.id });
    const partners: Record<string, string> = {};
    for (const a of partnerAccounts) {
      const user = await createUser(tx, { ...a, municipalityId: m!.id, organisationId: orgs[a.org].id, password: demoPassword, isDemo: true });
      partners[a.email] = user.id;
    }
    const waiting = [
      { birthDate: '2001-03-14', by: 'polis@demo.utvag.se', org: orgs.police.id, threat: true, reason: 'Har själv sagt att han vill lämna nätverket. Polisen ser en latent hotbild.' },
      { birthDate: '1996-11-02', by: 'frivard@demo.utvag.se', org: orgs.probation.id, threat: false, reason: 'Villkorlig frigivning om sex veckor. Uttrycker tydlig motivation att bryta med kriminaliteten.' },
    ];
    for (const w of waiting) {
      const p = await createPerson(tx, { municipalityId: m!.id, birthDate: w.birthDate });
      await createReferral(tx, {
        municipalityId: m!.id,
        submittedByUserId: partners[w.by]!,
        sourceOrganisationId: w.org,
        personId: p.id,
        reason: w.reason,
        threatOrProtectionNeed: w.threat,
        // Both demo people are adults; the rank puts the police's protection need first (issue 5).
        inboxRank: inboxRank({ protectionNeed: w.threat, child: false }),
        personWantsOut: true,
        consentToContact: true,
      });
    }
    await seedDemoCases(tx, {
      municipalityId: m!.id,
      units: { intake: units.intake.id, sigTeam: units.sigTeam.id, exitProgramme: units.exitProgramme.id },
      staff: { intake: staff.intake!, caseWorker: staff.caseWorker!, coordinator: staff.coordinator!, fieldWorker: staff.fieldWorker!, unitManager: staff.unitManager! },
    });
    await seedDemoSupportYear(tx, {
      municipalityId: m!.id,
      units: { sigTeam: units.sigTeam.id, exitProgramme: units.exitProgramme.id },
      staff: { caseWorker: staff.caseWorker!, coordinator: staff.coordinator!, fieldWorker: staff.fieldWorker!, unitManager: staff.unitManager! },
      police: { userId: partners['polis@demo.utvag.se']!, organisationId: orgs.police.id },
    });
    return m!;
  });
  return m;
}

/** Loads the demo data unless it is already there; always returns the demo accounts. */
export async function loadDemoData(url: string) {
  const handle = createDatabase(url, { max: 1 });
  try {
    const loaded = !(await hasDemoData(handle.db));
    if (loaded) await seedDemoData(handle.db);
    return { loaded, accounts: demoAccounts };
  } finally {
    await handle.close();
  }
}
