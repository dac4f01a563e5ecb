import type { IncomingMessage } from 'node:http';
import { isAllowed } from '../engine/action-tables';
import { ProcessRefused } from '../engine/process-runner';
import type { AnyRecord, ContainerRecord, HostRecord, SecretRecord, ServiceRecord, StackRecord } from '../world/world-types';
import { ApiError, actionNotAvailable, methodNotAllowed, notFound } from './api-error';
import type { ActionResult, ApiEnv, Reply } from './api-env';
import { visibleProjects } from './auth';
import { listCollection } from './collection';
import { runContainerAction } from './container-actions';
import { createService, createStack } from './create-handlers';
import { readJsonBody, sleep } from './http-io';
import { statsAccess, statsLinkName } from '../stats/stats-link';
import { findRecord, resolveLink, sourceOf } from './record-sources';
import { render } from './render';
import { createSecret, removeSecret } from './secret-handlers';
import { projectUrl, type RequestContext } from './request-context';
import { findSchema, schemaCollection, schemaResource } from './schema-documents';
import { runServiceAction } from './service-actions';
import { runHostAction, runStackAction } from './stack-host-actions';
import { transformContainer } from './transform-script';
import { type TypeDef, typeDefs, typeForCollection } from './type-registry';
import { updateRecord } from './update-handlers';

// Everything under /v2-beta/projects/{P}: schemas, collections, resources, links and actions.

function dispatchAction(env: ApiEnv, ctx: RequestContext, record: AnyRecord, action: string, body: unknown): ActionResult {
  if (action === 'update') {
    updateRecord(env, record, body);
    return { status: 200, output: null };
  }
  if (record.baseType === 'service') return runServiceAction(env, record as ServiceRecord, action, body);
  if (record.type === 'container') return runContainerAction(env, ctx, record as ContainerRecord, action, body);
  if (record.type === 'stack') return runStackAction(env, record as StackRecord, action, body);
  if (record.type === 'host') return runHostAction(env, record as HostRecord, action);
  if (record.type === 'secret' && action === 'remove') return removeSecret(env, record as SecretRecord);
  throw ApiError.validation('InvalidAction', 'action');
}

/**
 * A change to one resource: a second change while this one is in flight is a 409 (as are the next
 * conflict_409 requests), and injected latency is spent holding the resource, like a slow commit.
 */
async function change<T>(env: ApiEnv, ctx: RequestContext, record: AnyRecord, work: () => T): Promise<T> {
  if (env.faults.takeConflict() || env.busy.has(record.id)) throw ApiError.http(409);
  env.busy.add(record.id);
  try {
    await sleep(env.faults.latencyFor(ctx.url.pathname));
    return work();
  } finally {
    env.busy.delete(record.id);
  }
}

async function runAction(env: ApiEnv, ctx: RequestContext, type: TypeDef, record: AnyRecord, action: string, body: unknown): Promise<Reply> {
  const rule = type.actions?.[action];
  const result = await change(env, ctx, record, () => {
    if (!rule || !isAllowed(rule, record.state)) throw actionNotAvailable();
    if (env.faults.takeForced422()) throw action === 'deactivateservices' ? ApiError.validation('InvalidState', null, 'Service is not in valid state to be deactivated') : actionNotAvailable();
    try {
      return dispatchAction(env, ctx, record, action, body);
    } catch (err) {
      if (err instanceof ProcessRefused) throw new ApiError(422, err.code, err.message, err.fieldName);
      throw err;
    }
  });
  return { status: result.status, body: result.output ?? render(ctx, record) };
}

async function routeResource(env: ApiEnv, ctx: RequestContext, req: IncomingMessage, type: TypeDef, id: string): Promise<Reply> {
  const method = req.method ?? 'GET';
  const action = ctx.url.searchParams.get('action');
  if (method === 'POST' && action !== null && !type.actions?.[action] && action !== 'update') throw ApiError.validation('InvalidAction', 'action');
  const record = findRecord(env.world, type, ctx.projectId ?? '', id);
  if (!record) throw notFound();
  if (method === 'GET') return { status: 200, body: render(ctx, record) };
  if (method === 'POST' && action !== null) return runAction(env, ctx, type, record, action, await readJsonBody(req));
  if (method === 'PUT' && type.resourceMethods.includes('PUT')) {
    const body = await readJsonBody(req);
    await change(env, ctx, record, () => {
      const rule = type.actions?.update;
      if (rule && !isAllowed(rule, record.state)) throw ApiError.validation('InvalidState', null, `Cannot update ${record.type} in state ${record.state}`);
      updateRecord(env, record, body);
    });
    return { status: 200, body: render(ctx, record) };
  }
  if (method === 'DELETE' && type.resourceMethods.includes('DELETE')) return runAction(env, ctx, type, record, 'remove', null);
  throw methodNotAllowed();
}

