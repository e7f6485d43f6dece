// How a page of a name search is read (issue 9). The list's plan walks the list index newest first and checks each
// case's person, hoping to fill the page early: good when the prefix is common, a walk of every open case of the
// municipality when it matches nobody (5.3 s at 1M). Which one is common is known only by looking, and no
// statistic tells it reliably (a prepared statement's generic plan sees no prefix at all), so we look: the name
// indexes give up to `peopleLimit` + 1 people per word. Up to the limit, the page is read through those people's
// cases (case_person_id_index or a hashed filter, with exact counts the planner cannot mis-cost) and sorted; past
// it, the prefix is common and the walk fills the page within about 51 × people / limit cases, testing each case's
// person on the stored folded names (person.first_name_key / last_name_key, migration 0031: folding them per case
// was most of the walk's time). Both read the same filters, order and keyset, so they return the same page.
import { sql } from 'drizzle-orm';
import type { CaseSearch, NamePrefix } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { person } from '../schema/index.ts';
import { listCases, startsWith, type CaseListRequest, type NameKeyColumn } from './cases.ts';

/**
 * People of a rare prefix are read person-first. The probe for a common prefix costs this many index entries per
 * name index (a few ms at 1M); the walk for a prefix just past it visits about 51 × people / limit cases.
 */
export const rarePrefixPeople = 2000;

type NameSearch = Extract<CaseSearch, { kind: 'name' }>;

/** The statement of `peopleOfNamePrefix`: per name, the ids of up to `limit` matching people, or null past it. */
export function namePrefixProbe(q: { municipalityId: string; search: NameSearch; limit: number }) {
  // Per word one bounded range scan of one name index, never a filter on the other name or a BitmapOr (those read
  // every match of a common word, folding each name, before the limit). Counted in the database, so a common word
  // sends back a null, not `limit` + 1 ids; both names in one statement of one shape (prepared once).
  const bounded = (column: NameKeyColumn, prefix: NamePrefix) => sql`(
    select case when count(*) > ${q.limit} then null else coalesce(array_agg(m.id), '{}') end
    from (select ${person.id} as id from ${person}
          where ${person.municipalityId} = ${q.municipalityId} and ${startsWith(column, prefix)} limit ${q.limit + 1}) as m)`;
  const { either, first, last } = q.search;
  // The page's statement is prepared (postgres.js names every statement), and after five runs PostgreSQL may keep a
  // generic plan, blind to the prefix and the people's ids: for the walk that is the person-first plan with a sort,
  // which reads every match of a common prefix. The page must be planned for its own prefix, so the rest of the
  // transaction plans afresh, set here in the probe that always comes first rather than in a round trip of its own.
  return sql`select ${bounded(person.firstNameKey, (either ?? first)!)} as "byFirst", ${bounded(person.lastNameKey, (either ?? last)!)} as "byLast",
    set_config('plan_cache_mode', 'force_custom_plan', true) as "customPlans"`;
}

/**
 * Ids of the municipality's people among whom are all whose name starts as searched, or null when that takes more
 * than `limit`: then the prefix is common. Not the search's whole rule (the page's query applies it, protected
 * identities included); this only bounds where to look.
 */
export async function peopleOfNamePrefix(db: Executor, q: { municipalityId: string; search: NameSearch; limit: number }) {
  const [row] = await db.execute<{ byFirst: string[] | null; byLast: string[] | null }>(namePrefixProbe(q));
  const { byFirst, byLast } = row!;
  if (q.search.either) {
    // One word matches either name: both lists must be complete, and together within the limit.
    if (byFirst === null || byLast === null) return null;
    const ids = new Set([...byFirst, ...byLast]);
    return ids.size > q.limit ? null : [...ids];
  }
  // Two words must both match: the shorter complete list holds everyone (the page's query checks the other word).
  const complete = [byFirst, byLast].filter((l) => l !== null).sort((a, b) => a.length - b.length);
  return complete[0] ?? null;
}

/** The query of a page of the case list, searched or not, or null when no one's name starts as searched (an empty
 * page, no second statement). Wrapped in an object: a query builder returned from an async function would run. */
export async function casePageQuery(db: Executor, q: CaseListRequest & { peopleLimit?: number }) {
  const { peopleLimit = rarePrefixPeople, ...request } = q;
  if (request.search?.kind !== 'name') return { query: listCases(db, request) };
  const people = await peopleOfNamePrefix(db, { municipalityId: request.municipalityId, search: request.search, limit: peopleLimit });
  if (people === null) return { query: listCases(db, request) };
  return people.length === 0 ? null : { query: listCases(db, { ...request, personIds: people }) };
}

/** A page of the case list, newest first, searched or not. */
export async function findCases(db: Executor, q: CaseListRequest & { peopleLimit?: number }) {
  const page = await casePageQuery(db, q);
  return page ? await page.query : [];
}
