import 'server-only';
import type { CounterSample } from '@/lib/domain/stats/stats-point';
import type { RolloutOptions } from '@/lib/domain/rancher/rollout-options';
import type { LifecycleVerb } from '@/lib/domain/rancher/service-verbs';
import type {
  ContainerDetail,
  Environment,
  LaunchConfig,
  ExecSession,
  LaunchConfigPatch,
  LogLine,
  ResourceChange,
  ServiceDetail,
  StackDetail,
  StackSummary,
} from '@/lib/domain/rancher/types';

export interface UpgradeChange extends RolloutOptions {
  /** Fields to change; everything else is copied from the service's current launchConfig. */
  launchConfig: LaunchConfigPatch;
  /**
   * The launchConfig the change was checked against. When Rancher's current one differs, the upgrade
   * is refused (RancherConflictError) instead of sending a merge nobody checked.
   */
  basedOn?: LaunchConfig;
  /** Start the new container before stopping the old one. */
  startFirst?: boolean;
}

export interface LogOptions {
  tail?: number;
  follow?: boolean;
  signal?: AbortSignal;
}

/** One environment's part of the stack list: its stacks, or why it could not be read (the others still are). */
export type EnvironmentListing = { environment: Environment; stacks: StackSummary[] } | { environment: Environment; unavailable: Error };

/**
 * The container to open logs or a shell on: its id, or a container this backend's getContainer
 * answered, which Rancher is then not asked for again (an authorized open reads it once).
 */
export type ContainerRef = string | ContainerDetail;

/** Whose statistics to follow: one container, or every container of a service. */
export type StatsTarget = { container: ContainerRef } | { serviceId: string };

/**
 * The portal's only door to the container platform. The Rancher 1.6 implementation is
 * `createCattleBackend` (cattle-backend.ts); unit tests of callers may pass a fake. Failures are the
 * errors of lib/rancher/errors.ts, which are AppErrors, so route handlers need no mapping.
 */
export interface RancherBackend {
  /**
   * Every stack with its services: two paginated lists joined here, kept in memory and current from the
   * event feed while it is up (lib/rancher/stack-list-mirror.ts), read from Rancher while it is down.
   */
  listStacks(): Promise<StackSummary[]>;
  /**
   * The same list environment by environment: an environment that does not answer is listed as
   * unavailable and the others as usual. listStacks fails only when no environment answers.
   */
  listStacksByEnvironment(): Promise<EnvironmentListing[]>;
  /**
   * The environments the portal works in, with their names read from Rancher; a RancherEnvironmentUnreadableError
   * names the first one that could not be read.
   */
  environments(): Promise<Environment[]>;
  /** A stack with its services and their containers; RancherNotFoundError when absent. */
  getStack(stackId: string): Promise<StackDetail>;
  getService(serviceId: string): Promise<ServiceDetail>;
  getContainer(containerId: string): Promise<ContainerDetail>;
  /** Stop, start or restart (rolling, `batchSize` containers at a time); answers the service in its transitional state. */
  serviceAction(serviceId: string, verb: LifecycleVerb, options?: RolloutOptions): Promise<ServiceDetail>;
  /** Upgrades with the change merged into the full current launchConfig; the service ends `upgraded`. */
  upgrade(serviceId: string, change: UpgradeChange): Promise<ServiceDetail>;
  finishUpgrade(serviceId: string): Promise<ServiceDetail>;
  rollback(serviceId: string): Promise<ServiceDetail>;
  restartContainer(containerId: string): Promise<ContainerDetail>;
  /**
   * Resolves when the service is no longer transitioning (`transitioning` is `no` or `error`), watching
   * the event feed and polling as a fallback. RancherSettleTimeoutError after `timeoutMs`.
   */
  waitForSettled(serviceId: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ServiceDetail>;
  /** Changes to stacks, services and containers, as they happen; reconnects by itself until closed. */
  subscribe(onChange: (change: ResourceChange) => void): { close(): void };
  /**
   * A container's log lines: the tail, then (with `follow`) new lines until the signal aborts or the
   * loop stops. Reads from Rancher only as fast as the consumer pulls.
   */
  openLogs(container: ContainerRef, options: LogOptions): AsyncIterable<LogLine>;
  /** The same lines a batch at a time (what arrived since the last pull), for relays that forward in bulk. */
  openLogBatches(container: ContainerRef, options: LogOptions): AsyncIterable<LogLine[]>;
  /**
   * Cumulative resource counters (CPU, memory, network, disk) of a container or of each container of
   * a service, a frame of readings about once a second, until the signal aborts.
   */
  openStats(target: StatsTarget, options: { signal?: AbortSignal }): AsyncIterable<CounterSample[]>;
  /** A terminal in a running container. */
  openExec(container: ContainerRef, options: { cols: number; rows: number; command: string[] }): Promise<ExecSession>;
  /** Resolves when Rancher answers for at least one of the portal's environments (readiness probe). */
  ping(): Promise<void>;
  /** Releases connections and the event feed. */
  close(): void;
}
