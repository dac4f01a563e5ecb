import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import type { ContainerRef, LogOptions, RancherBackend, UpgradeChange } from './backend';
import { RancherConflictError, RancherNotAllowedInStateError, RancherProtocolError } from './errors';
import { EventFeed } from './event-feed';
import { execSession } from './exec';
import { dialHostAccess, isRefusedDial, type HostAccess } from './host-access-socket';
import { RancherHttpClient } from './http-client';
import { streamLogBatches, streamLogs, type LogRequest, type LogStreamOptions } from './logs';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import { refusalDetail } from './refusal-detail';
import { joinStackList, StackListMirror, type StackListSnapshot } from './stack-list-mirror';
import {
  containerSchema,
  hostAccessSchema,
  hostSchema,
  projectSchema,
  serviceItemSchema,
  serviceSchema,
  stackItemSchema,
  stackSchema,
  type ContainerWire,
  type ServiceWire,
} from './schemas';
import {
  hostNames,
  toContainerDetail,
  toContainerSummary,
  toServiceDetail,
  toStackDetail,
  type HostNames,
} from './to-domain';
import type { RolloutOptions } from '@/lib/domain/rancher/rollout-options';
import { rancherActions, type LifecycleVerb, type ServiceVerb } from '@/lib/domain/rancher/service-verbs';
import type { ContainerDetail, ContainerSummary, ServiceDetail } from '@/lib/domain/rancher/types';
import { waitForSettled } from './wait-for-settled';

export interface CattleBackendOptions {
  /** Rancher's address, e.g. `https://rancher.spin.nersc.gov`. */
  url: string;
  accessKey: string;
  secretKey: string;
  /** The environment (project) to work in; when absent, the one environment the key can see. */
  projectId?: string;
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

/** Live rows only: Rancher keeps removed resources listed for a while. */
const live = { removed_null: '1' };
/** System stacks (Rancher's own infrastructure services) are not users' to manage. */
const userOnly = { ...live, system: 'false' };
const hostsTtlMs = 30_000;
/** The stack list's mirror re-reads Rancher this often, in case the feed missed a change. */
const stackListRefreshMs = 5 * 60_000;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { numeric: true });

/** The Rancher 1.6 (cattle, API v2-beta) implementation of RancherBackend. */
export function createCattleBackend(options: CattleBackendOptions): RancherBackend {
  return new CattleBackend(options);
}

class CattleBackend implements RancherBackend {
  private readonly http: RancherHttpClient;
  private projectPath: Promise<string> | null = null;
  private feed: EventFeed | null = null;
  private hosts: { names: Promise<HostNames>; at: number } | null = null;
  private stackList: StackListMirror | null = null;
  /** The Rancher record behind each container getContainer answered, so opening its logs or a shell needs no second read. */
  private readonly wireOf = new WeakMap<ContainerDetail, ContainerWire>();

  constructor(private readonly options: CattleBackendOptions) {
    this.http = new RancherHttpClient({ ...options, ...(options.tuning?.retry ? { retry: options.tuning.retry } : {}) });
  }

  async listStacks() {
    if (this.options.tuning?.stackListMirror === false) return joinStackList(await this.readStackList());
    this.stackList ??= new StackListMirror({
      load: () => this.readStackList(),
      feed: this.eventFeed(),
      refreshMs: this.options.tuning?.stackListRefreshMs ?? stackListRefreshMs,
    });
    return this.stackList.listStacks();
  }

  private async readStackList(): Promise<StackListSnapshot> {
    const p = await this.project();
    const [stacks, services] = await Promise.all([
      this.http.list(`${p}/stacks`, stackItemSchema, userOnly, { what: 'stacks' }),
      this.http.list(`${p}/services`, serviceItemSchema, userOnly, { what: 'services' }),
    ]);
    return { stacks, services };
  }

  async ping() {
    await this.http.get(this.http.url(await this.project()), projectSchema, { what: 'the environment' });
  }

