// Applies the committed migrations. Run once by the launcher (or the test setup) before any server starts:
// two processes migrating a fresh database at once collide (../shared/STACK.md, trap 8).
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDatabase } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * How long a migration waits for a table lock before it gives up. A migration queued behind a long transaction
 * would otherwise block every request behind it; failing fast and retrying later is the safer outage. The
 * migration lint (src/migrations.lint.test.ts) relies on this instead of a `SET lock_timeout` in every file.
 */
export const migrationLockTimeout = '10s';

export async function runMigrations(url: string): Promise<void> {
  const handle = createDatabase(url, { max: 1 });
  try {
    // One connection (max: 1): the setting holds for drizzle's migration transaction on the same session.
    await handle.sql.unsafe(`set lock_timeout = '${migrationLockTimeout}'`);
    await migrate(handle.db, { migrationsFolder });
  } finally {
    await handle.close();
  }
}
