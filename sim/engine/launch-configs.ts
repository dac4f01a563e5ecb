import { primaryLaunchConfig } from '../world/record-factory';
import type { World } from '../world/world';
import type { ContainerRecord, JsonObject, ServiceRecord } from '../world/world-types';

/** The service's launchConfig for a launch config name: the primary or a named sidekick. */
export function configFor(service: ServiceRecord, launchConfigName: string): JsonObject | undefined {
  if (launchConfigName === primaryLaunchConfig) return service.launchConfig;
  return service.secondaryLaunchConfigs.find((c) => c.name === launchConfigName);
}

export function configNames(service: ServiceRecord): string[] {
  return [primaryLaunchConfig, ...service.secondaryLaunchConfigs.map((c) => String(c.name))];
}

/** True when the container runs the config the service has now (not one an upgrade replaced). */
export function runsCurrentConfig(world: World, service: ServiceRecord, container: ContainerRecord): boolean {
  const name = world.containerRuntime.get(container.id)?.launchConfigName ?? primaryLaunchConfig;
  const config = configFor(service, name);
  return config !== undefined && config.version === container.version;
}

/** Live (not removed) containers of the service, split into those on the current config and the rest. */
export function containersByConfig(world: World, service: ServiceRecord): { current: ContainerRecord[]; previous: ContainerRecord[] } {
  const current: ContainerRecord[] = [];
  const previous: ContainerRecord[] = [];
  for (const c of world.containersOf(service.id)) {
    if (c.removed !== null || c.state === 'removing') continue;
    (runsCurrentConfig(world, service, c) ? current : previous).push(c);
  }
  return { current, previous };
}

/** Drops what Go clients embed in every object (`links`, `actions`) and the server-owned `version`. */
export function cleanConfig(config: JsonObject): JsonObject {
  const { links: _links, actions: _actions, version: _version, ...rest } = config;
  return rest;
}
