import 'server-only';
import { z } from 'zod';
import { BadRequestError, ForbiddenError } from '@/lib/domain/errors/app-error';
import type { LaunchConfig } from '@/lib/domain/rancher/types';
import type { ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import { authorizeContainer } from '@/lib/operations/container-access';
import type { OperationContext } from '@/lib/operations/operation-context';
import { restartContainer, restartInput, runServiceVerb } from '@/lib/operations/service-actions';
import { upgradeService } from '@/lib/operations/upgrade-service';
import { rancherSecrets } from '@/lib/secrets/rancher-secrets';
import { environmentSecretNames } from '@/lib/secrets/stack-secrets';
import { issueHostAccess } from './host-access';
import { kindOf, mayRun, presentResource, stackIdOf } from './present';
import { visibleResource } from './reads';
import type { FacadeAnswer, FacadeRequest } from './facade-request';
import { upgradePatch } from './upgrade-patch';
import { rancherError } from './rancher-error';

const verbs: Record<string, ServiceActionVerb> = { restart: 'restart', deactivate: 'stop', activate: 'start', finishupgrade: 'finish-upgrade', rollback: 'rollback' };

// Request bodies as go-rancher sends them: every struct carries `links` and `actions` (null), tolerated.
const restartBody = z.looseObject({ rollingRestartStrategy: z.looseObject({ batchSize: z.number().optional(), intervalMillis: z.number().optional() }).nullish() }).nullish();
const upgradeBody = z.looseObject({
  inServiceStrategy: z.looseObject({
    launchConfig: z.record(z.string(), z.unknown()),
    secondaryLaunchConfigs: z.array(z.unknown()).nullish(),
    batchSize: z.number().nullish(),
    intervalMillis: z.number().nullish(),
    startFirst: z.boolean().nullish(),
  }),
});
const serviceLinksBody = z.looseObject({ serviceLinks: z.array(z.unknown()).nullish() }).nullish();
const logsBody = z.looseObject({ follow: z.boolean().nullish(), lines: z.number().int().nullish() }).nullish();
const execBody = z.looseObject({ command: z.array(z.string()).nullish(), tty: z.boolean().nullish() }).nullish();

export function refused(message: string): FacadeAnswer {
  return { status: 403, body: rancherError(403, message) };
}

export function operationContext(req: FacadeRequest): OperationContext {
  const { user, tokenId } = req.scope.caller;
  return { user, tokenId, requestId: req.requestId, clientAddress: req.clientAddress, userAgent: req.userAgent, log: req.log, backend: req.backend, audit: req.audit };
}

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequestError(`Invalid action input: ${result.error.issues[0]?.message ?? 'unreadable'}`);
  return result.data;
}

async function serviceAction(req: FacadeRequest, service: Record<string, unknown> & { id?: string }, action: string): Promise<void> {
  const ctx = operationContext(req);
  const ids = { stackId: String(stackIdOf(service)), serviceId: String(service.id) };
  if (action === 'setservicelinks') {
    // Links reach into other services; the portal changes none. Re-sending no links (what `up` does) is a no-op.
    if ((parsed(serviceLinksBody, req.body)?.serviceLinks ?? []).length > 0) throw new ForbiddenError('Service links are not changed through the portal.');
    return;
  }
  if (action === 'upgrade') {
    const strategy = parsed(upgradeBody, req.body).inServiceStrategy;
    if ((strategy.secondaryLaunchConfigs ?? []).length > 0) throw new ForbiddenError('Sidekicks are not upgraded through the portal.');
    const launchConfig = upgradePatch((service.launchConfig ?? {}) as LaunchConfig, strategy.launchConfig);
    // rancher-compose upgrades whenever it finds no hash of its own; with nothing to change there is nothing to do.
    if (Object.keys(launchConfig).length === 0) return;
    const rollout = { batchSize: strategy.batchSize ?? undefined, intervalMillis: strategy.intervalMillis ?? undefined, startFirst: strategy.startFirst ?? undefined };
    // Mounts carry only secret ids: resolved, as the browser's upgrade does, so the policy refuses another stack's secret or an unknown id.
    const secretNames = launchConfig.secrets ? await environmentSecretNames({ ...ctx, secrets: rancherSecrets() }, ids.stackId) : undefined;
    await upgradeService(ctx, { ...ids, upgrade: { launchConfig, ...rollout }, ...(secretNames ? { secretNames } : {}) });
    return;
  }
  const verb = verbs[action] ?? 'restart';
  const strategy = verb === 'restart' ? parsed(restartBody, req.body)?.rollingRestartStrategy : undefined;
  const restart = strategy ? restartInput.parse({ batchSize: strategy.batchSize, intervalMillis: strategy.intervalMillis }) : undefined;
  await runServiceVerb(ctx, { ...ids, verb, ...(restart ? { restart } : {}) });
}

