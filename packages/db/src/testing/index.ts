// A fresh, migrated database for one test file: `const t = await createTestDatabase()` in beforeAll,
// `await t.drop()` in afterAll.
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../client.ts';
import { adminClient, dropDatabase } from './admin.ts';
import { clonePrefix, databaseName, urlForDatabase } from './names.ts';
import './provided.ts';

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, ownerPid } = inject('utvagTestDatabase');
  const name = databaseName(clonePrefix, ownerPid);
  const admin = adminClient(serverUrl);
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const url = urlForDatabase(serverUrl, name);
  const handle = createDatabase(url, { max: 4 });
  return {
    ...handle,
    url,
    name,
    async drop() {
      await handle.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

export * from '../seed/factories.ts';
export * from '../seed/world.ts';
export * from '../seed/follow-up.ts';
