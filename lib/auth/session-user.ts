import type { AccessUser } from '@/lib/access/rights';

/** A signed-in person, as the session (a signed JWT cookie) carries them. */
export interface SessionUser extends AccessUser {
  name: string;
}
