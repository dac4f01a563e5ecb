import type { World } from '../world/world';
import type { AnyRecord } from '../world/world-types';
import { type TypeDef, typeDef } from './type-registry';

// Where each collection's records live, and what each link of a resource leads to.

const serviceSubtypes = new Set(['loadBalancerService', 'dnsService', 'externalService']);

/** The map a collection's records live in; types the simulator keeps none of have none. */
function storeOf(world: World, typeId: string): ReadonlyMap<string, AnyRecord> | undefined {
  switch (typeId) {
    case 'stack':
      return world.stacks;
    case 'container':
    case 'instance':
      return world.containers;
    case 'host':
      return world.hosts;
    case 'secret':
      return world.secrets;
    case 'serviceLog':
      return world.serviceLogs;
    case 'setting':
      return world.settings;
    default:
      return typeId === 'service' || serviceSubtypes.has(typeId) ? world.services : undefined;
  }
}

/** Whether a record belongs in a collection of the project: its own project (settings are global), and the subtype when one is asked for. */
function belongs(record: AnyRecord, type: TypeDef, projectId: string): boolean {
  if (type.id === 'setting') return true;
  return record.accountId === projectId && (!serviceSubtypes.has(type.id) || record.type === type.id);
}

function* inCollection(records: Iterable<AnyRecord>, type: TypeDef, projectId: string): Generator<AnyRecord> {
  for (const r of records) if (belongs(r, type, projectId)) yield r;
}

/** The records of a collection in a project, in id order. */
export function sourceOf(world: World, type: TypeDef, projectId: string): Iterable<AnyRecord> {
  const store = storeOf(world, type.id);
  return store ? inCollection(store.values(), type, projectId) : [];
}

/** One record by id in a collection; an id of another type or project is not found. */
export function findRecord(world: World, type: TypeDef, projectId: string, id: string): AnyRecord | undefined {
  const record = storeOf(world, type.id)?.get(id);
  return record && belongs(record, type, projectId) ? record : undefined;
}

export type LinkTarget = { kind: 'collection'; type: TypeDef; records: AnyRecord[] } | { kind: 'resource'; record: AnyRecord } | { kind: 'missing' };

const missing: LinkTarget = { kind: 'missing' };

function resource(record: AnyRecord | undefined): LinkTarget {
  return record ? { kind: 'resource', record } : missing;
}

function collection(type: string, records: AnyRecord[]): LinkTarget {
  return { kind: 'collection', type: typeDef(type), records };
}

export function resolveLink(world: World, record: AnyRecord, link: string): LinkTarget {
  const name = link.toLowerCase();
  if (record.baseType === 'service') {
    if (name === 'instances') return collection('instance', world.containersOf(record.id).filter((c) => c.removed === null));
    if (name === 'stack' && 'stackId' in record) return resource(world.stacks.get(String(record.stackId)));
    if (name === 'servicelogs') return collection('serviceLog', [...world.serviceLogs.values()].filter((l) => l.serviceId === record.id));
    if (name === 'consumedservices' || name === 'consumedbyservices') return collection('service', []);
  }
  if (record.type === 'stack' && name === 'services') return collection('service', world.servicesOf(record.id));
  if (record.type === 'host' && name === 'instances') return collection('instance', record.instanceIds.flatMap((id) => world.containers.get(id) ?? []));
  if (record.type === 'container') {
    if (name === 'host') return resource(world.hosts.get(record.hostId));
    if (name === 'services') return collection('service', record.serviceIds.flatMap((id) => world.services.get(id) ?? []));
    if (name === 'stack') return resource(record.stackId ? world.stacks.get(record.stackId) : undefined);
  }
  if (record.type === 'serviceLog' && name === 'service') return resource(world.services.get(record.serviceId));
  return missing;
}
