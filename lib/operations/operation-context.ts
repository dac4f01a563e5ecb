import 'server-only';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { SessionUser } from '@/lib/domain/access/session-user';
import type { Logger } from '@/lib/log/logger';
import type { RancherBackend } from '@/lib/rancher/backend';

/** Who acts and through what: everything an operation needs besides its own input. */
export interface OperationContext {
  user: SessionUser;
  requestId: string;
  clientAddress: string;
  userAgent: string | null;
  log: Logger;
  backend: RancherBackend;
  audit: AuditStore;
  /** The personal token the request came through, recorded with every action; absent in the browser. */
  tokenId?: string | null;
}
