import { randomUUID } from 'node:crypto';
import type { World } from './world';
import type { BaseRecord, HostRecord, JsonObject, ServiceRecord, ServiceType, StackRecord } from './world-types';

// Stacks, services and containers are written as one object literal each, base fields included,
// never `{ ...base, field }` or `Object.assign(base, {…})`: V8 gives objects built those ways their
// own hidden class or dictionary properties, which made a 10,000-container world four times bigger.

export const primaryLaunchConfig = 'io.rancher.service.primary.launch.config';

/** `2017-06-01T12:00:00Z`. Joined rather than concatenated, so the stored string is flat. */
export function isoTime(ms: number): string {
  return [new Date(ms).toISOString().slice(0, 19), 'Z'].join('');
}

/**
 * A random UUID stored flat: Node builds UUID strings by concatenation, and V8 keeps each as a rope
 * of some twenty pieces, which in a world of 20,000 records costs more than the records themselves.
 */
export function newUuid(): string {
  return Buffer.from(randomUUID(), 'latin1').toString('latin1');
}

/** The fields every Rancher resource has, for the few kinds of record that are not numerous. */
export function recordWithId(id: string, type: string, baseType: string, name: string | null, accountId: string, now: number): BaseRecord {
  return {
    id,
    type,
    baseType,
    kind: type,
    name,
    description: null,
    state: 'active',
    transitioning: 'no',
    transitioningMessage: null,
    transitioningProgress: null,
    accountId,
    created: isoTime(now),
    createdTS: now,
    uuid: newUuid(),
    removed: null,
  };
}

export function createStackRecord(world: World, input: { name: string; group: string; description: string | null; accountId: string }, now: number): StackRecord {
  return {
    id: world.nextId('st'), type: 'stack', baseType: 'stack', kind: 'stack', name: input.name, description: input.description,
    state: 'active', transitioning: 'no', transitioningMessage: null, transitioningProgress: null, accountId: input.accountId,
    created: isoTime(now), createdTS: now, uuid: newUuid(), removed: null,
    group: input.group,
    dockerCompose: null,
    rancherCompose: null,
    environment: null,
    answers: null,
    templates: null,
    externalId: null,
    previousExternalId: null,
    previousEnvironment: null,
    outputs: null,
    system: false,
    startOnCreate: true,
    binding: null,
    serviceIds: [],
    healthState: 'healthy',
  };
}

/** The launchConfig fields Rancher always fills in, under the user's own. */
export function completeLaunchConfig(fields: JsonObject, version: string): JsonObject {
  const defaults: JsonObject = {
    type: 'launchConfig',
    kind: 'container',
    networkMode: 'managed',
    privileged: false,
    publishAllPorts: false,
    readOnly: false,
    startOnCreate: true,
    stdinOpen: false,
    tty: false,
    labels: {},
  };
  return Object.assign(defaults, fields, { version });
}

export function createServiceRecord(
  world: World,
  input: { stack: StackRecord; name: string; type?: ServiceType; launchConfig: JsonObject; secondaryLaunchConfigs?: JsonObject[]; scale: number; state: string; metadata?: JsonObject; startOnCreate?: boolean },
  now: number,
): ServiceRecord {
  const type = input.type ?? 'service';
  return {
    id: world.nextId('s'), type, baseType: 'service', kind: type, name: input.name, description: null,
    state: input.state, transitioning: 'no', transitioningMessage: null, transitioningProgress: null, accountId: input.stack.accountId,
    created: isoTime(now), createdTS: now, uuid: newUuid(), removed: null,
    stackId: input.stack.id,
    scale: input.scale,
    currentScale: 0,
    launchConfig: input.launchConfig,
    secondaryLaunchConfigs: input.secondaryLaunchConfigs ?? [],
    instanceIds: [],
    upgrade: null,
    publicEndpoints: [],
    fqdn: null,
    metadata: input.metadata ?? {},
    linkedServices: {},
    selectorLink: null,
    selectorContainer: null,
    lbConfig: null,
    scalePolicy: null,
    retainIp: false,
    vip: null,
    system: false,
    startOnCreate: input.startOnCreate ?? true,
    createIndex: 0,
    healthState: 'unhealthy',
    assignServiceIpAddress: false,
    externalId: null,
  };
}

export function createHostRecord(world: World, input: { name: string; hostname: string; ipAddress: string; dockerVersion: string; labels: Record<string, string>; accountId: string }, now: number): HostRecord {
  return Object.assign(recordWithId(world.nextId('h'), 'host', 'host', input.name, input.accountId, now), {
    type: 'host' as const,
    hostname: input.hostname,
    agentIpAddress: input.ipAddress,
    agentState: 'active',
    labels: Object.assign({}, input.labels, { 'io.rancher.host.docker_version': input.dockerVersion.replace(/^(\d+\.\d+).*/, '$1') }),
    info: { osInfo: { dockerVersion: `Docker version ${input.dockerVersion}`, kernelVersion: '4.4.0-146-generic', operatingSystem: 'Ubuntu 16.04.6 LTS' } },
    instanceIds: [],
  });
}
