import 'server-only';
import { authorize } from '@/lib/domain/access/authorize';
import type { Right } from '@/lib/domain/access/rights';
import type { AuditAction } from '@/lib/domain/audit/audit-event';
import { hasStatus, NotFoundError } from '@/lib/domain/errors/app-error';
import { containerId } from '@/lib/domain/rancher/resource-ids';
import type { ContainerDetail, StackDetail } from '@/lib/domain/rancher/types';
import { getStackOrNotShared } from '@/lib/stacks/visible-stacks';
import { auditActor, auditEnvironment, recordUnsentAttempt } from './audited-operation';
import type { OperationContext } from './operation-context';

export interface ContainerAccess {
  container: ContainerDetail;
  stack: StackDetail;
  serviceName: string | null;
}

/**
 * Who may open a container's logs or shell: the container's stack decides, as for every other action.
 * A container that does not exist answers exactly like one on a stack that is not shared (404); a
 * refusal is recorded as a denied `action`, and Rancher down at the lookup as a failed one.
 */
export async function authorizeContainer(ctx: OperationContext, id: string, right: Right, action: AuditAction): Promise<ContainerAccess> {
  let stack: StackDetail | undefined;
  try {
    if (!containerId.safeParse(id).success) throw notSharedContainer(id);
    const container = await ctx.backend.getContainer(id);
    stack = await getStackOrNotShared(ctx.backend, container.stackId);
    authorize(ctx.user, right, stack);
    const serviceName = stack.services.find((s) => s.id === container.serviceId)?.name ?? null;
    return { container, stack, serviceName };
  } catch (err) {
    const attempt = { ...auditActor(ctx), action, containerId: id, ...(stack ? auditEnvironment(stack) : {}) };
    await recordUnsentAttempt(ctx, attempt, err);
    // Absent, or on a stack that is not shared: the same words either way.
    throw hasStatus(err, 404) ? notSharedContainer(id) : err;
  }
}

function notSharedContainer(id: string): NotFoundError {
  return new NotFoundError(`No container ${id} is shared with you.`);
}
