/**
 * The health the portal shows. Rancher calls a service someone stopped on purpose "unhealthy" and its
 * stack "degraded"; neither is news to its owner. A stopped service shows as stopped, and a stack's
 * health is judged on the services meant to run.
 */
interface ServiceHealthFacts {
  state: string;
  healthState: string;
}

const stoppedStates = new Set(['inactive', 'deactivating']);
const fineHealth = new Set(['healthy', 'started-once']);

export function isStoppedOnPurpose(service: { state: string }): boolean {
  return stoppedStates.has(service.state);
}

export function shownServiceHealth(service: ServiceHealthFacts): string {
  return isStoppedOnPurpose(service) ? 'stopped' : service.healthState;
}

export function shownStackHealth(stack: { healthState: string; services: readonly ServiceHealthFacts[] }): string {
  const meantToRun = stack.services.filter((s) => !isStoppedOnPurpose(s));
  if (stack.services.length > 0 && meantToRun.length === 0) return 'stopped';
  const isRancherWorried = stack.healthState === 'degraded' || stack.healthState === 'unhealthy';
  if (isRancherWorried && meantToRun.length > 0 && meantToRun.every((s) => fineHealth.has(s.healthState))) return 'healthy';
  return stack.healthState;
}