  async getStack(stackId: string) {
    const p = await this.project();
    const filter = { ...live, stackId };
    const [stack, services, containers, hosts] = await Promise.all([
      this.http.get(this.http.url(`${p}/stacks/${encodeURIComponent(stackId)}`), stackSchema, { what: `stack ${stackId}` }),
      this.http.list(`${p}/services`, serviceSchema, filter, { what: `services of stack ${stackId}` }),
      this.http.list(`${p}/containers`, containerSchema, filter, { what: `containers of stack ${stackId}` }),
      this.hostNames(),
    ]);
    const byService = new Map<string, ContainerSummary[]>();
    for (const container of containers) {
      for (const serviceId of container.serviceIds ?? []) {
        const list = byService.get(serviceId) ?? [];
        list.push(toContainerSummary(container, hosts));
        byService.set(serviceId, list);
      }
    }
    const details = services.map((s) => toServiceDetail(s, (byService.get(s.id) ?? []).sort(byName)));
    return toStackDetail(stack, details);
  }

  async getService(serviceId: string) {
    return this.serviceDetail(await this.serviceWire(serviceId));
  }

  async getContainer(containerId: string) {
    const [container, hosts] = await Promise.all([this.containerWire(containerId), this.hostNames()]);
    const detail = toContainerDetail(container, hosts);
    this.wireOf.set(detail, container);
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
    return this.act(serviceId, 'upgrade', (service) => {
      if (!service.launchConfig) {
        throw new RancherNotAllowedInStateError('This service runs no containers of its own, so there is nothing to upgrade.', {
          status: 0,
          code: 'NoLaunchConfig',
          message: `${service.type} has no launchConfig`,
        });
      }
      if (change.basedOn && !isDeepStrictEqual(change.basedOn, service.launchConfig)) {
        // Another client changed the service since the portal checked the change: what was checked is not what would be sent.
        throw new RancherConflictError(`${service.name} changed while the upgrade was being checked; review the change again.`, {
          status: 0,
          code: 'LaunchConfigChanged',
          message: 'launchConfig differs from the one the policy checked',
        });
      }
      return {
        inServiceStrategy: {
          launchConfig: mergeLaunchConfig(service.launchConfig, change.launchConfig),
          batchSize: change.batchSize ?? 1,
          intervalMillis: change.intervalMillis ?? 2000,
          startFirst: change.startFirst ?? false,
        },
      };
    });
  }

  finishUpgrade(serviceId: string) {
    return this.act(serviceId, 'finish-upgrade', () => ({}));
  }

  rollback(serviceId: string) {
    return this.act(serviceId, 'rollback', () => ({}));
  }

  async restartContainer(containerId: string) {
    const container = await this.containerWire(containerId);
    const url = this.containerActionUrl(container, 'restart', 'restart');
    const after = await this.http.post(url, {}, containerSchema, {
      what: `container ${containerId}`,
      refusal: refusalDetail('container', container.state, 'restart'),
    });
    return toContainerDetail(after, await this.hostNames());
  }

  waitForSettled(serviceId: string, options: { timeoutMs: number; signal?: AbortSignal }) {
    return waitForSettled({
      serviceId,
      ...options,
      read: () => this.getService(serviceId),
      feed: this.eventFeed(),
      ...(this.options.tuning?.pollMs ? { pollMs: this.options.tuning.pollMs } : {}),
      ...(this.options.tuning?.safetyPollMs ? { safetyPollMs: this.options.tuning.safetyPollMs } : {}),
    });
  }

  subscribe(onChange: Parameters<RancherBackend['subscribe']>[0]) {
    return { close: this.eventFeed().add(onChange) };
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
    this.stackList?.close();
    this.feed?.close();
    this.http.close();
  }

