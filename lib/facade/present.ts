import 'server-only';
import type { Right } from '@/lib/domain/access/rights';
import type { CallerScope } from './caller-scope';
import type { Resource } from './rancher-wire';

/** The actions the facade carries out, per resource kind, and the right each needs; Rancher's others are not offered. */
const offeredActions: Record<string, Record<string, Right>> = {
  service: { restart: 'operate', deactivate: 'operate', activate: 'operate', upgrade: 'upgrade', finishupgrade: 'upgrade', rollback: 'upgrade', setservicelinks: 'upgrade' },
  stack: { exportconfig: 'view' },
  instance: { logs: 'logs', execute: 'shell', restart: 'operate' },
};

/** The links worth following through the facade; the rest lead to what it does not serve. */
const keptLinks = new Set(['self', 'instances', 'services', 'stack', 'schemas']);

const serviceTypes = new Set(['service', 'loadBalancerService', 'dnsService', 'externalService', 'kubernetesService', 'composeService']);

/** The kind that decides a resource's actions and whose stack it belongs to. */
export function kindOf(resource: Resource): 'service' | 'stack' | 'instance' | 'other' {
  const type = String(resource.type ?? '');
  const baseType = String(resource.baseType ?? type);
  if (serviceTypes.has(type) || baseType === 'service') return 'service';
  if (type === 'stack') return 'stack';
  if (baseType === 'instance' || type === 'container' || type === 'instance') return 'instance';
  return 'other';
}

/** The stack a stack, service or container belongs to; null for anything else. */
export function stackIdOf(resource: Resource): string | null {
  const kind = kindOf(resource);
  if (kind === 'stack') return resource.id ?? null;
  if (kind === 'service' || kind === 'instance') return typeof resource.stackId === 'string' ? resource.stackId : null;
  return null;
}

/** Whether the caller may see this resource at all. */
export function isVisible(scope: CallerScope, resource: Resource): boolean {
  return scope.may(stackIdOf(resource), 'view');
}

/** Whether the facade offers `action` on the resource to this caller (and Rancher offers it in its state). */
export function mayRun(scope: CallerScope, resource: Resource, action: string): boolean {
  const kind = kindOf(resource);
  const right = kind === 'other' ? undefined : offeredActions[kind]?.[action];
  const actions = (resource.actions ?? {}) as Record<string, unknown>;
  return Boolean(right && actions[action] && scope.may(stackIdOf(resource), right));
}

/** The resource as the caller gets it: actions within their rights, links the facade serves. */
export function presentResource(scope: CallerScope, resource: Resource): Resource {
  const actions = Object.fromEntries(Object.entries((resource.actions ?? {}) as Record<string, unknown>).filter(([name]) => mayRun(scope, resource, name)));
  const links = Object.fromEntries(Object.entries((resource.links ?? {}) as Record<string, unknown>).filter(([name]) => keptLinks.has(name)));
  return { ...resource, links, actions };
}

/** A collection in Rancher's envelope: everything in one page (the CLI follows `next` only when `partial`). */
export function collection(selfUrl: string, resourceType: string, data: Resource[]): Resource {
  return {
    type: 'collection',
    resourceType,
    links: { self: selfUrl },
    createTypes: {},
    actions: {},
    data,
    sortLinks: {},
    pagination: { first: null, previous: null, next: null, limit: data.length, total: data.length, partial: false },
    sort: null,
    filters: {},
    createDefaults: {},
  };
}

/**
 * The answer's text with Rancher's address replaced by the portal's, so every link the CLI follows
 * comes back to the facade (and the portal's key, which Rancher's own links would need, is never asked for).
 */
export function portalText(body: unknown, rancherBase: string, portalOrigin: string): string {
  const host = rancherBase.replace(/^http(s?):\/\//, '');
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const portalHost = portalOrigin.replace(/^https?:\/\//, '');
  const secure = portalOrigin.startsWith('https:') ? 's' : '';
  // One pass: http(s)://<rancher>/v2-beta|/v1-catalog and ws(s)://<rancher>/v2-beta become the portal's.
  const pattern = new RegExp(`(http|ws)s?://${escaped}/(v2-beta|v1-catalog)`, 'g');
  return JSON.stringify(body).replace(pattern, (_match, scheme: string, api: string) => `${scheme}${secure}://${portalHost}/${api}`);
}
