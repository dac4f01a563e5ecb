import 'server-only';
import { NotFoundError } from '@/lib/domain/errors/app-error';
import { hasStatus } from '@/lib/domain/errors/app-error';
import type { Query } from '@/lib/rancher/http-client';
import { collection, isVisible, presentResource } from './present';
import { ok, projectUrl, type FacadeAnswer, type FacadeRequest } from './facade-request';
import type { Resource } from './rancher-wire';
import { rowFilter } from './row-filter';
import { serviceRows } from './service-rows';

/** Cattle ids (`1st5`, `1s12`, `1i345`): anything else in an id's place, such as a name, is looked up by name instead and 404s here. */
const cattleId = /^1[a-z]+\d+$/;

/** Collections whose rows belong to a stack: read stack by stack, so only the caller's reach the portal. */
const stackScoped: Record<string, string> = { services: 'services', containers: 'containers', instances: 'containers' };

/**
 * What the CLI's by-name lookup for a name without a stack asks for (`stacks?name=Default`), and would
 * create when missing: the facade creates no stack, so it answers that one question with an empty
 * placeholder no service belongs to (otherwise the CLI dereferences the failed creation and crashes).
 */
const defaultStackName = 'Default';

/** A resource the caller may not see answers exactly like one that does not exist. */
export function notFound(what: string): NotFoundError {
  return new NotFoundError(`Not found: ${what}`);
}

/** A cattle collection filter: a field, optionally with a modifier (`state_ne`, `removed_null`). */
const filterName = /^([a-z][A-Za-z0-9]*)(?:_(?:eq|ne|lt|lte|gt|gte|prefix|like|notlike|null|notnull))?$/;

/**
 * Parameters Rancher reads as more than a filter. Its API layer takes `_method` from any request's
 * parameters and merges them into the request object, so `GET …/containers?_method=POST&…` would be a
 * creation made with the portal's key; `action` names an action, `projectId` a project; `include` and
 * `projection` embed or shape related resources beyond what is filtered here; `marker` pages.
 */
const notPassed = new Set(['action', 'projectId', 'include', 'projection', 'marker']);

/**
 * The request's filters as Rancher takes them, with its page size when it is the largest (the CLI's
 * `limit=-2`, "all": one read instead of pages that each filter the whole collection again); the
 * facade answers in one page. Only filters pass, and none on a field `fixed` sets: Rancher keeps one
 * condition per field, so a `stackId_ne` would replace the fixed `stackId`.
 */
