import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from './auth-options';
import type { SessionUser } from './session-user';

/** The signed-in person of this request (server components and route handlers), or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.uid) return null;
  return { uid: user.uid, name: user.name ?? user.uid, groups: user.groups, isStaff: user.isStaff };
}

/** For pages: the signed-in person, or a redirect to the login page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
