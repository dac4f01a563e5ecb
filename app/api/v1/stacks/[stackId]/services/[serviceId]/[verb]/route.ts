import { z } from 'zod';
import { jsonBody, route } from '@/lib/http/route';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { emptyBody, restartInput, runServiceVerb } from '@/lib/operations/service-actions';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { serviceActionVerbs } from '@/lib/domain/rancher/service-verbs';
import { serviceView } from '@/lib/domain/stacks/stack-views';

const params = serviceIdParam.extend({ verb: z.enum(serviceActionVerbs, 'expected stop, start, restart, finish-upgrade or rollback') });

export const POST = route<{ stackId: string; serviceId: string; verb: string }>(async (ctx) => {
  const { stackId, serviceId, verb } = params.parse(ctx.params);
  const body = await jsonBody(ctx.req);
  // Only restart takes options (batch size, interval); the other verbs take an empty object.
  const restart = verb === 'restart' ? restartInput.parse(body) : undefined;
  if (verb !== 'restart') emptyBody.parse(body);
  const service = await runServiceVerb(await operationContextOf(ctx), { stackId, serviceId, verb, restart });
  return Response.json(serviceView(service), { status: 202 });
});
