import Link from 'next/link';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { SignOutButton } from './sign-out-button';

/** The header's right side for a signed-in person: who they are, a staff badge, their sessions, sign out. */
export function SignedInUser({ user }: { user: SessionUser }) {
  return (
    <>
      <span data-testid="signed-in-user" className="text-slate-700 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-white">{user.name}</span> <span className="text-slate-500">({user.uid})</span>
      </span>
      {user.isStaff ? (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" title="Spin staff: you see every stack">
          Staff
        </span>
      ) : null}
      <Link href="/sessions" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-300 dark:hover:bg-slate-800">
        Your sessions
      </Link>
      <SignOutButton />
    </>
  );
}
