import type { World } from '../world/world';
import type { ContainerRecord, ServiceRecord } from '../world/world-types';
import { containerActions, isAllowed } from './action-tables';
import type { ContainerOps } from './container-processes';
import { configNames, containersByConfig } from './launch-configs';
import type { Outcome, ProcessContext, ProcessRunner } from './process-runner';
import { recordServiceLog } from './service-log';

export interface RollingStrategy {
  batchSize: number;
  intervalMillis: number;
}

/** Steps for Rancher's `intervalMillis`, a real-time pause between batches. */
function intervalSteps(intervalMillis: number): number {
  return Math.max(0, intervalMillis) / 1000;
}

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  const n = Math.max(1, Math.floor(size));
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

const stopRule = containerActions.stop;
const runningStates = new Set(['active', 'activating', 'updating-active']);

/** Service processes other than the upgrade family (rancher-api.md §5.2). */
export class ServiceOps {
  constructor(
    private readonly world: World,
    private readonly runner: ProcessRunner,
    private readonly containers: ContainerOps,
  ) {}

  /** A service created through the API registers, rests inactive, and starts if asked to. */
  register(service: ServiceRecord, start: boolean): Promise<Outcome> {
    return this.runner.run(service, 'registering', async (p) => {
      await p.step(1);
      p.settle('inactive');
      if (start) void this.activate(service);
    });
  }

  activate(service: ServiceRecord): Promise<Outcome> {
    recordServiceLog(this.world, service, 'service.activate', 'Activating service');
    return this.runner.run(service, 'activating', async (p) => {
      await p.step(1);
      await this.converge(service);
      p.settle('active');
    });
  }

  deactivate(service: ServiceRecord): Promise<Outcome> {
    recordServiceLog(this.world, service, 'service.deactivate', 'Deactivating service');
    return this.runner.run(service, 'deactivating', async (p) => {
      await p.step(1);
      const live = this.world.containersOf(service.id).filter((c) => c.removed === null && stopRule && isAllowed(stopRule, c.state));
      await Promise.all(live.map((c) => this.containers.stop(c)));
      p.settle('inactive');
    });
  }

  restart(service: ServiceRecord, strategy: RollingStrategy): Promise<Outcome> {
    recordServiceLog(this.world, service, 'service.restart', 'Restarting service');
    return this.runner.run(service, 'restarting', async (p) => {
      const running = containersByConfig(this.world, service).current.filter((c) => c.state === 'running');
      await this.inBatches(p, running, strategy, (c) => this.containers.restart(c));
      p.settle('active');
    });
  }

  /** A PUT that changes `scale`: a running service converges at once (taking over an activate or an
   * earlier scale), an inactive one when it is next activated. */
  scale(service: ServiceRecord, scale: number): Promise<Outcome> | null {
    service.scale = scale;
    if (!runningStates.has(service.state)) {
      this.world.changed(service);
      return null;
    }
    return this.runner.run(service, 'updating-active', async (p) => {
      await p.step(1);
      await this.converge(service);
      p.settle('active');
    });
  }

  remove(service: ServiceRecord): Promise<Outcome> {
    recordServiceLog(this.world, service, 'service.remove', 'Removing service');
    return this.runner.run(service, 'removing', async (p) => {
      await p.step(1);
      const live = this.world.containersOf(service.id).filter((c) => c.removed === null);
      await Promise.all(live.map((c) => this.stopAndRemove(c)));
      p.settle('removed');
    });
  }

  async stopAndRemove(c: ContainerRecord): Promise<void> {
    if (stopRule && isAllowed(stopRule, c.state)) await this.containers.stop(c);
    if (c.removed === null && c.state !== 'removing') await this.containers.remove(c);
  }

  /** Runs `each` over `items` batch by batch, pausing intervalMillis between batches. */
  async inBatches<T>(p: ProcessContext, items: T[], strategy: RollingStrategy, each: (item: T) => Promise<unknown>): Promise<void> {
    const groups = batches(items, strategy.batchSize);
    for (const [i, group] of groups.entries()) {
      await p.step(0);
      await Promise.all(group.map(each));
      p.progress(((i + 1) / groups.length) * 100);
      if (i < groups.length - 1) await p.step(intervalSteps(strategy.intervalMillis));
    }
  }

  /** Starts stopped containers of the current config, creates missing units, removes extra ones. */
  async converge(service: ServiceRecord): Promise<void> {
    const work: Promise<unknown>[] = [];
    const { current } = containersByConfig(this.world, service);
    for (const name of configNames(service)) {
      const mine = current.filter((c) => this.world.containerRuntime.get(c.id)?.launchConfigName === name).sort((a, b) => a.createIndex - b.createIndex);
      mine.slice(service.scale).forEach((c) => work.push(this.stopAndRemove(c)));
      for (const c of mine.slice(0, service.scale)) {
        if (c.state === 'stopped') work.push(this.containers.start(c));
      }
      for (let n = mine.length; n < service.scale; n += 1) work.push(this.containers.create(service, name, null).done);
    }
    await Promise.all(work);
  }
}
