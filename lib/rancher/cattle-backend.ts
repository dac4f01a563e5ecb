import 'server-only';
import type { z } from 'zod';
import { hasStatus } from '@/lib/domain/errors/app-error';
import type { ContainerRef, EnvironmentListing, LogOptions, RancherBackend, UpgradeChange } from './backend';
import { CattleEnvironment, live } from './cattle-environment';
import { RancherEnvironmentUnreadableError, RancherNotAllowedInStateError, RancherProtocolError } from './errors';
import { execSession } from './exec';
import { dialHostAccess, isRefusedDial, type HostAccess } from './host-access-socket';
import { RancherHttpClient } from './http-client';
import { streamLogBatches, streamLogs, type LogRequest, type LogStreamOptions } from './logs';
import { refusalDetail } from './refusal-detail';
import { containerSchema, hostAccessSchema, projectSchema, serviceSchema, stackSchema, type ContainerWire, type ServiceWire } from './schemas';
import { toContainerDetail, toContainerSummary, toServiceDetail, toStackDetail } from './to-domain';
import { upgradeStrategy } from './upgrade-strategy';
import type { RolloutOptions } from '@/lib/domain/rancher/rollout-options';
import { rancherActions, type LifecycleVerb, type ServiceVerb } from '@/lib/domain/rancher/service-verbs';
import { isProductionEnvironment } from '@/lib/domain/rancher/production-environment';
import type { ContainerDetail, ContainerSummary, Environment, ServiceDetail, StackSummary } from '@/lib/domain/rancher/types';
import { waitForSettled } from './wait-for-settled';

export interface CattleBackendOptions {
  /** Rancher's address, e.g. `https://rancher.spin.nersc.gov`. */
  url: string;
  accessKey: string;
  secretKey: string;
  /** The environments (projects) to work in; when absent or empty, every environment the key can see. */
  projectIds?: readonly string[];
  /** Production environments; when absent, those whose name starts with `prod`. */
  productionProjectIds?: readonly string[];
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Tuning for tests: GET attempts and first backoff, settle polling, event feed reconnects. */
  tuning?: {
    retry?: { tries: number; baseDelayMs: number };
    pollMs?: number;
    safetyPollMs?: number;
    stackListRefreshMs?: number;
    /** false: every listing reads Rancher, as while the feed is down (the rancher-list bench measures that read). */
    stackListMirror?: boolean;
    reconnectDelayMs?: number;
    onFeedError?: (err: Error) => void;
  };
}

/** The stack list's mirror re-reads Rancher this often, in case the feed missed a change. */
const stackListRefreshMs = 5 * 60_000;

/** Where ids were found; they never move between environments. Bounded by clearing, as a cache may. */
const maxLocated = 50_000;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { numeric: true });

/** The Rancher 1.6 (cattle, API v2-beta) implementation of RancherBackend. */
export function createCattleBackend(options: CattleBackendOptions): RancherBackend {
  return new CattleBackend(options);
}

class CattleBackend implements RancherBackend {
  private readonly http: RancherHttpClient;
  private found: Promise<CattleEnvironment[]> | null = null;
  private readonly located = new Map<string, CattleEnvironment>();
  private readonly subscriptions = new Set<{ closers: (() => void)[] | null }>();
  /** The Rancher record behind each container getContainer answered, so opening its logs or a shell needs no second read. */
  private readonly wireOf = new WeakMap<ContainerDetail, ContainerWire>();

  constructor(private readonly options: CattleBackendOptions) {
    this.http = new RancherHttpClient({ ...options, ...(options.tuning?.retry ? { retry: options.tuning.retry } : {}) });
  }

  async environments(): Promise<Environment[]> {
    const scopes = await this.scopes();
    const named = await Promise.allSettled(scopes.map((scope) => scope.environment()));
    return named.map((answer, i) => {
      if (answer.status === 'fulfilled') return answer.value;
      throw new RancherEnvironmentUnreadableError(scopes[i]?.id ?? '', answer.reason);
    });
  }

  async listStacksByEnvironment(): Promise<EnvironmentListing[]> {
    const scopes = await this.scopes();
    return Promise.all(
      scopes.map(async (scope): Promise<EnvironmentListing> => {
        try {
          const stacks = await scope.listStacks();
          return { environment: stacks[0]?.environment ?? (await scope.environment()), stacks };
        } catch (err) {
          return { environment: await scope.environment().catch(() => scope.fallback()), unavailable: err instanceof Error ? err : new Error(String(err)) };
        }
      }),
    );
  }