export function rancherQuery(params: URLSearchParams, fixed: Query = {}): Query {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const field = filterName.exec(name)?.[1];
    if (!field || notPassed.has(name) || field in fixed) continue;
    // Every page is read and answered as one: a small page only multiplies the reads (≤ 0 is Rancher's largest).
    if (name === 'limit' && !(value.trim() !== '' && Number(value) <= 0)) continue;
    const had = query[name];
    query[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return { ...query, ...fixed };
}

/** A stack, service or container by id, read from Rancher; 404 when absent or not the caller's. */
export async function visibleResource(req: FacadeRequest, collectionName: string, id: string): Promise<Resource> {
  const rancherCollection = stackScoped[collectionName] ?? collectionName;
  if (!cattleId.test(id)) throw notFound(`${collectionName}/${id}`);
  if (collectionName === 'stacks' && !req.scope.may(id, 'view')) throw notFound(`${collectionName}/${id}`);
  let resource: Resource;
  try {
    resource = await req.wire.get(`/projects/${req.projectId}/${rancherCollection}/${id}`);
  } catch (err) {
    if (hasStatus(err, 404)) throw notFound(`${collectionName}/${id}`);
    throw err;
  }
  if (!isVisible(req.scope, resource)) throw notFound(`${collectionName}/${id}`);
  return resource;
}

function projectResource(req: FacadeRequest, id: string): Resource {
  const environment = req.scope.environments.find((e) => e.id === id);
  const self = `${req.portalOrigin}/v2-beta/projects/${id}`;
  return {
    id,
    type: 'project',
    baseType: 'project',
    name: environment?.name ?? id,
    state: 'active',
    orchestration: 'cattle',
    links: { self, schemas: `${self}/schemas` },
    actions: {},
  };
}

/** The environments holding the caller's stacks (only these: another environment's name is no business of theirs). */
export function visibleProjects(req: FacadeRequest): FacadeAnswer {
  const name = req.query.get('name');
  const rows = [...req.scope.projectIds].map((id) => projectResource(req, id)).filter((p) => name === null || p.name === name || p.id === name);
  return ok(collection(`${req.portalOrigin}/v2-beta/projects`, 'project', rows));
}

export function visibleProject(req: FacadeRequest, id: string): FacadeAnswer {
  if (!req.scope.projectIds.has(id)) throw notFound(`projects/${id}`);
  return ok(projectResource(req, id));
}

async function listStacks(req: FacadeRequest): Promise<FacadeAnswer> {
  const rows = (await req.wire.list(`/projects/${req.projectId}/stacks`, rancherQuery(req.query))).filter((s) => isVisible(req.scope, s));
  const name = req.query.get('name');
  if (rows.length === 0 && name === defaultStackName) {
    rows.push({ id: 'default', type: 'stack', baseType: 'stack', name, state: 'active', healthState: 'healthy', accountId: req.projectId, serviceIds: [], system: false, links: {}, actions: {} });
  }
  return ok(collection(projectUrl(req, '/stacks'), 'stack', rows.map((s) => presentResource(req.scope, s))));
}

/**
 * Above this many of the caller's stacks in one environment, one read of the whole collection filtered
 * here costs Rancher less than a read per stack (each of which Rancher filters over every row).
 */
const perStackReadsUpTo = 10;

/** Services or containers of the caller's stacks only, with the request's filters. */
async function listStackScoped(req: FacadeRequest, name: string): Promise<FacadeAnswer> {
  const asked = req.query.get('stackId');
  // A broad listing (`ps`) of services is answered from the kept copy; a lookup by stack or name (what
  // `up` decides on right after an action) always reads Rancher.
  const filter = name === 'services' && asked === null && !req.query.has('name') ? rowFilter(req.query) : null;
  if (filter) {
    const rows = (await serviceRows(req.wire, req.backend).all(req.projectId)).filter((r) => isVisible(req.scope, r) && filter(r));
    return ok(collection(projectUrl(req, `/${name}`), 'service', rows.map((r) => presentResource(req.scope, r))));
  }
  const stacks = req.scope.stacksIn(req.projectId).filter((s) => asked === null || s.stack.id === asked);
  const path = `/projects/${req.projectId}/${stackScoped[name]}`;
  const pages =
    stacks.length === 0
      ? []
      : stacks.length <= perStackReadsUpTo
        ? await Promise.all(stacks.map((s) => req.wire.list(path, rancherQuery(req.query, { stackId: s.stack.id }))))
        : [await req.wire.list(path, rancherQuery(req.query))];
  const rows = pages.flat().filter((r) => isVisible(req.scope, r));
  return ok(collection(projectUrl(req, `/${name}`), name === 'services' ? 'service' : 'container', rows.map((r) => presentResource(req.scope, r))));
}

/** The links of one of the caller's services; only its own rows, whatever Rancher's filtering answers. */
async function listConsumeMaps(req: FacadeRequest): Promise<FacadeAnswer> {
  const serviceId = req.query.get('serviceId');
  if (serviceId) await visibleResource(req, 'services', serviceId);
  const read = serviceId ? await req.wire.list(`/projects/${req.projectId}/serviceConsumeMaps`, rancherQuery(req.query, { serviceId })) : [];
  const rows = read.filter((r) => r.serviceId === serviceId);
  return ok(collection(projectUrl(req, '/serviceConsumeMaps'), 'serviceConsumeMap', rows.map((r) => ({ ...r, actions: {} }))));
}

/** `GET <collection>`: the caller's rows only; every collection the CLI may ask for and the facade does not serve is empty. */
export function listCollection(req: FacadeRequest, name: string): Promise<FacadeAnswer> | FacadeAnswer {
  if (name === 'projects') return visibleProjects(req);
  if (name === 'stacks') return listStacks(req);
  if (stackScoped[name]) return listStackScoped(req, name);
  // Rancher's schema names the collection `serviceconsumemaps`; the CLI follows that link.
  if (name.toLowerCase() === 'serviceconsumemaps') return listConsumeMaps(req);
  return ok(collection(projectUrl(req, `/${name}`), name.replace(/s$/, ''), []));
}

/** `GET <collection>/<id>` and `GET <collection>/<id>/<link>` (a service's instances, a stack's services). */
export async function readById(req: FacadeRequest, name: string, id: string, link?: string): Promise<FacadeAnswer> {
  if (name === 'projects' && !link) return visibleProject(req, id);
  if (name === 'settings' && id === 'rancher.server.version' && !link) return ok(await req.wire.get(`/projects/${req.projectId}/settings/${id}`));
  if (name !== 'stacks' && !stackScoped[name]) throw notFound(`${name}/${id}`);
  const parent = await visibleResource(req, name, id);
  if (!link) return ok(presentResource(req.scope, parent));
  const linked = (name === 'stacks' && link === 'services') || (name === 'services' && link === 'instances');
  if (!linked) throw notFound(`${name}/${id}/${link}`);
  const rows = (await req.wire.list(`/projects/${req.projectId}/${name}/${id}/${link}`, rancherQuery(req.query))).filter((r) => isVisible(req.scope, r));
  return ok(collection(projectUrl(req, `/${name}/${id}/${link}`), link === 'services' ? 'service' : 'instance', rows.map((r) => presentResource(req.scope, r))));
}
