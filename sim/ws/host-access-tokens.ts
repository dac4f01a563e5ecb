import { randomBytes } from 'node:crypto';

// hostAccess tokens (rancher-api.md §6.1). Rancher signs a JWT; the simulator hands out opaque random
// strings bound to one container and one purpose. Expiry is checked when the socket is dialled, and a
// token may be used again until then, as a JWT can.

export interface LogsClaims {
  purpose: 'logs';
  containerId: string;
  follow: boolean;
  lines: number;
  since: string | null;
}

export interface ExecClaims {
  purpose: 'exec';
  containerId: string;
  command: string[];
  tty: boolean;
}

/** The long token of a stats socket (rancher-api.md §6.5): the first frame the client sends. */
export interface StatsClaims {
  purpose: 'stats';
  resourceType: 'container' | 'service';
  resourceId: string;
}

/** The short token of a stats socket, dialled in the query; it names the long one that must follow. */
export interface StatsAuthClaims {
  purpose: 'stats-auth';
  token: string;
}

export type HostAccessClaims = LogsClaims | ExecClaims | StatsClaims | StatsAuthClaims;

export class HostAccessTokens {
  private readonly tokens = new Map<string, { claims: HostAccessClaims; expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(claims: HostAccessClaims): string {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { claims, expiresAt: this.now() + this.ttlSeconds() * 1000 });
    return token;
  }

  /** The token's claims if it exists, has not expired and was issued for `purpose`. */
  verify<P extends HostAccessClaims['purpose']>(token: string | null, purpose: P): Extract<HostAccessClaims, { purpose: P }> | null {
    if (!token) return null;
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= this.now()) return null;
    return entry.claims.purpose === purpose ? (entry.claims as Extract<HostAccessClaims, { purpose: P }>) : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.tokens) if (entry.expiresAt <= now) this.tokens.delete(token);
  }
}
