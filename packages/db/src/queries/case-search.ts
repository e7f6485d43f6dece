// How a page of a name search is read (issue 9). The list's plan walks the list index newest first and checks each
// case's person, hoping to fill the page early: good when the prefix is common, a walk of every open case of the
// municipality when it matches nobody (5.3 s at 1M). Which one is common is known only by looking, and no
// statistic tells it reliably (a prepared statement's generic plan sees no prefix at all), so we look: the name
// indexes give up to `peopleLimit` + 1 matching people. Up to the limit, the page is read through those people's
// cases (case_person_id_index) and sorted; past it, the prefix is common and the walk fills the page within about
// 51 × people / limit cases. Both read the same filters, order and keyset, so they return the same page.
import { and, eq, type SQL } from 'drizzle-orm';
import type { CaseSearch } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { person } from '../schema/index.ts';
import { listCases, startsWith, type CaseListRequest } from './cases.ts';

/**
 * People of a rare prefix are read person-first. The probe for a common prefix costs this many index entries per
 * name index (a few ms at 1M); the walk for a prefix just past it visits about 51 × people / limit cases.
 */
export const rarePrefixPeople = 2000;

type NameSearch = Extract<CaseSearch, { kind: 'name' }>;

/**
 * The ids of the municipality's people whose name starts as searched, or null when more than `limit` do. Not the
 * search's whole rule (protected identities are filtered by the page's query): this only bounds where to look.
 */
export async function peopleOfNamePrefix(db: Executor, q: { municipalityId: string; search: NameSearch; limit: number }) {
  const matching = (condition: SQL | undefined) =>
    db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.municipalityId, q.municipalityId), condition))
      .limit(q.limit + 1);
  const { either, first, last } = q.search;
  // One word matches either name: two bounded range scans (sent together, one round trip) rather than one
  // BitmapOr, which would read every match of a common prefix before the limit applies.
  const sets = either
    ? await Promise.all([matching(startsWith(person.firstName, either)), matching(startsWith(person.lastName, either))])
    : [await matching(and(first && startsWith(person.firstName, first), last && startsWith(person.lastName, last)))];
  const ids = new Set(sets.flat().map((r) => r.id));
  return ids.size > q.limit ? null : [...ids];
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
