// What `/readyz` asks the database: does it answer, and has every committed migration been applied? An instance
// started against a database that an older release migrated (or none) must not take traffic.
import type postgres from 'postgres';
// Imported, not read from disk: the portals bundle this package, and a path built from import.meta.url would point
// into their build folder (../shared/STACK.md trap 5).
import journal from '../drizzle/meta/_journal.json' with { type: 'json' };

export interface Readiness {
  database: 'ok' | 'down';
  migrations: 'current' | 'behind' | 'unknown';
}

/** The `when` of the newest migration this build ships (drizzle's journal). */
const newestShipped = Math.max(0, ...journal.entries.map((e) => e.when));

export async function checkReadiness(sql: postgres.Sql): Promise<Readiness> {
  let applied: number | null;
  try {
    // drizzle's own bookkeeping table; `created_at` holds the journal's `when` of each applied migration.
    const [row] = await sql<{ newest: string | null }[]>`select max(created_at)::text as newest from drizzle.__drizzle_migrations`;
    applied = row?.newest ? Number(row.newest) : null;
  } catch (error) {
    // 42P01/3F000: the server answered, but nothing was ever migrated here.
    const code = (error as { code?: string }).code;
    if (code === '42P01' || code === '3F000') return { database: 'ok', migrations: 'behind' };
    return { database: 'down', migrations: 'unknown' };
  }
  return { database: 'ok', migrations: applied !== null && applied >= newestShipped ? 'current' : 'behind' };
}

// postgres.js's own codes for a connection that could not be made or was lost, and the errno of a refused socket.
const connectionCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * True when an error means "the database is unreachable for now" (restart, failover, killed backend, network),
 * however deep Drizzle wrapped it: SQLSTATE classes 08 (connection exception) and 57P (operator intervention:
 * shutdown, crash recovery, terminated backend), 53300 (too many connections), or a socket-level failure. The
 * portals answer those with 503 and a retry hint instead of 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (connectionCodes.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300') return true;
  }
  return false;
}
