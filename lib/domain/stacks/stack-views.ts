import { relationTo, rightsOn } from '@/lib/domain/access/authorize';
import type { AccessUser } from '@/lib/domain/access/rights';
import type { ContainerSummary, ServiceDetail, ServiceSummary, StackDetail, StackSummary, StackTags } from '@/lib/domain/rancher/types';
import { awaitingFinishState } from '@/lib/domain/rancher/transitional-state';
import type { ContainerView, StackListItem, StackView } from './stack-schemas';

function tagsView({ owner, staffOwner, group, staffGroup, fqdn, requires }: StackTags): StackListItem['tags'] {
  return { owner, staffOwner, group, staffGroup, fqdn, requires };
}

function serviceListView({ id, name, state, healthState, image, scale }: ServiceSummary) {
  return { id, name, state, healthState, image, scale };
}

/** The list entry of a stack the user may see, or null when it is not shared with them. */
export function stackListView(user: AccessUser, stack: StackSummary): StackListItem | null {
  const relation = relationTo(user, stack);
  if (relation === 'none') return null;
  return {
    id: stack.id,
    name: stack.name,
    state: stack.state,
    healthState: stack.healthState,
    tags: tagsView(stack.tags),
    services: stack.services.map(serviceListView),
    relation,
    isUntagged: !stack.tags.owner,
    hasUpgradeAwaitingFinish: stack.services.some((s) => s.state === awaitingFinishState),
  };
}

/** A service as the stack page and the action answers show it (no launchConfig: that is the upgrade form's). */
export function serviceView(service: ServiceDetail): StackView['services'][number] {
  return {
    ...serviceListView(service),
    transitioning: service.transitioning,
    transitioningMessage: service.transitioningMessage,
    upgradeInProgress: service.upgradeInProgress,
    allowedVerbs: service.allowedVerbs,
    createdAt: service.createdAt,
    containers: service.containers.map(containerView),
  };
}

export function containerView({ id, name, state, healthState, hostname, startCount, exitCode, createdAt }: ContainerSummary): ContainerView {
  return { id, name, state, healthState, hostname, startCount, exitCode, createdAt };
}

/** A stack page's data with the caller's rights; null when the stack is not shared with them. */
export function stackDetailView(user: AccessUser, stack: StackDetail): StackView | null {
  const listed = stackListView(user, { ...stack, services: stack.services });
  if (!listed) return null;
  return { ...listed, description: stack.description, services: stack.services.map(serviceView), rights: rightsOn(user, stack) };
}
