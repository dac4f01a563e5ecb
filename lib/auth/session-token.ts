import 'server-only';
import { getToken } from 'next-auth/jwt';
import { env } from '@/lib/config/env';
import { checkSession } from '@/lib/sessions/session-check';
import { groupRefreshMs } from './auth-options';
import { readGroups } from './ldap-authenticate';
import { InvalidCredentialsError } from './ldap-errors';
import { ldapSettingsFromEnv } from './ldap-settings';
import type { SessionUser } from '@/lib/domain/access/session-user';

/** A signed-in browser session: its record's id and the person. */
export interface PortalSession {
  id: string;
  user: SessionUser;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is not ours; ignore it.
    }
  }
  return cookies;
}

/**
 * The session behind a request's cookies (pages, route handlers and websocket upgrades alike): the
 * signed cookie names a session record, which must still be open (lib/sessions/session-check.ts); this
 * use counts as activity. Groups older than the refresh interval are read again, as the session
 * callback does, so a removal from a group also closes the door to logs and shells.
 */
export async function sessionFromCookies(cookies: Record<string, string>): Promise<PortalSession | null> {
  const config = env();
  const token = await getToken({
    // Only the cookie: a browser session is never accepted as a bearer token.
    req: { headers: {}, cookies } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: config.NEXTAUTH_SECRET,
    secureCookie: config.NEXTAUTH_URL.startsWith('https://'),
  });
  if (!token?.uid || token.revoked) return null;
  const active = await checkSession(token.sid, { touch: true });
  if (!active || active.uid !== token.uid) return null;
  let groups = token.groups ?? [];
  let isStaff = token.isStaff ?? false;
  if (!token.groupsCheckedAt || Date.now() - token.groupsCheckedAt >= groupRefreshMs()) {
    try {
      ({ groups, isStaff } = await readGroups(ldapSettingsFromEnv(config), token.uid));
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return null;
      // Directory down: keep the groups the token knows, as the session callback does.
    }
  }
  return { id: active.id, user: { uid: token.uid, name: token.name ?? token.uid, groups, isStaff } };
}
