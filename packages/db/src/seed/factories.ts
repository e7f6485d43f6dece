// Test factories that double as the demo seed: every value is fictional, unique per call, and
// identity numbers come only from the domain's fictional series (birth numbers 980–999).
import { randomUUID } from 'node:crypto';
import { fictionalIdentityNumber, isStaffRole, referenceNumber, referenceYear, type Role } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { hashPassword } from '../credentials.ts';
import { insertReferral, nextReferralSequence, type NewReferral } from '../queries/referrals.ts';
import { appUser, municipality, organisation, person, unit } from '../schema/index.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const firstNames = ['Alva', 'Elias', 'Saga', 'Noah', 'Ines', 'Milo', 'Tyra', 'Leon', 'Juni', 'Vide'];
const lastNames = ['Påhittad', 'Exempelsson', 'Testberg', 'Demoqvist', 'Låtsasson', 'Provlund'];
// Accounts get surnames of their own, so a test can tell a person's name from the name of the user who sent it.
const userLastNames = ['Kollega', 'Tjänstesson', 'Kontorsberg', 'Rollqvist'];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

export async function createMunicipality(db: Executor, values: Partial<typeof municipality.$inferInsert> = {}) {
  const [row] = await db
    .insert(municipality)
    .values({ name: `Testkommun ${unique()}`, ...values })
    .returning();
  return row!;
}

export async function createUnit(db: Executor, values: { municipalityId: string; name?: string; kind?: string }) {
  const [row] = await db
    .insert(unit)
    .values({ name: `Enhet ${unique()}`, kind: 'intake', ...values })
    .returning();
  return row!;
}

export async function createOrganisation(
  db: Executor,
  values: Pick<typeof organisation.$inferInsert, 'municipalityId' | 'type'> & { name?: string },
) {
  const [row] = await db
    .insert(organisation)
    .values({ name: `Organisation ${unique()}`, ...values })
    .returning();
  return row!;
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  name: string;
  municipalityId: string;
  organisationId: string | null;
  unitId: string | null;
}

export async function createUser(
  db: Executor,
  values: {
    municipalityId: string;
    role: Role;
    unitId?: string | null;
    organisationId?: string | null;
    email?: string;
    name?: string;
    password?: string;
    isDemo?: boolean;
    /** §10: may make assessments of children. */
    qualifiedSocialWorker?: boolean;
  },
): Promise<CreatedUser> {
  const password = values.password ?? `pw-${randomUUID()}`;
  const [row] = await db
    .insert(appUser)
    .values({
      email: (values.email ?? `user-${unique()}@test.utvag.invalid`).toLowerCase(),
      name: values.name ?? `${pick(firstNames)} ${pick(userLastNames)}`,
      passwordHash: await hashPassword(password),
      kind: isStaffRole(values.role) ? 'staff' : 'partner',
      role: values.role,
      municipalityId: values.municipalityId,
      unitId: values.unitId ?? null,
      organisationId: values.organisationId ?? null,
      isDemo: values.isDemo ?? false,
      qualifiedSocialWorker: values.qualifiedSocialWorker ?? false,
    })
    .returning();
  return { ...row!, password };
}

export function fictionalPerson(birthDate = '2008-05-17') {
  return {
    firstName: pick(firstNames),
    lastName: pick(lastNames),
    identityNumber: fictionalIdentityNumber(birthDate, Math.floor(Math.random() * 20)),
    birthDate,
  };
}

// The fictional series has only 20 serials per birth date, so random picks collide within one
// municipality (a flaky unique violation). Walk the serials from a random start until one is free.
const fictionalSerials = 20;

export async function createPerson(
  db: Executor,
  values: { municipalityId: string } & Partial<typeof person.$inferInsert>,
) {
  const base = { ...fictionalPerson(), ...values };
  if ('identityNumber' in values) return insertPersonRow(db, base);
  const start = Math.floor(Math.random() * fictionalSerials);
  for (let step = 0; step < fictionalSerials; step++) {
    const identityNumber = fictionalIdentityNumber(base.birthDate!, (start + step) % fictionalSerials);
    const [row] = await db
      .insert(person)
      .values({ ...base, identityNumber })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error(`All ${fictionalSerials} fictional identity numbers for this birth date are taken in this municipality`);
}

async function insertPersonRow(db: Executor, values: typeof person.$inferInsert) {
  const [row] = await db.insert(person).values(values).returning();
  return row!;
}

export async function createReferral(
  db: Executor,
  values: {
    municipalityId: string;
    submittedByUserId: string;
    sourceOrganisationId: string | null;
    personId?: string;
  } & Partial<NewReferral>,
) {
  // A new person unless one is named: a random fictional one could be found again (20 serials per birth date).
  const personId = values.personId ?? (await createPerson(db, { municipalityId: values.municipalityId })).id;
  const sequence = await nextReferralSequence(db);
  return insertReferral(db, {
    kind: 'referral',
    reason: 'Personen har sagt till polisen att hen vill lämna gruppen.',
    contactName: 'Kim Kontakt',
    contactPhone: '010-000 00 00',
    contactEmail: 'kontakt@test.utvag.invalid',
    idempotencyKey: randomUUID(),
    reference: referenceNumber(referenceYear(new Date()), sequence),
    ...values,
    personId,
  });
}
