// /uppfoljning: the municipality's follow-up report for its unit managers (issue 8).
import { loadFollowUp } from '$lib/server/follow-up';

export const load = ({ locals, url }) => loadFollowUp(locals, url, 'municipality');
