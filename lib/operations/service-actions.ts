import 'server-only';
import { z } from 'zod';
import { ConflictError } from '@/lib/domain/errors/app-error';
import type { ContainerDetail, ServiceDetail } from '@/lib/domain/rancher/types';
import { auditedOperation, type OperationTarget } from './audited-operation';
import type { OperationContext } from './operation-context';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { rightFor, serviceActionVerbs, type ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { containerId, stackId } from '@/lib/domain/rancher/resource-ids';
import { rolloutOptions } from '@/lib/domain/rancher/rollout-options';

/** Rolling restart options; Rancher's own defaults are one container at a time, 2 s apart. */
export const restartInput = rolloutOptions.strict();
export type RestartInput = z.infer<typeof restartInput>;

/** The body of actions that take no options. */
export const emptyBody = z.object({}).strict();

export const containerActionParams = z.object({ stackId, containerId });

/** `POST …/services/{serviceId}/{verb}`: the verbs with a route of their own (an upgrade has its form). */
export const serviceActionParams = serviceIdParam.extend({ verb: z.enum(serviceActionVerbs, 'expected stop, start, restart, finish-upgrade or rollback') });

const gerunds: Record<string, string> = {
  activating: 'starting',
  deactivating: 'stopping',
  restarting: 'restarting',
  upgrading: 'upgrading',
  'finishing-upgrade': 'finishing its upgrade',
  'rolling-back': 'rolling back',
  removing: 'being removed',
};

/** A second click while the service moves gets a 409 that says what it is doing, not a second action. */
function notWhileTransitioning({ service }: OperationTarget): void {
  if (service?.transitioning === 'yes') {
    const doing = gerunds[service.state] ?? service.state;
    throw new ConflictError(`${service.name} is already ${doing}; wait until it settles.`, { serviceState: service.state });
  }
}

/** Stop, start, rolling restart, finish or roll back an upgrade: 202 with the service in its transitional state. */
export function runServiceVerb(
  ctx: OperationContext,
  input: { stackId: string; serviceId: string; verb: ServiceActionVerb; restart?: RestartInput },
): Promise<ServiceDetail> {
  const { backend } = ctx;
  return auditedOperation(ctx, {
    action: `service.${input.verb}`,
    right: rightFor(input.verb),
    stackId: input.stackId,
    serviceId: input.serviceId,
    precondition: notWhileTransitioning,
    details: () => (input.restart && Object.keys(input.restart).length > 0 ? { rolling: { ...input.restart } } : undefined),
    run: () => {
      switch (input.verb) {
        case 'finish-upgrade':
          return backend.finishUpgrade(input.serviceId);
        case 'rollback':
          return backend.rollback(input.serviceId);
        case 'restart':
          return backend.serviceAction(input.serviceId, 'restart', input.restart);
        default:
          return backend.serviceAction(input.serviceId, input.verb);
      }
    },
  });
}

/** Restarts one container of a stack: 202 with the container restarting. */
export function restartContainer(ctx: OperationContext, input: { stackId: string; containerId: string }): Promise<ContainerDetail> {
  return auditedOperation(ctx, {
    action: 'container.restart',
    right: 'operate',
    stackId: input.stackId,
    containerId: input.containerId,
    precondition: ({ container }) => {
      if (container && isTransitional(container.state)) throw new ConflictError(`${container.name} is already ${container.state}; wait until it settles.`);
    },
    run: () => ctx.backend.restartContainer(input.containerId),
  });
}
