// A RancherBackend in memory for unit tests of callers (operations, relays). Changes take effect at once
// (no transitional states), every call is kept in `calls`, and `failWith` makes a method throw, e.g. a
// RancherUnavailableError from getStack for "Rancher is down" or a RancherNoAnswerError from serviceAction
// for "the POST timed out".
import type { LifecycleVerb } from '@/lib/domain/rancher/service-verbs';
import type { ContainerRef, EnvironmentListing, LogOptions, RancherBackend, StatsTarget, UpgradeChange } from '@/lib/rancher/backend';
import type { CounterSample } from '@/lib/domain/stats/stats-point';
import type { RolloutOptions } from '@/lib/domain/rancher/rollout-options';
import { RancherNotFoundError } from '@/lib/rancher/errors';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import type { ContainerDetail, ContainerSummary, Environment, ExecSession, LogLine, ResourceChange, ServiceDetail, StackDetail } from '@/lib/domain/rancher/types';

/** The demo world's two environments (DESIGN.md): fake stacks live in production unless told otherwise. */
export const prodCattle: Environment = { id: '1a5', name: 'prod-cattle', production: true };
export const devCattle: Environment = { id: '1a7', name: 'dev-cattle', production: false };

type Method = Exclude<keyof RancherBackend, 'close'>;

/** A running container of a fake service. */
export function fakeContainer(fields: Partial<ContainerSummary> & { id: string }): ContainerSummary {
  return { name: `container-${fields.id}`, state: 'running', healthState: null, hostname: 'host-1', startCount: 1, exitCode: null, createdAt: '2026-01-01T00:00:00Z', ...fields };
}

/** An active service with one container of its own unless `containers` says otherwise. */
export function fakeService(fields: Partial<ServiceDetail> & { id: string; stackId: string }): ServiceDetail {
  return {
    name: `service-${fields.id}`,
    state: 'active',
    healthState: 'healthy',
    image: 'nginx:1.25',
    scale: 1,
    launchConfig: { imageUuid: 'docker:nginx:1.25' },
    containers: [fakeContainer({ id: `${fields.id.replace(/^1s/, '1i')}0`, serviceId: fields.id })],
    transitioning: 'no',
    transitioningMessage: null,
    allowedVerbs: ['stop', 'restart', 'upgrade'],
    upgradeInProgress: false,
    createdAt: '2026-01-01T00:00:00Z',
    environment: prodCattle,
    ...fields,
  };
}

/** A stack owned by `owner` (and shared with `group`), with the services given. */
export function fakeStack(fields: { id: string; name: string; owner: string; group?: string; services?: ServiceDetail[]; environment?: Environment }): StackDetail {
  const environment = fields.environment ?? prodCattle;
  return {
    id: fields.id,
    name: fields.name,
    state: 'active',
    healthState: 'healthy',
    description: null,
    tags: { owner: fields.owner, ...(fields.group ? { group: fields.group } : {}), other: {} },
    environment,
    services: (fields.services ?? []).map((service) => ({ ...service, environment })),
  };
}

const idOf = (container: ContainerRef) => (typeof container === 'string' ? container : container.id);

export class FakeRancherBackend implements RancherBackend {
  /** Every call in order, with its arguments. */
  readonly calls: { method: Method; args: unknown[] }[] = [];
  private readonly stacks = new Map<string, StackDetail>();
  private readonly faults = new Map<Method, () => unknown>();
  private readonly listeners = new Set<(change: ResourceChange) => void>();

  constructor(
    stacks: StackDetail[],
    /** Log lines per container id, for openLogs and openLogBatches. */
    private readonly logs: Record<string, LogLine[]> = {},
  ) {
    for (const stack of stacks) this.stacks.set(stack.id, structuredClone(stack));
  }

  /** Every later call of `method` throws what `makeError` returns, until `heal`. */
  failWith(method: Method, makeError: () => unknown): void {
    this.faults.set(method, makeError);
  }

  heal(method: Method): void {
    this.faults.delete(method);
  }

  /** Sends a change to every subscriber, as Rancher's event feed would. */
  emit(change: ResourceChange): void {
    for (const listener of this.listeners) listener(change);
  }

  async listStacks() {
    this.enter('listStacks', []);
    return [...this.stacks.values()].map((stack) => structuredClone(stack));
  }

  async listStacksByEnvironment(): Promise<EnvironmentListing[]> {
    this.enter('listStacksByEnvironment', []);
    const stacks = [...this.stacks.values()];
    return this.environmentsOf(stacks).map((environment) => ({ environment, stacks: stacks.filter((s) => s.environment.id === environment.id).map((s) => structuredClone(s)) }));
  }

  async environments() {
    this.enter('environments', []);
    return this.environmentsOf([...this.stacks.values()]);
  }

  async getStack(stackId: string) {
    this.enter('getStack', [stackId]);
    const stack = this.stacks.get(stackId);
    if (!stack) throw new RancherNotFoundError(`Rancher has no stack ${stackId}.`, { status: 404, code: 'Not Found', message: null });
    return structuredClone(stack);
  }

  async getService(serviceId: string) {
    this.enter('getService', [serviceId]);
    return structuredClone(this.service(serviceId));
  }

  async getContainer(containerId: string) {
    this.enter('getContainer', [containerId]);
    return this.containerDetail(containerId);
  }

