// The inbox: one queue over every source of the municipality, one way in. Filters travel in the query string
// (a plain GET form), so they work without JavaScript and a filtered view can be bookmarked.
import { loadOrError } from '@utvag/portal-kit/server';
import { isAllowed } from '@utvag/api';
import { callerFor } from '$lib/server/portal';

const filterNames = ['source', 'status', 'assignee'] as const;

export const load = async ({ locals, url }) => {
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const filters = Object.fromEntries(filterNames.map((n) => [n, url.searchParams.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  const page = await loadOrError(locals.locale, () => callerFor(locals).inbox.list({ limit: 50, cursor, ...filters } as never));
  const canRegister = locals.user ? isAllowed(locals.user.role, 'intake.register') : false;
  return { page, filters, canRegister };
};
