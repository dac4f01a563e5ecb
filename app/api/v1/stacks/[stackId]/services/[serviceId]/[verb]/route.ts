import { z } from 'zod';
import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { emptyBody, restartInput, runServiceVerb } from '@/lib/operations/service-actions';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { serviceActionVerbs } from '@/lib/domain/rancher/service-verbs';
import { serviceView } from '@/lib/domain/stacks/stack-views';
import { crashMemory } from '@/lib/stacks/crash-memory';

const params = serviceIdParam.extend({ verb: z.enum(serviceActionVerbs, 'expected stop, start, restart, finish-upgrade or rollback') });

export const POST = route<{ stackId: string; serviceId: string; verb: string }>(async (ctx) => {
  const { stackId, serviceId, verb } = params.parse(ctx.params);
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
