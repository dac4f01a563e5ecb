import { activityResponse, allActivity } from '@/lib/activity/activity-listing';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { route } from '@/lib/http/route';

export const GET = route(async ({ req, user }) => activityResponse(await allActivity({ store: await getAuditStore(), user, params: req.nextUrl.searchParams })));
