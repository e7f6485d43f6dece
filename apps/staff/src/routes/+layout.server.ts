import { isAllowed } from '@utvag/api';
import { layoutData } from '@utvag/portal-kit/server';

export const load = ({ locals, url }) => ({
  ...layoutData(locals, url),
  /** The accessibility reports page is in the navigation only for roles that may list the reports. */
  canSeeAccessibilityReports: locals.user ? isAllowed(locals.user.role, 'accessibilityReport.list') : false,
});
