import type {
  AnyRecord,
  ApiKey,
  ContainerRecord,
  ContainerRuntime,
  HostRecord,
  JsonObject,
  ProjectRecord,
  SecretRecord,
  ServiceLogRecord,
  ServiceProfile,
  ServiceRecord,
  SettingRecord,
  StackRecord,
} from './world-types';
import { serviceHealth, stackHealth } from './health-state';

type ChangeListener = (record: AnyRecord) => void;

const maxServiceLogs = 2000;

function resolve<T>(ids: string[] | undefined, store: Map<string, T>): T[] {
  const out: T[] = [];
  for (const id of ids ?? []) {
    const record = store.get(id);
    if (record) out.push(record);
  }
  return out;
}

/**
 * The simulator's database: every record by id, the parent/child indexes Rancher keeps as foreign
 * keys, and a change feed. Derived fields (instanceIds, healthState, serviceIds) are recomputed here
 * whenever a child changes, so every reader sees them consistent.
 */
export class World {
  readonly projects = new Map<string, ProjectRecord>();
  readonly hosts = new Map<string, HostRecord>();
  readonly stacks = new Map<string, StackRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly containers = new Map<string, ContainerRecord>();
  readonly secrets = new Map<string, SecretRecord>();
  readonly settings = new Map<string, SettingRecord>();
  readonly serviceLogs = new Map<string, ServiceLogRecord>();
  readonly serviceProfiles = new Map<string, ServiceProfile>();
  readonly containerRuntime = new Map<string, ContainerRuntime>();
  readonly secretValues = new Map<string, string>();
  readonly users: { name: string; uid: number; gid: number; home: string }[] = [];
  readonly groups: { name: string; gid: number }[] = [];
  // Plain arrays, not Sets: a Set's table costs about 500 bytes, and a big world has thousands of small indexes.
  private readonly containersByService = new Map<string, string[]>();
  private readonly servicesByStack = new Map<string, string[]>();
  private readonly counters = new Map<string, number>();
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    readonly rancherVersion: string,
    readonly apiKeys: ApiKey[],
  ) {}

  /** Rancher ids are `1` + a short type + the row number, e.g. `1s12` (rancher-api.md §2.2). */
  nextId(shortType: string): string {
    const n = (this.counters.get(shortType) ?? 0) + 1;
    this.counters.set(shortType, n);
    return `1${shortType}${n}`;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addStack(stack: StackRecord): void {
    this.stacks.set(stack.id, stack);
    this.servicesByStack.set(stack.id, []);
  }

  addService(service: ServiceRecord, profile: ServiceProfile): void {
    this.services.set(service.id, service);
    this.serviceProfiles.set(service.id, profile);
    this.containersByService.set(service.id, []);
    this.servicesByStack.get(service.stackId)?.push(service.id);
  }

  addContainer(container: ContainerRecord, runtime: ContainerRuntime): void {
    this.containers.set(container.id, container);
    this.containerRuntime.set(container.id, runtime);
    if (runtime.serviceId) this.containersByService.get(runtime.serviceId)?.push(container.id);
    const host = this.hosts.get(container.hostId);
    if (host) {
      host.instanceIds.push(container.id);
      this.emit(host);
    }
  }

  addServiceLog(log: ServiceLogRecord): void {
    this.serviceLogs.set(log.id, log);
    if (this.serviceLogs.size > maxServiceLogs) {
      const oldest = this.serviceLogs.keys().next();
      if (!oldest.done) this.serviceLogs.delete(oldest.value);
    }
    this.emit(log);
  }

  /** Every container the service has ever had that is not purged, oldest first. */
  containersOf(serviceId: string): ContainerRecord[] {
    return resolve(this.containersByService.get(serviceId), this.containers);
  }

  servicesOf(stackId: string): ServiceRecord[] {
    return resolve(this.servicesByStack.get(stackId), this.services);
  }

  serviceOfContainer(containerId: string): ServiceRecord | undefined {
    const serviceId = this.containerRuntime.get(containerId)?.serviceId;
    return serviceId ? this.services.get(serviceId) : undefined;
  }

  /** Records a change: refreshes what is derived from the record, then tells every listener. */
  changed(record: AnyRecord): void {
    if (record.type === 'container') {
      this.emit(record);
      const service = this.serviceOfContainer(record.id);
      if (service) this.changed(service);
      return;
    }
    if (record.type === 'stack') {
      this.refreshStack(record);
      this.emit(record);
      return;
    }
    if (record.baseType === 'service') {
      const service = this.services.get(record.id);
      if (service) this.refreshService(service);
      this.emit(record);
      const stack = service && this.stacks.get(service.stackId);
      if (stack) this.changed(stack);
      return;
    }
    this.emit(record);
  }

  /** Forgets a removed record for good, as Rancher's purge does. */
  purge(id: string): void {
    const container = this.containers.get(id);
    if (container) {
      const runtime = this.containerRuntime.get(id);
      if (runtime?.serviceId) this.drop(this.containersByService, runtime.serviceId, id);
      const host = this.hosts.get(container.hostId);
      if (host) {
        host.instanceIds = host.instanceIds.filter((i) => i !== id);
        this.emit(host);
      }
      this.containers.delete(id);
      this.containerRuntime.delete(id);
      return;
    }
    const service = this.services.get(id);
    if (service) {
      this.drop(this.servicesByStack, service.stackId, id);
      this.services.delete(id);
      this.serviceProfiles.delete(id);
      this.containersByService.delete(id);
      return;
    }
    if (this.stacks.delete(id)) this.servicesByStack.delete(id);
  }

  refreshService(service: ServiceRecord): void {
    const containers = this.containersOf(service.id).filter((c) => c.removed === null);
    const version = typeof service.launchConfig.version === 'string' ? service.launchConfig.version : null;
    service.instanceIds = containers.map((c) => c.id);
    service.currentScale = containers.filter((c) => c.version === version || version === null).length;
    service.healthState = serviceHealth(service.scale, containers);
    service.publicEndpoints = this.publicEndpoints(service, containers);
  }

  refreshStack(stack: StackRecord): void {
    const services = this.servicesOf(stack.id).filter((s) => s.removed === null);
    stack.serviceIds = services.map((s) => s.id);
    stack.healthState = stackHealth(services.map((s) => s.healthState));
  }

  private publicEndpoints(service: ServiceRecord, containers: ContainerRecord[]): JsonObject[] {
    const ports = Array.isArray(service.launchConfig.ports) ? service.launchConfig.ports : [];
    const published = ports.flatMap((p) => {
      const m = typeof p === 'string' ? /^(\d+):\d+/.exec(p) : null;
      return m?.[1] ? [Number(m[1])] : [];
    });
    if (published.length === 0) return [];
    return containers
      .filter((c) => c.state === 'running')
      .flatMap((c) => {
        const ipAddress = this.hosts.get(c.hostId)?.agentIpAddress ?? null;
        return published.map((port) => ({ type: 'publicEndpoint', ipAddress, port, hostId: c.hostId, instanceId: c.id, serviceId: service.id }));
      });
  }

  private drop(index: Map<string, string[]>, key: string, id: string): void {
    const ids = index.get(key);
    if (ids) index.set(key, ids.filter((i) => i !== id));
  }

  private emit(record: AnyRecord): void {
    for (const listener of this.listeners) listener(record);
  }
}
