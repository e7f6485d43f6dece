// The running journal: write, edit while unsigned, sign, and amend a signed entry with a linked correction.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => ({
  journal: await loadOrError(locals.locale, () => callerFor(locals).case.journal({ caseId: params.id })),
});

export const actions = {
  write: caseAction('write', (c, v, e) => c.journal.write({ ...v, caseId: e.params.id! } as never), 'cases.journal.saved'),
  edit: caseAction('edit', (c, v) => c.journal.edit(v as never), 'cases.journal.saved'),
  sign: caseAction('sign', (c, v) => c.journal.sign(v as never), 'cases.journal.signedNotice'),
  amend: caseAction('amend', (c, v) => c.journal.amend(v as never), 'cases.journal.saved'),
};
