import 'server-only';
import { authorize } from '@/lib/domain/access/authorize';
import type { Right } from '@/lib/domain/access/rights';
import type { AuditAction, AuditIntent, AuditRecord } from '@/lib/domain/audit/audit-event';
import { hasStatus, isAppError, NotFoundError, UnavailableError } from '@/lib/domain/errors/app-error';
import { ZodError } from 'zod';
import { isNoAnswer } from '@/lib/rancher/errors';
import type { ServiceDetail, StackDetail } from '@/lib/domain/rancher/types';
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

/** Who acts, from where, as every audit row of an operation records it. */
export function auditActor(ctx: OperationContext) {
  return { actor: ctx.user.uid, clientAddress: ctx.clientAddress, userAgent: ctx.userAgent, requestId: ctx.requestId, tokenId: ctx.tokenId ?? null };
}

/** The Rancher environment an audit row names: the one of the stack acted on. */
export function auditEnvironment(stack: Pick<StackDetail, 'environment'>) {
  return { environmentId: stack.environment.id, environmentName: stack.environment.name };
}

/** What the audit row's `code` says of a failure: Rancher's code (or the transport's) when there is one. */
export function auditCodeOf(err: unknown): string {
  if (isAppError(err)) {
    const rancher = (err as { rancher?: { code?: string } }).rancher;
    return rancher?.code ?? err.type;
  }
  return err instanceof ZodError || hasStatus(err, 400) ? 'invalid-input' : 'internal-error';
}

/**
 * Records an attempt that ended before its change was sent: `denied` when access was refused (403, 404),
 * else `failed` with the error's code (a state conflict, Rancher down at the lookup), so no attempt goes
 * unrecorded.
 */
export async function recordUnsentAttempt(ctx: OperationContext, attempt: Omit<AuditRecord, 'outcome' | 'code'>, err: unknown): Promise<void> {
  const denied = hasStatus(err, 403) || hasStatus(err, 404);
  await ctx.audit.record({ ...attempt, outcome: denied ? 'denied' : 'failed', code: denied ? err.type : auditCodeOf(err) });
  ctx.log.info({ action: attempt.action, stackId: attempt.stackId, containerId: attempt.containerId, code: auditCodeOf(err) }, denied ? 'operation denied' : 'operation failed before it was sent');
}

/**
 * Reads an action's input (path and body). Input the portal refuses is recorded as a failed attempt, who
 * tried what where, before the 400 goes out: the fields an owner may not send are the interesting ones.
 */
export async function actionInput<T>(
  ctx: OperationContext,
  attempt: { action: AuditAction; stackId: string; serviceId?: string; containerId?: string },
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const who = auditActor(ctx);
    await recordUnsentAttempt(ctx, { ...who, action: attempt.action, stackId: attempt.stackId, serviceId: attempt.serviceId ?? null, containerId: attempt.containerId ?? null }, err);
    throw err;
  }
}

/**
 * The shape of every action on a stack: find the target, authorize, check the state, write the intent,
 * call Rancher, complete the record. An attempt that ends before the intent is recorded too (`denied`
 * for access, `failed` for a state conflict or Rancher down at the lookup). The intent is written before
 * Rancher is called, so a crash in between leaves a visible `unknown` outcome, and a change Rancher did
 * not answer in time is completed as `unknown` too: it may have been made.
 */
export async function auditedOperation<T>(ctx: OperationContext, spec: OperationSpec<T>): Promise<T> {
  const who = { ...auditActor(ctx), action: spec.action };
  const where = { stackId: spec.stackId, serviceId: spec.serviceId ?? null, containerId: spec.containerId ?? null };

  let target: OperationTarget;
  let stack: StackDetail | undefined;
  try {
    stack = await getStackOrNotShared(ctx.backend, spec.stackId);
    authorize(ctx.user, spec.right, stack);
    target = { stack, ...locate(stack, spec) };
  } catch (err) {
    await recordUnsentAttempt(ctx, { ...who, ...where, ...(stack ? auditEnvironment(stack) : {}) }, err);
    throw err;
  }

  const named = {
    ...where,
    ...auditEnvironment(target.stack),
    stackName: target.stack.name,
    serviceName: target.service?.name ?? null,
    containerName: target.container?.name ?? null,
  };
  try {
    spec.precondition?.(target);
  } catch (err) {
    await recordUnsentAttempt(ctx, { ...who, ...named }, err);
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
    if (isNoAnswer(err)) {
      await intent.unresolved({ code: auditCodeOf(err) });
      ctx.log.warn({ action: spec.action, stackId: spec.stackId, serviceId: spec.serviceId, containerId: spec.containerId, code: auditCodeOf(err) }, 'operation outcome unknown');
      throw new OutcomeUnknownError(spec.action, target.container?.name ?? target.service?.name ?? target.stack.name);
    }
    await intent.complete({ outcome: 'failed', code: auditCodeOf(err) });
    throw err;
  }
}

const requested: Partial<Record<AuditAction, string>> = {
  'service.stop': 'stop',
  'service.start': 'start',
  'service.restart': 'restart',
  'service.upgrade': 'upgrade',
  'service.finish-upgrade': 'finish the upgrade of',
  'service.rollback': 'roll back',
  'container.restart': 'restart',
};

/** The request may have reached Rancher but no answer came back: the person is told it may have happened, not that it failed. */
export class OutcomeUnknownError extends UnavailableError {
  constructor(action: AuditAction, name: string) {
    super(
      `Rancher did not answer the request to ${requested[action] ?? 'change'} ${name} in time, so it may or may not have been done. Check its state before trying again.`,
      { outcome: 'unknown' },
    );
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