  /** Runs a service action after checking that Rancher offers it in the service's current state. */
  private async act(serviceId: string, verb: ServiceVerb, body: (service: ServiceWire) => unknown): Promise<ServiceDetail> {
    const service = await this.serviceWire(serviceId);
    const action = rancherActions[verb];
    const refusal = refusalDetail('service', service.state, verb);
    const url = service.actions[action];
    if (!url) {
      throw new RancherNotAllowedInStateError(refusal, { status: 422, code: 'ActionNotAvailable', message: `${action} is not offered while ${service.state}` });
    }
    const after = await this.http.post(this.http.pin(url), body(service), serviceSchema, { what: `service ${serviceId}`, refusal });
    return this.serviceDetail(after);
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

  private async serviceDetail(service: ServiceWire): Promise<ServiceDetail> {
    const instances = service.links.instances;
    if (!instances) return toServiceDetail(service, []);
    const [containers, hosts] = await Promise.all([
      this.http.list(this.http.pin(instances), containerSchema, live, { what: `containers of service ${service.id}` }),
      this.hostNames(),
    ]);
    return toServiceDetail(service, containers.map((c) => toContainerSummary(c, hosts)).sort(byName));
  }

  private async serviceWire(serviceId: string): Promise<ServiceWire> {
    const p = await this.project();
    return this.http.get(this.http.url(`${p}/services/${encodeURIComponent(serviceId)}`), serviceSchema, { what: `service ${serviceId}` });
  }

  /** The record behind a container getContainer answered, else read now. */
  private async containerWireOf(ref: ContainerRef): Promise<ContainerWire> {
    if (typeof ref === 'string') return this.containerWire(ref);
    return this.wireOf.get(ref) ?? this.containerWire(ref.id);
  }

  private async containerWire(containerId: string): Promise<ContainerWire> {
    const p = await this.project();
    return this.http.get(this.http.url(`${p}/containers/${encodeURIComponent(containerId)}`), containerSchema, { what: `container ${containerId}` });
  }

  /** Host names change rarely; one read serves every container for half a minute. */
  private hostNames(): Promise<HostNames> {
    if (!this.hosts || Date.now() - this.hosts.at > hostsTtlMs) {
      const names = this.project().then((p) => this.http.list(`${p}/hosts`, hostSchema, live, { what: 'hosts' }).then(hostNames));
      names.catch(() => (this.hosts = null));
      this.hosts = { names, at: Date.now() };
    }
    return this.hosts.names;
  }

  /** `/projects/{P}`: the configured environment, or the only one the key sees. */
  private project(): Promise<string> {
    this.projectPath ??= this.resolveProject().catch((err: unknown) => {
      this.projectPath = null;
      throw err;
    });
    return this.projectPath;
  }

  private async resolveProject(): Promise<string> {
    if (this.options.projectId) return `/projects/${encodeURIComponent(this.options.projectId)}`;
    const projects = await this.http.list('/projects', projectSchema, live, { what: 'environments' });
    const only = projects.length === 1 ? projects[0] : undefined;
    if (!only) {
      throw new RancherProtocolError({ status: 200, code: 'AmbiguousProject', message: `the key sees ${projects.length} environments; set RANCHER_PROJECT_ID` });
    }
    return `/projects/${encodeURIComponent(only.id)}`;
  }

  /** One subscribe socket for the whole backend, opened with the first listener. */
  private eventFeed(): EventFeed {
    this.feed ??= new EventFeed({
      url: async () => {
        const url = this.http.url(`${await this.project()}/subscribe`, { eventNames: 'resource.change' });
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        return url.href;
      },
      headers: this.http.authHeaders(),
      connectTimeoutMs: this.options.connectTimeoutMs,
      ...(this.options.tuning?.reconnectDelayMs ? { reconnectDelayMs: this.options.tuning.reconnectDelayMs } : {}),
      ...(this.options.tuning?.onFeedError ? { onError: this.options.tuning.onFeedError } : {}),
    });
    return this.feed;
  }
}
