// A school's concern report about a child (issue 5, DOMAIN.md §10): the child, school and class, guardians when
// known, what was observed, whether the guardians were told. The reporter is the signed-in account.
import { intakeFormPage } from '$lib/server/intake-form';

const page = intakeFormPage({
  action: 'concernReport.submit',
  source: 'school',
  submit: (caller, values) => caller.concernReport.submit(values),
});

export const load = page.load;
export const actions = page.actions;
