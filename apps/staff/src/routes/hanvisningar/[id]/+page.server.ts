// One referral: triage, the clock-stopping events, assignment and person matching, each a plain form post
// (works without JavaScript). A failed post returns which form it came from, so only that form shows errors.
import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { formToObject, flattenObject } from '@utvag/portal-kit';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => {
  const role = locals.user?.role;
  const may = (action: Parameters<typeof isAllowed>[1]) => (role ? isAllowed(role, action) : false);
  const caller = callerFor(locals);
  const referral = await loadOrError(locals.locale, () => caller.referral.get({ id: params.id }));
  const canMatch = may('person.match');
  const [directory, matches] = await Promise.all([
    loadOrError(locals.locale, () => caller.directory.list()),
    canMatch ? loadOrError(locals.locale, () => caller.referral.matches({ id: params.id })) : null,
  ]);
  return {
    referral,
    directory,
    matches: matches?.candidates ?? null,
    canTriage: may('referral.triage'),
    canRecord: may('referral.recordClockEvent'),
    canAssign: may('referral.assign'),
    canLink: may('referral.linkPerson'),
    canReject: may('referral.rejectMatch'),
  };
};

type FormName = 'triage' | 'event' | 'assign' | 'link' | 'reject';
/** Where the page lands after a post (the form's section) and the one-time message that says what happened. */
const anchorOf: Record<FormName, string> = { triage: 'triage', event: 'events', assign: 'assignment', link: 'matching', reject: 'matching' };
const doneKey: Record<FormName, string> = {
  triage: 'staff.referral.decided',
  event: 'followUp.events.recorded',
  assign: 'followUp.assignment.saved',
  link: 'followUp.matching.linked',
  reject: 'intakeDrafts.rejectMatch.rejected',
};

/** Runs one form's call; on success back to the page with a notice, on failure the form's name with the errors. */
async function act(event: { locals: App.Locals; params: { id: string }; request: Request; cookies: Cookies }, name: FormName) {
  const { locals, params, request, cookies } = event;
  const values = formToObject(await request.formData());
  const caller = callerFor(locals);
  const input = { ...values, referralId: params.id } as never;
  const calls: Record<FormName, () => Promise<unknown>> = {
    triage: () => caller.referral.triage(input),
    event: () => caller.referral.recordClockEvent(input),
    assign: () => caller.referral.assign(input),
    link: () => caller.referral.linkPerson(input),
    reject: () => caller.referral.rejectMatch(input),
  };
  const result = await callFromForm(locals.locale, flattenObject(values), calls[name]);
  if ('status' in result) return fail(result.status, { ...result.data, form: name });
  setFlash(cookies, { tone: 'success', textKey: doneKey[name] });
  redirect(303, `/hanvisningar/${params.id}#${anchorOf[name]}`);
}

export const actions = {
  triage: (event) => act(event, 'triage'),
  event: (event) => act(event, 'event'),
  assign: (event) => act(event, 'assign'),
  link: (event) => act(event, 'link'),
  reject: (event) => act(event, 'reject'),
};
