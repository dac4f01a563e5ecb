import type { AnyRecord, ContainerRecord, HostRecord, ServiceRecord, StackRecord } from '../world/world-types';
import { parseInput, plainUpdate, serviceUpdate, stackUpdate } from './action-inputs';
import { ApiError } from './api-error';
import type { ApiEnv } from './api-env';

// PUT {self} (and POST ?action=update): the fields a client may change. Changing a service's scale
// starts the update process; everything else is stored at once. Fields outside these lists are
// ignored, as cattle ignores fields that are not updatable.

function assertUniqueName(taken: Iterable<{ name: string | null; id: string; removed: string | null }>, name: string, self: string): void {
  for (const other of taken) {
    if (other.id !== self && other.removed === null && other.name === name) throw ApiError.validation('NotUnique', 'name');
  }
}

function updateStack(env: ApiEnv, stack: StackRecord, body: unknown): void {
  const input = parseInput(stackUpdate, body);
  if (input.name) {
    assertUniqueName(env.world.stacks.values(), input.name, stack.id);
    stack.name = input.name;
  }
  if (input.description !== undefined) stack.description = input.description;
  if (input.group !== undefined && input.group !== null) stack.group = input.group;
  if (input.outputs !== undefined) stack.outputs = input.outputs;
  env.world.changed(stack);
}

function updateService(env: ApiEnv, service: ServiceRecord, body: unknown): void {
  const input = parseInput(serviceUpdate, body);
  if (input.name) {
    assertUniqueName(env.world.servicesOf(service.stackId), input.name, service.id);
    service.name = input.name;
  }
  if (input.description !== undefined) service.description = input.description;
  if (input.metadata) service.metadata = input.metadata;
  if (input.selectorContainer !== undefined) service.selectorContainer = input.selectorContainer;
  if (input.selectorLink !== undefined) service.selectorLink = input.selectorLink;
  if (typeof input.retainIp === 'boolean') service.retainIp = input.retainIp;
  if (input.fqdn !== undefined) service.fqdn = input.fqdn;
  if (typeof input.scale === 'number' && input.scale !== service.scale) env.engine.services.scale(service, input.scale);
  else env.world.changed(service);
}

function updatePlain(env: ApiEnv, record: ContainerRecord | HostRecord, body: unknown): void {
  const input = parseInput(plainUpdate, body);
  if (input.name) record.name = input.name;
  if (input.description !== undefined) record.description = input.description;
  if (input.labels && record.type === 'host') record.labels = input.labels;
  env.world.changed(record);
}

export function updateRecord(env: ApiEnv, record: AnyRecord, body: unknown): void {
  if (record.type === 'stack') updateStack(env, record, body);
  else if (record.baseType === 'service') updateService(env, record as ServiceRecord, body);
  else if (record.type === 'container' || record.type === 'host') updatePlain(env, record, body);
  else throw ApiError.http(405);
}
