// runPrepared keeps a query's built text but must run it on the executor it is given: inside the caller's
// transaction (its tenant settings, its uncommitted rows), never on the connection it was first built on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { builtShape, runPrepared } from './prepared.ts';
import { municipality } from './schema/index.ts';
import { createMunicipality } from './seed/factories.ts';
import type { Executor } from './client.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

let builds = 0;
const byId = (db: Executor, id: string) =>
  runPrepared(
    db,
    'test:municipality-by-id',
    (db) => {
      builds += 1;
      return db
        .select({ id: municipality.id, name: municipality.name, setting: sql<string>`current_setting('app.test', true)` })
        .from(municipality)
        .where(eq(municipality.id, sql.placeholder('id')));
    },
    { id },
  );

it('builds a shape once and fills in each call’s values', async () => {
  const a = await createMunicipality(t.db, { name: 'Förstakommun' });
  const b = await createMunicipality(t.db, { name: 'Andrakommun' });
  expect((await byId(t.db, a.id)).map((r) => r.name)).toEqual(['Förstakommun']);
  expect((await byId(t.db, b.id)).map((r) => r.name)).toEqual(['Andrakommun']);
  expect(builds).toBe(1);
  expect(builtShape('test:municipality-by-id')).toMatch(/where "municipality"."id" = \$1$/);
});

it('runs in the transaction it is given: its settings and its uncommitted rows, and nowhere else', async () => {
  // Built first on the database itself, so a query bound to where it was built would miss the transaction.
  await byId(t.db, '00000000-0000-4000-8000-000000000000');
  let id = '';
  await t.db
    .transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.test', 'i transaktionen', true)`);
      id = (await createMunicipality(tx, { name: 'Ej bekräftad' })).id;
      const inside = await byId(tx, id);
      expect(inside).toEqual([{ id, name: 'Ej bekräftad', setting: 'i transaktionen' }]);
      // Another connection does not see the uncommitted row.
      expect(await byId(t.db, id)).toEqual([]);
      throw new Error('roll back');
    })
    .catch((e: Error) => expect(e.message).toBe('roll back'));
  expect(await byId(t.db, id)).toEqual([]);
});

it('refuses a call that leaves a placeholder without a value', async () => {
  await expect(runPrepared(t.db, 'test:municipality-by-id', () => { throw new Error('not built again'); }, {})).rejects.toThrow(/placeholder "id"/);
});
