// The documented way a real deployment gets its first administrator (`npm run create-admin`).
import { eq } from 'drizzle-orm';
import { createDatabase } from '../client.ts';
import { municipality } from '../schema/index.ts';
import { createUnit, createUser } from './factories.ts';

export async function createAdministrator(
  url: string,
  input: { email: string; name: string; password: string; municipalityName: string },
) {
  const handle = createDatabase(url, { max: 1 });
  try {
    await handle.db.transaction(async (tx) => {
      let [m] = await tx.select().from(municipality).where(eq(municipality.name, input.municipalityName));
      m ??= (await tx.insert(municipality).values({ name: input.municipalityName }).returning())[0]!;
      const unit = await createUnit(tx, { municipalityId: m.id, name: 'Administration', kind: 'administration' });
      await createUser(tx, {
        municipalityId: m.id,
        role: 'administrator',
        unitId: unit.id,
        email: input.email,
        name: input.name,
        password: input.password,
      });
    });
  } finally {
    await handle.close();
  }
}
