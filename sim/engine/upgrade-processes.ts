import type { FaultState } from '../faults/faults';
import type { DeploymentUnit } from '../world/container-factory';
import { completeLaunchConfig, newUuid, primaryLaunchConfig } from '../world/record-factory';
import type { World } from '../world/world';
import type { ContainerRecord, Json, JsonObject, ServiceRecord } from '../world/world-types';
import type { ContainerOps } from './container-processes';
import { cleanConfig, containersByConfig, runsCurrentConfig } from './launch-configs';
import type { Outcome, ProcessContext, ProcessRunner } from './process-runner';
import { recordServiceLog } from './service-log';
import type { ServiceOps } from './service-processes';

export interface UpgradeInput {
  launchConfig: JsonObject | null;
  secondaryLaunchConfigs: JsonObject[] | null;
  batchSize: number;
  intervalMillis: number;
  startFirst: boolean;
}

/** Rancher's image name for "remove this sidekick" in an upgrade (rancher-api.md §4). */
const noneImage = 'rancher/none';

function asObject(value: Json | undefined): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

interface PendingUnit {
  launchConfigName: string;
  unit: DeploymentUnit | null;
  hostId: string | undefined;
  old: ContainerRecord[];
}

/**
 * The in-service upgrade family (rancher-api.md §5.2): the new launchConfig replaces the old one
 * whole; each deployment unit gets a new container on it (same name, new id) while the old one is
 * stopped and kept until finishupgrade removes it or rollback starts it again.
 */
export class UpgradeOps {
  constructor(
    private readonly world: World,
    private readonly runner: ProcessRunner,
    private readonly containers: ContainerOps,
    private readonly services: ServiceOps,
    private readonly faults: FaultState,
  ) {}

  upgrade(service: ServiceRecord, input: UpgradeInput): Promise<Outcome> {
    const version = newUuid();
    const previousLaunchConfig = service.launchConfig;
    const previousSecondaryLaunchConfigs = service.secondaryLaunchConfigs;
    if (input.launchConfig) service.launchConfig = completeLaunchConfig(cleanConfig(input.launchConfig), version);
    let secondaries = [...service.secondaryLaunchConfigs];
    for (const given of input.secondaryLaunchConfigs ?? []) {
      secondaries = secondaries.filter((c) => c.name !== given.name);
      if (given.imageUuid !== noneImage) secondaries.push(completeLaunchConfig(cleanConfig(given), version));
    }
    service.secondaryLaunchConfigs = secondaries;
    service.upgrade = {
      type: 'serviceUpgrade',
      inServiceStrategy: {
        type: 'inServiceUpgradeStrategy',
        batchSize: input.batchSize,
        intervalMillis: input.intervalMillis,
        startFirst: input.startFirst,
        launchConfig: input.launchConfig ? service.launchConfig : null,
        secondaryLaunchConfigs: input.secondaryLaunchConfigs ? secondaries.filter((c) => c.version === version) : null,
        previousLaunchConfig,
        previousSecondaryLaunchConfigs,
      },
      toServiceStrategy: null,
    };
    recordServiceLog(this.world, service, 'service.upgrade', `Upgrading service to ${String(service.launchConfig.imageUuid)}`);
    return this.runner.run(service, 'upgrading', (p) => this.replaceUnits(service, p));
  }

  continueUpgrade(service: ServiceRecord): Promise<Outcome> {
    return this.runner.run(service, 'upgrading', (p) => this.replaceUnits(service, p));
  }

  cancelUpgrade(service: ServiceRecord): Promise<Outcome> {
    return this.runner.run(service, 'canceling-upgrade', async (p) => {
      await p.step(1);
      p.settle('canceled-upgrade');
    });
  }

  finishUpgrade(service: ServiceRecord): Promise<Outcome> {
    recordServiceLog(this.world, service, 'service.finishupgrade', 'Finishing upgrade');
    return this.runner.run(service, 'finishing-upgrade', async (p) => {
      await p.step(1);
      for (const c of containersByConfig(this.world, service).previous) {
        await p.step(0);
        await this.services.stopAndRemove(c);
      }
      p.settle('active');
    });
  }

