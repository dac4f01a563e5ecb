import { appendLines, appendStartup } from '../logs/container-log';
import { crashLines, shutdownLines } from '../logs/log-lines';
import { createContainerRecord, type DeploymentUnit } from '../world/container-factory';
import { crashesOnStart } from '../world/service-profile';
import { isoTime, newUuid } from '../world/record-factory';
import type { World } from '../world/world';
import type { ContainerRecord, HostRecord, JsonObject, ServiceRecord } from '../world/world-types';
import type { Clock } from './clock';
import { configFor, runsCurrentConfig } from './launch-configs';
import type { Outcome, ProcessRunner } from './process-runner';

/** Steps before an active service's reconciler starts a container that stopped. */
const reconcileSteps = 3;
const notStarted = '0001-01-01T00:00:00Z';
/** Runs whose traffic a log tail can still show. */
const keptRuns = 10;

/**
 * Container processes (rancher-api.md §5.4) and what a running container does by itself: its health
 * check passing, its crash loop, and the service reconciler starting it again.
 */
export class ContainerOps {
  private placement = 0;

  constructor(
    private readonly world: World,
    private readonly runner: ProcessRunner,
    private readonly clock: Clock,
  ) {}

  start(c: ContainerRecord): Promise<Outcome> {
    return this.runner.run(c, 'starting', async (p) => {
      await p.step(1);
      this.markRunning(c);
      p.settle('running');
    });
  }

  stop(c: ContainerRecord): Promise<Outcome> {
    return this.runner.run(c, 'stopping', async (p) => {
      await p.step(1);
      this.markStopped(c, 0, true);
      p.settle('stopped');
      this.reconcileLater(c, reconcileSteps);
    });
  }

  restart(c: ContainerRecord): Promise<Outcome> {
    return this.runner.run(c, 'restarting', async (p) => {
      await p.step(1);
      this.markStopped(c, 0, true);
      await p.step(1);
      this.markRunning(c);
      p.settle('running');
    });
  }

  remove(c: ContainerRecord): Promise<Outcome> {
    return this.runner.run(c, 'removing', async (p) => {
      await p.step(1);
      if (this.world.containerRuntime.get(c.id)?.stoppedAt === null) this.markStopped(c, 137, false);
      p.settle('removed');
    });
  }

  /** Creates the container of a deployment unit and starts it; `fail` (or a `-crash` image) makes it exit on start. */
  create(service: ServiceRecord, launchConfigName: string, unit: DeploymentUnit | null, options: { hostId?: string; fail?: boolean } = {}): { container: ContainerRecord; done: Promise<Outcome> } {
    const stack = this.world.stacks.get(service.stackId);
    const launchConfig = configFor(service, launchConfigName);
    if (!stack || !launchConfig) throw new Error(`cannot create a container for ${service.id}/${launchConfigName}`);
    if (!unit) service.createIndex += 1;
    const { container, runtime } = createContainerRecord(
      this.world,
      { stack, service, launchConfig: launchConfig as JsonObject, launchConfigName, unit: unit ?? { index: service.createIndex, uuid: newUuid() }, host: this.pickHost(options.hostId) },
      Date.now(),
    );
    this.world.addContainer(container, runtime);
    const done = this.runner.run(container, 'creating', async (p) => {
      await p.step(1);
      container.state = 'starting';
      this.world.changed(container);
      await p.step(1);
      if (options.fail || crashesOnStart(container.imageUuid)) {
        const exitCode = 1;
        appendLines(runtime, crashLines('python', exitCode, container.environment));
        this.markStopped(container, exitCode, false);
        p.settle('error', `Container exited with code ${exitCode}`);
        return;
      }
      this.markRunning(container);
      p.settle('running');
    });
    return { container, done };
  }

  /** Starts the clocks of containers that are already running when the simulator starts. */
  boot(): void {
    for (const c of this.world.containers.values()) {
      const runtime = this.world.containerRuntime.get(c.id);
      if (c.state === 'running' && runtime?.startedAt != null) this.armCrash(c, runtime.startedAt);
    }
  }

