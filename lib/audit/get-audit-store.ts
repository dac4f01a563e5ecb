import 'server-only';
import { databaseLocation } from '@/lib/config/database-env';
import type { AuditStore } from './audit-store';
import { openAuditStore } from './open-audit-store';

const holder = globalThis as typeof globalThis & { spinPortalAuditStore?: Promise<AuditStore> };

/**
 * The process's audit store, opened (and migrated) on first use from DATABASE_URL / SQLITE_PATH /
 * DATA_DIR. Kept on globalThis so Next's dev hot reload reuses one pool instead of opening another per
 * reload. A failed open is forgotten, so the next request tries again.
 */
export function getAuditStore(): Promise<AuditStore> {
  holder.spinPortalAuditStore ??= (async () => openAuditStore(databaseLocation()))().catch((error: unknown) => {
    holder.spinPortalAuditStore = undefined;
    throw error;
  });
  return holder.spinPortalAuditStore;
}
