import { relationTo, rightsOn } from '@/lib/domain/access/authorize';
import type { AccessUser } from '@/lib/domain/access/rights';
import type { ContainerSummary, Environment, ServiceDetail, ServiceSummary, StackDetail, StackSummary, StackTags } from '@/lib/domain/rancher/types';
import { awaitingFinishState } from '@/lib/domain/rancher/transitional-state';
import type { ContainerView, EnvironmentView, StackListItem, StackView } from './stack-schemas';
import type { CrashVerdict } from './crash-loop';

/** What the portal remembers of services across reads (lib/stacks/crash-memory.ts); none for action answers. */
export interface CrashLookup {
  verdict(serviceId: string): CrashVerdict;
  lastExitCode(serviceId: string, containerId: string): number | null;
}

export const noCrashMemory: CrashLookup = {
  verdict: () => ({ crashLooping: false, restartsInWindow: 0, lastExitCode: null }),
  lastExitCode: () => null,
};

function tagsView({ owner, staffOwner, group, staffGroup, fqdn, requires }: StackTags): StackListItem['tags'] {
  return { owner, staffOwner, group, staffGroup, fqdn, requires };
}

export function environmentView({ id, name, production }: Environment): EnvironmentView {
  return { id, name, production };
}

function serviceListView({ id, name, state, healthState, image, scale }: ServiceSummary, environment: EnvironmentView, crash: CrashLookup) {
  const { crashLooping, restartsInWindow, lastExitCode } = crash.verdict(id);
  return { id, name, state, healthState, image, scale, environment, crashLoop: crashLooping ? { restartsInWindow, lastExitCode } : null };
}

/** The list entry of a stack the user may see, or null when it is not shared with them. */
export function stackListView(user: AccessUser, stack: StackSummary, crash: CrashLookup = noCrashMemory): StackListItem | null {
  const relation = relationTo(user, stack);
  if (relation === 'none') return null;
  const environment = environmentView(stack.environment);
  return {
    id: stack.id,
    name: stack.name,
    state: stack.state,
    healthState: stack.healthState,
    tags: tagsView(stack.tags),
    environment,
    services: stack.services.map((s) => serviceListView(s, environment, crash)),
    relation,
    isUntagged: !stack.tags.owner,
    hasUpgradeAwaitingFinish: stack.services.some((s) => s.state === awaitingFinishState),
  };
}

/** A service as the stack page and the action answers show it (no launchConfig: that is the upgrade form's). */
export function serviceView(service: ServiceDetail, crash: CrashLookup = noCrashMemory): StackView['services'][number] {
  const environment = environmentView(service.environment);
  return {
    ...serviceListView(service, environment, crash),
    transitioning: service.transitioning,
    transitioningMessage: service.transitioningMessage,
    upgradeInProgress: service.upgradeInProgress,
    allowedVerbs: service.allowedVerbs,
    createdAt: service.createdAt,
    containers: service.containers.map((c) => containerView(c, environment, crash.lastExitCode(service.id, c.id))),
  };
}

export function containerView(
  { id, name, state, healthState, hostname, startCount, exitCode, createdAt, image }: ContainerSummary,
  environment: Environment,
  rememberedExitCode: number | null = null,
): ContainerView {
  const lastExitCode = exitCode !== null && exitCode !== 0 ? exitCode : rememberedExitCode;
  return { id, name, state, healthState, hostname, startCount, exitCode, lastExitCode, image: image ?? null, createdAt, environment: environmentView(environment) };
}

/** A stack page's data with the caller's rights; null when the stack is not shared with them. */
export function stackDetailView(user: AccessUser, stack: StackDetail, crash: CrashLookup = noCrashMemory): StackView | null {
  const listed = stackListView(user, { ...stack, services: stack.services }, crash);
  if (!listed) return null;
  return { ...listed, description: stack.description, services: stack.services.map((s) => serviceView(s, crash)), rights: rightsOn(user, stack) };
}
