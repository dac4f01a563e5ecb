import { createHash, randomUUID } from 'node:crypto';
import type { World } from './world';
import type {
  BaseRecord,
  ContainerRecord,
  ContainerRuntime,
  HostRecord,
  JsonObject,
  ServiceProfile,
  ServiceRecord,
  ServiceType,
  StackRecord,
} from './world-types';

export const primaryLaunchConfig = 'io.rancher.service.primary.launch.config';

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The fields every Rancher resource has, for a record whose id is already chosen. */
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
    uuid: randomUUID(),
    removed: null,
  };
}

function base(world: World, shortType: string, type: string, baseType: string, name: string | null, accountId: string, now: number): BaseRecord {
  return recordWithId(world.nextId(shortType), type, baseType, name, accountId, now);
}

export function createStackRecord(world: World, input: { name: string; group: string; description: string | null; accountId: string }, now: number): StackRecord {
  return {
    ...base(world, 'st', 'stack', 'stack', input.name, input.accountId, now),
    type: 'stack',
    description: input.description,
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
  return {
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
    ...fields,
    version,
  };
}

export function createServiceRecord(
  world: World,
  input: { stack: StackRecord; name: string; type?: ServiceType; launchConfig: JsonObject; secondaryLaunchConfigs?: JsonObject[]; scale: number; state: string; metadata?: JsonObject; startOnCreate?: boolean },
  now: number,
): ServiceRecord {
  const type = input.type ?? 'service';
  return {
    ...base(world, 's', type, 'service', input.name, input.stack.accountId, now),
    type,
    state: input.state,
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
  return {
    ...base(world, 'h', 'host', 'host', input.name, input.accountId, now),
    type: 'host',
    hostname: input.hostname,
    agentIpAddress: input.ipAddress,
    agentState: 'active',
    labels: { ...input.labels, 'io.rancher.host.docker_version': input.dockerVersion.replace(/^(\d+\.\d+).*/, '$1') },
    info: { osInfo: { dockerVersion: `Docker version ${input.dockerVersion}`, kernelVersion: '4.4.0-146-generic', operatingSystem: 'Ubuntu 16.04.6 LTS' } },
    instanceIds: [],
  };
}

/** A deployment unit keeps its index and uuid across upgrades, so the replacement keeps the name. */
export interface DeploymentUnit {
  index: number;
  uuid: string;
}

export function containerName(stack: StackRecord, service: ServiceRecord, launchConfigName: string, index: number): string {
  const sidekick = launchConfigName === primaryLaunchConfig ? '' : `-${launchConfigName}`;
  return `${stack.name}-${service.name}${sidekick}-${index}`;
}

function ipFor(id: string): string {
  const n = Number(id.replace(/^\D+/, ''));
  return `10.42.${(n >> 8) & 255}.${(n & 255) || 1}`;
}

/** A new container for one unit of a service, from the launchConfig it runs (rancher-api.md §3.3). */
export function createContainerRecord(
  world: World,
  input: { stack: StackRecord; service: ServiceRecord; launchConfig: JsonObject; launchConfigName: string; unit: DeploymentUnit; host: HostRecord },
  now: number,
): { container: ContainerRecord; runtime: ContainerRuntime } {
  const { stack, service, launchConfig, launchConfigName, unit, host } = input;
  const name = containerName(stack, service, launchConfigName, unit.index);
  const record = base(world, 'i', 'container', 'instance', name, stack.accountId, now);
  const ip = ipFor(record.id);
  const userLabels = (launchConfig.labels ?? {}) as Record<string, string>;
  const { version, type: _type, kind: _kind, ...fields } = launchConfig;
  const container: ContainerRecord = {
    ...fields,
    ...record,
    type: 'container',
    state: 'creating',
    hostId: host.id,
    imageUuid: String(launchConfig.imageUuid),
    primaryIpAddress: ip,
    serviceIds: [service.id],
    stackId: stack.id,
    externalId: createHash('sha256').update(record.uuid).digest('hex'),
    labels: {
      ...userLabels,
      'io.rancher.stack.name': stack.name ?? '',
      'io.rancher.stack_service.name': `${stack.name}/${service.name}`,
      'io.rancher.project.name': stack.name ?? '',
      'io.rancher.project_service.name': `${stack.name}/${service.name}`,
      'io.rancher.service.deployment.unit': unit.uuid,
      'io.rancher.service.launch.config': launchConfigName,
      'io.rancher.container.uuid': record.uuid,
      'io.rancher.container.name': name,
      'io.rancher.container.ip': `${ip}/16`,
    },
    environment: (launchConfig.environment ?? {}) as JsonObject,
    command: launchConfig.command ?? null,
    ports: launchConfig.ports ?? [],
    dataVolumes: launchConfig.dataVolumes ?? [],
    privileged: launchConfig.privileged === true,
    capAdd: launchConfig.capAdd ?? [],
    capDrop: launchConfig.capDrop ?? [],
    user: typeof launchConfig.user === 'string' ? launchConfig.user : null,
    tty: launchConfig.tty === true,
    startCount: 0,
    createIndex: unit.index,
    healthState: null,
    deploymentUnitUuid: unit.uuid,
    system: false,
    firstRunning: null,
    hostname: name,
    version: typeof version === 'string' ? version : '0',
    nativeContainer: false,
    data: {
      dockerInspect: {
        State: { Status: 'created', Running: false, Restarting: false, OOMKilled: false, ExitCode: 0, Error: '', StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' },
      },
    },
  };
  return { container, runtime: { serviceId: service.id, launchConfigName, startedAt: null, stoppedAt: null, previousRuns: [], lifecycle: null, nextSeq: 0 } };
}

/** How an image behaves when the fixture does not say: alpine images have only sh. */
export function profileForImage(imageUuid: string, overrides: Partial<ServiceProfile> = {}): ServiceProfile {
  const image = imageUuid.replace(/^docker:/, '');
  const repo = image.replace(/[:@].*$/, '').split('/').pop() ?? image;
  const style = ['nginx', 'httpd', 'mysql', 'redis'].find((s) => repo.startsWith(s)) ?? (repo.includes('monitor') ? 'monitor' : 'python');
  return {
    logStyle: style,
    logRate: style === 'nginx' ? 1 : 0.2,
    shell: image.includes('alpine') ? 'sh' : 'bash',
    files: {},
    crashLoop: null,
    ...overrides,
  };
}
