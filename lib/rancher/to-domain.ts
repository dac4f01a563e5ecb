import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import type { ContainerWire, HostWire, ServiceItemWire, ServiceWire, StackItemWire, StackWire } from './schemas';
import { parseStackTags } from '@/lib/domain/rancher/stack-tags';
import { rancherActions, serviceVerbs, type ServiceVerb } from '@/lib/domain/rancher/service-verbs';
import type { ContainerDetail, ContainerSummary, Environment, ServiceDetail, ServiceSummary, StackDetail, StackSummary } from '@/lib/domain/rancher/types';

const upgradeStates = new Set(['upgrading', 'upgraded', 'finishing-upgrade', 'rolling-back', 'canceling-upgrade', 'canceled-upgrade']);

function imageOf(launchConfig: { imageUuid?: string | null } | null | undefined): string {
  return launchConfig?.imageUuid?.replace(/^docker:/, '') ?? '';
}

export function toServiceSummary(service: ServiceItemWire): ServiceSummary {
  return {
    id: service.id,
    stackId: service.stackId,
    name: service.name,
    state: service.state,
    healthState: service.healthState,
    image: imageOf(service.launchConfig),
    scale: service.scale ?? 1,
  };
}

export function toStackSummary(stack: StackItemWire, services: ServiceSummary[], environment: Environment): StackSummary {
  return { id: stack.id, name: stack.name, state: stack.state, healthState: stack.healthState, tags: parseStackTags(stack.group), environment, services };
}

/** Host ids to host names, for the `hostname` of containers. */
export type HostNames = ReadonlyMap<string, string>;

export function toContainerSummary(container: ContainerWire, hosts: HostNames): ContainerSummary {
  const run = container.data?.dockerInspect?.State;
  const isRunning = run?.Running ?? container.state === 'running';
  const serviceId = container.serviceIds?.[0];
  return {
    id: container.id,
    ...(serviceId ? { serviceId } : {}),
    name: container.name ?? container.id,
    state: container.state,
    healthState: container.healthState,
    hostname: container.hostId ? (hosts.get(container.hostId) ?? null) : null,
    startCount: container.startCount ?? 0,
    exitCode: isRunning || run?.ExitCode === undefined || (container.startCount ?? 0) === 0 ? null : run.ExitCode,
    createdAt: container.created,
    ...(container.imageUuid ? { image: imageOf(container) } : {}),
  };
}

export function toContainerDetail(container: ContainerWire, hosts: HostNames, environment: Environment): ContainerDetail {
  return {
    ...toContainerSummary(container, hosts),
    stackId: container.stackId ?? '',
    environment,
    transitioning: container.transitioning,
    transitioningMessage: container.transitioningMessage,
  };
}

export function hostNames(hosts: HostWire[]): HostNames {
  return new Map(hosts.map((h) => [h.id, h.hostname ?? h.name ?? h.id]));
}

function allowedVerbs(actions: Record<string, string | null>): ServiceVerb[] {
  return serviceVerbs.filter((verb) => Boolean(actions[rancherActions[verb]]));
}

export function toServiceDetail(service: ServiceWire, containers: ContainerSummary[], environment: Environment): ServiceDetail {
  const previous = service.upgrade?.inServiceStrategy?.previousLaunchConfig;
  const isUpgrading = upgradeStates.has(service.state);
  return {
    ...toServiceSummary(service),
    environment,
    launchConfig: service.launchConfig ?? null,
    // Rancher keeps the previous config after a finish: while an upgrade is open it is what a rollback
    // restores; after a finish, what "revert to the previous version" offers (unless a rollback made it current).
    ...(previous && isUpgrading ? { previousLaunchConfig: previous } : {}),
    ...(previous && !isUpgrading && !isDeepStrictEqual(previous, service.launchConfig) ? { revertibleLaunchConfig: previous } : {}),
    containers,
    transitioning: service.transitioning,
    transitioningMessage: service.transitioningMessage,
    allowedVerbs: allowedVerbs(service.actions),
    upgradeInProgress: isUpgrading,
    createdAt: service.created,
  };
}

export function toStackDetail(stack: StackWire, services: ServiceDetail[], environment: Environment): StackDetail {
  return {
    id: stack.id,
    name: stack.name,
    state: stack.state,
    healthState: stack.healthState,
    tags: parseStackTags(stack.group),
    environment,
    description: stack.description,
    services,
  };
}
