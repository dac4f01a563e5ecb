import 'server-only';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, envSchema } from './env';
import { resolveSecretFiles } from './secret-files';

/**
 * The variables that say where the audit database is, taken from the portal's schema, for programs that
 * need the database but not the rest of the portal's configuration (`npm run audit:verify`).
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  DATABASE_PASSWORD: envSchema.shape.DATABASE_PASSWORD,
  SQLITE_PATH: envSchema.shape.SQLITE_PATH,
  DATA_DIR: envSchema.shape.DATA_DIR,
});

/**
 * PostgreSQL when DATABASE_URL is set (with DATABASE_PASSWORD as its password when given); else
 * SQLITE_PATH, else `<DATA_DIR>/spin-portal.db`. Both secrets may come from `_FILE` variables.
 */
export function databaseLocation(environment: Record<string, string | undefined> = process.env): {
  databaseUrl?: string;
  sqlitePath?: string;
} {
  const { values: source, problems } = resolveSecretFiles(environment, ['DATABASE_URL', 'DATABASE_PASSWORD']);
  if (problems.length > 0) throw new ConfigError(problems);
  const result = databaseEnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })));
  }
  const { DATABASE_URL, DATABASE_PASSWORD, SQLITE_PATH, DATA_DIR } = result.data;
  if (DATABASE_URL) return { databaseUrl: DATABASE_PASSWORD === undefined ? DATABASE_URL : withPassword(DATABASE_URL, DATABASE_PASSWORD) };
  return { sqlitePath: SQLITE_PATH ?? resolve(DATA_DIR, 'spin-portal.db') };
}

function withPassword(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.password = encodeURIComponent(password);
  return url.href;
}
