import type { AccessUser } from '@/lib/domain/access/rights';

/** A signed-in person, as their session (a record named by the signed cookie) knows them. */
export interface SessionUser extends AccessUser {
  name: string;
}
