// /uppfoljning/region: the regional view (issue 8), sums over the municipalities that share with the region, and
// recomputing a completed half-year's stored sums (issue 9; a plain POST form, so it works without JavaScript).
import { loadFollowUp, recomputeAction } from '$lib/server/follow-up';

export const load = ({ locals, url }) => loadFollowUp(locals, url, 'region');

export const actions = {
  recompute: ({ locals, request }) => recomputeAction(locals, request, 'region'),
};
