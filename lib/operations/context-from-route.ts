import 'server-only';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import type { RouteContext } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import type { OperationContext } from './operation-context';

/** The process's Rancher backend and audit store, with who is asking from the request. */
export async function operationContextOf<P>(route: RouteContext<P>): Promise<OperationContext> {
  return {
    user: route.user,
    requestId: route.requestId,
    clientAddress: route.clientAddress,
    userAgent: route.req.headers.get('user-agent'),
    log: route.log,
    backend: rancherBackend(),
    audit: await getAuditStore(),
    tokenId: route.user.token?.id ?? null,
  };
}
