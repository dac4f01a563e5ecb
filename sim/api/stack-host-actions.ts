import { exportCompose } from '../engine/export-config';
import type { HostRecord, StackRecord } from '../world/world-types';
import { parseInput, stackUpgradeInput } from './action-inputs';
import { ApiError } from './api-error';
import { accepted, type ActionResult, type ApiEnv, handled } from './api-env';

// Stack actions (rancher-api.md §5.3) and the host's activate/deactivate.

export function runStackAction(env: ApiEnv, stack: StackRecord, action: string, body: unknown): ActionResult {
  const ops = env.engine.stacks;
  switch (action) {
    case 'activateservices':
      ops.activateServices(stack);
      return handled;
    case 'deactivateservices':
      ops.deactivateServices(stack);
      return handled;
    case 'upgrade': {
      const input = parseInput(stackUpgradeInput, body);
      void ops.upgrade(stack, {
        dockerCompose: input.dockerCompose ?? stack.dockerCompose,
        rancherCompose: input.rancherCompose ?? stack.rancherCompose,
        environment: input.environment ?? stack.environment,
        externalId: input.externalId ?? stack.externalId,
      });
      return accepted;
    }
    case 'finishupgrade':
      void ops.finishUpgrade(stack);
      return accepted;
    case 'rollback':
      void ops.rollback(stack);
      return accepted;
    case 'cancelupgrade':
      void ops.cancelUpgrade(stack);
      return accepted;
    case 'remove':
      void ops.remove(stack);
      return accepted;
    case 'exportconfig':
      return { status: 200, output: { type: 'composeConfig', baseType: 'composeConfig', ...exportCompose(env.world.servicesOf(stack.id)) } };
    default:
      throw ApiError.validation('InvalidAction', 'action');
  }
}

export function runHostAction(env: ApiEnv, host: HostRecord, action: string): ActionResult {
  if (action === 'activate') void env.engine.stacks.host(host, 'activating', 'active');
  else if (action === 'deactivate') void env.engine.stacks.host(host, 'deactivating', 'inactive');
  else throw ApiError.validation('InvalidAction', 'action');
  return accepted;
}
