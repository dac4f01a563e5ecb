import type { World } from '../world/world';
import type { HostRecord, JsonObject, StackRecord } from '../world/world-types';
import type { Outcome, ProcessRunner } from './process-runner';
import { ProcessRefused } from './process-runner';
import type { ServiceOps } from './service-processes';

export interface StackUpgradeInput {
  dockerCompose: string | null;
  rancherCompose: string | null;
  environment: JsonObject | null;
  externalId: string | null;
}

const deactivatable = new Set(['active', 'activating', 'updating-active', 'updating-inactive', 'restarting']);
const skippedOnDeactivate = new Set(['removed', 'removing', 'inactive', 'deactivating']);

/**
 * Stack actions (rancher-api.md §5.3). activateservices and deactivateservices fan out to the
 * services; the stack-level upgrade only swaps the stored compose files, since the portal and
 * `rancher up` upgrade service by service.
 */
export class StackOps {
  private readonly beforeUpgrade = new Map<string, StackUpgradeInput>();

  constructor(
    private readonly world: World,
    private readonly runner: ProcessRunner,
    private readonly services: ServiceOps,
  ) {}

  /** A stack created through the API activates after a step. */
  activateNew(stack: StackRecord): Promise<Outcome> {
    return this.simple(stack, 'activating', 'active');
  }

  activateServices(stack: StackRecord): void {
    for (const service of this.world.servicesOf(stack.id)) {
      if (service.state === 'inactive') void this.services.activate(service);
    }
  }

  /** Refuses the whole request if any service is in a state that cannot be deactivated. */
  deactivateServices(stack: StackRecord): void {
    const services = this.world.servicesOf(stack.id);
    const blocked = services.find((s) => !deactivatable.has(s.state) && !skippedOnDeactivate.has(s.state));
    if (blocked) throw new ProcessRefused('InvalidState', `Service ${blocked.name} is not in valid state to be deactivated: ${blocked.state}`);
    for (const service of services) {
      if (deactivatable.has(service.state)) void this.services.deactivate(service);
    }
  }

  remove(stack: StackRecord): Promise<Outcome> {
    return this.runner.run(stack, 'removing', async (p) => {
      await p.step(1);
      const live = this.world.servicesOf(stack.id).filter((s) => s.removed === null && s.state !== 'removing');
      await Promise.all(live.map((s) => this.services.remove(s)));
      p.settle('removed');
    });
  }

  upgrade(stack: StackRecord, input: StackUpgradeInput): Promise<Outcome> {
    this.beforeUpgrade.set(stack.id, { dockerCompose: stack.dockerCompose, rancherCompose: stack.rancherCompose, environment: stack.environment, externalId: stack.externalId });
    stack.previousEnvironment = stack.environment;
    stack.previousExternalId = stack.externalId;
    Object.assign(stack, input);
    return this.simple(stack, 'upgrading', 'upgraded');
  }

  finishUpgrade(stack: StackRecord): Promise<Outcome> {
    this.beforeUpgrade.delete(stack.id);
    return this.simple(stack, 'finishing-upgrade', 'active');
  }

  rollback(stack: StackRecord): Promise<Outcome> {
    const before = this.beforeUpgrade.get(stack.id);
    if (before) Object.assign(stack, before);
    this.beforeUpgrade.delete(stack.id);
    return this.simple(stack, 'rolling-back', 'active');
  }

  cancelUpgrade(stack: StackRecord): Promise<Outcome> {
    return this.simple(stack, 'canceling-upgrade', 'canceled-upgrade');
  }

  /** Host activate/deactivate: the host agent flips its state after a step. */
  host(host: HostRecord, transitional: string, done: string): Promise<Outcome> {
    return this.simple(host, transitional, done);
  }

  private simple(record: StackRecord | HostRecord, transitional: string, done: string): Promise<Outcome> {
    return this.runner.run(record, transitional, async (p) => {
      await p.step(1);
      p.settle(done);
    });
  }
}
