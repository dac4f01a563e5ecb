import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import type { UpgradeChange } from './backend';
import { RancherConflictError, RancherNotAllowedInStateError } from './errors';
import type { ServiceWire } from './schemas';

/**
 * The body of Rancher's `upgrade` action: the service's whole launchConfig with the change merged in
 * (Rancher replaces it whole), refused when the service has none, or when it is no longer the one the
 * change was checked against.
 */
export function upgradeStrategy(service: ServiceWire, change: UpgradeChange) {
  if (!service.launchConfig) {
    throw new RancherNotAllowedInStateError('This service runs no containers of its own, so there is nothing to upgrade.', {
      status: 0,
      code: 'NoLaunchConfig',
      message: `${service.type} has no launchConfig`,
    });
  }
  if (change.basedOn && !isDeepStrictEqual(change.basedOn, service.launchConfig)) {
    // Another client changed the service since the portal checked the change: what was checked is not what would be sent.
    throw new RancherConflictError(`${service.name} changed while the upgrade was being checked; review the change again.`, {
      status: 0,
      code: 'LaunchConfigChanged',
      message: 'launchConfig differs from the one the policy checked',
    });
  }
  return {
    inServiceStrategy: {
      launchConfig: mergeLaunchConfig(service.launchConfig, change.launchConfig),
      batchSize: change.batchSize ?? 1,
      intervalMillis: change.intervalMillis ?? 2000,
      startFirst: change.startFirst ?? false,
    },
  };
}
