// A complete tenant for tests: one municipality with every role, its partner organisations, and a second
// municipality whose users must never see the first one's data.
import { partnerRoles, staffRoles, type Role } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { createMunicipality, createOrganisation, createUnit, createUser, type CreatedUser } from './factories.ts';

export async function createTenant(db: Executor) {
  const municipality = await createMunicipality(db);
  const intakeUnit = await createUnit(db, { municipalityId: municipality.id, kind: 'intake' });
  const organisations = {
    police: await createOrganisation(db, { municipalityId: municipality.id, type: 'police' }),
    probationService: await createOrganisation(db, { municipalityId: municipality.id, type: 'probationService' }),
    school: await createOrganisation(db, { municipalityId: municipality.id, type: 'school' }),
    otherSchool: await createOrganisation(db, { municipalityId: municipality.id, type: 'school' }),
  };
  const orgForRole = { police: organisations.police, probationOfficer: organisations.probationService, schoolStaff: organisations.school };
  const users = {} as Record<Role, CreatedUser>;
  for (const role of staffRoles) {
    users[role] = await createUser(db, { municipalityId: municipality.id, role, unitId: intakeUnit.id, qualifiedSocialWorker: true });
  }
  for (const role of partnerRoles) {
    users[role] = await createUser(db, { municipalityId: municipality.id, role, organisationId: orgForRole[role].id });
  }
  const otherSchoolUser = await createUser(db, {
    municipalityId: municipality.id,
    role: 'schoolStaff',
    organisationId: organisations.otherSchool.id,
  });
  return { municipality, intakeUnit, organisations, users, otherSchoolUser };
}

export type Tenant = Awaited<ReturnType<typeof createTenant>>;
