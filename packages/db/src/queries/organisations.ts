import { eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { organisation, unit } from '../schema/index.ts';

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row;
}

export async function listUnits(db: Executor, municipalityId: string) {
  return db.select().from(unit).where(eq(unit.municipalityId, municipalityId)).orderBy(unit.name);
}
