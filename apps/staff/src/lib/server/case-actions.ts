// Form actions of the case pages: call the API with the posted values; on success set the one-time flash message
// and redirect back to the page (post, redirect, get); on failure keep the values and say which form failed,
// since one page holds several forms.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { callFromForm, setFlash } from '@utvag/portal-kit/server';
import { flattenObject, formToObject, type FormObject } from '@utvag/portal-kit';
import { callerFor } from './portal';

type Caller = ReturnType<typeof callerFor>;

/** The form's name (echoed on failure) and, for groups of checkboxes, the names posted many times. */
export type CaseForm = string | { name: string; arrays: readonly string[] };

export function caseAction<T>(
  spec: CaseForm,
  call: (caller: Caller, values: FormObject, event: RequestEvent) => Promise<T>,
  /** The i18n key of the message shown after success (may depend on the result). */
  done: string | ((result: T) => string),
  /** Where to go after success; the same page by default. */
  to: (event: RequestEvent) => string = (event) => event.url.pathname,
) {
  const form = typeof spec === 'string' ? spec : spec.name;
  const arrays = typeof spec === 'string' ? [] : spec.arrays;
  return async (event: RequestEvent) => {
    const values = formToObject(await event.request.formData(), { arrays });
    const result = await callFromForm(event.locals.locale, flattenObject(values), () => call(callerFor(event.locals), values, event));
    if ('ok' in result && result.ok === true) {
      setFlash(event.cookies, { tone: 'success', textKey: typeof done === 'string' ? done : done(result.value) });
      redirect(303, to(event));
    }
    const failure = result as Exclude<typeof result, { ok: true }>;
    return fail(failure.status, { ...failure.data, form });
  };
}
