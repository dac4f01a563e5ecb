import 'server-only';
import { groupRefreshMs } from '@/lib/auth/auth-options';
import { readGroups } from '@/lib/auth/ldap-authenticate';
import { InvalidCredentialsError } from '@/lib/auth/ldap-errors';
import { ldapSettingsFromEnv } from '@/lib/auth/ldap-settings';
import { env } from '@/lib/config/env';
import { UnauthenticatedError, UnavailableError } from '@/lib/domain/errors/app-error';

interface Membership {
  groups: string[];
  isStaff: boolean;
  checkedAt: number;
}

// On globalThis: the custom server (websockets) and Next's bundle (routes) share one process.
const holder = globalThis as typeof globalThis & { spinPortalTokenOwnerGroups?: Map<string, Membership>; spinPortalGroupReads?: Map<string, Promise<Membership>> };

/** One directory read per person at a time: the sockets and requests that find the groups stale together share it. */
function readOnce(uid: string, now: number): Promise<Membership> {
  const reads = (holder.spinPortalGroupReads ??= new Map());
  let read = reads.get(uid);
  if (!read) {
    read = readGroups(ldapSettingsFromEnv(env()), uid)
      .then((fresh) => ({ ...fresh, checkedAt: now }))
      .finally(() => reads.delete(uid));
    reads.set(uid, read);
  }
  return read;
}

/**
 * A token owner's groups, as a browser session knows them: read from the directory again once older
 * than the group refresh interval, so a removal from a group reaches the owner's tokens too. A
 * directory outage keeps the groups last read; an owner the directory no longer knows holds nothing.
 */
export async function ownerGroups(uid: string, now = Date.now()): Promise<{ groups: string[]; isStaff: boolean }> {
  const cache = (holder.spinPortalTokenOwnerGroups ??= new Map());
  const known = cache.get(uid);
  if (known && now - known.checkedAt < groupRefreshMs()) return known;
  try {
    const fresh = await readOnce(uid, now);
    cache.set(uid, fresh);
    return { groups: fresh.groups, isStaff: fresh.isStaff };
  } catch (err) {
    if (err instanceof InvalidCredentialsError) {
      cache.delete(uid);
      throw new UnauthenticatedError('The owner of this API token is no longer in the directory.');
    }
    if (known) return known;
    throw new UnavailableError('The directory did not answer, so the owner of this API token could not be checked. Try again shortly.', undefined, 30);
  }
}
