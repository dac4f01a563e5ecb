import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import { getToken } from 'next-auth/jwt';
import { env } from '@/lib/config/env';
import { groupRefreshMs } from './auth-options';
import { readGroups } from './ldap-authenticate';
import { InvalidCredentialsError } from './ldap-errors';
import { ldapSettingsFromEnv } from './ldap-settings';
import type { SessionUser } from './session-user';

function parseCookies(header: string | undefined): Record<string, string> {
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
 * The signed-in person behind a raw HTTP request (websocket upgrades, which Next's session helpers do
 * not see). Groups older than the refresh interval are read again, as the session callback does, so a
 * removal from a group also closes the door to logs and shells.
 */
export async function sessionUserFromHeaders(headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  const config = env();
  const token = await getToken({
    req: { headers, cookies: parseCookies(headers.cookie) } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: config.NEXTAUTH_SECRET,
    secureCookie: config.NEXTAUTH_URL.startsWith('https://'),
  });
  if (!token?.uid || token.revoked) return null;
  let groups = token.groups ?? [];
  let isStaff = token.isStaff ?? false;
  if (!token.groupsCheckedAt || Date.now() - token.groupsCheckedAt >= groupRefreshMs) {
    try {
      ({ groups, isStaff } = await readGroups(ldapSettingsFromEnv(config), token.uid));
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return null;
      // Directory down: keep the groups the token knows, as the session callback does.
    }
  }
  return { uid: token.uid, name: token.name ?? token.uid, groups, isStaff };
}
