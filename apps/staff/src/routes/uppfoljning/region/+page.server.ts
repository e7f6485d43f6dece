// /uppfoljning/region: the regional view (issue 8), sums over the municipalities that share with the region.
import { loadFollowUp } from '$lib/server/follow-up';

export const load = ({ locals, url }) => loadFollowUp(locals, url, 'region');
