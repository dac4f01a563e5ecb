import 'server-only';
import type { AuditStore } from './audit-store';
import { openAuditDatabase, type AuditDatabaseOptions, type AuditStoreLocation } from './open-audit-database';
import { SqlAuditStore } from './sql-audit-store';

/**
 * Opens the audit store (PostgreSQL when `databaseUrl` is set, else the SQLite file) and runs its
 * migrations. The Next app uses the process-wide store from get-audit-store.ts instead.
 *
 * @example const audit = await openAuditStore({ sqlitePath: '.data/spin-portal.db' });
 */
export async function openAuditStore(location: AuditStoreLocation, options: AuditDatabaseOptions = {}): Promise<AuditStore> {
  return new SqlAuditStore(await openAuditDatabase(location, options));
}
