// GET /uppfoljning/region/export?…: an export of the regional report.
import { exportResponse } from '$lib/server/follow-up';

export const GET = ({ locals, url }) => exportResponse(locals, url, 'region');
