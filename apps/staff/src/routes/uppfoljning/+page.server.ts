// /uppfoljning: the municipality's follow-up report for its unit managers (issue 8), and recomputing a completed
// half-year's stored figures (issue 9; a plain POST form, so it works without JavaScript).
import { loadFollowUp, recomputeAction } from '$lib/server/follow-up';

export const load = ({ locals, url }) => loadFollowUp(locals, url, 'municipality');

export const actions = {
  recompute: ({ locals, request }) => recomputeAction(locals, request, 'municipality'),
};
