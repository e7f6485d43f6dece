// Runs an API call from a form action and turns its errors into what the form shows: field messages with
// the typed values kept (400), a conflict message (409), or SvelteKit's error page for 403/404.
import { error, fail, isRedirect, type ActionFailure } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describeError } from '@utvag/api';
import type { Locale } from '@utvag/i18n';

export interface FormFailure {
  values: Record<string, string>;
  message: string;
  fieldErrors: Record<string, string>;
}

export async function callFromForm<T>(
  locale: Locale,
  values: Record<string, string>,
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | ActionFailure<FormFailure>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (isRedirect(e) || !(e instanceof TRPCError)) throw e;
    const described = describeError(e, locale);
    if (described.httpStatus === 400 || described.httpStatus === 409) {
      return fail(described.httpStatus, { values, message: described.message, fieldErrors: described.fieldErrors ?? {} });
    }
    error(described.httpStatus, described.message);
  }
}

/** For load functions: an API error becomes SvelteKit's error page with the translated message. */
export async function loadOrError<T>(locale: Locale, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const described = describeError(e, locale);
    error(described.httpStatus, described.message);
  }
}
