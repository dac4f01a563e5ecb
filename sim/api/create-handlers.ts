import { cleanConfig } from '../engine/launch-configs';
import { completeLaunchConfig, createServiceRecord, createStackRecord } from '../world/record-factory';
import { profileForImage } from '../world/service-profile';
import type { JsonObject, ServiceRecord, ServiceType, StackRecord } from '../world/world-types';
import { parseInput, serviceCreate, stackCreate } from './action-inputs';
import { ApiError } from './api-error';
import type { ApiEnv } from './api-env';

// POST /stacks and POST /services (rancher-api.md §10.1): the CLI's name lookups create a `Default`
// stack, and `rancher up` creates stacks and services this way.

const serviceTypes: readonly ServiceType[] = ['service', 'loadBalancerService', 'dnsService', 'externalService'];

export function createStack(env: ApiEnv, projectId: string, body: unknown): StackRecord {
  const input = parseInput(stackCreate, body);
  if (!input.name) throw ApiError.validation('MissingRequired', 'name');
  if (!/^[a-zA-Z0-9-]+$/.test(input.name)) throw ApiError.validation('InvalidCharacters', 'name');
  for (const s of env.world.stacks.values()) {
    if (s.accountId === projectId && s.removed === null && s.name === input.name) throw ApiError.validation('NotUnique', 'name');
  }
  const stack = createStackRecord(env.world, { name: input.name, group: input.group ?? '', description: input.description ?? null, accountId: projectId }, Date.now());
  stack.dockerCompose = input.dockerCompose ?? null;
  stack.rancherCompose = input.rancherCompose ?? null;
  stack.environment = input.environment ?? null;
  stack.externalId = input.externalId ?? null;
  stack.startOnCreate = input.startOnCreate ?? true;
  env.world.addStack(stack);
  void env.engine.stacks.activateNew(stack);
  return stack;
}

export function createService(env: ApiEnv, projectId: string, collectionType: string, body: unknown): ServiceRecord {
  const input = parseInput(serviceCreate, body);
  const type = serviceTypes.find((t) => t === (input.type ?? collectionType)) ?? 'service';
  if (!input.name) throw ApiError.validation('MissingRequired', 'name');
  if (!input.stackId) throw ApiError.validation('MissingRequired', 'stackId');
  const stack = env.world.stacks.get(input.stackId);
  if (!stack || stack.accountId !== projectId || stack.removed !== null) throw ApiError.validation('InvalidReference', 'stackId');
  if (env.world.servicesOf(stack.id).some((s) => s.removed === null && s.name === input.name)) throw ApiError.validation('NotUnique', 'name');
  const given = input.launchConfig ?? null;
  if (!given && (type === 'service' || type === 'loadBalancerService')) throw ApiError.validation('MissingRequired', 'launchConfig');
  if (given && typeof given.imageUuid !== 'string') throw ApiError.validation('MissingRequired', 'imageUuid');
  const launchConfig = completeLaunchConfig(given ? cleanConfig(given) : {}, '0');
  const secondaryLaunchConfigs = (input.secondaryLaunchConfigs ?? []).map((c): JsonObject => completeLaunchConfig(cleanConfig(c), '0'));
  const service = createServiceRecord(
    env.world,
    { stack, name: input.name, type, launchConfig, secondaryLaunchConfigs, scale: input.scale ?? 1, state: 'registering', metadata: input.metadata ?? {}, startOnCreate: input.startOnCreate ?? false },
    Date.now(),
  );
  service.description = input.description ?? null;
  env.world.addService(service, profileForImage(String(launchConfig.imageUuid ?? '')));
  void env.engine.services.register(service, service.startOnCreate);
  return service;
}