  async listStacks(): Promise<StackSummary[]> {
    const listings = await this.listStacksByEnvironment();
    const failure = listings.find((l) => 'unavailable' in l);
    // One environment down leaves the others listed; with none answering there is no list to give.
    if (failure && 'unavailable' in failure && listings.every((l) => 'unavailable' in l)) throw failure.unavailable;
    return listings.flatMap((l) => ('stacks' in l ? l.stacks : []));
  }

  /** Ready while Rancher answers for at least one environment: one project down must not take the portal out. */
  async ping() {
    const scopes = await this.scopes();
    const answers = await Promise.allSettled(scopes.map((scope) => this.http.get(this.http.url(scope.path), projectSchema, { what: `environment ${scope.id}` })));
    const failure = answers.find((a) => a.status === 'rejected');
    if (failure && answers.every((a) => a.status === 'rejected')) throw failure.reason;
  }

  async getStack(stackId: string) {
    const { scope, wire: stack } = await this.find('stacks', stackId, stackSchema, `stack ${stackId}`);
    const p = scope.path;
    const filter = { ...live, stackId };
    const [services, containers, hosts, environment] = await Promise.all([
      this.http.list(`${p}/services`, serviceSchema, filter, { what: `services of stack ${stackId}` }),
      this.http.list(`${p}/containers`, containerSchema, filter, { what: `containers of stack ${stackId}` }),
      scope.hostNames(),
      scope.environment(),
    ]);
    for (const { id } of [...services, ...containers]) this.remember(id, scope);
    const byService = new Map<string, ContainerSummary[]>();
    for (const container of containers) {
      for (const serviceId of container.serviceIds ?? []) {
        const list = byService.get(serviceId) ?? [];
        list.push(toContainerSummary(container, hosts));
        byService.set(serviceId, list);
      }
    }
    const details = services.map((s) => toServiceDetail(s, (byService.get(s.id) ?? []).sort(byName), environment));
    return toStackDetail(stack, details, environment);
  }

  async getService(serviceId: string) {
    const { scope, wire } = await this.serviceWire(serviceId);
    return this.serviceDetail(wire, scope);
  }

  async getContainer(containerId: string) {
    const { scope, wire } = await this.containerWire(containerId);
    const [hosts, environment] = await Promise.all([scope.hostNames(), scope.environment()]);
    const detail = toContainerDetail(wire, hosts, environment);
    this.wireOf.set(detail, wire);
    return detail;
  }

  serviceAction(serviceId: string, verb: LifecycleVerb, options: RolloutOptions = {}) {
    const body =
      verb === 'restart'
        ? // Rancher refuses a restart without a strategy (§9.4); the CLI's defaults are one at a time, 1 s apart.
          { rollingRestartStrategy: { batchSize: options.batchSize ?? 1, intervalMillis: options.intervalMillis ?? 1000 } }
        : {};
    return this.act(serviceId, verb, () => body);
  }

  upgrade(serviceId: string, change: UpgradeChange) {
    return this.act(serviceId, 'upgrade', (service) => upgradeStrategy(service, change));
  }

  finishUpgrade(serviceId: string) {
    return this.act(serviceId, 'finish-upgrade', () => ({}));
  }

  rollback(serviceId: string) {
    return this.act(serviceId, 'rollback', () => ({}));
  }

  async restartContainer(containerId: string) {
    const { scope, wire: container } = await this.containerWire(containerId);
    const url = this.containerActionUrl(container, 'restart', 'restart');
    const after = await this.http.post(url, {}, containerSchema, {
      what: `container ${containerId}`,
      refusal: refusalDetail('container', container.state, 'restart'),
    });
    const [hosts, environment] = await Promise.all([scope.hostNames(), scope.environment()]);
    return toContainerDetail(after, hosts, environment);
  }

