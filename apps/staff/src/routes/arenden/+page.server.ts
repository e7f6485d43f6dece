// The case list: my cases, my unit's, or all I may see (need-to-know is the API's). Filters and the page cursor
// travel in the query string (a plain GET form and links), so they work without JavaScript and can be bookmarked.
// The search term does not: it is personal data (an identity number or a name), so the search form POSTs to the
// `search` action and the result is the answer to that POST, never a URL of its own; the next page of a search is
// another POST carrying the term in a hidden field (issue 9 item 1).
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

const filterNames = ['scope', 'status', 'programme'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

const filtersOf = (url: URL) => Object.fromEntries(filterNames.map((n) => [n, url.searchParams.get(n) ?? ''])) as Filters;

export const load = async ({ locals, url, request }) => {
  const filters = filtersOf(url);
  const caller = callerFor(locals);
  // A search's POST shows the search's result (the action's); the plain list is not read (nor audited) for it.
  const searching = request.method === 'POST';
  const [list, reminders] = await Promise.all([
    searching ? null : loadOrError(locals.locale, () => caller.case.list({ ...filters, cursor: url.searchParams.get('cursor') ?? '' } as never)),
    // Issue 7: open cases with no network meeting for the municipality's period get a flag in the list.
    loadOrError(locals.locale, () => caller.networkMeeting.reminders()),
  ]);
  return {
    list,
    filters,
    paged: url.searchParams.has('cursor'),
    meetingReminder: { periodDays: reminders.periodDays, caseIds: reminders.items.map((r) => r.caseId) },
  };
};

export const actions = {
  search: async ({ locals, request, url }) => {
    const form = formToObject(await request.formData());
    const values = { q: String(form.q ?? '') };
    const cursor = String(form.cursor ?? '');
    const result = await callFromForm(locals.locale, values, () =>
      callerFor(locals).case.search({ ...filtersOf(url), q: values.q, cursor } as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    return { values, search: result.value };
  },
};
