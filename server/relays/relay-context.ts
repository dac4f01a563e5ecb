import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { AuditStore } from '@/lib/audit/audit-store';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { parseCookies, sessionFromCookies } from '@/lib/auth/session-token';
import { UnauthenticatedError } from '@/lib/domain/errors/app-error';
import { env } from '@/lib/config/env';
import type { Logger } from '@/lib/log/logger';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { RancherBackend } from '@/lib/rancher/backend';
import { resolveCaller, type Caller } from '@/lib/tokens/request-caller';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import type { UpgradeContext } from '../upgrade-router';
import { closeWhenCallerEnds } from './session-watch';

/** What the relays take from the process; unit tests pass in-memory ones. */
export interface RelayServices {
  /** The browser session or API token of an upgrade request (lib/tokens/request-caller.ts). */
  callerOf(req: IncomingMessage, clientAddress: string): Promise<Caller | null>;
  backend(): RancherBackend;
  audit(): Promise<AuditStore>;
  /** Closes `ws` once the caller's browser session has ended, or its token was revoked or expired. */
  watchCaller(ws: WebSocket, caller: Caller, log: Logger): void;
  /** WS_MAX_PER_USER: log and shell sockets one person may hold at once. */
  maxSocketsPerUser(): number;
}

export const processRelayServices: RelayServices = {
  callerOf: (req, clientAddress) => {
    const cookies = parseCookies(req.headers.cookie);
    return resolveCaller({ authorization: req.headers.authorization, cookieNames: Object.keys(cookies), clientAddress, session: () => sessionFromCookies(cookies) });
  },
  backend: rancherBackend,
  audit: getAuditStore,
  watchCaller: closeWhenCallerEnds,
  maxSocketsPerUser: () => env().WS_MAX_PER_USER,
};

/**
 * The operation context of a websocket upgrade: the user of the session cookie or the API token (401
 * without either), the process's Rancher backend and audit store. Every socket this upgrade accepts is
 * closed when the session ends or the token is revoked, so each relay gets that without asking.
 */
export async function relayContext(upgrade: UpgradeContext, services: RelayServices = processRelayServices): Promise<OperationContext> {
  const caller = await services.callerOf(upgrade.req, upgrade.clientAddress);
  if (!caller) throw new UnauthenticatedError('Sign in to the portal first.');
  const log = upgrade.log.child({ uid: caller.user.uid, ...(caller.kind === 'token' ? { tokenId: caller.id } : {}) });
  const accept = upgrade.accept;
  upgrade.accept = async () => {
    const ws = await accept();
    services.watchCaller(ws, caller, log);
    return ws;
  };
  return {
    user: caller.user,
    requestId: upgrade.requestId,
    clientAddress: upgrade.clientAddress,
    userAgent: upgrade.req.headers['user-agent'] ?? null,
    log,
    backend: services.backend(),
    audit: await services.audit(),
    tokenId: caller.kind === 'token' ? caller.id : null,
  };
}
