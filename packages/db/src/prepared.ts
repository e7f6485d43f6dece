// Drizzle builds a query's SQL text from its builder tree on every call: for the inbox read that was 8 % of the
// portal's CPU (issue 9, STACK.md trap 8). A query shape that runs on every request is built once, with
// placeholders (`sql.placeholder('name')`) for its values, and each call fills them in.
//
// Drizzle's own `.prepare()` binds the query to the client it was built on, so a query prepared on `db` would run
// outside the caller's transaction, i.e. without its tenant settings (RLS) and audit entry. Here only the built
// text, its parameter list and its result mapping are kept; each call hands them to the session of the executor it
// is given (the transaction's own), so the statement runs on that connection, in that transaction. postgres.js
// names the statement (createDatabase), as it does for every other query.
import type { Executor } from './client.ts';

interface Built {
  queryString: string;
  params: unknown[];
  fields: unknown;
  joinsNotNullableMap: unknown;
}

interface Session {
  prepareQuery(query: { sql: string; params: unknown[] }, fields: unknown, name: string | undefined, isResponseInArrayMode: boolean): {
    joinsNotNullableMap?: unknown;
    execute(values: Record<string, unknown>): Promise<unknown>;
  };
}

/**
 * The built shapes, by a key the caller makes of everything that changes the text (never of values). One map for
 * the process: every Database comes from createDatabase (one dialect, snake_case), so a shape's text is the same.
 */
const shapes = new Map<string, Built>();
/** A bound on distinct shapes: keys come from code paths (filters present, sort), not from input, but be safe. */
const maxShapes = 1_000;

/** The built text of a shape; exported for tests. */
export function builtShape(key: string): string | undefined {
  return shapes.get(key)?.queryString;
}

/**
 * Runs the query `build` makes, built once per `key`, with `values` for its placeholders, on `db` (a transaction
 * or the database). `build` must not put values into the text: everything that varies goes in a placeholder, and
 * whatever changes the text (a filter present or not, the order) must be part of `key`. A placeholder in a
 * condition (`eq(column, sql.placeholder('x'))`) reaches postgres.js as it is, without the column's encoder: give
 * timestamps there as ISO text (Drizzle turns postgres.js's own date serialisers off). A placeholder in an insert's
 * values keeps its column's encoder.
 */
export function runPrepared<Q extends { execute(): Promise<unknown> }>(
  db: Executor,
  key: string,
  build: (db: Executor) => Q,
  values: Record<string, unknown>,
): ReturnType<Q['execute']> {
  let shape = shapes.get(key);
  if (!shape) {
    const prepared = (build(db) as unknown as { prepare(name?: string): Built }).prepare();
    shape = {
      queryString: prepared.queryString,
      params: prepared.params,
      fields: prepared.fields,
      joinsNotNullableMap: prepared.joinsNotNullableMap,
    };
    if (shapes.size >= maxShapes) shapes.clear();
    shapes.set(key, shape);
  }
  const session = (db as unknown as { _: { session: Session } })._.session;
  const query = session.prepareQuery({ sql: shape.queryString, params: shape.params }, shape.fields, undefined, true);
  query.joinsNotNullableMap = shape.joinsNotNullableMap;
  return query.execute(values) as ReturnType<Q['execute']>;
}
