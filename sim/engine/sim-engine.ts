import type { FaultState } from '../faults/faults';
import type { World } from '../world/world';
import type { Clock } from './clock';
import { ContainerOps } from './container-processes';
import { ProcessRunner } from './process-runner';
import { ServiceOps } from './service-processes';
import { StackOps } from './stack-processes';
import { UpgradeOps } from './upgrade-processes';

/** Everything that moves the world forward, wired once per simulator. */
export class SimEngine {
  readonly runner: ProcessRunner;
  readonly containers: ContainerOps;
  readonly services: ServiceOps;
  readonly upgrades: UpgradeOps;
  readonly stacks: StackOps;

  constructor(
    readonly world: World,
    readonly clock: Clock,
    readonly faults: FaultState,
  ) {
    this.runner = new ProcessRunner(world, clock, faults);
    this.containers = new ContainerOps(world, this.runner, clock);
    this.services = new ServiceOps(world, this.runner, this.containers);
    this.upgrades = new UpgradeOps(world, this.runner, this.containers, this.services, faults);
    this.stacks = new StackOps(world, this.runner, this.services);
  }

  /** Starts what runs by itself: crash loops of containers that are up when the simulator starts. */
  boot(): void {
    this.containers.boot();
  }
}
