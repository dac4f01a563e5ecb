import 'server-only';
import { z } from 'zod';
import { ConflictError } from '@/lib/domain/errors/app-error';
import type { ContainerDetail, ServiceDetail } from '@/lib/domain/rancher/types';
import { auditedOperation, type OperationTarget } from './audited-operation';
import type { OperationContext } from './operation-context';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

export const serviceVerbs = ['stop', 'start', 'restart', 'finish-upgrade', 'rollback'] as const;
export type ServiceVerb = (typeof serviceVerbs)[number];

/** Rolling restart options; Rancher's own defaults are one container at a time, 2 s apart. */
export const restartInput = z
  .object({
    batchSize: z.number().int().min(1).max(100).optional(),
    intervalMillis: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();
export type RestartInput = z.infer<typeof restartInput>;

/** The body of actions that take no options. */
export const emptyBody = z.object({}).strict();

export const serviceActionParams = z.object({
  stackId: z.string().regex(/^1st\d+$/, 'expected a Rancher stack id such as 1st5'),
  serviceId: z.string().regex(/^1s\d+$/, 'expected a Rancher service id such as 1s12'),
});
export const containerActionParams = z.object({
  stackId: serviceActionParams.shape.stackId,
  containerId: z.string().regex(/^1i\d+$/, 'expected a Rancher container id such as 1i345'),
});

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

const auditActions = {
  stop: 'service.stop',
  start: 'service.start',
  restart: 'service.restart',
  'finish-upgrade': 'service.finish-upgrade',
  rollback: 'service.rollback',
} as const;

/** Stop, start, rolling restart, finish or roll back an upgrade: 202 with the service in its transitional state. */
export function runServiceVerb(
  ctx: OperationContext,
  input: { stackId: string; serviceId: string; verb: ServiceVerb; restart?: RestartInput },
): Promise<ServiceDetail> {
  const { backend } = ctx;
  const right = input.verb === 'finish-upgrade' || input.verb === 'rollback' ? 'upgrade' : 'operate';
  return auditedOperation(ctx, {
    action: auditActions[input.verb],
    right,
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
