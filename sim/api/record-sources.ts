import type { World } from '../world/world';
import type { AnyRecord } from '../world/world-types';
import { type TypeDef, typeDef } from './type-registry';

// Where each collection's records live, and what each link of a resource leads to.

function* inProject<T extends AnyRecord>(records: Iterable<T>, projectId: string): Generator<T> {
  for (const r of records) if (r.accountId === projectId) yield r;
}

function* ofServiceType(world: World, projectId: string, type: string): Generator<AnyRecord> {
  for (const s of world.services.values()) if (s.accountId === projectId && s.type === type) yield s;
}

/** The records of a collection in a project; types the simulator keeps none of are empty. */
export function sourceOf(world: World, type: TypeDef, projectId: string): Iterable<AnyRecord> {
  switch (type.id) {
    case 'stack':
      return inProject(world.stacks.values(), projectId);
    case 'service':
      return inProject(world.services.values(), projectId);
    case 'loadBalancerService':
    case 'dnsService':
    case 'externalService':
      return ofServiceType(world, projectId, type.id);
    case 'container':
    case 'instance':
      return inProject(world.containers.values(), projectId);
    case 'host':
      return inProject(world.hosts.values(), projectId);
    case 'secret':
      return inProject(world.secrets.values(), projectId);
    case 'serviceLog':
      return inProject(world.serviceLogs.values(), projectId);
    case 'setting':
      return world.settings.values();
    default:
      return [];
  }
}

/** One record by id in a collection; an id of another type or project is not found. */
export function findRecord(world: World, type: TypeDef, projectId: string, id: string): AnyRecord | undefined {
  let record: AnyRecord | undefined;
  switch (type.id) {
    case 'stack':
      record = world.stacks.get(id);
      break;
    case 'service':
      record = world.services.get(id);
      break;
    case 'loadBalancerService':
    case 'dnsService':
    case 'externalService':
      record = world.services.get(id);
      if (record?.type !== type.id) record = undefined;
      break;
    case 'container':
    case 'instance':
      record = world.containers.get(id);
      break;
    case 'host':
      record = world.hosts.get(id);
      break;
    case 'secret':
      record = world.secrets.get(id);
      break;
    case 'serviceLog':
      record = world.serviceLogs.get(id);
      break;
    case 'setting':
      return world.settings.get(id);
    default:
      return undefined;
  }
  return record?.accountId === projectId ? record : undefined;
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
