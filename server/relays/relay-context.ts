import { getAuditStore } from '@/lib/audit/get-audit-store';
import { sessionFromHeaders } from '@/lib/auth/session-token';
import { isAppError } from '@/lib/domain/errors/app-error';
import type { OperationContext } from '@/lib/operations/operation-context';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import type { UpgradeContext } from '../upgrade-router';
import { closeWhenSessionEnds } from './session-watch';

/**
 * The operation context of a websocket upgrade: the session cookie's user (401 without one), the
 * process's Rancher backend and audit store. Null when the upgrade has been refused. Every socket this
 * upgrade accepts is closed when the session ends, so each relay gets that without asking.
 */
export async function relayContext(upgrade: UpgradeContext): Promise<OperationContext | null> {
  const session = await sessionFromHeaders(upgrade.req.headers);
  if (!session) {
    upgrade.reject(401, 'Sign in to the portal first.');
    return null;
  }
  const log = upgrade.log.child({ uid: session.user.uid });
  const accept = upgrade.accept;
  upgrade.accept = async () => {
    const ws = await accept();
    closeWhenSessionEnds(ws, session.id, log);
    return ws;
  };
  return {
    user: session.user,
    requestId: upgrade.requestId,
    clientAddress: upgrade.clientAddress,
    userAgent: upgrade.req.headers['user-agent'] ?? null,
    log,
    backend: rancherBackend(),
    audit: await getAuditStore(),
  };
}

/** Refuses an upgrade with the status and words of an AppError; anything else is rethrown (500). */
export function rejectWith(upgrade: UpgradeContext, err: unknown): void {
  if (isAppError(err)) upgrade.reject(err.status, err.message);
  else throw err;
}