  async waitForSettled(serviceId: string, options: { timeoutMs: number; signal?: AbortSignal }) {
    const { scope } = await this.serviceWire(serviceId);
    return waitForSettled({
      serviceId,
      ...options,
      read: () => this.getService(serviceId),
      feed: scope.eventFeed(),
      ...(this.options.tuning?.pollMs ? { pollMs: this.options.tuning.pollMs } : {}),
      ...(this.options.tuning?.safetyPollMs ? { safetyPollMs: this.options.tuning.safetyPollMs } : {}),
    });
  }

  /** Listens on every environment's feed; environments still being discovered are joined when found. */
  subscribe(onChange: Parameters<RancherBackend['subscribe']>[0]) {
    const subscription: { closers: (() => void)[] | null } = { closers: [] };
    this.subscriptions.add(subscription);
    const join = () =>
      this.scopes().then(
        (scopes) => {
          if (subscription.closers) subscription.closers = scopes.map((scope) => scope.eventFeed().add(onChange));
        },
        () => {
          if (subscription.closers) setTimeout(join, this.options.tuning?.reconnectDelayMs ?? 1000).unref();
        },
      );
    void join();
    return {
      close: () => {
        for (const close of subscription.closers ?? []) close();
        subscription.closers = null;
        this.subscriptions.delete(subscription);
      },
    };
  }

  openLogs(container: ContainerRef, options: LogOptions) {
    return streamLogs(this.logStream(container, options));
  }

  openLogBatches(container: ContainerRef, options: LogOptions) {
    return streamLogBatches(this.logStream(container, options));
  }

  private logStream(container: ContainerRef, options: LogOptions): LogStreamOptions {
    return {
      tail: options.tail ?? 100,
      follow: options.follow ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
      connect: (request) => this.dialWithFreshToken(() => this.logsAccess(container, request)),
    };
  }

  async openExec(ref: ContainerRef, options: { cols: number; rows: number; command: string[] }) {
    const socket = await this.dialWithFreshToken(async () => {
      const container = await this.containerWireOf(ref);
      const url = this.containerActionUrl(container, 'execute', 'shell');
      const body = { attachStdin: true, attachStdout: true, tty: true, command: options.command };
      return this.http.post(url, body, hostAccessSchema, { what: `container ${container.id}` });
    });
    return execSession(socket, options);
  }

  close(): void {
    for (const subscription of this.subscriptions) for (const close of subscription.closers ?? []) close();
    this.subscriptions.clear();
    void this.found?.then((scopes) => scopes.forEach((scope) => scope.close()), () => undefined);
    this.http.close();
  }

  /** Runs a service action after checking that Rancher offers it in the service's current state. */
  private async act(serviceId: string, verb: ServiceVerb, body: (service: ServiceWire) => unknown): Promise<ServiceDetail> {
    const { scope, wire: service } = await this.serviceWire(serviceId);
    const action = rancherActions[verb];
    const refusal = refusalDetail('service', service.state, verb);
    const url = service.actions[action];
    if (!url) {
      throw new RancherNotAllowedInStateError(refusal, { status: 422, code: 'ActionNotAvailable', message: `${action} is not offered while ${service.state}` });
    }
    const after = await this.http.post(this.http.pin(url), body(service), serviceSchema, { what: `service ${serviceId}`, refusal });
    return this.serviceDetail(after, scope);
  }

  private containerActionUrl(container: ContainerWire, action: string, verb: string): URL {
    const url = container.actions[action];
    if (!url) {
      throw new RancherNotAllowedInStateError(refusalDetail('container', container.state, verb), {
        status: 422,
        code: 'ActionNotAvailable',
        message: `${action} is not offered while ${container.state}`,
      });
    }
    return this.http.pin(url);
  }

  private async logsAccess(ref: ContainerRef, request: LogRequest): Promise<HostAccess> {
    const container = await this.containerWireOf(ref);
    const url = this.containerActionUrl(container, 'logs', 'logs');
    const body = { follow: request.follow, lines: request.tail, timestamps: true, ...(request.since ? { since: request.since } : {}) };
    return this.http.post(url, body, hostAccessSchema, { what: `container ${container.id}` });
  }

  /** Tokens live 300 s and one may be refused at the dial; one fresh token is worth a second try. */
  private async dialWithFreshToken(access: () => Promise<HostAccess>) {
    const dial = async () => {
      const granted = await access();
      const url = this.http.pin(granted.url.replace(/^ws/i, 'http'));
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return dialHostAccess({ url: url.href, token: granted.token }, this.options.connectTimeoutMs);
    };
    try {
      return await dial();
    } catch (err) {
      if (!isRefusedDial(err)) throw err;
      return dial();
    }
  }