  private pickHost(preferred: string | undefined): HostRecord {
    const active = [...this.world.hosts.values()].filter((h) => h.state === 'active');
    const preferredHost = preferred ? this.world.hosts.get(preferred) : undefined;
    if (preferredHost?.state === 'active') return preferredHost;
    const pool = active.length > 0 ? active : [...this.world.hosts.values()];
    const host = pool[this.placement++ % pool.length];
    if (!host) throw new Error('the world has no host');
    return host;
  }

  private markRunning(c: ContainerRecord): void {
    const runtime = this.world.containerRuntime.get(c.id);
    const service = this.world.serviceOfContainer(c.id);
    const profile = service && this.world.serviceProfiles.get(service.id);
    const now = Date.now();
    c.startCount += 1;
    c.firstRunning ??= isoTime(now);
    c.healthState = c.healthCheck ? 'initializing' : null;
    c.data.dockerInspect.State = { Status: 'running', Running: true, Restarting: false, OOMKilled: false, ExitCode: 0, Error: '', StartedAt: new Date(now).toISOString(), FinishedAt: notStarted };
    if (!runtime) return;
    if (runtime.startedAt !== null && runtime.stoppedAt !== null) {
      runtime.previousRuns.push({ startedAt: runtime.startedAt, stoppedAt: runtime.stoppedAt });
      if (runtime.previousRuns.length > keptRuns) runtime.previousRuns.shift();
    }
    runtime.startedAt = now;
    runtime.stoppedAt = null;
    if (profile) appendStartup(c, runtime, profile, now);
    if (c.healthCheck) {
      this.clock.schedule(2, () => {
        if (c.state !== 'running' || runtime.startedAt !== now) return;
        c.healthState = 'healthy';
        this.world.changed(c);
      });
    }
    this.armCrash(c, now);
  }

  private markStopped(c: ContainerRecord, exitCode: number, graceful: boolean): void {
    const runtime = this.world.containerRuntime.get(c.id);
    const service = this.world.serviceOfContainer(c.id);
    const profile = service && this.world.serviceProfiles.get(service.id);
    const now = Date.now();
    if (runtime && graceful && profile) appendLines(runtime, shutdownLines(profile.logStyle, now), now);
    if (runtime) runtime.stoppedAt = now;
    c.healthState = null;
    Object.assign(c.data.dockerInspect.State, { Status: 'exited', Running: false, ExitCode: exitCode, FinishedAt: new Date(now).toISOString() });
  }

  /** A crash-looping image exits after its uptime; Rancher's reconciler starts it again. */
  private armCrash(c: ContainerRecord, runStartedAt: number): void {
    const service = this.world.serviceOfContainer(c.id);
    const crash = service && this.world.serviceProfiles.get(service.id)?.crashLoop;
    if (!crash || crash.imageUuid !== c.imageUuid) return;
    const elapsedSteps = (Date.now() - runStartedAt) / Math.max(1, this.clock.millisFor(1));
    this.clock.schedule(Math.max(0, crash.uptimeSeconds - elapsedSteps), () => {
      const runtime = this.world.containerRuntime.get(c.id);
      if (c.state !== 'running' || !runtime || runtime.startedAt !== runStartedAt) return;
      this.runner.supersede(c.id);
      appendLines(runtime, crashLines(this.world.serviceProfiles.get(service.id)?.logStyle ?? 'python', crash.exitCode, c.environment));
      this.markStopped(c, crash.exitCode, false);
      // 137 in a crash loop is the kernel's out-of-memory kill, which Docker reports as such.
      if (crash.exitCode === 137) c.data.dockerInspect.State.OOMKilled = true;
      c.state = 'stopped';
      c.transitioning = 'no';
      c.transitioningMessage = null;
      this.world.changed(c);
      this.reconcileLater(c, crash.restartDelaySeconds);
    });
  }

  private reconcileLater(c: ContainerRecord, steps: number): void {
    this.clock.schedule(steps, () => {
      const service = this.world.serviceOfContainer(c.id);
      if (!service || service.state !== 'active' || service.transitioning !== 'no') return;
      if (c.state !== 'stopped' || c.removed !== null || !runsCurrentConfig(this.world, service, c)) return;
      void this.start(c);
    });
  }
}
