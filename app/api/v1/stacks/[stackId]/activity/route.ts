import { activityResponse, stackActivity } from '@/lib/activity/activity-listing';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { env } from '@/lib/config/env';
import { route } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';

export const GET = route<{ stackId: string }>(async ({ req, params, user }) => {
  const { stackId } = stackIdParam.parse(params);
  const productionProjectIds = env().RANCHER_PRODUCTION_PROJECT_IDS;
  return activityResponse(await stackActivity({ backend: rancherBackend(), store: await getAuditStore(), user, stackId, params: req.nextUrl.searchParams, productionProjectIds }));
});
