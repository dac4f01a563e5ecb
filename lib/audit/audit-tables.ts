import 'server-only';
import type { Generated } from 'kysely';
import { z } from 'zod';

export const auditRowKinds = ['event', 'intent', 'completion'] as const;
export type AuditRowKind = (typeof auditRowKinds)[number];

/** A column added by a later migration: absent when `audit:verify` reads a database not yet migrated. */
const laterColumn = z.string().nullish().transform((v) => v ?? null);

/**
 * One row of the hash chain, as stored. `kind` is `event` (one-shot), `intent` (written before a Rancher
 * call, outcome `unknown`) or `completion` (written after it, pointing at its intent through `intent_id`).
 * Rows are never updated: completing an intent appends a row, so every row's hash stays valid for ever.
 * Rows read back are parsed with this schema (the database is a boundary too).
 */
export const auditEventRow = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  kind: z.enum(auditRowKinds),
  intent_id: z.string().nullable(),
  occurred_at: z.string(),
  actor: z.string(),
  client_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  request_id: z.string().nullable(),
  action: z.string(),
  stack_id: z.string().nullable(),
  stack_name: z.string().nullable(),
  service_id: z.string().nullable(),
  service_name: z.string().nullable(),
  container_id: z.string().nullable(),
  container_name: z.string().nullable(),
  /** Canonical JSON text (sorted keys), stored as text so the hashed bytes are the stored bytes. */
  details: z.string().nullable(),
  outcome: z.string(),
  code: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
  /** The Rancher environment of the stack acted on (migration 004; null on older rows and on sign-ins). */
  environment_id: laterColumn,
  environment_name: laterColumn,
  /** The personal token the action came through; null for the browser. */
  token_id: laterColumn,
  prev_hash: z.string(),
  hash: z.string(),
});
export type AuditEventRow = z.infer<typeof auditEventRow>;

/** The newest link of the chain: appenders serialize on it, and verify notices rows cut off the end. */
export interface AuditChainHeadRow {
  id: number;
  seq: number;
  hash: string;
}

/** Failed login attempts shared by every portal replica (lib/rate-limit/sql-attempt-counter-store.ts). */
export interface RateLimitFailureRow {
  id: Generated<number>;
  key: string;
  at: number;
  expires_at: number;
}

/** Browser sessions shared by every portal replica (lib/sessions/sql-session-store.ts); times in ms. */
export interface SessionRow {
  id: string;
  uid: string;
  client_address: string | null;
  user_agent: string | null;
  started_at: number;
  last_active_at: number;
  ended_at: number | null;
  end_reason: string | null;
}

/** Personal API tokens (lib/audit/sql-token-store.ts); times in ms, lists as JSON text. */
export interface ApiTokenRow {
  id: string;
  owner: string;
  name: string;
  hash: string;
  created_at: number;
  expires_at: number;
  stack_ids: string | null;
  rights: string | null;
  last_used_at: number | null;
  last_used_address: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
}

export interface AuditTables {
  audit_events: AuditEventRow;
  audit_chain_head: AuditChainHeadRow;
  rate_limit_failures: RateLimitFailureRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
}

/** The two databases the audit store runs on: SQLite (libsql) by default, PostgreSQL when DATABASE_URL is set. */
export type AuditDialect = 'sqlite' | 'postgres';
