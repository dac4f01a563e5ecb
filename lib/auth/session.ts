import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { sessionFromCookies, type PortalSession } from './session-token';
import type { SessionUser } from '@/lib/domain/access/session-user';

/**
 * The browser session of this request (server components and route handlers), or null. Once per
 * request: the layout and the page both ask, and each check reads the session record.
 */
export const getSession = cache(async (): Promise<PortalSession | null> => {
  const jar = await cookies();
  return sessionFromCookies(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
});

/** The signed-in person of this request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getSession())?.user ?? null;
}

/** For pages: the signed-in person, or a redirect to the login page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