  async serviceAction(serviceId: string, verb: LifecycleVerb, options?: RolloutOptions) {
    this.enter('serviceAction', [serviceId, verb, options]);
    const service = this.service(serviceId);
    service.state = verb === 'stop' ? 'inactive' : 'active';
    for (const container of service.containers) {
      container.state = verb === 'stop' ? 'stopped' : 'running';
      if (verb !== 'stop') container.startCount++;
    }
    return structuredClone(service);
  }

  async upgrade(serviceId: string, change: UpgradeChange) {
    this.enter('upgrade', [serviceId, change]);
    const service = this.service(serviceId);
    service.previousLaunchConfig = service.launchConfig ?? {};
    service.launchConfig = mergeLaunchConfig(service.previousLaunchConfig, change.launchConfig);
    Object.assign(service, { state: 'upgraded', upgradeInProgress: true, allowedVerbs: ['finish-upgrade', 'rollback'] });
    return structuredClone(service);
  }

  async finishUpgrade(serviceId: string) {
    this.enter('finishUpgrade', [serviceId]);
    const service = this.service(serviceId);
    Object.assign(service, { state: 'active', upgradeInProgress: false, revertibleLaunchConfig: service.previousLaunchConfig, previousLaunchConfig: undefined });
    return structuredClone(service);
  }

  async rollback(serviceId: string) {
    this.enter('rollback', [serviceId]);
    const service = this.service(serviceId);
    Object.assign(service, { state: 'active', upgradeInProgress: false, launchConfig: service.previousLaunchConfig ?? service.launchConfig, previousLaunchConfig: undefined });
    return structuredClone(service);
  }

  async restartContainer(containerId: string) {
    this.enter('restartContainer', [containerId]);
    const { container } = this.container(containerId);
    container.state = 'running';
    container.startCount++;
    return this.containerDetail(containerId);
  }

  async waitForSettled(serviceId: string, options: { timeoutMs: number; signal?: AbortSignal }) {
    this.enter('waitForSettled', [serviceId, options]);
    return structuredClone(this.service(serviceId));
  }

  subscribe(onChange: (change: ResourceChange) => void) {
    this.enter('subscribe', []);
    this.listeners.add(onChange);
    return { close: () => void this.listeners.delete(onChange) };
  }

  async *openLogs(container: ContainerRef, options: LogOptions): AsyncIterable<LogLine> {
    this.enter('openLogs', [container, options]);
    yield* this.tail(idOf(container), options);
  }

  async *openLogBatches(container: ContainerRef, options: LogOptions): AsyncIterable<LogLine[]> {
    this.enter('openLogBatches', [container, options]);
    yield this.tail(idOf(container), options);
  }

  /** Frames openStats gives for any target, one after the other, before it waits for the abort. */
  statsFrames: CounterSample[][] = [];

  async *openStats(target: StatsTarget, options: { signal?: AbortSignal }): AsyncIterable<CounterSample[]> {
    this.enter('openStats', [target, options]);
    for (const frame of this.statsFrames) yield frame;
    const signal = options.signal;
    if (signal && !signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  }

  /** A terminal that echoes what is written to it. */
  async openExec(container: ContainerRef, options: { cols: number; rows: number; command: string[] }): Promise<ExecSession> {
    this.enter('openExec', [container, options]);
    this.container(idOf(container));
    const onData: ((data: Buffer) => void)[] = [];
    const onClose: ((code: number) => void)[] = [];
    let closed = false;
    return {
      write: (data) => onData.forEach((listener) => listener(Buffer.from(data))),
      resize: () => {},
      onData: (listener) => void onData.push(listener),
      onClose: (listener) => void onClose.push(listener),
      pause: () => {},
      resume: () => {},
      close: () => {
        if (closed) return;
        closed = true;
        onClose.forEach((listener) => listener(1000));
      },
    };
  }

  async ping() {
    this.enter('ping', []);
  }

  close(): void {
    this.listeners.clear();
  }

  private enter(method: Method, args: unknown[]): void {
    this.calls.push({ method, args });
    const fault = this.faults.get(method);
    if (fault) throw fault();
  }

  private environmentsOf(stacks: StackDetail[]): Environment[] {
    return [...new Map(stacks.map((s) => [s.environment.id, s.environment])).values()];
  }

  private tail(containerId: string, options: LogOptions): LogLine[] {
    this.container(containerId);
    const lines = this.logs[containerId] ?? [];
    return options.tail === undefined ? [...lines] : lines.slice(-options.tail);
  }

  private service(serviceId: string): ServiceDetail {
    for (const stack of this.stacks.values()) {
      const service = stack.services.find((s) => s.id === serviceId);
      if (service) return service;
    }
    throw new RancherNotFoundError(`Rancher has no service ${serviceId}.`, { status: 404, code: 'Not Found', message: null });
  }

  private container(containerId: string): { container: ContainerSummary; service: ServiceDetail; stack: StackDetail } {
    for (const stack of this.stacks.values()) {
      for (const service of stack.services) {
        const container = service.containers.find((c) => c.id === containerId);
        if (container) return { container, service, stack };
      }
    }
    throw new RancherNotFoundError(`Rancher has no container ${containerId}.`, { status: 404, code: 'Not Found', message: null });
  }

  private containerDetail(containerId: string): ContainerDetail {
    const { container, service, stack } = this.container(containerId);
    return { ...structuredClone(container), serviceId: service.id, stackId: stack.id, environment: stack.environment, transitioning: 'no', transitioningMessage: null };
  }
}
