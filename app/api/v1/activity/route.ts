import { activityResponse, allActivity } from '@/lib/activity/activity-listing';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { env } from '@/lib/config/env';
import { route } from '@/lib/http/route';

export const GET = route(async ({ req, user }) =>
  activityResponse(await allActivity({ store: await getAuditStore(), user, params: req.nextUrl.searchParams, productionProjectIds: env().RANCHER_PRODUCTION_PROJECT_IDS })),
);
