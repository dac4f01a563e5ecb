import type { RawData } from 'ws';
import { z } from 'zod';
import { NotFoundError, UnauthenticatedError } from '@/lib/domain/errors/app-error';
import type { ResourceChange } from '@/lib/domain/rancher/types';
import { basicCredentials } from '@/lib/facade/caller';
import { callerScope } from '@/lib/facade/caller-scope';
import { redeemHostAccess, type HostAccessGrant } from '@/lib/facade/host-access';
import type { FacadeServices } from '@/lib/facade/facade-http';
import { isVisible, portalText } from '@/lib/facade/present';
import type { UpgradeContext, UpgradeRoute } from './upgrade-router';
import { openContainerSession, type ContainerSession } from './relays/container-session';
import { processRelayServices, type RelayServices } from './relays/relay-context';
import { takeSocketSlot } from './relays/socket-quota';
import { isTokenActive } from '@/lib/tokens/request-caller';
import { facadeServices } from './facade-routes';

// The websockets of the Rancher facade: logs and exec on the portal's own one-use hostAccess tokens,
// relayed with the browser's checks and audit rows (container-session.ts), in the frames the `rancher`
// CLI reads; and the subscribe socket behind `rancher events` and `--wait`, filtered to the caller.

const anyQuery = z.object({}).passthrough();

/** The relays' services with the grant's person instead of a browser session (the grant is the credential). */
function grantServices(grant: HostAccessGrant, services: RelayServices): RelayServices {
  const user = { uid: grant.uid, name: grant.name, groups: grant.groups, isStaff: grant.isStaff, token: grant.token };
  return { ...services, callerOf: () => Promise.resolve({ kind: 'token', id: grant.token.id, user }) };
}

async function relayLogs(session: ContainerSession<unknown>, grant: HostAccessGrant): Promise<void> {
  const { ws, ctx, access } = session;
  const follow = grant.options.follow === true;
  const tail = typeof grant.options.lines === 'number' && grant.options.lines >= 0 ? grant.options.lines : 100;
  await session.recordOpen({ outcome: 'ok', details: { tail, follow, via: 'rancher-api' } });
  const abort = new AbortController();
  ws.on('close', () => abort.abort());
  let lines = 0;
  let failure: string | null = null;
  try {
    for await (const batch of ctx.backend.openLogBatches(access.container, { tail, follow, signal: abort.signal })) {
      if (ws.readyState !== ws.OPEN) break;
      for (const line of batch) ws.send(`${line.stream === 'stderr' ? '02' : '01'} ${line.line}`);
      lines += batch.length;
    }
    if (ws.readyState === ws.OPEN) ws.close(1000, 'end of log');
  } catch (err) {
    if (!abort.signal.aborted) {
      failure = err instanceof Error ? err.message : String(err);
      if (ws.readyState === ws.OPEN) ws.close(1011, 'Rancher stopped sending logs');
    }
  } finally {
    abort.abort();
    await session.recordClose({ outcome: failure ? 'failed' : 'ok', code: failure ? 'upstream' : null, details: { linesSent: lines, via: 'rancher-api' } });
  }
}

async function relayExec(session: ContainerSession<unknown>, grant: HostAccessGrant): Promise<void> {
  const { ws, ctx, access } = session;
  const command = Array.isArray(grant.options.command) ? grant.options.command.map(String) : ['sh'];
  // The CLI types as soon as the socket is open: keystrokes before the container's shell answers wait here.
  const early: Buffer[] = [];
  const keep = (data: RawData) => early.push(Buffer.from(String(data), 'base64'));
  ws.on('message', keep);
  let exec;
  try {
    exec = await ctx.backend.openExec(access.container, { cols: 80, rows: 24, command });
  } catch {
    await session.recordOpen({ outcome: 'failed', code: 'upstream' });
    ws.close(1011, 'the shell could not be opened');
    return;
  }
  await session.recordOpen({ outcome: 'ok', details: { command: command.join(' '), via: 'rancher-api' } });
  const counts = { bytesIn: 0, bytesOut: 0 };
  // The CLI's frames are base64 text both ways (rancher-cli.md, exec).
  exec.onData((data) => {
    counts.bytesOut += data.length;
    if (ws.readyState === ws.OPEN) ws.send(data.toString('base64'));
  });
  exec.onClose(() => {
    // Without a reason: the CLI counts only exactly "websocket: close 1000 (normal)" as success.
    if (ws.readyState === ws.OPEN) ws.close(1000);
  });
  const write = (bytes: Buffer) => {
    counts.bytesIn += bytes.length;
    exec.write(bytes);
  };
  ws.off('message', keep);
  early.forEach(write);
  ws.on('message', (data: RawData) => write(Buffer.from(String(data), 'base64')));
  ws.on('close', () => {
    exec.close();
    void session.recordClose({ outcome: 'ok', details: { ...counts, via: 'rancher-api' } });
  });
}

