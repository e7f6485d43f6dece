// Test harness: a fresh database per file, a tenant with every role, and a caller per role.
import { TRPCError } from '@trpc/server';
import { findUserById, type Database } from '@utvag/db';
import { createTenant, createTestDatabase, type TestDatabase, type Tenant } from '@utvag/db/testing';
import { fictionalIdentityNumber, type Role } from '@utvag/domain';
import { createContext, type SessionUser } from '../src/context.ts';
import { createLogger } from '../src/logger.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';

export const silentLog = createLogger({}, 'silent');
const staffCaller = createCallerFactory(staffRouter);
const partnerCaller = createCallerFactory(partnerRouter);

export async function sessionUser(db: Database, id: string): Promise<SessionUser> {
  const row = await findUserById(db, id);
  if (!row) throw new Error('test user missing');
  return row as unknown as SessionUser;
}

export function contextFor(db: Database, user: SessionUser | null) {
  return createContext({ db, user, log: silentLog });
}

export interface World {
  t: TestDatabase;
  tenant: Tenant;
  otherTenant: Tenant;
  user(role: Role | 'otherSchool' | 'otherMunicipalityIntake'): Promise<SessionUser>;
  staff(role: Role | 'otherMunicipalityIntake' | null): Promise<ReturnType<typeof staffCaller>>;
  partner(role: Role | 'otherSchool' | null): Promise<ReturnType<typeof partnerCaller>>;
}

export async function createWorld(): Promise<World> {
  const t = await createTestDatabase();
  const tenant = await createTenant(t.db);
  const otherTenant = await createTenant(t.db);
  const idOf = (role: Role | 'otherSchool' | 'otherMunicipalityIntake') =>
    role === 'otherSchool'
      ? tenant.otherSchoolUser.id
      : role === 'otherMunicipalityIntake'
        ? otherTenant.users.intake.id
        : tenant.users[role].id;
  const user = (role: Parameters<typeof idOf>[0]) => sessionUser(t.db, idOf(role));
  return {
    t,
    tenant,
    otherTenant,
    user,
    staff: async (role) => staffCaller(contextFor(t.db, role ? await user(role) : null)),
    partner: async (role) => partnerCaller(contextFor(t.db, role ? await user(role) : null)),
  };
}

/** A valid police referral; override any part. */
export function referralInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    person: { firstName: 'Alva', lastName: 'Påhittad', identityNumber: fictionalIdentityNumber('2008-05-17', 2) },
    reason: 'Har sagt att hen vill lämna gruppen.',
    threatOrProtectionNeed: true,
    personWantsOut: true,
    consentToContact: true,
    urgency: 'high',
    contact: { name: 'Per Polis', phone: '010-123 45 67', email: 'per.polis@test.utvag.invalid' },
    ...overrides,
  };
}

/** The tRPC error code a call ends with, or 'ok'. Any other error is a defect and is thrown on. */
export async function codeOf(work: Promise<unknown> | (() => Promise<unknown>)) {
  try {
    await (typeof work === 'function' ? work() : work);
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
