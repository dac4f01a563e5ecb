import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { upgradeService } from '@/lib/operations/upgrade-service';
import { upgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { serviceView } from '@/lib/domain/stacks/stack-views';

export const POST = route<{ stackId: string; serviceId: string }>(async (ctx) => {
  const { stackId, serviceId } = serviceIdParam.parse(ctx.params);
  const operation = await operationContextOf(ctx);
  const upgrade = await actionInput(operation, { action: 'service.upgrade', stackId, serviceId }, async () => upgradeInput.parse(await jsonBody(ctx.req)));
  const service = await upgradeService(operation, { stackId, serviceId, upgrade });
  return Response.json(serviceView(service), { status: 202 });
});
