import { jsonBody, route } from '@/lib/http/route';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { upgradeService } from '@/lib/operations/upgrade-service';
import { upgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { serviceView } from '@/lib/domain/stacks/stack-views';

export const POST = route<{ stackId: string; serviceId: string }>(async (ctx) => {
  const { stackId, serviceId } = serviceIdParam.parse(ctx.params);
  const upgrade = upgradeInput.parse(await jsonBody(ctx.req));
  const service = await upgradeService(await operationContextOf(ctx), { stackId, serviceId, upgrade });
  return Response.json(serviceView(service), { status: 202 });
});
