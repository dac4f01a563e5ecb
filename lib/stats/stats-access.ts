import 'server-only';
import { authorize } from '@/lib/domain/access/authorize';
import type { AccessUser } from '@/lib/domain/access/rights';
import { hasStatus, NotFoundError } from '@/lib/domain/errors/app-error';
import { containerId, serviceId, stackId } from '@/lib/domain/rancher/resource-ids';
import type { RancherBackend, StatsTarget } from '@/lib/rancher/backend';
import { getStackOrNotShared } from '@/lib/stacks/visible-stacks';

/**
 * A container's statistics need `view` on its stack. Absent and not shared give the logs socket's
 * words. Opening a chart is no action, so nothing is recorded, a refusal included.
 */
export async function authorizeContainerStats(backend: RancherBackend, user: AccessUser, id: string): Promise<StatsTarget> {
  const notSharedContainer = new NotFoundError(`No container ${id} is shared with you.`);
  if (!containerId.safeParse(id).success) throw notSharedContainer;
  try {
    const container = await backend.getContainer(id);
    authorize(user, 'view', await getStackOrNotShared(backend, container.stackId));
    return { container };
  } catch (err) {
    throw hasStatus(err, 404) ? notSharedContainer : err;
  }
}

/** A service's statistics need `view` on the stack that holds it, as its page does. */
export async function authorizeServiceStats(backend: RancherBackend, user: AccessUser, stack: string, service: string): Promise<StatsTarget> {
  if (!stackId.safeParse(stack).success) throw new NotFoundError(`No stack ${stack} is shared with you.`);
  const detail = await getStackOrNotShared(backend, stack);
  authorize(user, 'view', detail);
  const found = serviceId.safeParse(service).success ? detail.services.find((s) => s.id === service) : undefined;
  if (!found) throw new NotFoundError(`No service ${service} in stack ${detail.name}.`);
  return { serviceId: found.id };
}
