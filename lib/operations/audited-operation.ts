import 'server-only';
import { authorize } from '@/lib/access/authorize';
import type { Right } from '@/lib/access/rights';
import type { AuditAction, AuditIntent } from '@/lib/audit/audit-event';
import { hasStatus, isAppError, NotFoundError } from '@/lib/errors/app-error';
import type { ServiceDetail, StackDetail } from '@/lib/rancher/types';
import { getStackOrNotShared } from '@/lib/stacks/visible-stacks';
import type { OperationContext } from './operation-context';

export interface OperationTarget {
  stack: StackDetail;
  service?: ServiceDetail;
  container?: ServiceDetail['containers'][number];
}

interface OperationSpec<T> {
  action: AuditAction;
  right: Right;
  stackId: string;
  serviceId?: string;
  containerId?: string;
  /** Refuses before anything is sent (e.g. 409 while the service is transitioning); recorded as failed. */
  precondition?: (target: OperationTarget) => void;
  /** What the audit row keeps besides who and where (an upgrade's diff). */
  details?: (target: OperationTarget) => AuditIntent['details'];
  run: (target: OperationTarget) => Promise<T>;
}

function codeOf(err: unknown): string {
  if (isAppError(err)) {
    const rancher = (err as { rancher?: { code?: string } }).rancher;
    return rancher?.code ?? err.type;
  }
  return 'internal-error';
}

/**
 * The shape of every action on a stack: find the target, authorize, check the state, write the intent,
 * call Rancher, complete the record. A refusal at any step is recorded too (`denied` for access,
 * `failed` for a state conflict), and the intent is written before Rancher is called, so a crash in
 * between leaves a visible `unknown` outcome.
 */
export async function auditedOperation<T>(ctx: OperationContext, spec: OperationSpec<T>): Promise<T> {
  const who = { actor: ctx.user.uid, clientAddress: ctx.clientAddress, userAgent: ctx.userAgent, requestId: ctx.requestId, action: spec.action };
  const where = { stackId: spec.stackId, serviceId: spec.serviceId ?? null, containerId: spec.containerId ?? null };

  let target: OperationTarget;
  try {
    const stack = await getStackOrNotShared(ctx.backend, spec.stackId);
    authorize(ctx.user, spec.right, stack);
    target = { stack, ...locate(stack, spec) };
  } catch (err) {
    if (hasStatus(err, 403) || hasStatus(err, 404)) {
      await ctx.audit.record({ ...who, ...where, outcome: 'denied', code: err.type });
      ctx.log.info({ action: spec.action, stackId: spec.stackId, status: err.status }, 'operation denied');
    }
    throw err;
  }

  const named = {
    ...where,
    stackName: target.stack.name,
    serviceName: target.service?.name ?? null,
    containerName: target.container?.name ?? null,
  };
  try {
    spec.precondition?.(target);
  } catch (err) {
    await ctx.audit.record({ ...who, ...named, outcome: 'failed', code: codeOf(err) });
    throw err;
  }

  const details = spec.details?.(target);
  const intent = await ctx.audit.begin({ ...who, ...named, details });
  try {
    const result = await spec.run(target);
    await intent.complete({ outcome: 'ok' });
    ctx.log.info({ action: spec.action, stackId: spec.stackId, serviceId: spec.serviceId, containerId: spec.containerId }, 'operation accepted');
    return result;
  } catch (err) {
    await intent.complete({ outcome: 'failed', code: codeOf(err) });
    throw err;
  }
}

/** The service (and container) named in the path must belong to the stack in the path: anything else is 404. */
function locate(stack: StackDetail, spec: { serviceId?: string; containerId?: string }): Omit<OperationTarget, 'stack'> {
  if (spec.containerId) {
    for (const service of stack.services) {
      const container = service.containers.find((c) => c.id === spec.containerId);
      if (container) return { service, container };
    }
    throw new NotFoundError(`No container ${spec.containerId} in stack ${stack.name}.`);
  }
  if (spec.serviceId) {
    const service = stack.services.find((s) => s.id === spec.serviceId);
    if (!service) throw new NotFoundError(`No service ${spec.serviceId} in stack ${stack.name}.`);
    return { service };
  }
  return {};
}
