import { isAllowed } from '@utvag/api';
import { layoutData, unreadNotifications } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

/** Pages that read the unread count in their own transaction and return it as `unreadNotifications` (issue 9). */
const countedByPage = new Set(['/']);

export const load = async ({ locals, url, cookies, route }) => ({
  ...layoutData(locals, url, cookies),
  /** The header's notification link carries the unread count (issue 5); +layout.svelte reads it from page.data,
   * where a page that counted it itself (the inbox) overrides this null. */
  unreadNotifications: countedByPage.has(route.id ?? '') ? null : await unreadNotifications(locals, () => callerFor(locals)),
  /** The accessibility reports page is in the navigation only for roles that may list the reports. */
  canSeeAccessibilityReports: locals.user ? isAllowed(locals.user.role, 'accessibilityReport.list') : false,
  canSeeCases: locals.user ? isAllowed(locals.user.role, 'case.list') : false,
  canReviewLog: locals.user ? isAllowed(locals.user.role, 'logReview.read') : false,
  canSeeRetention: locals.user ? isAllowed(locals.user.role, 'retention.read') : false,
  /** Follow-up (issue 8): the municipality's report for managers, the regional view for regional accounts. */
  canSeeFollowUp: locals.user ? isAllowed(locals.user.role, 'followUpReport.read') : false,
  canSeeRegionalFollowUp: locals.user ? isAllowed(locals.user.role, 'regionalReport.read') : false,
  /** The budget page (issue 7) is for the roles that may read budgets. */
  canSeeBudget: locals.user ? isAllowed(locals.user.role, 'budget.read') : false,
  /** The catalogue page is linked for those who keep it; case staff meet the catalogue when adding an intervention. */
  canManageCatalogue: locals.user ? isAllowed(locals.user.role, 'interventionCatalogue.manage') : false,
  /** Incoming transfer requests (issue 6 item 9): those who answer them. */
  canSeeTransfers: locals.user ? isAllowed(locals.user.role, 'transfer.listIncoming') : false,
});