async function routeCollection(env: ApiEnv, ctx: RequestContext, req: IncomingMessage, type: TypeDef, projectId: string): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (method === 'GET') return { status: 200, body: listCollection(ctx, type, sourceOf(env.world, type, projectId), env.faults.value.page_size) };
  if (method !== 'POST' || !type.collectionMethods.includes('POST')) throw methodNotAllowed();
  const body = await readJsonBody(req);
  await sleep(env.faults.latencyFor(ctx.url.pathname));
  const created = type.id === 'stack' ? createStack(env, projectId, body) : type.id === 'secret' ? createSecret(env, projectId, body) : createService(env, projectId, type.id, body);
  return { status: 201, body: render(ctx, created) };
}

function routeLink(env: ApiEnv, ctx: RequestContext, type: TypeDef, id: string, link: string): Reply {
  const record = findRecord(env.world, type, ctx.projectId ?? '', id);
  if (record && link.toLowerCase() === statsLinkName.toLowerCase() && (record.type === 'container' || record.baseType === 'service')) {
    return { status: 200, body: statsAccess(env, ctx, record) };
  }
  const target = record ? resolveLink(env.world, record, link) : { kind: 'missing' as const };
  if (target.kind === 'missing') throw notFound();
  if (target.kind === 'resource') return { status: 200, body: render(ctx, target.record) };
  return { status: 200, body: listCollection(ctx, target.type, target.records, env.faults.value.page_size) };
}

export async function routeProject(env: ApiEnv, ctx: RequestContext, req: IncomingMessage, projectId: string, rest: string[]): Promise<Reply> {
  const key = ctx.key;
  const project = env.world.projects.get(projectId);
  if (!project || !key) throw notFound();
  if (!visibleProjects(env.world, key, env.faults).some((p) => p.id === projectId)) throw ApiError.http(403);
  const scope = projectUrl(ctx, projectId);
  ctx.projectId = projectId;
  ctx.schemasUrl = `${scope}/schemas`;
  const method = req.method ?? 'GET';
  const [first, second, third, ...deeper] = rest;
  if (first === undefined) {
    if (method !== 'GET') throw methodNotAllowed();
    return { status: 200, body: render(ctx, project) };
  }
  if (first === 'schemas') {
    if (method !== 'GET' || third !== undefined) throw second === undefined ? methodNotAllowed() : notFound();
    if (second === undefined) return { status: 200, body: schemaCollection(typeDefs.values(), scope) };
    const def = findSchema(typeDefs.values(), second);
    if (!def) throw notFound();
    return { status: 200, body: schemaResource(def, scope) };
  }
  if (first === 'scripts' && second === 'transform' && third === undefined) {
    if (method !== 'POST') throw methodNotAllowed();
    return { status: 200, body: transformContainer(await readJsonBody(req)) };
  }
  if (first === 'projects') {
    if (third !== undefined) throw notFound();
    if (method !== 'GET') throw methodNotAllowed();
    if (second !== undefined) return routeProject(env, ctx, req, second, []);
    return { status: 200, body: listCollection(ctx, typeDefs.get('project') as TypeDef, visibleProjects(env.world, key, env.faults), null) };
  }
  const type = typeForCollection(first);
  if (!type || type.id === 'schema' || type.id === 'subscribe' || deeper.length > 0) throw notFound();
  if (second === undefined) return routeCollection(env, ctx, req, type, projectId);
  if (third === undefined) return routeResource(env, ctx, req, type, second);
  if (method !== 'GET') throw methodNotAllowed();
  return routeLink(env, ctx, type, second, third);
}
