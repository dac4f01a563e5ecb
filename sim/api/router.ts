import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, methodNotAllowed, notFound } from './api-error';
import type { ApiEnv, Reply } from './api-env';
import { authenticate, defaultProjectId, visibleProjects, wantsChallenge } from './auth';
import { routeCatalog } from './catalog-routes';
import { listCollection } from './collection';
import { routeControl } from './control-endpoint';
import { schemasHeader, sendJson, sleep } from './http-io';
import { routeProject } from './project-routes';
import { RenderCache } from './render-cache';
import { requestContext, type RequestContext } from './request-context';
import { apiRoot, findSchema, schemaCollection, schemaResource } from './schema-documents';
import { type TypeDef, typeDefs } from './type-registry';

export interface RouterOptions {
  /** Serve the loopback-only fault control endpoint under /_sim. */
  control: boolean;
}

async function routeApi(env: ApiEnv, ctx: RequestContext, req: IncomingMessage, segments: string[]): Promise<Reply> {
  const [top, first, second, ...rest] = segments;
  const method = req.method ?? 'GET';
  if (top === 'v1-catalog') {
    ctx.schemasUrl = `${ctx.base}/v1-catalog/schemas`;
    ctx.key = authenticate(req, env.world);
    return routeCatalog(ctx, method, segments.slice(1));
  }
  if (top !== 'v2-beta') throw notFound();
  ctx.schemasUrl = `${ctx.base}/v2-beta/schemas`;
  const key = authenticate(req, env.world);
  ctx.key = key;
  const scope = `${ctx.base}/v2-beta`;
  if (first === undefined) {
    if (method !== 'GET') throw methodNotAllowed();
    return { status: 200, body: apiRoot(scope, 'v2-beta', typeDefs.values()) };
  }
  if (first === 'schemas') {
    if (method !== 'GET') throw methodNotAllowed();
    if (second === undefined) return { status: 200, body: schemaCollection(typeDefs.values(), scope) };
    const def = rest.length === 0 ? findSchema(typeDefs.values(), second) : undefined;
    if (!def) throw notFound();
    return { status: 200, body: schemaResource(def, scope) };
  }
  if (first === 'projects') {
    if (second !== undefined) return routeProject(env, ctx, req, second, rest);
    if (method !== 'GET') throw methodNotAllowed();
    return { status: 200, body: listCollection(ctx, typeDefs.get('project') as TypeDef, visibleProjects(env.world, key, env.faults), null) };
  }
  // With an environment key, `/v2-beta/hosts` is the same as `/v2-beta/projects/1a5/hosts`.
  return routeProject(env, ctx, req, defaultProjectId(env.world, key), segments.slice(1));
}

/** The simulator's HTTP entry point: faults first, then auth, then the route; errors as Rancher writes them. */
export function createRequestHandler(env: ApiEnv, options: RouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const renders = new RenderCache(env.world);
  return (req, res) => {
    const ctx = requestContext(req, renders);
    const path = ctx.url.pathname.replace(/\/+$/, '') || '/';
    const respond = (reply: Reply) =>
      sendJson(res, reply.status, reply.body, {
        schemasUrl: schemasHeader(ctx, env.faults.value.omit_schemas_header),
        rancherVersion: env.world.rancherVersion,
        challenge: wantsChallenge(req),
      }).catch(() => res.destroy());
    const work = async (): Promise<Reply> => {
      if (path === '/_sim' || path.startsWith('/_sim/')) {
        if (!options.control) throw notFound();
        return routeControl(req, path, env.faults);
      }
      if (env.faults.projectDown(path)) throw ApiError.http(503);
      const injected = env.faults.injected5xx(path);
      if (injected) throw ApiError.http(injected);
      const method = req.method ?? 'GET';
      if (method === 'GET' || method === 'HEAD') await sleep(env.faults.latencyFor(path));
      return routeApi(env, ctx, req, path.split('/').filter(Boolean));
    };
    work().then(respond, (err: unknown) => {
      if (err instanceof ApiError) return respond({ status: err.status, body: err.body() });
      console.error('rancher-sim: request failed', req.method, path, err);
      return respond({ status: 500, body: ApiError.http(500).body() });
    });
  };
}
