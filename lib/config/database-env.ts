import 'server-only';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, envSchema } from './env';

/**
 * The variables that say where the audit database is, taken from the portal's schema, for programs that
 * need the database but not the rest of the portal's configuration (`npm run audit:verify`).
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  SQLITE_PATH: envSchema.shape.SQLITE_PATH,
  DATA_DIR: envSchema.shape.DATA_DIR,
});

/** PostgreSQL when DATABASE_URL is set; else SQLITE_PATH, else `<DATA_DIR>/spin-portal.db`. */
export function databaseLocation(source: Record<string, string | undefined> = process.env): {
  databaseUrl?: string;
  sqlitePath?: string;
} {
  const result = databaseEnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })));
  }
  const { DATABASE_URL, SQLITE_PATH, DATA_DIR } = result.data;
  if (DATABASE_URL) return { databaseUrl: DATABASE_URL };
  return { sqlitePath: SQLITE_PATH ?? resolve(DATA_DIR, 'spin-portal.db') };
}
