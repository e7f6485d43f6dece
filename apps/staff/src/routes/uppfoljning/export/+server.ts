// GET /uppfoljning/export?format=csv|xlsx|pdf&table=…&from=…&to=…: an export of the municipality's report.
import { exportResponse } from '$lib/server/follow-up';

export const GET = ({ locals, url }) => exportResponse(locals, url, 'municipality');
