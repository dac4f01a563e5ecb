import 'server-only';
import type { Right } from '@/lib/domain/access/rights';

/** A personal API token as stored: the hash of the token, never the token. Times in ms. */
export interface TokenRecord {
  id: string;
  owner: string;
  name: string;
  /** SHA-256 of the whole `spinpat_…` token, hex. */
  hash: string;
  createdAt: number;
  expiresAt: number;
  /** null: every stack the owner may see; else only these. */
  stackIds: string[] | null;
  /** null: every right the owner holds; else only these. */
  rights: Right[] | null;
  lastUsedAt: number | null;
  lastUsedAddress: string | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

export type NewToken = Omit<TokenRecord, 'lastUsedAt' | 'lastUsedAddress' | 'revokedAt' | 'revokedBy'>;

/**
 * Personal API tokens, kept in the audit database beside the sessions so every replica sees a
 * revocation at once (DESIGN.md "Personal API tokens"). All SQL lives behind this interface.
 */
export interface TokenStore {
  create(token: NewToken): Promise<TokenRecord>;
  /** The record, revoked or not; null when there is none. */
  get(id: string): Promise<TokenRecord | null>;
  /** Tokens not revoked, of `owner` or (undefined) of everyone, newest first. */
  listUnrevoked(owner?: string): Promise<TokenRecord[]>;
  /** Revokes a token not yet revoked; true when this call revoked it. */
  revoke(id: string, by: string, at: number): Promise<boolean>;
  /** Records a use: when, and from which client address. */
  recordUse(id: string, at: number, address: string): Promise<void>;
}
