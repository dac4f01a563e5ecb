import { createHash } from 'node:crypto';
import { isoTime, newUuid, primaryLaunchConfig } from './record-factory';
import type { World } from './world';
import type { ContainerRecord, ContainerRuntime, HostRecord, Json, JsonObject, ServiceRecord, StackRecord } from './world-types';

/** A deployment unit keeps its index and uuid across upgrades, so the replacement keeps the name. */
export interface DeploymentUnit {
  index: number;
  uuid: string;
}

/** launchConfig fields the container does not take over: its own type, kind and version. */
const serverOwned = new Set(['type', 'kind', 'version']);
const notStarted = '0001-01-01T00:00:00Z';
/** Shared by every container without ports, volumes or capabilities; the simulator never mutates these lists. */
const none: Json[] = [];

/** `{stack}-{service}-{n}`, or `{stack}-{service}-{sidekick}-{n}` (rancher-api.md §3.3). Joined, so the string is flat. */
export function containerName(stack: StackRecord, service: ServiceRecord, launchConfigName: string, index: number): string {
  const parts = [stack.name, service.name, ...(launchConfigName === primaryLaunchConfig ? [] : [launchConfigName]), index];
  return parts.join('-');
}

function ipFor(id: string): string {
  const n = Number(id.replace(/^\D+/, ''));
  return ['10.42', (n >> 8) & 255, n & 255 || 1].join('.');
}

function rancherLabels(user: Json | undefined, own: Record<string, string>): Record<string, string> {
  const userLabels = user !== null && typeof user === 'object' && !Array.isArray(user) ? user : {};
  return Object.keys(userLabels).length === 0 ? own : Object.assign({}, userLabels as Record<string, string>, own);
}

/** A new container for one unit of a service, from the launchConfig it runs (rancher-api.md §3.3). */
export function createContainerRecord(
  world: World,
  input: { stack: StackRecord; service: ServiceRecord; launchConfig: JsonObject; launchConfigName: string; unit: DeploymentUnit; host: HostRecord },
  now: number,
): { container: ContainerRecord; runtime: ContainerRuntime } {
  const { stack, service, launchConfig: lc, launchConfigName, unit, host } = input;
  const id = world.nextId('i');
  const uuid = newUuid();
  const name = containerName(stack, service, launchConfigName, unit.index);
  const ip = ipFor(id);
  const stackService = [stack.name, service.name].join('/');
  const container: ContainerRecord = {
    id, type: 'container', baseType: 'instance', kind: 'container', name, description: null,
    state: 'creating', transitioning: 'no', transitioningMessage: null, transitioningProgress: null, accountId: stack.accountId,
    created: isoTime(now), createdTS: now, uuid, removed: null,
    hostId: host.id,
    imageUuid: String(lc.imageUuid),
    primaryIpAddress: ip,
    serviceIds: [service.id],
    stackId: stack.id,
    externalId: createHash('sha256').update(uuid).digest('hex'),
    labels: rancherLabels(lc.labels, {
      'io.rancher.stack.name': stack.name ?? '',
      'io.rancher.stack_service.name': stackService,
      'io.rancher.project.name': stack.name ?? '',
      'io.rancher.project_service.name': stackService,
      'io.rancher.service.deployment.unit': unit.uuid,
      'io.rancher.service.launch.config': launchConfigName,
      'io.rancher.container.uuid': uuid,
      'io.rancher.container.name': name,
      'io.rancher.container.ip': [ip, '/16'].join(''),
    }),
    environment: (lc.environment ?? {}) as JsonObject,
    command: lc.command ?? null,
    ports: lc.ports ?? none,
    dataVolumes: lc.dataVolumes ?? none,
    privileged: lc.privileged === true,
    networkMode: lc.networkMode ?? 'managed',
    publishAllPorts: lc.publishAllPorts === true,
    readOnly: lc.readOnly === true,
    startOnCreate: lc.startOnCreate !== false,
    stdinOpen: lc.stdinOpen === true,
    workingDir: lc.workingDir ?? null,
    entryPoint: lc.entryPoint ?? null,
    healthCheck: lc.healthCheck ?? null,
    secrets: lc.secrets ?? null,
    logConfig: lc.logConfig ?? null,
    capAdd: lc.capAdd ?? none,
    capDrop: lc.capDrop ?? none,
    user: typeof lc.user === 'string' ? lc.user : null,
    tty: lc.tty === true,
    startCount: 0,
    createIndex: unit.index,
    healthState: null,
    deploymentUnitUuid: unit.uuid,
    system: false,
    firstRunning: null,
    hostname: name,
    version: typeof lc.version === 'string' ? lc.version : '0',
    nativeContainer: false,
    data: { dockerInspect: { State: { Status: 'created', Running: false, Restarting: false, OOMKilled: false, ExitCode: 0, Error: '', StartedAt: notStarted, FinishedAt: notStarted } } },
  };
  // A container carries every launchConfig field; the rarer ones are added here.
  const rarer = Object.entries(lc).filter(([field]) => !(field in container) && !serverOwned.has(field));
  if (rarer.length > 0) Object.assign(container, Object.fromEntries(rarer));
  return { container, runtime: { serviceId: service.id, launchConfigName, startedAt: null, stoppedAt: null, previousRuns: [], lifecycle: null, nextSeq: 0 } };
}
