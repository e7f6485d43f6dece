import { eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { appUser, organisation } from '../schema/index.ts';

/** The account as the API sees a signed-in user (no password hash). */
export const sessionUserColumns = {
  id: appUser.id,
  email: appUser.email,
  name: appUser.name,
  kind: appUser.kind,
  role: appUser.role,
  municipalityId: appUser.municipalityId,
  unitId: appUser.unitId,
  organisationId: appUser.organisationId,
  locale: appUser.locale,
  isDemo: appUser.isDemo,
};

const userColumns = { ...sessionUserColumns, organisationType: organisation.type, disabledAt: appUser.disabledAt };

export type UserRow = Awaited<ReturnType<typeof findUserById>> & {};

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ ...userColumns, passwordHash: appUser.passwordHash, organisationRequiresMfa: organisation.requiresMfa })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(eq(appUser.email, email.toLowerCase()));
  return row;
}

/** The account an OpenID Connect login names by its configured claim (see app_user.external_subject). */
export async function findUserByExternalSubject(db: Executor, externalSubject: string) {
  const [row] = await db
    .select({ ...userColumns, organisationRequiresMfa: organisation.requiresMfa })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(eq(appUser.externalSubject, externalSubject));
  return row;
}

export async function findUserById(db: Executor, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(eq(appUser.id, id));
  return row;
}

export async function updateUserLocale(db: Executor, id: string, locale: string) {
  await db.update(appUser).set({ locale }).where(eq(appUser.id, id));
}

/** The claim value an identity provider names the account by (null when it never signs in there). */
export async function findExternalSubject(db: Executor, userId: string) {
  const [row] = await db.select({ externalSubject: appUser.externalSubject }).from(appUser).where(eq(appUser.id, userId));
  return row?.externalSubject ?? null;
}
