// Intake (issue 5 item 6): the signed-in staff member's own drafts of the intake form, and the way to a new one.
// The list says when and how an item came in, never the person typed into the draft.
import { error } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { draftRetentionDays } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'intakeDraft.read')) {
    error(403, getTranslator(locals.locale)('intakeDrafts.drafts.notAllowed'));
  }
  const drafts = await loadOrError(locals.locale, () => callerFor(locals).intake.draft.list());
  return { drafts: drafts.items, retentionDays: draftRetentionDays };
};