  private async serviceDetail(service: ServiceWire, scope: CattleEnvironment): Promise<ServiceDetail> {
    const instances = service.links.instances;
    const environment = await scope.environment();
    if (!instances) return toServiceDetail(service, [], environment);
    const [containers, hosts] = await Promise.all([
      this.http.list(this.http.pin(instances), containerSchema, live, { what: `containers of service ${service.id}` }),
      scope.hostNames(),
    ]);
    return toServiceDetail(service, containers.map((c) => toContainerSummary(c, hosts)).sort(byName), environment);
  }

  private serviceWire(serviceId: string) {
    return this.find('services', serviceId, serviceSchema, `service ${serviceId}`);
  }

  /** The record behind a container getContainer answered, else read now. */
  private async containerWireOf(ref: ContainerRef): Promise<ContainerWire> {
    const known = typeof ref === 'string' ? undefined : this.wireOf.get(ref);
    return known ?? (await this.containerWire(typeof ref === 'string' ? ref : ref.id)).wire;
  }

  private containerWire(containerId: string) {
    return this.find('containers', containerId, containerSchema, `container ${containerId}`);
  }

  /**
   * Reads a resource in the environment that holds it. Ids are unique across the server, so an id not
   * seen yet is asked of every environment at once; the one that has it answers, the others 404. When
   * none has it and one did not answer, that failure (Rancher unavailable) is the answer.
   */
  private async find<T>(collection: string, id: string, schema: z.ZodType<T>, what: string): Promise<{ scope: CattleEnvironment; wire: T }> {
    const scopes = await this.scopes();
    const read = async (scope: CattleEnvironment) => ({ scope, wire: await this.http.get(this.http.url(`${scope.path}/${collection}/${encodeURIComponent(id)}`), schema, { what }) });
    const known = scopes.length === 1 ? scopes[0] : (this.located.get(id) ?? scopes.find((scope) => scope.holds(id)));
    if (known) return read(known);
    const answers = await Promise.allSettled(scopes.map(read));
    for (const answer of answers) {
      if (answer.status === 'fulfilled') {
        this.remember(id, answer.value.scope);
        return answer.value;
      }
    }
    const failures = answers.map((a) => (a as PromiseRejectedResult).reason as unknown);
    throw failures.find((err) => !hasStatus(err, 404)) ?? failures[0];
  }

  private remember(id: string, scope: CattleEnvironment): void {
    if (this.located.size >= maxLocated) this.located.clear();
    this.located.set(id, scope);
  }

  /** The configured environments, or every one the key can see. */
  private scopes(): Promise<CattleEnvironment[]> {
    this.found ??= this.findScopes().catch((err: unknown) => {
      this.found = null;
      throw err;
    });
    return this.found;
  }

  private async findScopes(): Promise<CattleEnvironment[]> {
    const configured = this.options.projectIds ?? [];
    if (configured.length > 0) return configured.map((projectId) => this.scope(projectId));
    const projects = await this.http.list('/projects', projectSchema, live, { what: 'environments' });
    if (projects.length === 0) {
      throw new RancherProtocolError({ status: 200, code: 'NoProject', message: 'the key sees no environment; set RANCHER_PROJECT_IDS' });
    }
    return projects.map((p) => this.scope(p.id, p.name ?? p.id));
  }

  private scope(projectId: string, name?: string): CattleEnvironment {
    const { tuning, productionProjectIds } = this.options;
    return new CattleEnvironment({
      http: this.http,
      projectId,
      ...(name !== undefined ? { name } : {}),
      isProduction: (project) => isProductionEnvironment(project, productionProjectIds),
      connectTimeoutMs: this.options.connectTimeoutMs,
      stackListRefreshMs: tuning?.stackListRefreshMs ?? stackListRefreshMs,
      mirrorStackList: tuning?.stackListMirror !== false,
      ...(tuning?.reconnectDelayMs ? { reconnectDelayMs: tuning.reconnectDelayMs } : {}),
      ...(tuning?.onFeedError ? { onFeedError: tuning.onFeedError } : {}),
    });
  }
}