  rollback(service: ServiceRecord): Promise<Outcome> {
    const strategy = asObject(service.upgrade?.inServiceStrategy);
    const previous = asObject(strategy?.previousLaunchConfig);
    if (previous) service.launchConfig = previous;
    const previousSecondaries = strategy?.previousSecondaryLaunchConfigs;
    if (Array.isArray(previousSecondaries)) service.secondaryLaunchConfigs = previousSecondaries.flatMap((c) => {
      const config = asObject(c);
      return config ? [config] : [];
    });
    recordServiceLog(this.world, service, 'service.rollback', 'Rolling back upgrade');
    return this.runner.run(service, 'rolling-back', async (p) => {
      await p.step(1);
      const { previous: replaced } = containersByConfig(this.world, service);
      await Promise.all(replaced.map((c) => this.services.stopAndRemove(c)));
      await p.step(0);
      await this.services.converge(service);
      p.settle('active');
    });
  }

  private strategy(service: ServiceRecord): { batchSize: number; intervalMillis: number; startFirst: boolean } {
    const s = asObject(service.upgrade?.inServiceStrategy);
    return {
      batchSize: typeof s?.batchSize === 'number' ? s.batchSize : 1,
      intervalMillis: typeof s?.intervalMillis === 'number' ? s.intervalMillis : 2000,
      startFirst: s?.startFirst === true,
    };
  }

  /** Units whose containers still run an old config, plus new units up to scale. */
  private pendingUnits(service: ServiceRecord): PendingUnit[] {
    const pending: PendingUnit[] = [];
    const live = this.world.containersOf(service.id).filter((c) => c.removed === null && c.state !== 'removing');
    const names = [primaryLaunchConfig, ...service.secondaryLaunchConfigs.map((c) => String(c.name))];
    for (const name of names) {
      const units = new Map<number, ContainerRecord[]>();
      for (const c of live) {
        if (this.world.containerRuntime.get(c.id)?.launchConfigName !== name) continue;
        units.set(c.createIndex, [...(units.get(c.createIndex) ?? []), c]);
      }
      for (const [index, members] of [...units].sort((a, b) => a[0] - b[0])) {
        if (members.some((c) => runsCurrentConfig(this.world, service, c))) continue;
        const first = members[0];
        pending.push({ launchConfigName: name, unit: first ? { index, uuid: first.deploymentUnitUuid } : null, hostId: first?.hostId, old: members });
      }
      for (let n = units.size; n < service.scale; n += 1) pending.push({ launchConfigName: name, unit: null, hostId: undefined, old: [] });
    }
    return pending;
  }

  private async replaceUnits(service: ServiceRecord, p: ProcessContext): Promise<void> {
    const strategy = this.strategy(service);
    const fail = this.faults.value.upgrade_fail;
    const outcome: { failed: ContainerRecord | null } = { failed: null };
    const stopOld = (unit: PendingUnit) => Promise.all(unit.old.filter((c) => c.state === 'running' || c.state === 'starting').map((c) => this.containers.stop(c)));
    await this.services.inBatches(p, this.pendingUnits(service), strategy, async (unit) => {
      if (outcome.failed) return;
      if (!strategy.startFirst) await stopOld(unit);
      const created = this.containers.create(service, unit.launchConfigName, unit.unit, { hostId: unit.hostId, fail });
      await created.done;
      if (created.container.state === 'error') {
        outcome.failed = created.container;
        return;
      }
      if (strategy.startFirst) await stopOld(unit);
    });
    const broken = outcome.failed;
    if (broken) {
      recordServiceLog(this.world, service, 'service.upgrade', `Failed to start instance ${broken.name}`, 'error');
      p.settle('upgrading', `Failed to start instance ${broken.name}: exit status 1`);
      return;
    }
    p.settle('upgraded');
  }
}
