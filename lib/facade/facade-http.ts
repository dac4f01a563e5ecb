import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditStore } from '@/lib/audit/audit-store';
import { BadRequestError, UnauthenticatedError } from '@/lib/domain/errors/app-error';
import { bodyTooLarge, maxBodyBytes } from '@/lib/http/body-limit';
import type { Logger } from '@/lib/log/logger';
import type { RancherBackend } from '@/lib/rancher/backend';
import { clientAddressHeader } from '@/lib/request/client-address';
import { requestIdHeader } from '@/lib/request/request-id';
import { basicCredentials, type FacadeCaller, type ResolveCaller } from './caller';
import { callerScope } from './caller-scope';
import { ok, type FacadeAnswer, type FacadeRequest } from './facade-request';
import { portalText } from './present';
import { rancherErrorOf } from './rancher-error';
import { listCollection, notFound, readById, visibleProject, visibleProjects } from './reads';
import type { RancherWire } from './rancher-wire';
import { putService, refused, runAction } from './writes';

export interface FacadeServices {
  resolveCaller: ResolveCaller;
  backend(): RancherBackend;
  audit(): Promise<AuditStore>;
  wire(): RancherWire;
  /** The portal's public origin (NEXTAUTH_URL's). */
  portalOrigin(): string;
}

/**
 * A path segment as Rancher names things (ids, collection and schema names, `rancher.server.version`).
 * Anything else, such as an encoded `../`, would reach another of Rancher's paths with the portal's key.
 */
const plainSegment = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/;

/** Whether the custom server hands this path to the facade. */
export function isFacadePath(path: string): boolean {
  return /^\/(v2-beta|v1-catalog)(\/|$)/.test(path);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method !== 'POST' && req.method !== 'PUT') return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBodyBytes) throw bodyTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('The request body is not JSON.');
  }
}

/** Everything inside a project: `/v2-beta/projects/<id>/…`. */
async function projectScoped(req: FacadeRequest): Promise<FacadeAnswer> {
  const [name = '', id, link, ...rest] = req.segments;
  const { method, wire, projectId } = req;
  if (!req.scope.environments.some((e) => e.id === projectId)) throw notFound(`projects/${projectId}`);
  if (name === '' && method === 'GET') return visibleProject(req, projectId);
  if (name === 'schemas' && method === 'GET') return ok(await wire.get(`/projects/${projectId}/${req.segments.join('/')}`));
  if (name === 'scripts' && id === 'transform' && method === 'POST') return ok(await wire.post(`/projects/${projectId}/scripts/transform`, req.body ?? {}));
  if (rest.length > 0) throw notFound(req.segments.join('/'));
  const action = req.query.get('action');
  if (method === 'GET') return id === undefined ? listCollection(req, name) : readById(req, name, id, link);
  if (method === 'POST' && id !== undefined && link === undefined && action) return runAction(req, name, id, action);
  if (method === 'PUT' && name === 'services' && id !== undefined && link === undefined) return putService(req, id);
  // Creating, removing or re-parenting anything (stacks, hosts, secrets, volumes, the environment) is staff's.
  return refused(`The portal does not ${method === 'DELETE' ? 'remove' : method === 'POST' ? 'create' : 'change'} ${name} through its Rancher API; ask Spin staff.`);
}

async function answer(caller: FacadeCaller, base: Omit<FacadeRequest, 'segments' | 'projectId' | 'scope'>, segments: string[]): Promise<FacadeAnswer> {
  const scope = await callerScope(base.backend, caller);
  const [root, ...rest] = segments;
  const req = { ...base, scope, segments: rest, projectId: '' };
  if (root === 'v1-catalog') {
    // The CLI reads only the root and the schemas; the catalogs' URLs (which may carry credentials) and templates stay Rancher's.
    if (rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'schemas')) throw notFound(rest.join('/'));
    return ok(await base.wire.getCatalog(rest.join('/')));
  }
  const [name, projectId, ...inProject] = rest;
  if (name === undefined || (name === 'schemas' && base.method === 'GET')) return ok(await base.wire.get(rest.length === 0 ? '' : `/${rest.join('/')}`));
  if (name !== 'projects') throw notFound(rest.join('/'));
  if (projectId === undefined) return base.method === 'GET' ? visibleProjects(req) : refused('The portal does not create environments.');
  return projectScoped({ ...req, projectId, segments: inProject });
}

/** X-API-Schemas as cattle sets it on every answer: the schemas of the API the path belongs to. */
function schemasUrl(origin: string, segments: string[]): string {
  if (segments[0] === 'v1-catalog') return `${origin}/v1-catalog/schemas`;
  // Only a plain name goes into the header: a decoded CR, LF or non-Latin-1 character would make writing it throw.
  if (segments[1] === 'projects' && segments[2] && plainSegment.test(segments[2])) return `${origin}/v2-beta/projects/${segments[2]}/schemas`;
  return `${origin}/v2-beta/schemas`;
}

/**
 * Answers Rancher's v2-beta API (and `/v1-catalog`) for a personal token's Basic credentials: the
 * caller's stacks and what belongs to them, actions through the browser's audited operations, errors in
 * Rancher's shape, links to the portal.
 */
export async function handleFacade(services: FacadeServices, req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://portal.invalid');
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const origin = services.portalOrigin();
  const requestId = String(req.headers[requestIdHeader] ?? '');
  const wire = services.wire();
  let result: FacadeAnswer;
  try {
    if (!segments.every((s) => plainSegment.test(s))) throw notFound(url.pathname);
    const credentials = basicCredentials(req.headers.authorization);
    const clientAddress = String(req.headers[clientAddressHeader] ?? '');
    const caller = credentials ? await services.resolveCaller(credentials, clientAddress) : null;
    if (!caller) throw new UnauthenticatedError('Unauthorized: give the access and secret key of a personal token of the portal.');
    const reqLog = log.child({ reqId: requestId, uid: caller.user.uid, tokenId: caller.tokenId });
    const base = {
      method: req.method ?? 'GET',
      query: url.searchParams,
      body: await readJson(req),
      portalOrigin: origin,
      wire,
      backend: services.backend(),
      audit: await services.audit(),
      requestId,
      clientAddress,
      userAgent: req.headers['user-agent'] ?? null,
      log: reqLog,
    };
    result = await answer(caller, base, segments);
  } catch (err) {
    const { body, isUnexpected } = rancherErrorOf(err, requestId);
    if (isUnexpected) log.error({ reqId: requestId, err }, 'facade request failed');
    result = { status: body.status, body };
  }
  res.writeHead(result.status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-api-schemas': schemasUrl(origin, segments) });
  res.end(portalText(result.body, wire.base, origin));
}
