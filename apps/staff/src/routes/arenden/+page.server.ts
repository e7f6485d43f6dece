// The case list: my cases, my unit's, or all I may see (need-to-know is the API's). Filters travel in the query
// string (a plain GET form), so they work without JavaScript and can be bookmarked.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

const filterNames = ['scope', 'status', 'programme'] as const;

export const load = async ({ locals, url }) => {
  const filters = Object.fromEntries(filterNames.map((n) => [n, url.searchParams.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  const caller = callerFor(locals);
  const [list, reminders] = await Promise.all([
    loadOrError(locals.locale, () => caller.case.list(filters as never)),
    // Issue 7: open cases with no network meeting for the municipality's period get a flag in the list.
    loadOrError(locals.locale, () => caller.networkMeeting.reminders()),
  ]);
  return { list, filters, meetingReminder: { periodDays: reminders.periodDays, caseIds: reminders.items.map((r) => r.caseId) } };
};
