import 'server-only';
import { hasStatus, isAppError, NotFoundError } from '@/lib/domain/errors/app-error';
import { notShared } from '@/lib/domain/access/authorize';
import type { AccessUser } from '@/lib/domain/access/rights';
import type { EnvironmentListing, RancherBackend } from '@/lib/rancher/backend';
import type { EnvironmentStatus, ServiceDetailView, StackList, StackView } from '@/lib/domain/stacks/stack-schemas';
import { environmentView, serviceView, stackDetailView, stackListView } from '@/lib/domain/stacks/stack-views';
import { crashMemory, rememberServices } from './crash-memory';

/**
 * The stacks the user may see, by name, and the environments with whether each answered: one that did not
 * is reported as unavailable while the others are listed. Fails only when no environment answers.
 */
export async function listVisibleStacks(backend: RancherBackend, user: AccessUser): Promise<StackList> {
  const listings = await backend.listStacksByEnvironment();
  const failed = listings.find((l) => 'unavailable' in l);
  if (failed && 'unavailable' in failed && listings.every((l) => 'unavailable' in l)) throw failed.unavailable;
  for (const l of listings) if ('stacks' in l) rememberServices(l.stacks.flatMap((s) => s.services));
  const stacks = listings.flatMap((l) => ('stacks' in l ? l.stacks.flatMap((s) => stackListView(user, s, crashMemory) ?? []) : []));
  stacks.sort((a, b) => a.name.localeCompare(b.name));
  return { stacks, environments: listings.map(environmentStatus) };
}

/** The environments and whether each answered, for `GET /api/v1/environments` and the list's filter. */
export async function listEnvironments(backend: RancherBackend): Promise<{ environments: EnvironmentStatus[] }> {
  return { environments: (await backend.listStacksByEnvironment()).map(environmentStatus) };
}

function environmentStatus(listing: EnvironmentListing): EnvironmentStatus {
  const environment = environmentView(listing.environment);
  if (!('unavailable' in listing)) return { ...environment, available: true };
  // The problem is the domain error's own text (written for users), never Rancher's.
  const problem = isAppError(listing.unavailable) ? listing.unavailable.message : 'Rancher did not answer for this environment.';
  return { ...environment, available: false, problem };
}

/** One stack with services, containers and the user's rights; 404 when absent or not shared. */
export async function getVisibleStack(backend: RancherBackend, user: AccessUser, stackId: string): Promise<StackView> {
  const detail = await getStackOrNotShared(backend, stackId);
  rememberServices(detail.services);
  const view = stackDetailView(user, detail, crashMemory);
  if (!view) throw notShared(stackId);
  return view;
}

/** The stack, with Rancher's "not found" turned into the same answer as a stack that is not shared. */
export async function getStackOrNotShared(backend: RancherBackend, stackId: string) {
  try {
    return await backend.getStack(stackId);
  } catch (err) {
    if (hasStatus(err, 404)) throw notShared(stackId);
    throw err;
  }
}

/** A stack page's data plus one of its services with its launchConfig; 404 when absent or not shared. */
export async function getVisibleService(backend: RancherBackend, user: AccessUser, stackId: string, serviceId: string): Promise<{ stack: StackView; service: ServiceDetailView }> {
  const detail = await getStackOrNotShared(backend, stackId);
  rememberServices(detail.services);
  const stack = stackDetailView(user, detail, crashMemory);
  const service = detail.services.find((s) => s.id === serviceId);
  if (!stack) throw notShared(stackId);
  if (!service) throw new NotFoundError(`No service ${serviceId} in stack ${stack.name}.`);
  return {
    stack,
    service: {
      ...serviceView(service, crashMemory),
      launchConfig: service.launchConfig,
      previousLaunchConfig: service.previousLaunchConfig ?? null,
      revertibleLaunchConfig: service.revertibleLaunchConfig ?? null,
    },
  };
}