async function handleHostAccess(upgrade: UpgradeContext, services: RelayServices, isActive: (tokenId: string) => Promise<boolean>): Promise<void> {
  const grant = redeemHostAccess(upgrade.url.searchParams.get('token'));
  const kind = upgrade.params[0];
  if (!grant || grant.kind !== kind) throw new UnauthenticatedError('This hostAccess token is not valid: it is used once, within 30 s of being issued.');
  // Revoked in the seconds since it was issued: a log dump or a one-shot command would finish before the socket's re-check.
  if (!(await isActive(grant.token.id))) throw new UnauthenticatedError(`API token ${grant.token.id} has been revoked or has expired.`);
  upgrade.params = [grant.containerId];
  const session = await openContainerSession(upgrade, { kind: grant.kind, query: anyQuery, queryHint: '' }, grantServices(grant, services));
  if (!session) return;
  await (grant.kind === 'logs' ? relayLogs(session, grant) : relayExec(session, grant));
}

/** The CLI's log and exec sockets, with the process's (or a test's) Rancher and audit store. */
export function facadeHostAccessRoute(services: RelayServices = processRelayServices, isActive: (tokenId: string) => Promise<boolean> = isTokenActive): UpgradeRoute {
  return { name: 'facade-host-access', pattern: /^\/v2-beta\/host-access\/(logs|shell)$/, ownCredentials: true, handle: (upgrade) => handleHostAccess(upgrade, services, isActive) };
}

/** `rancher events` and `--wait`: Rancher's resource.change events of the caller's stacks, services and containers. */
async function handleSubscribe(upgrade: UpgradeContext, services: FacadeServices, relay: RelayServices): Promise<void> {
  const credentials = basicCredentials(upgrade.req.headers.authorization);
  const caller = credentials ? await services.resolveCaller(credentials, upgrade.clientAddress) : null;
  if (!caller) throw new UnauthenticatedError('Unauthorized: give the access and secret key of a personal token of the portal.');
  const projectId = upgrade.params[0] ?? '';
  const backend = services.backend();
  if (!(await callerScope(backend, caller)).environments.some((e) => e.id === projectId)) throw new NotFoundError(`No environment ${projectId}.`);
  // Each socket reads Rancher for every change the caller may see: held to the person's socket quota like logs and shells.
  if (!takeSocketSlot(upgrade, caller.user.uid, relay.maxSocketsPerUser())) return;
  const wire = services.wire();
  const ws = await upgrade.accept();
  relay.watchCaller(ws, { kind: 'token', id: caller.tokenId, user: caller.user }, upgrade.log);
  const collections = { stack: 'stacks', service: 'services', container: 'containers' } as const;
  const forward = async (change: ResourceChange) => {
    // Decided per change, from the stack list as it is now: a stack re-tagged away is heard of no more.
    const scope = await callerScope(backend, caller);
    const stackId = change.resourceType === 'stack' ? change.id : change.stackId;
    if (!scope.may(stackId, 'view')) return;
    const resource = await wire.get(`/projects/${projectId}/${collections[change.resourceType]}/${change.id}`);
    if (!isVisible(scope, resource) || ws.readyState !== ws.OPEN) return;
    const event = { name: 'resource.change', resourceType: change.resourceType, resourceId: change.id, data: { resource } };
    ws.send(portalText(event, wire.base, services.portalOrigin()));
  };
  const feed = backend.subscribe((change) => void forward(change).catch(() => undefined));
  const pings = setInterval(() => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ name: 'ping', data: {} })), 5_000);
  ws.on('close', () => {
    clearInterval(pings);
    feed.close();
  });
}

export function facadeSubscribeRoute(services: FacadeServices = facadeServices, relay: RelayServices = processRelayServices): UpgradeRoute {
  return { name: 'facade-subscribe', pattern: /^\/v2-beta\/projects\/([^/]+)\/subscribe$/, ownCredentials: true, handle: (upgrade) => handleSubscribe(upgrade, services, relay) };
}
