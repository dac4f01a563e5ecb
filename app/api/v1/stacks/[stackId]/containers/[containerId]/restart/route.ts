import { jsonBody, route } from '@/lib/http/route';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { containerActionParams, emptyBody, restartContainer } from '@/lib/operations/service-actions';
import { containerView } from '@/lib/stacks/stack-views';

export const POST = route<{ stackId: string; containerId: string }>(async (ctx) => {
  const { stackId, containerId } = containerActionParams.parse(ctx.params);
  emptyBody.parse(await jsonBody(ctx.req));
  const container = await restartContainer(await operationContextOf(ctx), { stackId, containerId });
  return Response.json(containerView(container, container.environment), { status: 202 });
});
