import 'server-only';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { genesisHash } from './audit-row-hash';
import type { AuditDialect, AuditTables } from './audit-tables';

/**
 * The schema, as ordered migrations. Each runs once per database (kysely records them in
 * `audit_migration`; on PostgreSQL it also takes an advisory lock, so replicas starting together don't
 * race). The two dialects differ only in integer and identity types and in trigger syntax.
 */
function migrations(dialect: AuditDialect): Record<string, Migration> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '001-audit-events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_events')
          // SQLite: exactly `integer primary key` makes seq the rowid, the cheapest index there is.
          .addColumn('seq', big, (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          // Unique: an intent is completed at most once.
          .addColumn('intent_id', 'text', (c) => c.unique())
          .addColumn('occurred_at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('client_address', 'text')
          .addColumn('user_agent', 'text')
          .addColumn('request_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('stack_id', 'text')
          .addColumn('stack_name', 'text')
          .addColumn('service_id', 'text')
          .addColumn('service_name', 'text')
          .addColumn('container_id', 'text')
          .addColumn('container_name', 'text')
          // Text, not jsonb: jsonb would reorder keys and the stored details would no longer hash the same.
          .addColumn('details', 'text')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('code', 'text')
          .addColumn('duration_ms', big)
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        // The listings filter on one of these and read newest first.
        await db.schema.createIndex('audit_events_actor_seq').on('audit_events').columns(['actor', 'seq']).execute();
        await db.schema.createIndex('audit_events_stack_seq').on('audit_events').columns(['stack_id', 'seq']).execute();
        await db.schema.createIndex('audit_events_action_seq').on('audit_events').columns(['action', 'seq']).execute();
        await db.schema.createIndex('audit_events_time').on('audit_events').column('occurred_at').execute();

        await db.schema
          .createTable('audit_chain_head')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('seq', big, (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into audit_chain_head (id, seq, hash) values (1, 0, ${genesisHash})`.execute(db);

        // Append-only in the database too: the portal never updates or deletes a row, and anyone who does
        // must first drop these triggers (the hash chain still shows what they changed).
        if (dialect === 'postgres') {
          await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
            begin raise exception 'audit_events is append-only'; end $$`.execute(db);
          await sql`create trigger audit_events_no_change before update or delete on audit_events
            for each row execute function audit_events_append_only()`.execute(db);
          await sql`create trigger audit_events_no_truncate before truncate on audit_events
            for each statement execute function audit_events_append_only()`.execute(db);
        } else {
          await sql`create trigger audit_events_no_update before update on audit_events
            begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
          await sql`create trigger audit_events_no_delete before delete on audit_events
            begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
        }
      },
    },
    '002-rate-limit-failures': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('rate_limit_failures')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('rate_limit_failures_key_at').on('rate_limit_failures').columns(['key', 'at']).execute();
        await db.schema.createIndex('rate_limit_failures_expires').on('rate_limit_failures').column('expires_at').execute();
      },
    },
    '003-sessions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('uid', 'text', (c) => c.notNull())
          .addColumn('client_address', 'text')
          .addColumn('user_agent', 'text')
          .addColumn('started_at', big, (c) => c.notNull())
          .addColumn('last_active_at', big, (c) => c.notNull())
          .addColumn('ended_at', big)
          .addColumn('end_reason', 'text')
          .execute();
        // "Your sessions" and "sign out everywhere" look up a person's sessions.
        await db.schema.createIndex('sessions_uid').on('sessions').columns(['uid', 'ended_at']).execute();
        await db.schema.createIndex('sessions_started').on('sessions').column('started_at').execute();
      },
    },
    '004-audit-environment-token': {
      async up(db: Kysely<unknown>) {
        // Nullable: rows written before this migration keep null here and their hashes stay valid.
        await db.schema.alterTable('audit_events').addColumn('environment_id', 'text').execute();
        await db.schema.alterTable('audit_events').addColumn('environment_name', 'text').execute();
        await db.schema.alterTable('audit_events').addColumn('token_id', 'text').execute();
        await db.schema.createIndex('audit_events_environment_seq').on('audit_events').columns(['environment_id', 'seq']).execute();
        // Staff filter by the stack's name, which also finds the activity of a deleted stack.
        await db.schema.createIndex('audit_events_stack_name_seq').on('audit_events').columns(['stack_name', 'seq']).execute();
      },
    },
    '005-api-tokens': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('api_tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          // SHA-256 of the whole token, hex: the secret itself is never stored.
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          // JSON arrays as text; null means all of the owner's stacks, or all of the owner's rights.
          .addColumn('stack_ids', 'text')
          .addColumn('rights', 'text')
          .addColumn('last_used_at', big)
          .addColumn('last_used_address', 'text')
          .addColumn('revoked_at', big)
          .addColumn('revoked_by', 'text')
          .execute();
        await db.schema.createIndex('api_tokens_owner').on('api_tokens').columns(['owner', 'revoked_at']).execute();
      },
    },
  };
}

/**
 * Brings the database up to the newest schema (or up to the migration named `upTo`, which tests use to
 * make a database as an older portal left it); throws with the failing migration's error.
 */
export async function migrateAuditDatabase(db: Kysely<AuditTables>, dialect: AuditDialect, upTo?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'audit_migration',
    migrationLockTableName: 'audit_migration_lock',
  });
  const { error, results } = await (upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo));
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`audit store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
