import 'server-only';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { rights } from '@/lib/domain/access/rights';
import type { ApiTokenRow, AuditTables } from './audit-tables';
import type { NewToken, TokenRecord, TokenStore } from './token-store';

// The database is a boundary too: lists read back are parsed.
const storedStackIds = z.array(z.string()).nullable();
const storedRights = z.array(z.enum(rights)).nullable();

function listOf<T>(schema: z.ZodType<T>, text: string | null): T {
  return schema.parse(text === null ? null : JSON.parse(text));
}

function orNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function toRecord(row: Selectable<ApiTokenRow>): TokenRecord {
  return {
    id: row.id,
    owner: row.owner,
    name: row.name,
    hash: row.hash,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    stackIds: listOf(storedStackIds, row.stack_ids),
    rights: listOf(storedRights, row.rights),
    lastUsedAt: orNull(row.last_used_at),
    lastUsedAddress: row.last_used_address,
    revokedAt: orNull(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}

/** Tokens in the audit database (SQLite or PostgreSQL); revoking is one conditional update. */
export class SqlTokenStore implements TokenStore {
  constructor(private readonly db: Kysely<AuditTables>) {}

  async create(token: NewToken): Promise<TokenRecord> {
    const row: ApiTokenRow = {
      id: token.id,
      owner: token.owner,
      name: token.name,
      hash: token.hash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      stack_ids: token.stackIds === null ? null : JSON.stringify(token.stackIds),
      rights: token.rights === null ? null : JSON.stringify(token.rights),
      last_used_at: null,
      last_used_address: null,
      revoked_at: null,
      revoked_by: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return toRecord(row);
  }

  async get(id: string): Promise<TokenRecord | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async listUnrevoked(owner?: string): Promise<TokenRecord[]> {
    let query = this.db.selectFrom('api_tokens').selectAll().where('revoked_at', 'is', null);
    if (owner !== undefined) query = query.where('owner', '=', owner);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, by: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordUse(id: string, at: number, address: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at, last_used_address: address.slice(0, 64) }).where('id', '=', id).execute();
  }
}
