import type { ContainerRecord } from './world-types';

// Rancher derives a service's health from its running containers and a stack's from its services
// (rancher-api.md §3.1, §10.2). A container without a health check counts as healthy while it runs.

export function serviceHealth(scale: number, containers: ContainerRecord[]): string {
  if (scale === 0) return 'healthy';
  let healthy = 0;
  let initializing = 0;
  for (const c of containers) {
    if (c.state !== 'running') continue;
    if (c.healthState === null || c.healthState === 'healthy') healthy += 1;
    else if (c.healthState === 'initializing' || c.healthState === 'reinitializing') initializing += 1;
  }
  if (healthy >= scale) return 'healthy';
  if (initializing > 0 && healthy + initializing >= scale) return 'initializing';
  return healthy > 0 ? 'degraded' : 'unhealthy';
}

export function stackHealth(serviceHealthStates: string[]): string {
  if (serviceHealthStates.every((h) => h === 'healthy')) return 'healthy';
  if (serviceHealthStates.every((h) => h === 'unhealthy')) return 'unhealthy';
  if (serviceHealthStates.every((h) => h === 'healthy' || h === 'initializing')) return 'initializing';
  return 'degraded';
}