/** `logs` and `execute`: the portal's own one-use token for its own websocket (Rancher's hostAccess shape). */
async function hostAccess(req: FacadeRequest, container: Record<string, unknown> & { id?: string }, action: 'logs' | 'execute'): Promise<FacadeAnswer> {
  const kind = action === 'logs' ? 'logs' : 'shell';
  // Checked (and a refusal recorded) as the browser's socket does; the socket checks again when dialled.
  await authorizeContainer(operationContext(req), String(container.id), kind, `${kind}.open`);
  const logs = action === 'logs' ? parsed(logsBody, req.body) : null;
  const exec = action === 'execute' ? parsed(execBody, req.body) : null;
  const { user, tokenId } = req.scope.caller;
  const token = issueHostAccess({
    kind,
    containerId: String(container.id),
    uid: user.uid,
    name: user.name,
    groups: [...user.groups],
    isStaff: user.isStaff,
    token: { id: tokenId, stackIds: user.token?.stackIds ? [...user.token.stackIds] : null, rights: user.token?.rights ? [...user.token.rights] : null },
    options: logs ? { follow: logs.follow ?? false, lines: logs.lines ?? 100 } : { command: exec?.command ?? ['sh'], tty: exec?.tty ?? true },
  });
  const url = `${req.portalOrigin.replace(/^http/, 'ws')}/v2-beta/host-access/${kind}`;
  return { status: 201, body: { type: 'hostAccess', token, url } };
}

/** `POST <collection>/<id>?action=<name>`: only what the caller's rights and the resource's state allow, through the browser's audited operations. */
export async function runAction(req: FacadeRequest, name: string, id: string, action: string): Promise<FacadeAnswer> {
  const resource = await visibleResource(req, name, id);
  const kind = kindOf(resource);
  if (!mayRun(req.scope, resource, action)) {
    const actions = (resource.actions ?? {}) as Record<string, unknown>;
    if (actions[action] && kind !== 'other') return refused(`You may not ${action} ${kind} ${id} through the portal.`);
    return { status: 422, body: rancherError(422, `Action ${action} is not available on ${kind} ${id} now.`, { code: 'ActionNotAvailable', fieldName: 'action' }) };
  }
  if (kind === 'instance' && (action === 'logs' || action === 'execute')) return hostAccess(req, resource, action);
  if (kind === 'instance') await restartContainer(operationContext(req), { stackId: String(stackIdOf(resource)), containerId: id });
  else if (kind === 'stack') return { status: 200, body: await req.wire.post(`/projects/${req.projectId}/stacks/${id}`, req.body ?? {}, { action }) };
  else await serviceAction(req, resource, action);
  return { status: 202, body: presentResource(req.scope, await visibleResource(req, name, id)) };
}

/**
 * Fields of a service that `up` sends back in a PUT, which is never passed on: its launchConfig (with
 * the health check, which rancher-compose also copies to the top level) comes again, policy-checked,
 * in the upgrade.
 */
const putIgnored = new Set(['links', 'actions', 'type', 'launchConfig', 'secondaryLaunchConfigs', 'healthCheck', 'metadata', 'upgrade']);

/**
 * `PUT services/<id>` (rancher-compose before an upgrade): accepted when it changes nothing the portal
 * does not upgrade, answered with the service as it is; anything else (scale, links, …) is refused.
 */
export async function putService(req: FacadeRequest, id: string): Promise<FacadeAnswer> {
  const service = await visibleResource(req, 'services', id);
  if (!req.scope.may(stackIdOf(service), 'upgrade')) return refused(`You may not change service ${id}.`);
  const body = z.record(z.string(), z.unknown()).safeParse(req.body);
  if (!body.success) throw new BadRequestError('Send the service as a JSON object.');
  const changed = Object.entries(body.data).filter(([k, v]) => !putIgnored.has(k) && v !== null && v !== undefined && JSON.stringify(v) !== JSON.stringify(service[k]));
  if (changed.length > 0) return refused(`The portal does not change ${changed.map(([k]) => k).join(', ')} of a service.`);
  return { status: 200, body: presentResource(req.scope, service) };
}
