import type { ServiceRecord } from '../world/world-types';
import { parseInput, restartInput, serviceLinksInput, upgradeInput } from './action-inputs';
import { ApiError } from './api-error';
import { accepted, type ActionResult, type ApiEnv, handled } from './api-env';
import { assertSecretReferences } from './secret-handlers';

// Service actions (rancher-api.md §5.2). Validation messages are cattle's own, carried in fieldName
// the way its ValidationErrorException does (rancher/rancher#7440).

export function runServiceAction(env: ApiEnv, service: ServiceRecord, action: string, body: unknown): ActionResult {
  const { services, upgrades } = env.engine;
  switch (action) {
    case 'activate':
      void services.activate(service);
      return accepted;
    case 'deactivate':
      void services.deactivate(service);
      return accepted;
    case 'restart': {
      const strategy = parseInput(restartInput, body).rollingRestartStrategy;
      if (!strategy) throw ApiError.validation('MissingRequired', 'Restart strategy needs to be set');
      void services.restart(service, { batchSize: strategy.batchSize ?? 1, intervalMillis: strategy.intervalMillis ?? 2000 });
      return accepted;
    }
    case 'upgrade': {
      const strategy = parseInput(upgradeInput, body).inServiceStrategy;
      if (!strategy) throw ApiError.validation('MissingRequired', 'Upgrade strategy needs to be set');
      const launchConfig = strategy.launchConfig ?? null;
      const secondaryLaunchConfigs = strategy.secondaryLaunchConfigs ?? null;
      if (!launchConfig && !secondaryLaunchConfigs?.length) {
        throw ApiError.validation('InvalidOption', 'LaunchConfig/secondaryLaunchConfigs need to be specified for inService strategy');
      }
      if (strategy.startFirst && service.retainIp) throw ApiError.validation('InvalidOption', "StartFirst option can't be used for service with retainIp=true");
      if (launchConfig && typeof launchConfig.imageUuid !== 'string') throw ApiError.validation('MissingRequired', 'imageUuid');
      assertSecretReferences(env, service.accountId, launchConfig);
      void upgrades.upgrade(service, {
        launchConfig,
        secondaryLaunchConfigs,
        batchSize: strategy.batchSize ?? 1,
        intervalMillis: strategy.intervalMillis ?? 2000,
        startFirst: strategy.startFirst ?? false,
      });
      return accepted;
    }
    case 'finishupgrade':
      void upgrades.finishUpgrade(service);
      return accepted;
    case 'rollback':
      void upgrades.rollback(service);
      return accepted;
    case 'cancelupgrade':
      void upgrades.cancelUpgrade(service);
      return accepted;
    case 'continueupgrade':
      void upgrades.continueUpgrade(service);
      return accepted;
    case 'remove':
      void services.remove(service);
      return accepted;
    case 'setservicelinks': {
      const links = parseInput(serviceLinksInput, body).serviceLinks ?? [];
      service.linkedServices = Object.fromEntries(links.map((l) => [l.name ?? l.serviceId, l.serviceId]));
      env.world.changed(service);
      return handled;
    }
    case 'addservicelink':
    case 'removeservicelink':
      return handled;
    default:
      throw ApiError.validation('InvalidAction', 'action');
  }
}
