// The probation service's referral (issue 5): release or supervision dates, the person's stated motivation,
// and the contact in the probation office.
import { intakeFormPage } from '$lib/server/intake-form';

const page = intakeFormPage({
  action: 'probationReferral.submit',
  source: 'probationService',
  submit: (caller, values) => caller.probationReferral.submit(values),
});

export const load = page.load;
export const actions = page.actions;
