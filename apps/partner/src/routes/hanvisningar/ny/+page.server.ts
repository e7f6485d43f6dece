// The police referral form; the probation service and schools have forms of their own (lib/forms.ts).
import { intakeFormPage } from '$lib/server/intake-form';

const page = intakeFormPage({
  action: 'referral.submit',
  source: 'police',
  submit: (caller, values) => caller.referral.submit(values),
});

export const load = page.load;
export const actions = page.actions;
