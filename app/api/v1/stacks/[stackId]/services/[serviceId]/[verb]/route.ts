import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { emptyBody, restartInput, runServiceVerb, serviceActionParams } from '@/lib/operations/service-actions';
import { serviceView } from '@/lib/domain/stacks/stack-views';
import { crashMemory } from '@/lib/stacks/crash-memory';

export const POST = route<{ stackId: string; serviceId: string; verb: string }>(async (ctx) => {
  const { stackId, serviceId, verb } = serviceActionParams.parse(ctx.params);
  const operation = await operationContextOf(ctx);
  // Only restart takes options (batch size, interval); the other verbs take an empty object.
  const restart = await actionInput(operation, { action: `service.${verb}`, stackId, serviceId }, async () => {
    const body = await jsonBody(ctx.req);
    if (verb === 'restart') return restartInput.parse(body);
    emptyBody.parse(body);
    return undefined;
  });
  const service = await runServiceVerb(operation, { stackId, serviceId, verb, restart });
  return Response.json(serviceView(service, crashMemory), { status: 202 });
});
