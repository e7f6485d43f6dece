// The one way to open a database: postgres.js under Drizzle, snake_case columns. The caller owns the client
// and passes the returned `db` on (into the tRPC context, into tests); nothing here is module-level.
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle is usable wherever a Database is. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function createDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Keep server notices (e.g. "relation already exists, skipping") out of the logs.
    onnotice: () => {},
    connection: { application_name: 'utvag' },
  });
  const db = drizzle(preparedStatements(sql), { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * Drizzle sends its builder's queries as unnamed statements (`prepare: false`). postgres.js then asks the server to
 * describe every query with parameters before it binds them: two round trips per query, and no pipelining behind
 * it (STACK.md trap 8; issue 9 counted 10 client turns for 6 statements of one inbox read). With `prepare: true`
 * postgres.js names the statement and keeps it per connection, so from the second use on a query is one round
 * trip, pipelined, and PostgreSQL may reuse its plan. Row-level security stays right: a cached plan that depends
 * on RLS is re-planned when the role differs, and the policies read the tenant settings when they run.
 * Statements with many parameters (bulk inserts of varying size) stay unnamed, so the per-connection statement
 * cache holds only the code's fixed query shapes; postgres.js replaces connections after their max lifetime.
 */
export const maxPreparedParameters = 64;

type Unsafe = postgres.Sql['unsafe'];
type Begin = (...args: unknown[]) => Promise<unknown>;

export function preparedStatements<S extends postgres.Sql | postgres.TransactionSql>(client: S): S {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        const unsafe: Unsafe = (query, parameters, options) =>
          (target.unsafe as Unsafe)(query, parameters, {
            ...options,
            prepare: (parameters?.length ?? 0) <= maxPreparedParameters,
          } as typeof options);
        return unsafe;
      }
      if (property === 'begin' || property === 'savepoint') {
        // The transaction's own client (a savepoint's too) gets the same treatment.
        return (...args: unknown[]) => {
          const work = args.at(-1) as (tx: postgres.TransactionSql) => unknown;
          return (Reflect.get(target, property, receiver) as Begin).call(target, ...args.slice(0, -1), (tx: postgres.TransactionSql) => work(preparedStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** A cheap round trip for health checks: true when the database answers. */
export async function pingDatabase(sql: postgres.Sql): Promise<boolean> {
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  }
}

/** True when PostgreSQL refused a row for a unique constraint (23505), however deep Drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
