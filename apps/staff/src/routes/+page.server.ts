// The inbox: one queue over every source of the municipality, one way in. Filters travel in the query string
// (a plain GET form), so they work without JavaScript and a filtered view can be bookmarked.
import { redirect } from '@sveltejs/kit';
import { loadOrError } from '@utvag/portal-kit/server';
import { isAllowed } from '@utvag/api';
import { inboxSorts } from '@utvag/domain';
import { readSort } from '@utvag/ui/sort';
import { callerFor } from '$lib/server/portal';

const filterNames = ['source', 'status', 'unit', 'assignee'] as const;

export const load = async ({ locals, url }) => {
  // A regional account has no inbox: its start page is the regional follow-up (issue 8).
  if (locals.user && !isAllowed(locals.user.role, 'inbox.list') && isAllowed(locals.user.role, 'regionalReport.read')) redirect(303, '/uppfoljning/region');
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const filters = Object.fromEntries(filterNames.map((n) => [n, url.searchParams.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  // Sortable headers are links (?sort=received&order=desc); an unknown value shows the default order.
  const sort = readSort(url.searchParams, inboxSorts, { key: 'priority', direction: 'asc' });
  // The queue, the unit filter's units and the header's unread count in one audited transaction (issue 9); the
  // root layout leaves the count to this page (+layout.server.ts) and its page.data carries this one.
  const { page, units, unreadNotifications } = await loadOrError(locals.locale, () =>
    callerFor(locals).inbox.page({ limit: 50, cursor, ...filters, sort: sort.key, order: sort.direction } as never),
  );
  const canRegister = locals.user ? isAllowed(locals.user.role, 'intake.register') : false;
  return { page, filters, sort, canRegister, units, unreadNotifications };
};
