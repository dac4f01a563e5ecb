import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket } from 'ws';
import type { AuditStore } from '@/lib/audit/audit-store';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { sessionFromHeaders, type PortalSession } from '@/lib/auth/session-token';
import { UnauthenticatedError } from '@/lib/domain/errors/app-error';
import { env } from '@/lib/config/env';
import type { Logger } from '@/lib/log/logger';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { RancherBackend } from '@/lib/rancher/backend';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import type { UpgradeContext } from '../upgrade-router';
import { closeWhenSessionEnds } from './session-watch';

/** What the relays take from the process; unit tests pass in-memory ones. */
export interface RelayServices {
  sessionOf(headers: IncomingHttpHeaders): Promise<PortalSession | null>;
  backend(): RancherBackend;
  audit(): Promise<AuditStore>;
  /** Closes `ws` once the browser session `sessionId` has ended. */
  watchSession(ws: WebSocket, sessionId: string, log: Logger): void;
  /** WS_MAX_PER_USER: log and shell sockets one person may hold at once. */
  maxSocketsPerUser(): number;
}

export const processRelayServices: RelayServices = {
  sessionOf: sessionFromHeaders,
  backend: rancherBackend,
  audit: getAuditStore,
  watchSession: closeWhenSessionEnds,
  maxSocketsPerUser: () => env().WS_MAX_PER_USER,
};

/**
 * The operation context of a websocket upgrade: the session cookie's user (401 without one), the
 * process's Rancher backend and audit store. Every socket this upgrade accepts is closed when the
 * session ends, so each relay gets that without asking.
 */
export async function relayContext(upgrade: UpgradeContext, services: RelayServices = processRelayServices): Promise<OperationContext> {
  const session = await services.sessionOf(upgrade.req.headers);
  if (!session) throw new UnauthenticatedError('Sign in to the portal first.');
  const log = upgrade.log.child({ uid: session.user.uid });
  const accept = upgrade.accept;
  upgrade.accept = async () => {
    const ws = await accept();
    services.watchSession(ws, session.id, log);
    return ws;
  };
  return {
    user: session.user,
    requestId: upgrade.requestId,
    clientAddress: upgrade.clientAddress,
    userAgent: upgrade.req.headers['user-agent'] ?? null,
    log,
    backend: services.backend(),
    audit: await services.audit(),
  };
}
