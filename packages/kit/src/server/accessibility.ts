// The accessibility statement's report form (issue 4 item 5), shared by both portals: a plain HTML form that
// works without JavaScript and without signing in. The API limits reports per address, so the action hands the
// request's address to the API in the context (never logged or stored; the counter key is a hash).
import { error, fail, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describeError, type Context } from '@utvag/api';
import { flattenObject, formToObject } from '../form.ts';
import type { FormFailure } from './actions.ts';
import { setFlash } from './flash.ts';

export const accessibilityPath = '/tillganglighet';

/** Nothing to load: the "report received" confirmation is a one-time flash message (issue 4), not a query flag, so a
 * reload or a bookmark does not confirm again. */
export function accessibilityStatementLoad() {
  return {};
}

/** The form action: `submit` calls the portal router's `accessibilityReport.submit` with the given context. */
export function accessibilityReportAction(submit: (ctx: Context, input: unknown) => Promise<unknown>) {
  return async (event: RequestEvent) => {
    const values = formToObject(await event.request.formData());
    const ctx: Context = { ...event.locals.ctx, clientAddress: event.getClientAddress() };
    try {
      await submit(ctx, values);
    } catch (e) {
      if (isRedirect(e) || !(e instanceof TRPCError)) throw e;
      const described = describeError(e, event.locals.locale);
      // Bad input and too many reports stay on the form, with every typed value kept.
      if (described.httpStatus === 400 || described.httpStatus === 429) {
        return fail(described.httpStatus, {
          values: flattenObject(values),
          message: described.message,
          fieldErrors: described.fieldErrors ?? {},
        } satisfies FormFailure);
      }
      error(described.httpStatus, described.message);
    }
    setFlash(event.cookies, { tone: 'success', textKey: 'pages.accessibility.form.received' });
    redirect(303, accessibilityPath);
  };
}
