import { route } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';
import { getVisibleStack } from '@/lib/stacks/visible-stacks';

export const GET = route<{ stackId: string }>(async ({ params, user }) => {
  const { stackId } = stackIdParam.parse(params);
  return Response.json(await getVisibleStack(rancherBackend(), user, stackId));
});
