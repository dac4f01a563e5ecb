import { route } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { getVisibleService } from '@/lib/stacks/visible-stacks';

export const GET = route<{ stackId: string; serviceId: string }>(async ({ params, user }) => {
  const { stackId, serviceId } = serviceIdParam.parse(params);
  const { service } = await getVisibleService(rancherBackend(), user, stackId, serviceId);
  return Response.json(service);
});
