// Sorting travels in the query string (`?sort=received&order=desc`), so a sorted table is a plain link: it works
// without JavaScript, can be bookmarked, and the back button undoes it. The API validates the values again.
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

/** aria-sort for a column header: only the column the table is sorted by carries it (ARIA 1.2). */
export function ariaSort(current: SortState, key: string): 'ascending' | 'descending' | undefined {
  if (current.key !== key) return undefined;
  return current.direction === 'asc' ? 'ascending' : 'descending';
}

/** The direction a click on `key` asks for: the other one on the sorted column, else the column's first one. */
export function nextDirection(current: SortState, key: string, first: SortDirection = 'asc'): SortDirection {
  if (current.key !== key) return first;
  return current.direction === 'asc' ? 'desc' : 'asc';
}

/**
 * The link of a sortable header: the page's query string with `sort` and `order` set and the page cursor
 * dropped (a cursor belongs to one order). Other parameters, such as filters, are kept.
 */
export function sortHref(
  search: URLSearchParams | string,
  current: SortState,
  key: string,
  first: SortDirection = 'asc',
  dropParams: readonly string[] = ['cursor'],
): string {
  const params = new URLSearchParams(search);
  for (const name of dropParams) params.delete(name);
  params.set('sort', key);
  params.set('order', nextDirection(current, key, first));
  return `?${params}`;
}

/** Reads `sort`/`order` from a query string; unknown values fall back, so a hand-edited URL still shows a page. */
export function readSort<K extends string>(
  search: URLSearchParams,
  keys: readonly K[],
  fallback: { key: K; direction: SortDirection },
): { key: K; direction: SortDirection } {
  const key = search.get('sort');
  const order = search.get('order');
  return {
    key: keys.includes(key as K) ? (key as K) : fallback.key,
    direction: order === 'asc' || order === 'desc' ? order : fallback.direction,
  };
}
