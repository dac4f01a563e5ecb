import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { containerActionParams, emptyBody, restartContainer } from '@/lib/operations/service-actions';
import { containerView } from '@/lib/domain/stacks/stack-views';

export const POST = route<{ stackId: string; containerId: string }>(async (ctx) => {
  const { stackId, containerId } = containerActionParams.parse(ctx.params);
  const operation = await operationContextOf(ctx);
  await actionInput(operation, { action: 'container.restart', stackId, containerId }, async () => emptyBody.parse(await jsonBody(ctx.req)));
  const container = await restartContainer(operation, { stackId, containerId });
  return Response.json(containerView(container, container.environment), { status: 202 });
});
