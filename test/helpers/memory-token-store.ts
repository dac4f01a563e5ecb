// A TokenStore in memory for unit tests: the same answers as the SQL store, without a database.
import type { NewToken, TokenRecord, TokenStore } from '@/lib/audit/token-store';

export class MemoryTokenStore implements TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  async create(token: NewToken): Promise<TokenRecord> {
    const record: TokenRecord = { ...token, lastUsedAt: null, lastUsedAddress: null, revokedAt: null, revokedBy: null };
    this.records.set(record.id, record);
    return { ...record };
  }

  async get(id: string): Promise<TokenRecord | null> {
    const record = this.records.get(id);
    return record ? { ...record } : null;
  }

  async listUnrevoked(owner?: string): Promise<TokenRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.revokedAt === null && (owner === undefined || r.owner === owner))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((r) => ({ ...r }));
  }

  async revoke(id: string, by: string, at: number): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || record.revokedAt !== null) return false;
    Object.assign(record, { revokedAt: at, revokedBy: by });
    return true;
  }

  async recordUse(id: string, at: number, address: string): Promise<void> {
    const record = this.records.get(id);
    if (record) Object.assign(record, { lastUsedAt: at, lastUsedAddress: address });
  }
}
