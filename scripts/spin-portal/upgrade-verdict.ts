import type { ServiceView } from '../../lib/domain/stacks/stack-schemas';

export type UpgradeVerdict = { kind: 'waiting'; for: string } | { kind: 'healthy' } | { kind: 'failed'; reason: string };

/**
 * Where an upgrade stands, from one reading of the service. `previousContainerIds` are the containers
 * from before the upgrade, so the new ones can be told apart (during `upgraded` the old ones are kept,
 * stopped, under the same names).
 *
 * Failed: Rancher reports an error (a new container that would not start), a new container exited
 * with an error or was restarted (a crash loop), or the upgrade is gone (rolled back or cancelled
 * by someone else). Healthy: upgraded, settled, and Rancher's health is `healthy`.
 */
export function upgradeVerdict(service: ServiceView, previousContainerIds: ReadonlySet<string>): UpgradeVerdict {
  if (service.transitioning === 'error') return { kind: 'failed', reason: `Rancher reports: ${service.transitioningMessage ?? 'the upgrade failed'}` };
  if (service.state === 'upgrading') return { kind: 'waiting', for: 'the new containers to start' };
  if (service.state !== 'upgraded') return { kind: 'failed', reason: `the upgrade ended elsewhere: the service is ${service.state}, not upgraded (rolled back or cancelled in the portal or Rancher?)` };
  const fresh = service.containers.filter((c) => !previousContainerIds.has(c.id));
  const crashed = fresh.find((c) => c.startCount > 1 || (c.state !== 'running' && c.exitCode !== null && c.exitCode !== 0));
  if (crashed) {
    const exit = crashed.exitCode !== null && crashed.exitCode !== 0 ? ` with code ${crashed.exitCode}` : '';
    return { kind: 'failed', reason: `container ${crashed.name} exited${exit} (started ${crashed.startCount} times)` };
  }
  if (service.transitioning === 'yes') return { kind: 'waiting', for: 'Rancher to settle' };
  if (service.healthState === 'healthy') return { kind: 'healthy' };
  return { kind: 'waiting', for: `health (now ${service.healthState})` };
}

/** A finish or roll back is done when the service is active again and settled. */
export function isSettledActive(service: Pick<ServiceView, 'state' | 'transitioning'>): boolean {
  return service.state === 'active' && service.transitioning === 'no';
}
