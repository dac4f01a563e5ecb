import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import Database from 'libsql';
import pg from 'pg';
import { migrateAuditDatabase } from './audit-migrations';
import type { AuditDialect, AuditTables } from './audit-tables';

/** Where the audit store lives: PostgreSQL when `databaseUrl` is set, else the SQLite file `sqlitePath`. */
export interface AuditStoreLocation {
  databaseUrl?: string;
  /** A file path, or `:memory:` for a throwaway store. */
  sqlitePath?: string;
}

export interface AuditDatabase {
  db: Kysely<AuditTables>;
  dialect: AuditDialect;
  close(): Promise<void>;
}

export interface AuditDatabaseOptions {
  /** Told about failures of idle PostgreSQL connections (the pool replaces them); defaults to stderr. */
  onConnectionError?: (error: Error) => void;
  /** Bring the schema up to date (default). Read-only tools (audit:verify) leave it as they find it. */
  migrate?: boolean;
}

/**
 * Opens the audit database and brings its schema up to date. kysely runs over libsql (TOOLCHAIN.md 5: a
 * better-sqlite3-compatible driver shipped prebuilt) or over a pg pool.
 */
export async function openAuditDatabase(location: AuditStoreLocation, options: AuditDatabaseOptions = {}): Promise<AuditDatabase> {
  const { db, dialect } = location.databaseUrl
    ? { db: postgres(location.databaseUrl, options), dialect: 'postgres' as const }
    : { db: sqlite(location.sqlitePath), dialect: 'sqlite' as const };
  try {
    if (options.migrate !== false) await migrateAuditDatabase(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, close: () => db.destroy() };
}

function sqlite(path: string | undefined): Kysely<AuditTables> {
  if (!path) throw new Error('audit store: set DATABASE_URL or a SQLite path');
  const isFile = path !== ':memory:' && !path.startsWith('file::memory:');
  if (isFile) mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  if (isFile) {
    // WAL lets `npm run audit:verify` read while the portal writes; FULL syncs every commit, so an event
    // written before a Rancher call survives a power cut, not only a crash.
    database.exec('pragma journal_mode = wal');
    database.exec('pragma synchronous = full');
  }
  database.exec('pragma busy_timeout = 5000');
  return new Kysely<AuditTables>({ dialect: new SqliteDialect({ database }) });
}

// int8 columns (seq, times in ms) come back as numbers: they stay far below 2^53.
const int8AsNumber = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function postgres(connectionString: string, options: AuditDatabaseOptions): Kysely<AuditTables> {
  const pool = new pg.Pool({ connectionString, max: 10, application_name: 'spin-portal', types: int8AsNumber });
  // An idle client's error is emitted on the pool; unhandled, it would end the process.
  pool.on('error', options.onConnectionError ?? ((error) => console.error(`audit store: idle PostgreSQL connection failed: ${error.message}`)));
  return new Kysely<AuditTables>({ dialect: new PostgresDialect({ pool }) });
}
