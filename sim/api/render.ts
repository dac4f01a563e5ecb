import { allowedActions } from '../engine/action-tables';
import type { AnyRecord } from '../world/world-types';
import { projectUrl, type RequestContext } from './request-context';
import { statsLinkName } from '../stats/stats-link';
import { typeDefs } from './type-registry';

// Rendering adds what depends on the request: absolute links and the `actions` the state allows.

const linkNames: Record<string, string[]> = {
  stack: ['services'],
  service: ['instances', 'stack', 'serviceLogs', 'consumedservices', 'consumedbyservices'],
  container: ['host', 'services', 'stack'],
  host: ['instances'],
  serviceLog: ['service'],
  project: [],
};

const projectCollections = ['stacks', 'services', 'containers', 'instances', 'hosts', 'volumes', 'secrets', 'serviceLogs', 'settings'];

function pluralOf(record: AnyRecord): string {
  return (typeDefs.get(record.type)?.pluralName ?? `${record.type}s`).toLowerCase();
}

/** The resource's absolute URL in its project, e.g. `…/v2-beta/projects/1a5/services/1s12` (paths lower-case, as cattle writes them). */
export function selfUrl(ctx: RequestContext, record: AnyRecord): string {
  if (record.type === 'project') return projectUrl(ctx, record.id);
  return `${projectUrl(ctx, record.accountId || ctx.projectId || '')}/${pluralOf(record)}/${record.id}`;
}

export function linksOf(ctx: RequestContext, record: AnyRecord, self: string): Record<string, string> {
  const links: Record<string, string> = { self };
  if (record.type === 'project') {
    links.schemas = `${self}/schemas`;
    for (const c of projectCollections) links[c] = `${self}/${c}`;
    return links;
  }
  for (const name of linkNames[record.baseType === 'service' ? 'service' : record.type] ?? []) links[name] = `${self}/${name}`;
  if (record.baseType === 'service' || record.type === 'container') links[statsLinkName] = `${self}/${statsLinkName.toLowerCase()}`;
  return links;
}

export function actionsOf(record: AnyRecord, self: string): Record<string, string> {
  const table = typeDefs.get(record.type)?.actions;
  if (!table) return {};
  const out: Record<string, string> = {};
  for (const name of allowedActions(table, record.state)) out[name] = `${self}/?action=${name}`;
  return out;
}

/** The resource as Rancher sends it: its fields, `links`, and `actions` (or `actionLinks`). */
export function render(ctx: RequestContext, record: AnyRecord): Record<string, unknown> {
  const self = selfUrl(ctx, record);
  const actions = actionsOf(record, self);
  return { ...record, links: linksOf(ctx, record, self), [ctx.actionLinks ? 'actionLinks' : 'actions']: actions };
}
